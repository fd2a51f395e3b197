/**
 * String formats whose values the client holds as something other than their text (a Date, bytes).
 * An `enum` on such a schema lists spellings, not values: "0001-01-01t00:00:00+14:00" and the
 * "0001-01-01T00:00:00+14:00" a service sends are one instant, so the schema is read as its format
 * (a Date, bytes), never as a constant or string enum whose literal the service need not match.
 */
import type { JsonObject } from "../load/types.js";

const decodedFormats: ReadonlySet<string> = new Set(["date-time", "date", "date-time-rfc1123", "byte", "base64url"]);

/** True for `type: string` with a format the client decodes (dates, bytes). */
export function hasDecodedFormat(schema: JsonObject): boolean {
  const format = schema["format"];
  return schema["type"] === "string" && typeof format === "string" && decodedFormats.has(format);
}
