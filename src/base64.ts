/**
 * Base64 helpers with no Buffer dependency, so they run in Node 20+ and every browser.
 */

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
  const digits = text
    .replace(/[^]/g, (unit) => String.fromCharCode(unit.charCodeAt(0) & 0xff))
    .split("=")[0]!
    .replace(/[^\w+/-]/g, "")
    .replace(/-/g, "+")
    .replace(/_/g, "/");
  return Uint8Array.from(atob(digits.length % 4 === 1 ? digits.slice(0, -1) : digits), (char) => char.charCodeAt(0));
}

/** Standard base64 of a few bytes (a digest or a signature: they are passed as arguments). */
export function bytesToBase64(bytes: ArrayBuffer | Uint8Array): string {
  return btoa(String.fromCharCode(...new Uint8Array(bytes)));
}
