/**
 * What every step of the OpenAPI 3 reader shares: the documents (for `$ref`s), the file being
 * converted, and the pointer map it fills (Swagger-2-shaped pointer → original OpenAPI 3 pointer).
 */
import { GeneratorError } from "../../errors.js";
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";

export interface ReadContext {
  /** Every original (OpenAPI 3) document, keyed like `LoadedSpec.documents`. */
  documents: Record<string, JsonObject>;
  /** The document being converted. */
  file: string;
  /** `3.0` or `3.1`. */
  version: "3.0" | "3.1";
  /** Swagger-2-shaped `file#pointer` → original `file#pointer`, for the places whose pointer changes. */
  origins: Record<string, string>;
}

/** A `file#pointer` refusal of a construct the reader cannot express for the model builder. */
export function refuse(ctx: ReadContext, pointer: string, what: string): never {
  throw new GeneratorError(ctx.file, pointer, `${what} is not supported (OpenAPI 3 input)`);
}

export function isObject(value: JsonValue | undefined): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** Record that the Swagger-2-shaped `to` pointer comes from the OpenAPI 3 `from` pointer of the same file. */
export function remember(ctx: ReadContext, to: string, from: string): void {
  if (to !== from) ctx.origins[`${ctx.file}#${to}`] = `${ctx.file}#${from}`;
}

/** The extensions (`x-…` keys) of an object, in order. */
export function extensionsOf(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) if (key.startsWith("x-")) out[key] = v;
  return out;
}
