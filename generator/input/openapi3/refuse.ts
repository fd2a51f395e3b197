/** What the OpenAPI 3 reader's modules share: the refusal of a construct it cannot read, and `$ref` following. */
import { GeneratorError } from "../../errors.js";
import { resolveRefChain } from "../../load/refs.js";
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { isObject, type BuildContext, type Loc } from "../jsonSchema/index.js";

/** A `file#pointer` refusal of an OpenAPI 3 construct the generator cannot express. */
export function refuse(at: Loc, what: string): never {
  throw new GeneratorError(at.file, at.pointer, `${what} is not supported (OpenAPI 3 input)`);
}

/**
 * Follows a `{ $ref }` chain (request bodies, headers, parameter schemas are read where they are defined).
 * Returns the target and where it is; a value that is no `$ref` is its own target.
 */
export function follow(ctx: BuildContext, value: JsonValue | undefined, at: Loc): { value: JsonObject; at: Loc } {
  if (!isObject(value) || typeof value["$ref"] !== "string") return { value: (value ?? {}) as JsonObject, at };
  const target = resolveRefChain(ctx.spec, at.file, value, at.pointer);
  return { value: target.value as JsonObject, at: { file: target.file, pointer: target.pointer } };
}

/** The extensions (`x-…` keys) of an object, in order. */
export function extensionsOf(value: JsonObject): JsonObject {
  const out: JsonObject = {};
  for (const [key, v] of Object.entries(value)) if (key.startsWith("x-")) out[key] = v;
  return out;
}
