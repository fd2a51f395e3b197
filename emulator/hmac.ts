import { createHash, createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import { parseHttpDate } from "./time.js";

/**
 * Verification of the service's HMAC-SHA256 request signing:
 *   Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<base64>
 *   string-to-sign = VERB \n path-and-query \n <values of the signed headers joined by ';'>
 * `date` may stand in for `x-ms-date`. The content hash is checked against the exact bytes received.
 */

export const MAX_CLOCK_SKEW_MS = 15 * 60 * 1000;

export interface SignedRequest {
  readonly method: string;
  /** The request target exactly as received (path and query). */
  readonly pathAndQuery: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: Buffer;
}

export type HmacCheck = { readonly ok: true } | { readonly ok: false; readonly reason: string };

const SCHEME = "HMAC-SHA256 ";

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value.join(",") : value;
}

function safeEqual(a: string, b: string): boolean {
  // Hash first so lengths match and timing does not depend on where strings differ.
  const ha = createHash("sha256").update(a).digest();
  const hb = createHash("sha256").update(b).digest();
  return timingSafeEqual(ha, hb);
}

export function contentHash(body: Buffer): string {
  return createHash("sha256").update(body).digest("base64");
}

export function verifyHmac(request: SignedRequest, accessKey: Buffer, nowMs: number): HmacCheck {
  const authorization = header(request.headers, "authorization");
  if (authorization === undefined) return { ok: false, reason: "The request has no Authorization header." };
  if (!authorization.startsWith(SCHEME)) {
    return { ok: false, reason: "The Authorization header does not use the HMAC-SHA256 scheme." };
  }
  const params = new Map<string, string>();
  for (const pair of authorization.slice(SCHEME.length).trim().split("&")) {
    const eq = pair.indexOf("=");
    if (eq > 0) params.set(pair.slice(0, eq).trim(), pair.slice(eq + 1).trim());
  }
  const signedHeaders = params.get("SignedHeaders");
  const signature = params.get("Signature");
  if (!signedHeaders || !signature) {
    return { ok: false, reason: "The Authorization header must carry SignedHeaders and Signature." };
  }
  const names = signedHeaders.toLowerCase().split(";");
  const dateName = names.includes("x-ms-date") ? "x-ms-date" : names.includes("date") ? "date" : undefined;
  if (dateName === undefined || !names.includes("host") || !names.includes("x-ms-content-sha256")) {
    return { ok: false, reason: "SignedHeaders must include x-ms-date (or date), host and x-ms-content-sha256." };
  }
  const values: string[] = [];
  for (const name of names) {
    const value = header(request.headers, name);
    if (value === undefined) return { ok: false, reason: `The signed header '${name}' is missing from the request.` };
    values.push(value);
  }
  const date = parseHttpDate(header(request.headers, dateName) ?? "");
  if (Number.isNaN(date)) return { ok: false, reason: `The ${dateName} header is not a valid date.` };
  if (Math.abs(nowMs - date) > MAX_CLOCK_SKEW_MS) {
    return { ok: false, reason: `The ${dateName} header is more than 15 minutes away from the server time.` };
  }
  const claimedHash = header(request.headers, "x-ms-content-sha256") ?? "";
  if (!safeEqual(claimedHash, contentHash(request.body))) {
    return { ok: false, reason: "The x-ms-content-sha256 header does not match the request body." };
  }
  const stringToSign = `${request.method.toUpperCase()}\n${request.pathAndQuery}\n${values.join(";")}`;
  const expected = createHmac("sha256", accessKey).update(stringToSign, "utf8").digest("base64");
  if (!safeEqual(signature, expected)) return { ok: false, reason: "The request signature is not valid." };
  return { ok: true };
}
