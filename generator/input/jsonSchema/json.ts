/** Small helpers for reading untyped JSON documents. */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function str(obj: JsonObject, key: string): string | undefined {
  const v = obj[key];
  return typeof v === "string" ? v : undefined;
}

export function num(obj: JsonObject, key: string): number | undefined {
  const v = obj[key];
  return typeof v === "number" ? v : undefined;
}

export function bool(obj: JsonObject, key: string): boolean | undefined {
  const v = obj[key];
  return typeof v === "boolean" ? v : undefined;
}

/** Copy of `obj` without the keys whose value is `undefined` (keeps the model plain JSON). */
export function compact<T extends object>(obj: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(obj)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Last segment of a JSON pointer, unescaped. */
export function lastSegment(pointer: string): string {
  const raw = pointer.slice(pointer.lastIndexOf("/") + 1);
  return raw.replace(/~1/g, "/").replace(/~0/g, "~");
}
