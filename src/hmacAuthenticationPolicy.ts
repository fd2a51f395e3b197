import type { KeyCredential } from "@azure/core-auth";
import type { PipelinePolicy, PipelineRequest, RequestBodyType } from "@azure/core-rest-pipeline";
import { base64ToBytes, bytesToBase64 } from "./base64.js";

export const hmacAuthenticationPolicyName = "communicationHmacSha256AuthenticationPolicy";

export interface HmacAuthenticationPolicyOptions {
  /** Clock used for `x-ms-date`; tests pass a fixed one. Default: the current time. */
  now?: () => Date;
}

/**
 * Signs each request with the resource's access key (HMAC-SHA256), as the Communication
 * Services data plane expects:
 * - `x-ms-date`: the request time, RFC 1123;
 * - `x-ms-content-sha256`: base64 SHA-256 of the exact body bytes (of "" when there is no body);
 * - `Authorization: HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=<base64>`
 *   over `VERB\n<path and query>\n<date>;<host>;<content hash>`.
 *
 * Uses Web Crypto (`globalThis.crypto.subtle`), so it runs in Node 20+ and browsers.
 * The key is read from the credential on every request, so `credential.update()` applies to the
 * next request; the imported CryptoKey is cached per key value. Hashes of recent string bodies are
 * cached too (the same bytes always hash the same), so a repeated body, such as every `getToken`
 * for the same scopes, costs one Web Crypto call per request (the signature) instead of two. Add it in the pipeline's "Sign" phase: it then runs after every policy that
 * could change the URL or body, and again on each retry.
 */
export function hmacAuthenticationPolicy(
  credential: KeyCredential,
  options: HmacAuthenticationPolicyOptions = {},
): PipelinePolicy {
  const now = options.now ?? (() => new Date());
  // One imported key, replaced when the credential's key changes (rotation).
  let cached: { key: string; cryptoKey: Promise<CryptoKey> } | undefined;
  const signingKey = (key: string): Promise<CryptoKey> => {
    if (cached?.key !== key) {
      cached = {
        key,
        cryptoKey: subtle().importKey("raw", base64ToBytes(key), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]),
      };
    }
    return cached.cryptoKey;
  };

  // Base64 SHA-256 of recent string bodies, oldest first (Map keeps insertion order).
  const bodyHashes = new Map<string, Promise<string>>();
  const contentHashOf = (request: PipelineRequest): Promise<string> => {
    const body = request.body;
    if (typeof body !== "string" || body.length > MAX_CACHED_BODY_LENGTH || hasFormBody(request)) {
      return hashBytes(bodyBytes(request));
    }
    let hash = bodyHashes.get(body);
    if (hash === undefined) {
      hash = hashBytes(Promise.resolve(encoder.encode(body)));
      hash.catch(() => bodyHashes.delete(body));
      if (bodyHashes.size >= MAX_CACHED_BODIES) bodyHashes.delete(bodyHashes.keys().next().value as string);
      bodyHashes.set(body, hash);
    }
    return hash;
  };

  return {
    name: hmacAuthenticationPolicyName,
    async sendRequest(request, next) {
      const url = new URL(request.url);
      const date = now().toUTCString();
      const contentHash = await contentHashOf(request);
      const stringToSign = `${request.method.toUpperCase()}\n${url.pathname}${url.search}\n${date};${url.host};${contentHash}`;
      const signature = await subtle().sign("HMAC", await signingKey(credential.key), encoder.encode(stringToSign));
      request.headers.set("x-ms-date", date);
      request.headers.set("x-ms-content-sha256", contentHash);
      request.headers.set(
        "Authorization",
        `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${bytesToBase64(new Uint8Array(signature))}`,
      );
      return next(request);
    },
  };
}

const encoder = new TextEncoder();
const MAX_CACHED_BODIES = 16;
/**
 * Only short bodies (scopes, expiry) are cached; longer ones, such as the Teams exchange that carries
 * an Entra token, are hashed every time and never kept beyond their request.
 */
const MAX_CACHED_BODY_LENGTH = 256;

async function hashBytes(bytes: Promise<Uint8Array<ArrayBuffer>>): Promise<string> {
  return bytesToBase64(new Uint8Array(await subtle().digest("SHA-256", await bytes)));
}

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) {
    throw new Error("HMAC signing needs Web Crypto (globalThis.crypto.subtle): use Node 20+ or a secure browser context.");
  }
  return s;
}

function hasFormBody(request: PipelineRequest): boolean {
  return request.multipartBody !== undefined || request.formData !== undefined;
}

/** The exact bytes that will be sent; strings are UTF-8 encoded. */
async function bodyBytes(request: PipelineRequest): Promise<Uint8Array<ArrayBuffer>> {
  if (hasFormBody(request)) {
    throw new Error("HMAC signing cannot hash a multipart or form-data body; send the body as a string or bytes.");
  }
  const body: RequestBodyType | undefined = request.body;
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body === "string") return encoder.encode(body);
  if (body instanceof ArrayBuffer) return new Uint8Array(body);
  // Copy views: they may sit on a SharedArrayBuffer, which Web Crypto does not accept.
  if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice();
  if (typeof Blob !== "undefined" && body instanceof Blob) return new Uint8Array(await body.arrayBuffer());
  throw new Error("HMAC signing cannot hash a streamed request body; send the body as a string or bytes.");
}
