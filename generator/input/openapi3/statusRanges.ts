/**
 * OpenAPI 3 response status ranges (`2XX`, `4XX`, `5XX`), read as the statuses the client tells apart:
 *
 * - `2XX` stands for each success status HTTP defines (the IANA registry's 2xx codes) that the operation
 *   does not list itself, all read from the one range response (an inline schema is one model, not one
 *   per code).
 * - `4XX` and `5XX` are error responses: the first is read as `default` when the operation has none (every
 *   status outside the success ones is an error either way; `default` types its body). Further error
 *   ranges add nothing the client uses and are not read.
 * - `1XX` and `3XX` (interim and redirect ranges) are refused at their pointer.
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { child, type Loc } from "../jsonSchema/index.js";
import { refuse } from "./refuse.js";

/** The 2xx status codes of the IANA HTTP status code registry. */
export const SUCCESS_CODES = ["200", "201", "202", "203", "204", "205", "206", "207", "208", "226"] as const;

const RANGE = /^([1-5])XX$/i;

/**
 * The responses of one operation (at `at`) by status, ranges expanded, `read` reading one response at its
 * pointer. Keyed like a JSON object, so statuses come in the order a JSON object lists them.
 */
export function withRanges<T>(responses: JsonObject, at: Loc, read: (response: JsonValue, at: Loc) => T): Record<string, T> {
  const out: Record<string, T> = {};
  const listed = new Set(Object.keys(responses));
  for (const [status, response] of Object.entries(responses)) {
    const statusAt = child(at, status);
    const range = RANGE.exec(status)?.[1];
    if (range === undefined) {
      out[status] = read(response, statusAt);
    } else if (range === "2") {
      const codes = SUCCESS_CODES.filter((code) => !listed.has(code) && out[code] === undefined);
      if (codes.length === 0) continue;
      const shared = read(response, statusAt);
      for (const code of codes) out[code] = shared;
    } else if (range === "4" || range === "5") {
      if (listed.has("default") || out["default"] !== undefined) continue;
      out["default"] = read(response, statusAt);
    } else {
      refuse(statusAt, `the response status range "${status}"`);
    }
  }
  return out;
}
