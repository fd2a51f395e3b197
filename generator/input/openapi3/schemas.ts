/**
 * OpenAPI 3.0/3.1 Schema Object → the Swagger 2 schema the model builder reads: `nullable` and
 * 3.1 `type: [..., "null"]` become `x-nullable`, `$ref`s move to `#/definitions/`, a discriminator
 * object becomes its property name (a mapping becomes `x-ms-discriminator-value` on the target,
 * see ./document.ts), 3.1 numeric `exclusiveMinimum`/`exclusiveMaximum` become the boolean form.
 * `oneOf`/`anyOf` are carried over (converted) for the model builder, which reads them as unions
 * (generator/input/jsonSchema/unions.ts). Other constructs without a Swagger 2 equivalent are refused at their pointer.
 */
import { escapePointerSegment } from "../../errors.js";
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { isObject, refuse, type ReadContext } from "./context.js";
import { follow, rewriteRef } from "./refs.js";
import { SHAPE_KEYWORDS } from "../jsonSchema/schemaKeywords.js";

/** Keys dropped because Swagger 2 has no place for them and the model builder does not read them. */
const DROPPED = new Set([
  "examples",
  "writeOnly",
  "$schema",
  "$id",
  "$comment",
  "contentMediaType",
  "contentEncoding",
  "deprecated",
  "externalDocs",
]);

/**
 * JSON Schema keywords next to a `$ref` in OpenAPI 3.0, which says such siblings "SHALL be ignored" (3.1 gives
 * them meaning, and the model builder refuses what it cannot honour). Annotations and extensions stay.
 */
const IGNORED_NEXT_TO_REF = new Set(SHAPE_KEYWORDS);

/**
 * Keys whose value is a map of schemas / a schema / a list of schemas. A schema's own `definitions` (JSON
 * Schema draft 4) and `$defs` (2020-12) hold schemas too: their `$ref`s move like every other.
 */
const SCHEMA_MAPS = new Set(["properties", "definitions", "$defs"]);
const SCHEMA_VALUES = new Set(["items", "additionalProperties"]);
const SCHEMA_LISTS = new Set(["allOf", "oneOf", "anyOf"]);

export function convertSchema(ctx: ReadContext, schema: JsonValue, pointer: string): JsonValue {
  if (typeof schema === "boolean") return schema;
  if (!isObject(schema)) return schema;
  if (typeof schema["$ref"] === "string") {
    const inlined = schemaOfOtherComponent(ctx, schema, pointer);
    if (inlined !== undefined) return inlined;
    const out: JsonObject = {};
    for (const [key, value] of Object.entries(schema)) {
      if (ctx.version === "3.0" && IGNORED_NEXT_TO_REF.has(key)) continue;
      if (key === "nullable") {
        if (value === true && schema["x-nullable"] === undefined) out["x-nullable"] = true;
      } else out[key] = key === "$ref" ? rewriteRef(value as string) : value;
    }
    return out;
  }
  const nullableForm = nullableAlternative(schema);
  if (nullableForm !== undefined) {
    const { [nullableForm.key]: _alternatives, ...rest } = schema;
    const inner = convertSchema(ctx, nullableForm.schema, `${pointer}/${nullableForm.key}/${nullableForm.index}`) as JsonObject;
    return { ...(convertSchema(ctx, rest, pointer) as JsonObject), ...inner, "x-nullable": true };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(schema)) {
    const at = `${pointer}/${key}`;
    if (DROPPED.has(key)) continue;
    if (key === "not") refuse(ctx, at, "not");
    if (key === "nullable") {
      if (value === true && schema["x-nullable"] === undefined) out["x-nullable"] = true;
      continue;
    }
    if (key === "type" && Array.isArray(value)) {
      const types = value.filter((t) => t !== "null");
      if (types.length > 1) refuse(ctx, at, `a type list with several non-null types (${types.map((t) => JSON.stringify(t)).join(", ")})`);
      if (types.length === 1) out["type"] = types[0] as JsonValue;
      if (types.length < value.length && schema["x-nullable"] === undefined) out["x-nullable"] = true;
      continue;
    }
    if (key === "type" && value === "null") {
      out["x-nullable"] = true;
      continue;
    }
    if (key === "const") {
      out["enum"] = [value];
      continue;
    }
    if ((key === "exclusiveMinimum" || key === "exclusiveMaximum") && typeof value === "number") {
      out[key === "exclusiveMinimum" ? "minimum" : "maximum"] = value;
      out[key] = true;
      continue;
    }
    if (key === "discriminator" && isObject(value)) {
      out[key] = value["propertyName"] as JsonValue;
      continue;
    }
    if (SCHEMA_MAPS.has(key) && isObject(value)) {
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

/**
 * A schema `$ref` into another kind of component of the same file (`#/components/parameters/P/schema`,
 * a response's or request body's media type schema): Swagger 2 keeps no schema there (a parameter's is
 * inlined, a request body becomes a parameter), so the target schema is inlined here, siblings kept.
 */
function schemaOfOtherComponent(ctx: ReadContext, schema: JsonObject, pointer: string): JsonValue | undefined {
  const ref = schema["$ref"] as string;
  if (!ref.startsWith("#/components/") || ref.startsWith("#/components/schemas/")) return undefined;
  const target = follow(ctx, schema, pointer);
  if (target.file !== ctx.file) return undefined;
  const { $ref: _ref, ...siblings } = schema;
  return { ...(convertSchema(ctx, target.value, target.pointer) as JsonObject), ...(convertSchema(ctx, siblings, pointer) as JsonObject) };
}

/** `oneOf`/`anyOf: [schema, { type: "null" }]` (either order): the schema, made nullable. */
function nullableAlternative(schema: JsonObject): { key: string; index: number; schema: JsonObject } | undefined {
  for (const key of ["anyOf", "oneOf"]) {
    const list = schema[key];
    if (!Array.isArray(list) || list.length !== 2) continue;
    const nullAt = list.findIndex((s) => isObject(s) && s["type"] === "null" && Object.keys(s).length === 1);
    const other = list[1 - nullAt];
    if (nullAt >= 0 && isObject(other)) return { key, index: 1 - nullAt, schema: other };
  }
  return undefined;
}

/** A response or body schema: `type: string, format: binary` is Swagger 2's `type: file`. */
export function fileForBinary(schema: JsonValue): JsonValue {
  if (isObject(schema) && schema["type"] === "string" && schema["format"] === "binary") {
    const { format: _format, ...rest } = schema;
    return { ...rest, type: "file" };
  }
  return schema;
}

/** One JSON pointer segment (RFC 6901). */
export const escape = escapePointerSegment;
