import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { readBody } from "./body.js";
import { isObject, type EmulatorConfig, type OperationContext, type ReceivedRequest } from "./context.js";
import { corsHeaders, preflightHeaders } from "./cors.js";
import { errorReply, noContent, validationError, type Reply } from "./errors.js";
import { handleAdmin } from "./handlers/admin.js";
import { deleteAssignment, getAssignment, upsertAssignment } from "./handlers/assignments.js";
import { createIdentity, deleteIdentity, getIdentity, issueAccessToken, revokeAccessTokens } from "./handlers/identities.js";
import { exchangeTeamsExtensionToken, exchangeTeamsUserToken } from "./handlers/teams.js";
import { verifyHmac } from "./hmac.js";
import { MAX_JSON_DEPTH, parseJsonBytes } from "./json.js";
import { matchRoute, pathSegments } from "./routes.js";
import type { Store } from "./store.js";
import type { OperationName, VersionFeatures } from "./versions.js";

/** The HTTP request pipeline: body, auth, api-version, route, handler, reply. */

const HANDLERS: Readonly<Record<OperationName, (ctx: OperationContext) => Promise<Reply>>> = {
  createIdentity,
  getIdentity,
  deleteIdentity,
  issueAccessToken,
  revokeAccessTokens,
  exchangeTeamsUserToken,
  exchangeTeamsExtensionToken,
  getAssignment,
  upsertAssignment,
  deleteAssignment,
};

function sha256(value: string): Buffer {
  return createHash("sha256").update(value).digest();
}

/** undefined when authenticated; otherwise the 401 reply. Never echoes credentials. */
function authenticate(config: EmulatorConfig, req: IncomingMessage, pathAndQuery: string, body: Buffer): Reply | undefined {
  const authorization = req.headers.authorization;
  if (authorization !== undefined && /^Bearer\s/i.test(authorization)) {
    const given = sha256(authorization.replace(/^Bearer\s+/i, ""));
    const trusted = config.trustedBearerTokens.some((token) => timingSafeEqual(sha256(token), given));
    return trusted ? undefined : errorReply(401, "Denied", "The bearer token is not trusted by the emulator.");
  }
  const check = verifyHmac({ method: req.method ?? "GET", pathAndQuery, headers: req.headers, body }, config.accessKey, config.now());
  return check.ok ? undefined : errorReply(401, "Denied", check.reason);
}

function isJsonContentType(value: string | undefined): boolean {
  if (value === undefined) return false;
  const mediaType = value.split(";")[0]?.trim().toLowerCase();
  return mediaType === "application/json" || (mediaType?.endsWith("+json") ?? false);
}

type Parsed = { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly reply: Reply };

function parseJsonBody(req: IncomingMessage, bytes: Buffer): Parsed {
  if (bytes.length === 0) return { ok: true, value: undefined };
  if (!isJsonContentType(req.headers["content-type"])) {
    return {
      ok: false,
      reply: errorReply(415, "UnsupportedMediaType", "The request body must be sent as application/json."),
    };
  }
  const parsed = parseJsonBytes(bytes);
  if (parsed.ok) return parsed;
  const message = {
    utf8: "The request body is not valid UTF-8.",
    depth: `The request body is nested deeper than ${MAX_JSON_DEPTH} levels.`,
    syntax: "The request body is not valid JSON.",
  }[parsed.problem];
  return { ok: false, reply: errorReply(400, "InvalidRequestBody", message) };
}

/** How often each header name (lower case) occurs, from the raw headers (Node drops or joins repeats). */
function headerCount(req: IncomingMessage, name: string): number {
  let count = 0;
  for (let i = 0; i < req.rawHeaders.length; i += 2) {
    if ((req.rawHeaders[i] as string).toLowerCase() === name) count++;
  }
  return count;
}

