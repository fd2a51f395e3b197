/**
 * OpenAPI 3 idioms where one schema stands for another, read as that one (the core reads a schema through
 * `schemaView` before its keywords):
 * - `anyOf`/`oneOf: [S, { type: "null" }]` (either order; the way 3.1 says a `$ref` is nullable): S, nullable, with
 *   the keys around the list documenting it (S's own keys win);
 * - a schema `$ref` into another kind of component of the same file (`#/components/parameters/P/schema`, a request
 *   body's or response's media type schema): the target schema read in place, the `$ref`'s siblings winning, as an
 *   inline schema of the referring place (a parameter's schema has no name of its own);
 * - OpenAPI 3.0 `$ref` siblings that change the schema (`type`, `properties`, `required`, ...): ignored, as the
 *   specification says (the dialect's `refSiblings`); annotations and extensions stay.
 * Other schemas, and every Swagger 2 one, are returned as they are (the same object).
 */
import { resolveRef, type RefDocuments } from "../../load/refs.js";
import type { JsonObject } from "../../load/types.js";
import type { SchemaDialect } from "./context.js";
import { isObject } from "./json.js";
import { SHAPE_KEYWORDS } from "./schemaKeywords.js";

/** What the view needs of a BuildContext. */
export interface ViewContext {
  spec: RefDocuments;
  dialect: SchemaDialect;
}

const IGNORED_NEXT_TO_REF = new Set(SHAPE_KEYWORDS);
const MAX_VIEW_DEPTH = 32;

/** The schema at `at` as the core reads it (see the file comment). */
export function schemaView(ctx: ViewContext, at: { file: string; pointer: string }, schema: JsonObject, depth = 0): JsonObject {
  if (ctx.dialect.format === "swagger2") return schema;
  const ref = schema["$ref"];
  if (typeof ref === "string") {
    // a chain of such references that comes back to itself is left to the $ref reading (which bounds it)
    if (ref.startsWith("#/components/") && !ref.startsWith("#/components/schemas/") && depth < MAX_VIEW_DEPTH) {
      const target = resolveRef(ctx.spec, at.file, ref, `${at.pointer}/$ref`);
      if (isObject(target.value)) {
        const { $ref: _ref, ...siblings } = schema;
        return { ...schemaView(ctx, target, target.value, depth + 1), ...schemaView(ctx, at, siblings, depth + 1) };
      }
    }
    if (ctx.dialect.refSiblings === "kept" || !Object.keys(schema).some((key) => IGNORED_NEXT_TO_REF.has(key))) return schema;
    return Object.fromEntries(Object.entries(schema).filter(([key]) => !IGNORED_NEXT_TO_REF.has(key)));
  }
  const nullable = nullAlternative(schema);
  if (nullable === undefined) return schema;
  const { [nullable.key]: _alternatives, ...rest } = schema;
  const member = { file: at.file, pointer: `${at.pointer}/${nullable.key}/${nullable.index}` };
  return { ...schemaView(ctx, at, rest, depth + 1), ...schemaView(ctx, member, nullable.schema, depth + 1), "x-nullable": true };
}

/** `anyOf`/`oneOf: [schema, { type: "null" }]` (either order): the schema and where it is in the list. */
function nullAlternative(schema: JsonObject): { key: string; index: number; schema: JsonObject } | undefined {
  for (const key of ["anyOf", "oneOf"]) {
    const list = schema[key];
    if (!Array.isArray(list) || list.length !== 2) continue;
    const nullAt = list.findIndex((s) => isObject(s) && s["type"] === "null" && Object.keys(s).length === 1);
    const other = list[1 - nullAt];
    if (nullAt >= 0 && isObject(other)) return { key, index: 1 - nullAt, schema: other };
  }
  return undefined;
}
