/**
 * OpenAPI 3.0/3.1 Schema Objects in the Swagger-2-shaped documents: kept as they are, read natively by the
 * JSON Schema core (generator/input/jsonSchema: `nullable`, type lists with "null", `const`, numeric exclusive
 * bounds, the discriminator object and its mapping, `$defs`, `$ref` siblings, `not` and type lists of several
 * types refused, ...). Only a `$ref` into a response's media type schema moves, to the response's `schema`
 * (responses.ts keeps the first media type's schema there), so both name one place.
 */
import { escapePointerSegment } from "../../errors.js";
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { declaredType, isNullable, OPENAPI30_DIALECT, OPENAPI31_DIALECT, schemaView, type ViewContext } from "../jsonSchema/index.js";
import { isObject, type ReadContext } from "./context.js";
import { rewriteSchemaRef } from "./refs.js";

/**
 * Keys whose value is a map of schemas / a schema / a list of schemas. A schema's own `definitions` (JSON
 * Schema draft 4) and `$defs` (2020-12) hold schemas too.
 */
const SCHEMA_MAPS = new Set(["properties", "definitions", "$defs"]);
const SCHEMA_VALUES = new Set(["items", "additionalProperties", "not"]);
const SCHEMA_LISTS = new Set(["allOf", "oneOf", "anyOf"]);

export function convertSchema(ctx: ReadContext, schema: JsonValue, pointer: string): JsonValue {
  if (!isObject(schema)) return schema;
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    const at = `${pointer}/${key}`;
    if (key === "$ref" && typeof value === "string") {
      out[key] = rewriteSchemaRef(value);
    } else if (SCHEMA_MAPS.has(key) && isObject(value)) {
      const map: JsonObject = {};
      for (const [name, sub] of Object.entries(value)) map[name] = convertSchema(ctx, sub, `${at}/${escape(name)}`);
      out[key] = map;
    } else if (SCHEMA_VALUES.has(key) && isObject(value)) {
      out[key] = convertSchema(ctx, value, at);
    } else if (SCHEMA_LISTS.has(key) && Array.isArray(value)) {
      out[key] = value.map((sub, i) => convertSchema(ctx, sub, `${at}/${i}`));
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** What the JSON Schema core's schemaView needs, for the documents of this reader. */
export function viewContext(ctx: ReadContext): ViewContext {
  return { spec: { documents: ctx.documents }, dialect: ctx.version === "3.0" ? OPENAPI30_DIALECT : OPENAPI31_DIALECT };
}

/**
 * A response or body schema: `type: string, format: binary` is Swagger 2's `type: file` (a 3.1 `"null"` in its
 * type list kept as `nullable`).
 */
export function fileForBinary(schema: JsonValue): JsonValue {
  if (isObject(schema) && declaredType(schema) === "string" && schema["format"] === "binary") {
    const { format: _format, ...rest } = schema;
    const nullable = Array.isArray(schema["type"]) && isNullable(schema) && schema["x-nullable"] === undefined;
    return { ...rest, type: "file", ...(nullable ? { nullable: true } : {}) };
  }
  return schema;
}

/** The schema as the core reads it (see generator/input/jsonSchema/view.ts), for the places this reader flattens. */
export function viewOf(ctx: ReadContext, schema: JsonObject, pointer: string): JsonObject {
  return schemaView(viewContext(ctx), { file: ctx.file, pointer }, schema);
}

/** One JSON pointer segment (RFC 6901). */
export const escape = escapePointerSegment;