/** Headers that must occur at most once (and Host exactly once in HTTP/1.1); undefined when fine. */
function headerProblem(req: IncomingMessage): Reply | undefined {
  const hosts = headerCount(req, "host");
  if (hosts > 1) return errorReply(400, "InvalidHeader", "The request has more than one Host header.");
  if (hosts === 0 && req.httpVersion === "1.1") return errorReply(400, "InvalidHeader", "The request has no Host header.");
  if (headerCount(req, "authorization") > 1) {
    return errorReply(401, "Denied", "The request has more than one Authorization header.");
  }
  return undefined;
}

/** Bytes of an oversized body read and thrown away so the client sees the 413; beyond this the connection is cut. */
export const MAX_DRAIN_BYTES = 64 * 1024 * 1024;

/** Read and discard the rest of a request body after its answer (the connection stays usable). */
function drain(req: IncomingMessage): void {
  let drained = 0;
  req.on("data", (chunk: Buffer) => {
    drained += chunk.length;
    if (drained > MAX_DRAIN_BYTES) req.socket.destroy();
  });
  req.resume();
}

/** Fields the handlers check themselves, with their own order and messages (customId is an alias of externalId). */
const FIELDS_CHECKED_BY_HANDLERS = new Set(["expiresInMinutes", "externalId", "customId"]);

/**
 * A body field that another served version's spec has for this operation but this version's does
 * not: rejected like the handlers reject expiresInMinutes and customId (unless lenient). Fields no
 * served version has are ignored.
 */
function fieldOfOtherVersion(
  config: EmulatorConfig,
  version: string,
  operation: OperationName,
  features: VersionFeatures,
  body: unknown,
): Reply | undefined {
  if (!config.rejectFieldsOfOtherVersions || !isObject(body)) return undefined;
  const anyVersion = config.versions.fieldsOfAnyVersion.get(operation);
  if (anyVersion === undefined) return undefined;
  const own = features.requestFields.get(operation);
  for (const [field, value] of Object.entries(body)) {
    if (value === undefined || value === null || FIELDS_CHECKED_BY_HANDLERS.has(field)) continue;
    if (anyVersion.has(field) && !(own?.has(field) ?? false)) {
      return validationError(`The field '${field}' is not supported in api-version '${version}'.`, field);
    }
  }
  return undefined;
}

async function route(config: EmulatorConfig, store: Store, req: IncomingMessage, body: Buffer): Promise<Reply> {
  const target = req.url ?? "/";
  const method = (req.method ?? "GET").toUpperCase();
  const url = new URL(target, "http://emulator.invalid");
  const segments = pathSegments(url.pathname);
  if (segments === undefined) return errorReply(400, "InvalidRequestUri", "The request path is not correctly percent-encoded.");

  if (segments[0] === "_emulator") {
    const parsed = parseJsonBody(req, body);
    if (!parsed.ok) return parsed.reply;
    return handleAdmin(config, store, { method, segments, body: parsed.value });
  }

  const match = matchRoute(method, segments);
  // The Teams extension exchange is authenticated by the Teams Phone user's own Entra token.
  const selfAuthenticated = match.kind === "operation" && match.operation === "exchangeTeamsExtensionToken";
  if (!selfAuthenticated) {
    const denied = authenticate(config, req, target, body);
    if (denied) return denied;
  }

  const versions = url.searchParams.getAll("api-version");
  const version = versions[0];
  if (version === undefined || version === "") {
    return errorReply(400, "MissingApiVersionParameter", "The api-version query parameter (?api-version=) is required for all requests.");
  }
  const served = config.versions.byVersion.get(version);
  if (served === undefined || versions.length > 1) {
    return errorReply(
      400,
      "UnsupportedApiVersion",
      `The api-version '${versions.join(",").slice(0, 64)}' is not supported. Supported versions: ${config.versions.supportedVersionsHeader}.`,
    );
  }
  if (match.kind === "notFound") return errorReply(404, "NotFound", "The requested resource was not found.");
  if (match.kind === "methodNotAllowed") {
    return errorReply(405, "MethodNotAllowed", `The ${method} method is not allowed here.`, undefined, { allow: match.allow });
  }
  const features = served.features;
  if (!features.operations.has(match.operation)) {
    return errorReply(
      400,
      "UnsupportedApiVersion",
      `The HTTP resource that matches the request URI does not support the API version '${version}'.`,
    );
  }
  const parsed = parseJsonBody(req, body);
  if (!parsed.ok) return parsed.reply;
  const otherVersionField = fieldOfOtherVersion(config, version, match.operation, features, parsed.value);
  if (otherVersionField !== undefined) return otherVersionField;
  const ctx: OperationContext = {
    config,
    store,
    version,
    features,
    rules: served.rules,
    params: match.params,
    body: parsed.value,
    headers: req.headers,
  };
  return HANDLERS[match.operation](ctx);
}

