import { createHmac, timingSafeEqual } from "node:crypto";

/** JWT compact form, HS256, with node:crypto only. */

export type JwtPayload = Record<string, unknown>;

function b64url(data: Buffer | string): string {
  return Buffer.from(data).toString("base64url");
}

export function signJwt(payload: JwtPayload, key: Buffer, kid?: string): string {
  const header = kid === undefined ? { alg: "HS256", typ: "JWT" } : { alg: "HS256", typ: "JWT", kid };
  const signingInput = `${b64url(JSON.stringify(header))}.${b64url(JSON.stringify(payload))}`;
  const signature = createHmac("sha256", key).update(signingInput).digest("base64url");
  return `${signingInput}.${signature}`;
}

export type JwtCheck =
  | { readonly valid: true; readonly payload: JwtPayload }
  | { readonly valid: false; readonly reason: "malformed" | "signature" | "expired" | "notYetValid" };

function decodeJson(part: string): unknown {
  try {
    return JSON.parse(Buffer.from(part, "base64url").toString("utf8"));
  } catch {
    return undefined;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Verify signature and time claims (`exp`, `nbf`, in seconds) against `nowMs`. */
export function verifyJwt(token: string, key: Buffer, nowMs: number): JwtCheck {
  const parts = token.split(".");
  if (parts.length !== 3) return { valid: false, reason: "malformed" };
  const [headerPart, payloadPart, signaturePart] = parts as [string, string, string];
  const header = decodeJson(headerPart);
  const payload = decodeJson(payloadPart);
  if (!isObject(header) || !isObject(payload) || header.alg !== "HS256") return { valid: false, reason: "malformed" };
  const expected = createHmac("sha256", key).update(`${headerPart}.${payloadPart}`).digest();
  const given = Buffer.from(signaturePart, "base64url");
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { valid: false, reason: "signature" };
  const nowSeconds = nowMs / 1000;
  if (typeof payload.exp !== "number" || payload.exp <= nowSeconds) return { valid: false, reason: "expired" };
  if (typeof payload.nbf === "number" && payload.nbf > nowSeconds + 300) return { valid: false, reason: "notYetValid" };
  return { valid: true, payload };
}
