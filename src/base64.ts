/**
 * Base64 helpers with no Buffer dependency, so they run in Node 20+ and every browser.
 */

const BASE64_PATTERN = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

/** True when `text` is non-empty, canonical (padded) standard base64. */
export function isBase64(text: string): boolean {
  return text.length > 0 && BASE64_PATTERN.test(text);
}

/**
 * Decodes base64 exactly as Node's `Buffer.from(text, "base64")` does, so an access key yields the
 * same key bytes in a browser as in Node (and as with `@azure/communication-common`, which signs
 * with `Buffer.from(key, "base64")` on Node). That decoding is lenient:
 * - Node reads only the low byte of each UTF-16 code unit, so this does too;
 * - decoding stops at the first `=`, wherever it is; padding is never required;
 * - the standard and the URL-safe alphabets are both accepted (`-` is `+`, `_` is `/`), and every
 *   other character (whitespace, punctuation) is skipped;
 * - a last group of 2 or 3 characters gives 1 or 2 bytes (its spare bits are ignored), a last lone
 *   character gives nothing.
 * So `"banana"` decodes to 4 bytes, and `"="` to none. What is left after these steps is what
 * `atob` (WHATWG forgiving-base64) decodes the same way.
 */
export function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  let digits = "";
  for (let i = 0; i < text.length; i += 1) {
    const char = String.fromCharCode(text.charCodeAt(i) & 0xff);
    if (char === "=") break;
    if (/[\w+/-]/.test(char)) digits += char === "-" ? "+" : char === "_" ? "/" : char;
  }
  const binary = atob(digits.length % 4 === 1 ? digits.slice(0, -1) : digits);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) {
    bytes[i] = binary.charCodeAt(i);
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
