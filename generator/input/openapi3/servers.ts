/**
 * OpenAPI 3 `servers`: the document's first server is the client's endpoint, a host with base path and
 * schemes (further servers add their schemes when their URL is otherwise the same), or, when its URL has
 * variables, a parameterized host (the whole URL, path included, is the template; one required string
 * parameter per variable, with its description, enum and default). A document's own
 * `x-ms-parameterized-host` is read instead when it has one.
 *
 * Path- and operation-level `servers` other than the document's send the operation elsewhere: the first
 * server's absolute URL is the operation's base URL, each of its variables a required string path
 * parameter of the operation (description and enum kept; a default is only an example there).
 */
import type { JsonObject } from "../../load/types.js";
import type { ClientModel, JsonValue } from "../../model/types.js";
import { buildEndpoint, type HostDescription } from "../endpoint.js";
import { child, isObject, type BuildContext, type Loc } from "../jsonSchema/index.js";
import type { PlannedOperation } from "../plan.js";
import type { ParameterInput } from "../reader.js";
import { parameterType } from "./parameters.js";
import { extensionsOf, refuse } from "./refuse.js";

export function openApi3Endpoint(ctx: BuildContext): ClientModel["endpoint"] {
  const file = ctx.spec.entryFile;
  const doc = ctx.spec.documents[file] ?? {};
  const described = hostOf(file, doc["servers"]);
  const own = doc["x-ms-parameterized-host"];
  if (isObject(own)) described.parameterized = { value: own, at: { file, pointer: "/x-ms-parameterized-host" } };
  return buildEndpoint(ctx, described, parameterType);
}

function hostOf(file: string, servers: JsonValue | undefined): HostDescription {
  if (!Array.isArray(servers) || servers.length === 0) return { basePath: "", schemes: undefined };
  const first = servers[0] as JsonObject;
  const url = String(first["url"]);
  const variables = isObject(first["variables"]) ? first["variables"] : {};
  if (url.includes("{")) return parameterizedHost(file, url, variables);
  const match = /^(?:([a-z][a-z0-9+.-]*):)?\/\/([^/]+)(\/.*)?$/i.exec(url);
  if (match === null) return { basePath: url.startsWith("/") && url !== "/" ? url : "", schemes: undefined };
  const rest = match[3] ?? "";
  const schemes: string[] = [];
  for (const server of servers) {
    const other = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(String((server as JsonObject)["url"]));
    if (other !== null && other[2] === `${match[2]}${rest}` && !schemes.includes(other[1] as string)) schemes.push(other[1] as string);
  }
  return { host: match[2] as string, basePath: rest !== "" && rest !== "/" ? rest : "", schemes: schemes.length > 0 ? schemes : undefined };
}

function parameterizedHost(file: string, url: string, variables: JsonObject): HostDescription {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  const afterScheme = scheme === null ? url : url.slice(scheme[0].length);
  // The whole URL is the template (a host template may hold a path too): which part of it was a base path
  // cannot be told apart, and the requests go to the same URLs either way.
  const hostTemplate = afterScheme.replace(/\/$/, "");
  const urlAt = { file, pointer: "/servers/0/url" };
  const names = [...new Set([...url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string))];
  const parameters = names.map((name) => variableParameter(variables, name, urlAt, ["description", "enum", "default"]));
  const value: JsonObject = { hostTemplate, parameters, ...(scheme === null ? { useSchemePrefix: false } : {}) };
  return {
    basePath: "",
    schemes: scheme !== null ? [(scheme[1] as string).toLowerCase()] : undefined,
    parameterized: {
      value,
      at: { file, pointer: "/servers/0" },
      parameterAt: (i) => child({ file, pointer: "/servers/0/variables" }, names[i] as string),
    },
  };
}

/** A server variable as a required string path parameter. */
function variableParameter(variables: JsonObject, name: string, urlAt: Loc, kept: string[]): JsonObject {
  const variable = variables[name];
  if (!isObject(variable)) refuse(urlAt, `server variable "${name}" without a definition`);
  const parameter: JsonObject = { name, in: "path", required: true, type: "string" };
  for (const key of kept) if (variable[key] !== undefined) parameter[key] = variable[key] as JsonValue;
  return { ...parameter, ...extensionsOf(variable) };
}

/**
 * Path- or operation-level `servers` that say what the document's do (the same first server: URL and variables),
 * so the client's endpoint already is their base URL.
 */
function sameServers(ctx: BuildContext, servers: JsonValue): boolean {
  const own = ctx.spec.documents[ctx.spec.entryFile]?.["servers"];
  const first = (list: JsonValue | undefined): string => JSON.stringify(Array.isArray(list) ? (list[0] ?? null) : null);
  return Array.isArray(servers) && (servers.length === 0 || first(servers) === first(own));
}

/**
 * The operation's own server, if it has one (its `servers`, else its path item's, unless they are the
 * document's): its absolute URL template (no trailing slash) and one required string path parameter per variable.
 */
export function operationServer(ctx: BuildContext, planned: PlannedOperation): { url: string; parameters: ParameterInput[] } | undefined {
  const pathAt = { file: planned.at.file, pointer: planned.at.pointer.slice(0, planned.at.pointer.lastIndexOf("/")) };
  const pathServers = planned.pathItem["servers"] !== undefined && !sameServers(ctx, planned.pathItem["servers"]) ? pathAt : undefined;
  const ownServers = planned.op["servers"];
  const owner = ownServers === undefined ? pathServers : sameServers(ctx, ownServers) ? undefined : planned.at;
  if (owner === undefined) return undefined;
  const at = child(owner, "servers");
  const servers = (owner === planned.at ? planned.op : planned.pathItem)["servers"];
  const first = Array.isArray(servers) ? servers[0] : undefined;
  if (!isObject(first)) refuse(at, "servers without a server");
  const url = String(first["url"]).replace(/\/+$/, "");
  const urlAt = child(at, 0, "url");
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) refuse(urlAt, "a path- or operation-level server URL that is not absolute");
  const variables = isObject(first["variables"]) ? first["variables"] : {};
  const names = [...new Set([...url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string))];
  const parameters = names.map((name): ParameterInput => {
    const param = variableParameter(variables, name, urlAt, ["description", "enum"]);
    const variableAt = child(at, 0, "variables", name);
    return {
      kind: "parameter",
      usedAt: variableAt,
      definedAt: variableAt,
      param,
      global: false,
      schema: param,
      schemaAt: variableAt,
      skipUrlEncoding: false,
    };
  });
  return { url, parameters };
}
