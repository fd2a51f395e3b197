/**
 * OpenAPI 3 `servers` → Swagger 2 `host`/`basePath`/`schemes`, or, when the first server's URL has
 * variables, `x-ms-parameterized-host` (one required string parameter per variable, with its
 * description, enum and default; the whole URL, path included, is the host template).
 * Only the first server's host is used; further servers add their schemes when their URL is
 * otherwise the same.
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { extensionsOf, isObject, refuse, type ReadContext } from "./context.js";

export function convertServers(ctx: ReadContext, servers: JsonValue | undefined): JsonObject {
  if (!Array.isArray(servers) || servers.length === 0) return {};
  const first = servers[0] as JsonObject;
  const url = String(first["url"]);
  const variables = isObject(first["variables"]) ? first["variables"] : {};
  if (url.includes("{")) return parameterizedHost(ctx, url, variables);
  const match = /^(?:([a-z][a-z0-9+.-]*):)?\/\/([^/]+)(\/.*)?$/i.exec(url);
  if (match === null) return url.startsWith("/") && url !== "/" ? { basePath: url } : {};
  const rest = match[3] ?? "";
  const schemes: string[] = [];
  for (const server of servers) {
    const other = /^([a-z][a-z0-9+.-]*):\/\/(.*)$/i.exec(String((server as JsonObject)["url"]));
    if (other !== null && other[2] === `${match[2]}${rest}` && !schemes.includes(other[1] as string)) schemes.push(other[1] as string);
  }
  return {
    host: match[2] as string,
    ...(rest !== "" && rest !== "/" ? { basePath: rest } : {}),
    ...(schemes.length > 0 ? { schemes } : {}),
  };
}

function parameterizedHost(ctx: ReadContext, url: string, variables: JsonObject): JsonObject {
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(url);
  const afterScheme = scheme === null ? url : url.slice(scheme[0].length);
  // The whole URL is the template (Swagger 2's hostTemplate may hold a path too): which part of it was a
  // base path cannot be told apart, and the requests go to the same URLs either way.
  const hostTemplate = afterScheme.replace(/\/$/, "");
  const names = [...url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string);
  const parameters = [...new Set(names)].map((name) => {
    const variable = variables[name];
    if (!isObject(variable)) refuse(ctx, "/servers/0/url", `server variable "${name}" without a definition`);
    const parameter: JsonObject = { name, in: "path", required: true, type: "string" };
    for (const key of ["description", "enum", "default"]) if (variable[key] !== undefined) parameter[key] = variable[key] as JsonValue;
    return { ...parameter, ...extensionsOf(variable) };
  });
  const host: JsonObject = { hostTemplate, parameters };
  if (scheme === null) host["useSchemePrefix"] = false;
  return {
    "x-ms-parameterized-host": host,
    ...(scheme !== null ? { schemes: [(scheme[1] as string).toLowerCase()] } : {}),
  };
}

/**
 * The key the reader sets on an operation sent to its own server (path- or operation-level `servers` other than the
 * document's): the server URL template, read by the model builder as `Operation.baseUrl` (generator/model/operations.ts).
 */
export const BASE_URL = "x-openapi3-base-url";

/**
 * An operation's own server (the first of `servers` at `pointer`): its absolute URL template (no trailing slash) and
 * one required string path parameter per variable (description, enum and default kept), which the caller passes.
 */
export function operationServer(ctx: ReadContext, pointer: string): { url: string; parameters: JsonObject[] } {
  const segments = pointer
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
  let servers: JsonValue | undefined = ctx.documents[ctx.file];
  for (const segment of segments) servers = isObject(servers) ? servers[segment] : undefined;
  const first = Array.isArray(servers) ? servers[0] : undefined;
  if (!isObject(first)) refuse(ctx, pointer, "servers without a server");
  const url = String(first["url"]).replace(/\/+$/, "");
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(url)) refuse(ctx, `${pointer}/0/url`, "a path- or operation-level server URL that is not absolute");
  const variables = isObject(first["variables"]) ? first["variables"] : {};
  const names = [...new Set([...url.matchAll(/\{([^}]+)\}/g)].map((m) => m[1] as string))];
  const parameters = names.map((name) => {
    const variable = variables[name];
    if (!isObject(variable)) refuse(ctx, `${pointer}/0/url`, `server variable "${name}" without a definition`);
    const parameter: JsonObject = { name, in: "path", required: true, type: "string" };
    for (const key of ["description", "enum"]) if (variable[key] !== undefined) parameter[key] = variable[key] as JsonValue;
    return { ...parameter, ...extensionsOf(variable) };
  });
  return { url, parameters };
}
