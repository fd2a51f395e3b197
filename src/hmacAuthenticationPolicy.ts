import type { KeyCredential } from "@azure/core-auth";
import type { PipelinePolicy, PipelineRequest } from "@azure/core-rest-pipeline";
import { hmacSigner as platformSigner } from "#hmacSigner";
import type { HmacSigner } from "./hmacSigner.js";

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
 * The `Host` header is set to the signed host (`host[:port]`, the port only when it is not the
 * scheme's default), as `@azure/communication-common`'s policy does.
 *
 * Crypto comes from `#hmacSigner` (see hmacSigner.ts): `node:crypto` on Node, Web Crypto in
 * browsers. The key is read from the credential on every request, so `credential.update()`
 * applies to the next request; the decoded key (and, with Web Crypto, the imported CryptoKey) is
 * cached per key value. Bodies are hashed on every request: with `node:crypto` a short body costs
 * about a microsecond, and browsers wait on the network far longer than on a digest, so a cache of
 * body hashes (which an earlier version kept for Web Crypto in Node) is not worth its bundle bytes.
 * Add it in the pipeline's "Sign" phase: it then runs after every policy that could change the URL
 * or body, and again on each retry.
 */
export function hmacAuthenticationPolicy(credential: KeyCredential, options: HmacAuthenticationPolicyOptions = {}): PipelinePolicy {
  return hmacAuthenticationPolicyWith(platformSigner, credential, options);
}

/**
 * The policy over a given signer: hmacAuthenticationPolicy passes the runtime's (`#hmacSigner`);
 * tests pass each signer in turn, so both are checked against the same vectors in Node.
 */
export function hmacAuthenticationPolicyWith(
  signer: HmacSigner,
  credential: KeyCredential,
  options: HmacAuthenticationPolicyOptions = {},
): PipelinePolicy {
  const now = options.now ?? (() => new Date());
  // One signing function, replaced when the credential's key changes (rotation).
  let signedWith: string | undefined;
  let sign: (text: string) => string | Promise<string>;

  return {
    name: hmacAuthenticationPolicyName,
    async sendRequest(request, next) {
      const { host, pathname, search } = new URL(request.url);
      const date = now().toUTCString();
      const contentHash = await signer.sha256(bodyBytes(request));
      const { key } = credential;
      if (key !== signedWith) sign = signer.hmacSha256((signedWith = key));
      const signature = await sign(`${request.method.toUpperCase()}\n${pathname}${search}\n${date};${host};${contentHash}`);
      // The signed host, as a header (Node's HTTP client sends this value anyway), so a custom
      // HttpClient, or a policy after signing, sees what was signed. Browsers' fetch drops it.
      request.headers.set("host", host);
      request.headers.set("x-ms-date", date);
      request.headers.set("x-ms-content-sha256", contentHash);
      request.headers.set("Authorization", `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${signature}`);
      return next(request);
    },
  };
}

/**
 * The exact bytes that will be sent: a string is passed on as is (the signer hashes its UTF-8
 * bytes), bytes are copied (a view may sit on a SharedArrayBuffer, which Web Crypto does not
 * accept). Streams, Blobs, form data and multipart bodies are refused: the client never sends them,
 * and they cannot be hashed before they are sent without reading them twice.
 */
function bodyBytes({ body, formData, multipartBody }: PipelineRequest): string | Uint8Array<ArrayBuffer> {
  if (!formData && !multipartBody) {
    if (typeof (body ??= "") === "string") return body;
    if (body instanceof ArrayBuffer) body = new Uint8Array(body);
    if (ArrayBuffer.isView(body)) return new Uint8Array(body.buffer, body.byteOffset, body.byteLength).slice();
  }
  throw new Error("HMAC cannot sign a stream, Blob or form body.");
}
