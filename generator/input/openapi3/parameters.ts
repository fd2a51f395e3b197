/**
 * OpenAPI 3 Parameter and Header Objects → Swagger 2 non-body parameters and response headers:
 * the `schema` is inlined (type, format, items, enum, constraints, default), `style`/`explode`
 * become `collectionFormat`, `allowReserved` becomes `x-ms-skip-url-encoding`. Cookie parameters
 * and parameters described by `content` are refused.
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { isObject, refuse, type ReadContext } from "./context.js";
import { follow, rewriteRef } from "./refs.js";
import { declaredType } from "../jsonSchema/index.js";
import { convertSchema, viewOf } from "./schemas.js";

/** Parameter keys that are OpenAPI 3 only (their meaning is carried over, or it is documentation). */
const PARAMETER_ONLY = new Set(["schema", "style", "explode", "allowReserved", "example", "examples", "content", "deprecated"]);

export function convertParameter(ctx: ReadContext, parameter: JsonValue, pointer: string): JsonValue {
  if (!isObject(parameter)) return parameter;
  if (typeof parameter["$ref"] === "string") return { ...parameter, $ref: rewriteRef(parameter["$ref"]) };
  const where = parameter["in"];
  if (where === "cookie") refuse(ctx, `${pointer}/in`, "a cookie parameter");
  if (parameter["content"] !== undefined) refuse(ctx, `${pointer}/content`, "a parameter described by `content`");
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(parameter)) if (!PARAMETER_ONLY.has(key)) out[key] = value;
  Object.assign(out, inlineSchema(ctx, parameter["schema"], `${pointer}/schema`));
  const format = collectionFormat(parameter, declaredType(out));
  if (format !== undefined) out["collectionFormat"] = format;
  if (parameter["allowReserved"] === true && out["x-ms-skip-url-encoding"] === undefined) out["x-ms-skip-url-encoding"] = true;
  delete out["x-collectionFormat"];
  return out;
}

/** A Header Object as a Swagger 2 response header. */
export function convertHeader(ctx: ReadContext, header: JsonValue, pointer: string): JsonValue {
  const target = follow(ctx, header, pointer);
  if (target.file !== ctx.file) refuse(ctx, pointer, "a header $ref to another file");
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(target.value)) if (!PARAMETER_ONLY.has(key) && key !== "required") out[key] = value;
  Object.assign(out, inlineSchema(ctx, target.value["schema"], `${target.pointer}/schema`));
  return out;
}

/**
 * The keys a Swagger 2 non-body parameter carries for its type, from a schema (a `$ref`'d schema
 * in the same file is inlined; Swagger 2 parameters cannot refer to definitions), as the JSON Schema core reads it
 * (a `[S, {type: "null"}]` alternative is S, nullable; its keywords are the core's to read).
 */
function inlineSchema(ctx: ReadContext, schema: JsonValue | undefined, pointer: string): JsonObject {
  if (schema === undefined) return {};
  const target = follow(ctx, schema, pointer);
  if (target.file !== ctx.file) refuse(ctx, pointer, "a parameter schema $ref to another file");
  const walked = convertSchema(ctx, target.value, target.pointer);
  if (!isObject(walked)) return {};
  const converted = viewOf(ctx, walked, target.pointer);
  const { description: _description, title: _title, ...rest } = converted;
  return rest;
}

/** `style`/`explode` (with the location's defaults) as a Swagger 2 `collectionFormat`; csv is left implicit. */
function collectionFormat(parameter: JsonObject, type: string | undefined): string | undefined {
  if (type !== "array") return undefined;
  if (typeof parameter["x-collectionFormat"] === "string") return parameter["x-collectionFormat"];
  const where = parameter["in"];
  const style = parameter["style"] ?? (where === "query" ? "form" : "simple");
  const explode = parameter["explode"] ?? style === "form";
  if (style === "form" && explode === true) return "multi";
  if (style === "spaceDelimited") return "ssv";
  if (style === "pipeDelimited") return "pipes";
  return undefined;
}
