/**
 * OpenAPI 3 responses as the shared operation code reads them: the first media type's schema is the body,
 * every media type of the responses read joins what the operation accepts, headers are read with their
 * `schema`; status ranges as statusRanges.ts says. Links are refused.
 */
import type { JsonValue } from "../../model/types.js";
import { resolveRefChain } from "../../load/refs.js";
import { child, fail, isObject, type BuildContext, type Loc } from "../jsonSchema/index.js";
import { checkStatus } from "../operation.js";
import type { PlannedOperation } from "../plan.js";
import type { ResponseInput } from "../reader.js";
import { headerSchema } from "./parameters.js";
import { refuse } from "./refuse.js";
import { withRanges } from "./statusRanges.js";

/** The operation's responses in the order their types are read, and the media types they name. */
export function responsesOf(ctx: BuildContext, planned: PlannedOperation): { responses: ResponseInput[]; produces: string[] } {
  const raw = planned.op["responses"];
  const produces: string[] = [];
  const read = withRanges(isObject(raw) ? raw : {}, child(planned.at, "responses"), (response, at) =>
    readResponse(ctx, response, at, produces),
  );
  const responses: ResponseInput[] = [];
  for (const [status, response] of Object.entries(read)) {
    if (status.startsWith("x-")) continue;
    checkStatus(status, response.usedAt);
    responses.push({ ...response, status });
  }
  return { responses, produces };
}

function readResponse(ctx: BuildContext, response: JsonValue, usedAt: Loc, produces: string[]): ResponseInput {
  const isRef = isObject(response) && typeof response["$ref"] === "string";
  if (isObject(response) && typeof response["$ref"] === "string") mediaTypesOfRef(ctx, usedAt.file, response["$ref"], produces);
  const resolved = resolveRefChain(ctx.spec, usedAt.file, response, usedAt.pointer);
  if (!isObject(resolved.value)) fail(usedAt, "response must be an object");
  const value = resolved.value;
  const definedAt = { file: resolved.file, pointer: resolved.pointer };
  if (value["links"] !== undefined) refuse(child(definedAt, "links"), "links");
  let body: ResponseInput["body"];
  const content = value["content"];
  if (isObject(content)) {
    const types = Object.keys(content);
    if (!isRef) for (const type of types) if (!produces.includes(type)) produces.push(type);
    const first = types[0];
    const media = first === undefined ? undefined : content[first];
    if (isObject(media) && media["schema"] !== undefined)
      body = { schema: media["schema"], at: child(definedAt, "content", first as string, "schema") };
  }
  const headers = isObject(value["headers"]) ? Object.entries(value["headers"]) : [];
  return {
    status: "",
    usedAt,
    definedAt,
    response: value,
    ...(body !== undefined ? { body } : {}),
    headers: headers.map(([name, header]) => {
      const at = child(definedAt, "headers", name);
      return { name, at, ...headerSchema(ctx, header, at) };
    }),
  };
}

/** The media types of a response component `$ref`'d in the same file (what the operation accepts). */
function mediaTypesOfRef(ctx: BuildContext, file: string, ref: string, produces: string[]): void {
  if (!ref.startsWith("#/components/responses/")) return;
  const name = ref.slice("#/components/responses/".length);
  const components = ctx.spec.documents[file]?.["components"];
  const responses = isObject(components) ? components["responses"] : undefined;
  const response = isObject(responses) ? responses[name] : undefined;
  const content = isObject(response) ? response["content"] : undefined;
  if (isObject(content)) for (const type of Object.keys(content)) if (!produces.includes(type)) produces.push(type);
}
