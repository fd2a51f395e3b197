import { base64ToBytes, bytesToBase64 } from "./base64.js";
import type { HmacSigner } from "./hmacSigner.js";

/**
 * The HMAC signer on Web Crypto (`globalThis.crypto.subtle`), for browsers and every runtime
 * without the `node` condition (`#hmacSigner` under `browser` and `default`). The key is decoded by
 * base64ToBytes, which gives the same bytes as Node's `Buffer.from(key, "base64")`.
 */
export const hmacSigner: HmacSigner = {
  name: "Web Crypto",
  hmacSha256(accessKey) {
    const bytes = base64ToBytes(accessKey);
    // Web Crypto refuses an empty HMAC key. HMAC pads every key shorter than the hash's block with
    // zero bytes (RFC 2104), so an empty key and a single zero byte are the same key.
    let cryptoKey: Promise<CryptoKey> | undefined;
    return async (text) => {
      cryptoKey ??= subtle().importKey("raw", bytes.length > 0 ? bytes : new Uint8Array(1), { name: "HMAC", hash: "SHA-256" }, false, [
        "sign",
      ]);
      return bytesToBase64(await subtle().sign("HMAC", await cryptoKey, encoder.encode(text)));
    };
  },
  async sha256(data) {
    return bytesToBase64(await subtle().digest("SHA-256", typeof data === "string" ? encoder.encode(data) : data));
  },
};

const encoder = new TextEncoder();

function subtle(): SubtleCrypto {
  const s = globalThis.crypto?.subtle;
  if (!s) {
    throw new Error("HMAC signing needs crypto.subtle (a secure context).");
  }
  return s;
}
