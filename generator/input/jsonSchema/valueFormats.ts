/**
 * String formats whose values the client holds as something other than their text (a Date, bytes).
 * An `enum` on such a schema lists spellings, not values: "0001-01-01t00:00:00+14:00" and the
 * "0001-01-01T00:00:00+14:00" a service sends are one instant, so the schema is read as its format
 * (a Date, bytes), never as a constant or string enum whose literal the service need not match.
 */
import type { JsonObject } from "../../load/types.js";
import { declaredType, enumOf } from "./keywords.js";

const decodedFormats: ReadonlySet<string> = new Set(["date-time", "date", "date-time-rfc1123", "byte", "base64url"]);

/** True for `type: string` with a format the client decodes (dates, bytes). */
export function hasDecodedFormat(schema: JsonObject): boolean {
  const format = schema["format"];
  return declaredType(schema) === "string" && typeof format === "string" && decodedFormats.has(format);
}

/**
 * A parameter (path, query, header) whose single-value enum has such a format is still a constant: what
 * the client sends is the spec's own spelling (`enum: ["2012-01-01"]`, `enum: [""]` as bytes), left out of
 * the signature like any other constant. Only values the client reads back are decoded.
 */
export function sentConstant(parameter: JsonObject): { kind: "constant"; value: string } | undefined {
  const values = enumOf(parameter);
  if (!hasDecodedFormat(parameter) || !Array.isArray(values) || values.length !== 1 || typeof values[0] !== "string") return undefined;
  return { kind: "constant", value: values[0] };
}
