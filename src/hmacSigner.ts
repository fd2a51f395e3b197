/**
 * What the HMAC policy needs from a crypto implementation. Two modules provide it:
 * nodeCryptoSigner.ts (`node:crypto`, for Node) and webCryptoSigner.ts (Web Crypto, for browsers
 * and any other runtime). The policy imports `#hmacSigner`, which package.json's `imports` map
 * resolves per runtime: the `browser` condition (bundlers targeting browsers) and `default` get
 * Web Crypto, the `node` condition gets `node:crypto`. Both decode the access key as Node's
 * `Buffer.from(key, "base64")` does, so they sign with the same key bytes.
 */
export interface HmacSigner {
  /** Which implementation this is, for tests and diagnostics: "node:crypto" or "Web Crypto". */
  readonly name: string;
  /**
   * A function that signs text (UTF-8) with HMAC-SHA256 under `accessKey` (base64, decoded
   * leniently, see base64ToBytes) and returns the base64 signature.
   */
  hmacSha256(accessKey: string): (text: string) => string | Promise<string>;
  /** Base64 SHA-256 of the bytes, or of a string's UTF-8 bytes. */
  sha256(data: string | Uint8Array<ArrayBuffer>): string | Promise<string>;
}
