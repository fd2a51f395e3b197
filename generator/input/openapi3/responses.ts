/**
 * OpenAPI 3 Response Objects → Swagger 2 responses: the first media type's schema becomes the
 * response `schema` (binary strings become `type: file`), every media type joins the operation's
 * `produces`, headers are inlined. Links are refused.
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { isObject, refuse, remember, type ReadContext } from "./context.js";
import { convertHeader } from "./parameters.js";
import { rewriteRef } from "./refs.js";
import { convertSchema, escape, fileForBinary } from "./schemas.js";

/** `to` is the response's Swagger-2-shaped pointer when it differs from `pointer` (a component, a status range). */
export function convertResponse(ctx: ReadContext, response: JsonValue, pointer: string, produces: string[], to = pointer): JsonValue {
  if (!isObject(response)) return response;
  if (typeof response["$ref"] === "string") {
    mediaTypesOfRef(ctx, response["$ref"], produces);
    return { ...response, $ref: rewriteRef(response["$ref"]) };
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(response)) {
    const at = `${pointer}/${key}`;
    if (key === "links") refuse(ctx, at, "links");
    if (key === "content" && isObject(value)) {
      const types = Object.keys(value);
      for (const type of types) if (!produces.includes(type)) produces.push(type);
      const first = types[0];
      const media = first === undefined ? undefined : value[first];
      if (isObject(media) && media["schema"] !== undefined) {
        out["schema"] = fileForBinary(convertSchema(ctx, media["schema"], `${at}/${escape(first as string)}/schema`));
        remember(ctx, `${to}/schema`, `${at}/${escape(first as string)}/schema`);
      }
    } else if (key === "headers" && isObject(value)) {
      const headers: JsonObject = {};
      for (const [name, header] of Object.entries(value)) headers[name] = convertHeader(ctx, header, `${at}/${escape(name)}`);
      out[key] = headers;
    } else {
      out[key] = value;
    }
  }
  return out;
}

/** The media types of a response component in the same file (for `produces`). */
function mediaTypesOfRef(ctx: ReadContext, ref: string, produces: string[]): void {
  if (!ref.startsWith("#/components/responses/")) return;
  const name = ref.slice("#/components/responses/".length);
  const components = ctx.documents[ctx.file]?.["components"];
  const responses = isObject(components) ? components["responses"] : undefined;
  const response = isObject(responses) ? responses[name] : undefined;
  const content = isObject(response) ? response["content"] : undefined;
  if (isObject(content)) for (const type of Object.keys(content)) if (!produces.includes(type)) produces.push(type);
}
