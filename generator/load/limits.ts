/**
 * Limits of the load stage, so that hostile or broken input ends in a `<file>#<pointer>` error
 * instead of a stack overflow or a download that never ends (documented in ./README.md; the
 * remote-document limits are overridable with --remote-ref-timeout / --remote-ref-max-bytes).
 */
import type { JsonValue } from "../model/types.js";

/**
 * Deepest nesting of objects and arrays inside one document (the document itself is level 1).
 * Real specs stay under 20; the generator's recursive stages handle several times this.
 */
export const MAX_NESTING = 256;

/**
 * Deepest nesting of schemas the model stage converts at once: a property, array item,
 * additionalProperties, allOf parent or `$ref` target not yet converted adds one level
 * (a chain of models each holding the next counts every model; recursion back to a model
 * already being converted does not).
 */
export const MAX_SCHEMA_NESTING = 256;

/** Longest chain of `$ref`s whose target is again a `{ $ref }` (A → B → … → a schema). */
export const MAX_REF_CHAIN = 100;

/** Default time allowed for one remote document, response headers to last byte (ms). */
export const DEFAULT_REMOTE_REF_TIMEOUT_MS = 30_000;

/** Default largest remote document accepted (bytes, 32 MiB). */
export const DEFAULT_REMOTE_REF_MAX_BYTES = 32 * 1024 * 1024;

/**
 * The path (JSON pointer segments) of the first value, in key order, that sits deeper than
 * `limit` levels of objects and arrays, or `undefined` when `value` nests no deeper.
 * Iterative, so any depth is safe to check.
 */
export function tooDeepAt(value: JsonValue, limit: number = MAX_NESTING): Array<string | number> | undefined {
  // each entry links to its parent, so the path is built only for the value reported
  interface Entry {
    value: JsonValue;
    level: number;
    key: string | number;
    parent: Entry | undefined;
  }
  const stack: Entry[] = [{ value, level: 1, key: "", parent: undefined }];
  while (stack.length > 0) {
    const entry = stack.pop() as Entry;
    const current = entry.value;
    if (current === null || typeof current !== "object") continue;
    if (entry.level > limit) {
      const path: Array<string | number> = [];
      for (let e: Entry | undefined = entry; e?.parent !== undefined; e = e.parent) path.unshift(e.key);
      return path;
    }
    const children: Array<[string | number, JsonValue]> = Array.isArray(current) ? current.map((v, i) => [i, v]) : Object.entries(current);
    // pushed in reverse so the first key is visited first
    for (let i = children.length - 1; i >= 0; i--) {
      const [key, child] = children[i] as [string | number, JsonValue];
      if (child !== null && typeof child === "object") stack.push({ value: child, level: entry.level + 1, key, parent: entry });
    }
  }
  return undefined;
}
