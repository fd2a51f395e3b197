import type { IncomingMessage } from "node:http";

/**
 * Opt-in CORS (EmulatorOptions.cors), so a page on another origin (a browser app under test) can
 * call the emulator. Every origin is allowed: the emulator is a local test double.
 */

/** Response headers a browser script may read. */
export const CORS_EXPOSED_HEADERS = "x-ms-request-id, x-ms-client-request-id, api-supported-versions, content-type";
export const CORS_ALLOWED_METHODS = "GET, POST, PUT, PATCH, DELETE, OPTIONS";
/** Seconds a browser may cache a preflight answer. */
export const CORS_MAX_AGE_SECONDS = 600;

function header(req: IncomingMessage, name: string): string | undefined {
  const value = req.headers[name];
  const first = Array.isArray(value) ? value[0] : value;
  // Echo only printable ASCII of bounded length.
  return first !== undefined && /^[\x20-\x7e]{1,2048}$/.test(first) ? first : undefined;
}

/** Headers added to every response in CORS mode. */
export function corsHeaders(req: IncomingMessage): Record<string, string> {
  const origin = header(req, "origin");
  return {
    "access-control-allow-origin": origin ?? "*",
    "access-control-expose-headers": CORS_EXPOSED_HEADERS,
    ...(origin !== undefined ? { vary: "Origin" } : {}),
  };
}

/** Extra headers of the 204 answer to a preflight (any OPTIONS request) in CORS mode. */
export function preflightHeaders(req: IncomingMessage): Record<string, string> {
  const requested = header(req, "access-control-request-headers");
  return {
    "access-control-allow-methods": CORS_ALLOWED_METHODS,
    ...(requested !== undefined ? { "access-control-allow-headers": requested } : {}),
    "access-control-max-age": String(CORS_MAX_AGE_SECONDS),
  };
}
