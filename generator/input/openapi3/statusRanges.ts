/**
 * OpenAPI 3 response status ranges (`2XX`, `4XX`, `5XX`), which Swagger 2 cannot say, in its terms:
 *
 * - `2XX` stands for each success status HTTP defines (the IANA registry's 2xx codes) that the operation
 *   does not list itself. The first of them holds the converted response; the others `$ref` it, so an
 *   inline schema is one model, not one per code.
 * - `4XX` and `5XX` are error responses: the first becomes `default` when the operation has none (every
 *   status outside the success ones is an error either way; `default` types its body). Further error
 *   ranges add nothing the client uses and are dropped.
 * - `1XX` and `3XX` (interim and redirect ranges) are refused at their pointer.
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { refuse, remember, type ReadContext } from "./context.js";
import { escape } from "./schemas.js";

/** The 2xx status codes of the IANA HTTP status code registry. */
export const SUCCESS_CODES = ["200", "201", "202", "203", "204", "205", "206", "207", "208", "226"] as const;

const RANGE = /^([1-5])XX$/i;

/**
 * The Swagger-2-shaped responses of one operation (`pointer`, its OpenAPI 3 pointer), `convert` turning
 * one response at its pointer (`to`: its Swagger-2-shaped pointer).
 */
export function responsesWithRanges(
  ctx: ReadContext,
  responses: JsonObject,
  pointer: string,
  convert: (response: JsonValue, at: string, to: string) => JsonValue,
): JsonObject {
  const out: JsonObject = {};
  const listed = new Set(Object.keys(responses));
  for (const [status, response] of Object.entries(responses)) {
    const at = `${pointer}/responses/${escape(status)}`;
    const range = RANGE.exec(status)?.[1];
    if (range === undefined) {
      out[status] = convert(response, at, at);
    } else if (range === "2") {
      const codes = SUCCESS_CODES.filter((code) => !listed.has(code) && out[code] === undefined);
      const [anchor] = codes;
      if (anchor === undefined) continue;
      out[anchor] = convert(response, at, `${pointer}/responses/${anchor}`);
      remember(ctx, `${pointer}/responses/${anchor}`, at);
      for (const code of codes.slice(1)) out[code] = { $ref: `#${pointer}/responses/${anchor}` };
    } else if (range === "4" || range === "5") {
      if (listed.has("default") || out["default"] !== undefined) continue;
      out["default"] = convert(response, at, `${pointer}/responses/default`);
      remember(ctx, `${pointer}/responses/default`, at);
    } else {
      refuse(ctx, at, `the response status range "${status}"`);
    }
  }
  return out;
}
