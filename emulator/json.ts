/**
 * Request bodies as JSON: strict UTF-8 (a malformed byte sequence is an error,
 * not U+FFFD) and a nesting limit, checked before parsing.
 */

/** System.Text.Json's default MaxDepth, which ASP.NET Core services use. */
export const MAX_JSON_DEPTH = 64;

export type JsonParse =
  { readonly ok: true; readonly value: unknown } | { readonly ok: false; readonly problem: "utf8" | "depth" | "syntax" };

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** Deepest bracket nesting outside strings; a linear scan, no recursion. */
export function nestingDepth(text: string): number {
  let depth = 0;
  let deepest = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      depth++;
      if (depth > deepest) deepest = depth;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return deepest;
}

export function parseJsonBytes(bytes: Uint8Array): JsonParse {
  let text: string;
  try {
    text = utf8.decode(bytes);
  } catch {
    return { ok: false, problem: "utf8" };
  }
  if (nestingDepth(text) > MAX_JSON_DEPTH) return { ok: false, problem: "depth" };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, problem: "syntax" };
  }
}
