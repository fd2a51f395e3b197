/**
 * Base64 helpers with no Buffer dependency, so they run in Node 20+ and every browser.
 */

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** True when `text` is non-empty, canonical (padded) standard base64. */
export function isBase64(text: string): boolean {
  return text.length > 0 && BASE64_PATTERN.test(text);
}

/** The 6-bit value of each character code of the base64 and base64url alphabets; -1 for any other. */
const SEXTETS: Int8Array = (() => {
  const table = new Int8Array(256).fill(-1);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i += 1) table[alphabet.charCodeAt(i)] = i;
  table["-".charCodeAt(0)] = 62;
  table["_".charCodeAt(0)] = 63;
  return table;
})();
const PAD = "=".charCodeAt(0);

/**
 * Decodes base64 exactly as Node's `Buffer.from(text, "base64")` does, so an access key yields the
 * same key bytes in a browser as in Node (and as with `@azure/communication-common`, which signs
 * with `Buffer.from(key, "base64")` on Node). That decoding is lenient:
 * - the standard and the URL-safe alphabets are both accepted (`-` is `+`, `_` is `/`);
 * - every other character (whitespace, punctuation) is skipped; Node reads only the low byte of
 *   each UTF-16 code unit, so this does too;
 * - decoding stops at the first `=`, wherever it is; padding is never required;
 * - a last group of 2 or 3 characters gives 1 or 2 bytes (its spare bits are ignored), a last lone
 *   character gives nothing.
 * So `"banana"` decodes to 4 bytes, and `""` (or `"="`) to none.
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const sextets = new Uint8Array(text.length);
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i) & 0xff;
    if (code === PAD) break;
    const value = SEXTETS[code]!;
    if (value >= 0) sextets[count++] = value;
  }
  const tail = count % 4;
  const bytes = new Uint8Array(((count - tail) / 4) * 3 + (tail === 0 ? 0 : tail - 1));
  let out = 0;
  for (let i = 0; i + 1 < count; i += 4) {
    const a = sextets[i]!;
    const b = sextets[i + 1]!;
    bytes[out++] = (a << 2) | (b >> 4);
    if (i + 2 >= count) break;
    const c = sextets[i + 2]!;
    bytes[out++] = ((b & 0x0f) << 4) | (c >> 2);
    if (i + 3 >= count) break;
    bytes[out++] = ((c & 0x03) << 6) | sextets[i + 3]!;
  }
  return bytes;
}

export function bytesToBase64(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) {
    binary += String.fromCharCode(byte);
  }
  return btoa(binary);
}