function send(res: ServerResponse, reply: Reply, baseHeaders: Record<string, string>): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string> = { ...baseHeaders, ...reply.headers };
  let payload: string | undefined;
  if (reply.body !== undefined) {
    payload = JSON.stringify(reply.body);
    headers["content-type"] = reply.isError ? "application/json" : "application/json; charset=utf-8";
    headers["content-length"] = String(Buffer.byteLength(payload));
  } else {
    headers["content-length"] = "0";
  }
  res.writeHead(reply.status, headers);
  res.end(payload);
}

function clientRequestId(req: IncomingMessage): string | undefined {
  const value = req.headers["x-ms-client-request-id"];
  const id = Array.isArray(value) ? value[0] : value;
  // Echo only sane values (no control characters, bounded length).
  return id !== undefined && /^[\x20-\x7e]{1,256}$/.test(id) ? id : undefined;
}

function receivedRequest(req: IncomingMessage, body: Buffer): ReceivedRequest {
  const headers: Array<readonly [string, string]> = [];
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    headers.push([(req.rawHeaders[i] as string).toLowerCase(), req.rawHeaders[i + 1] as string]);
  }
  return { method: req.method ?? "GET", url: req.url ?? "/", headers, body: Buffer.from(body) };
}

export function createRequestListener(config: EmulatorConfig, store: Store): (req: IncomingMessage, res: ServerResponse) => void {
  return (req, res) => {
    const requestId = clientRequestId(req);
    const baseHeaders: Record<string, string> = { "api-supported-versions": config.versions.supportedVersionsHeader };
    if (requestId !== undefined) baseHeaders["x-ms-client-request-id"] = requestId;
    if (config.cors) Object.assign(baseHeaders, corsHeaders(req));
    req.on("error", () => undefined);
    res.on("error", () => undefined);
    const badHeaders = headerProblem(req);
    if (badHeaders !== undefined) {
      drain(req);
      send(res, badHeaders, baseHeaders);
      return;
    }
    if (config.cors && req.method === "OPTIONS") {
      // A preflight: no auth, no api-version; it never reaches the operations.
      req.resume();
      if (config.onRequest) config.onRequest(receivedRequest(req, Buffer.alloc(0)));
      send(res, { ...noContent, headers: preflightHeaders(req) }, baseHeaders);
      return;
    }
    void (async () => {
      const body = await readBody(req, config.maxBodyBytes, config.bodyTimeoutMs);
      if (body.kind === "aborted") return;
      if (body.kind === "tooLarge") {
        // Answer at once and keep reading: closing with unread bytes would reset the connection
        // and the client would see ECONNRESET instead of the 413.
        drain(req);
        send(res, errorReply(413, "RequestEntityTooLarge", `The request body exceeds ${config.maxBodyBytes} bytes.`), baseHeaders);
        return;
      }
      if (body.kind === "timeout") {
        res.on("finish", () => req.destroy());
        send(res, errorReply(408, "RequestTimeout", "The request body was not received in time."), { ...baseHeaders, connection: "close" });
        return;
      }
      if (config.onRequest) config.onRequest(receivedRequest(req, body.bytes));
      let reply: Reply;
      try {
        reply = await route(config, store, req, body.bytes);
      } catch {
        reply = errorReply(500, "InternalServerError", "The emulator failed to process the request.");
      }
      send(res, reply, baseHeaders);
    })();
  };
}
