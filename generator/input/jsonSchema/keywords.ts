/**
 * Keywords the dialects spell differently, read here for all of them (the core calls these instead of reading
 * the keys itself; a Swagger 2 document never has the OpenAPI 3 spellings, its schema validation refuses them):
 * - nullability: `x-nullable` (Swagger 2 / AutoRest, also honoured in OpenAPI 3; when present it decides),
 *   `nullable: true` (3.0), a type list with `"null"` or `type: "null"` (3.1);
 * - the type: `type` as a string, or a 3.1 type list with one non-null type (several are refused by the core);
 * - enumerations: `enum`, or `const` (one value);
 * - exclusive bounds: the boolean `exclusiveMinimum`/`exclusiveMaximum` next to `minimum`/`maximum` (Swagger 2,
 *   3.0), or the numeric ones that are the bound themselves (3.1);
 * - the discriminator: its property name as a string (Swagger 2) or `{ propertyName, mapping }` (OpenAPI 3).
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { isObject } from "./json.js";

/** The schema's one non-null type (`type: "string"`, `type: ["string", "null"]`), or undefined when it has none. */
export function declaredType(schema: JsonObject): string | undefined {
  const type = schema["type"];
  if (typeof type === "string") return type === "null" ? undefined : type;
  if (!Array.isArray(type)) return undefined;
  const types = type.filter((t) => t !== "null");
  return types.length === 1 && typeof types[0] === "string" ? types[0] : undefined;
}

/** True for `type: "null"` or a type list of `"null"` alone. */
export function onlyNull(schema: JsonObject): boolean {
  const type = schema["type"];
  return type === "null" || (Array.isArray(type) && type.length > 0 && type.every((t) => t === "null"));
}

/** The non-null types of a 3.1 type list naming several (refused: a value of one of several types is not expressed). */
export function severalTypes(schema: JsonObject): JsonValue[] | undefined {
  const type = schema["type"];
  if (!Array.isArray(type)) return undefined;
  const types = type.filter((t) => t !== "null");
  return types.length > 1 ? types : undefined;
}

/** True when the schema says `null` is a value: `x-nullable` when present, else `nullable: true` or a `"null"` type. */
export function isNullable(schema: JsonObject): boolean {
  const extension = schema["x-nullable"];
  if (extension !== undefined) return extension === true;
  const type = schema["type"];
  return schema["nullable"] === true || type === "null" || (Array.isArray(type) && type.includes("null"));
}

/** The schema's listed values: `enum`, or `[const]`; undefined when it lists none. */
export function enumOf(schema: JsonObject): JsonValue[] | undefined {
  const values = schema["enum"];
  if (Array.isArray(values)) return values;
  return schema["const"] !== undefined ? [schema["const"]] : undefined;
}

/** The discriminator's property name: the Swagger 2 string or the OpenAPI 3 object's `propertyName`. */
export function discriminatorOf(schema: JsonObject): string | undefined {
  const discriminator = schema["discriminator"];
  if (typeof discriminator === "string") return discriminator;
  return isObject(discriminator) && typeof discriminator["propertyName"] === "string" ? discriminator["propertyName"] : undefined;
}

/** `minimum`/`maximum` and whether it is exclusive, in either spelling (numeric exclusive bounds win). */
export function boundOf(schema: JsonObject, side: "minimum" | "maximum"): { value?: number; exclusive?: boolean } {
  const flag = side === "minimum" ? "exclusiveMinimum" : "exclusiveMaximum";
  const exclusive = schema[flag];
  if (typeof exclusive === "number") return { value: exclusive, exclusive: true };
  const value = schema[side];
  return {
    ...(typeof value === "number" ? { value } : {}),
    ...(typeof exclusive === "boolean" ? { exclusive } : {}),
  };
}
