/**
 * OpenAPI 3 Parameter and Header Objects as the shared operation code reads them: the type, constraints
 * and default are the parameter's `schema` (a `$ref`'d schema is read where it is defined, in the same
 * file), read together with the parameter's own keys, as Swagger 2 writes them inline; `style`/`explode`
 * give the collection format (`form` + explode → `multi`, `spaceDelimited` → `ssv`, `pipeDelimited` →
 * `pipes`, else csv), `allowReserved` skips URL encoding. Cookie parameters and parameters described by
 * `content` are refused.
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue, Parameter } from "../../model/types.js";
import { child, isObject, type BuildContext, type Loc } from "../jsonSchema/index.js";
import type { ListedParameter } from "../plan.js";
import type { ParameterInput } from "../reader.js";
import { follow, refuse } from "./refuse.js";

/** Parameter keys that are OpenAPI 3 only (their meaning is read here, or it is documentation). */
const PARAMETER_ONLY = new Set(["schema", "style", "explode", "allowReserved", "example", "examples", "content", "deprecated"]);

/** A listed OpenAPI 3 parameter (or one of a parameterized host) as the shared code reads it. */
export function parameterInput(ctx: BuildContext, listed: ListedParameter): ParameterInput {
  return { kind: "parameter", ...listed, ...parameterType(ctx, listed.param, listed.definedAt) };
}

export function parameterType(
  ctx: BuildContext,
  parameter: JsonObject,
  at: Loc,
): Pick<ParameterInput, "param" | "schema" | "schemaAt" | "collectionFormat" | "skipUrlEncoding"> {
  if (parameter["in"] === "cookie") refuse(child(at, "in"), "a cookie parameter");
  if (parameter["content"] !== undefined) refuse(child(at, "content"), "a parameter described by `content`");
  const read: JsonObject = {};
  for (const [key, value] of Object.entries(parameter)) if (!PARAMETER_ONLY.has(key)) read[key] = value;
  Object.assign(read, inlineSchema(ctx, parameter["schema"], child(at, "schema")));
  const explicit = read["x-collectionFormat"];
  delete read["x-collectionFormat"];
  const collectionFormat = collectionFormatOf(parameter, explicit, read);
  const stated = read["x-ms-skip-url-encoding"];
  return {
    param: read,
    schema: read,
    schemaAt: at,
    ...(collectionFormat !== undefined ? { collectionFormat } : {}),
    skipUrlEncoding: stated !== undefined ? stated === true : parameter["allowReserved"] === true,
  };
}

/** A Header Object (`at`: where it is used) as a schema read with the header's own keys. */
export function headerSchema(ctx: BuildContext, header: JsonValue, at: Loc): { schema: JsonObject; description?: string } {
  const target = follow(ctx, header, at);
  if (target.at.file !== at.file) refuse(at, "a header $ref to another file");
  const read: JsonObject = {};
  for (const [key, value] of Object.entries(target.value)) if (!PARAMETER_ONLY.has(key) && key !== "required") read[key] = value;
  Object.assign(read, inlineSchema(ctx, target.value["schema"], child(target.at, "schema")));
  const description = target.value["description"];
  return { schema: read, ...(typeof description === "string" ? { description } : {}) };
}

/**
 * The keys of a parameter's schema read with the parameter (a `$ref`'d schema in the same file is read
 * where it is defined; its description and title are the schema's, not the parameter's).
 */
function inlineSchema(ctx: BuildContext, schema: JsonValue | undefined, at: Loc): JsonObject {
  if (schema === undefined) return {};
  const target = follow(ctx, schema, at);
  if (target.at.file !== at.file) refuse(at, "a parameter schema $ref to another file");
  if (!isObject(target.value)) return {};
  const { description: _description, title: _title, ...rest } = target.value;
  return rest;
}

/** The schema's one non-null type (`type: [T, "null"]`, or a nullable `anyOf`/`oneOf` alternative). */
function typeNameOf(schema: JsonObject): JsonValue | undefined {
  const type = schema["type"];
  if (Array.isArray(type)) {
    const types = type.filter((t) => t !== "null");
    return types.length === 1 ? types[0] : undefined;
  }
  if (type !== undefined) return type;
  for (const key of ["anyOf", "oneOf"]) {
    const list = schema[key];
    if (!Array.isArray(list) || list.length !== 2) continue;
    const nullAt = list.findIndex((s) => isObject(s) && s["type"] === "null" && Object.keys(s).length === 1);
    const other = list[1 - nullAt];
    if (nullAt >= 0 && isObject(other)) return typeNameOf(other);
  }
  return undefined;
}

/** `style`/`explode` (with the location's defaults) as a collection format; csv is left implicit. */
function collectionFormatOf(parameter: JsonObject, explicit: JsonValue | undefined, read: JsonObject): Parameter["collectionFormat"] {
  if (typeNameOf(read) !== "array") return undefined;
  if (typeof explicit === "string") return FORMATS.find((f) => f === explicit);
  const where = parameter["in"];
  const style = parameter["style"] ?? (where === "query" ? "form" : "simple");
  const explode = parameter["explode"] ?? style === "form";
  if (style === "form" && explode === true) return "multi";
  if (style === "spaceDelimited") return "ssv";
  if (style === "pipeDelimited") return "pipes";
  return undefined;
}

const FORMATS = ["csv", "ssv", "tsv", "pipes", "multi"] as const;
