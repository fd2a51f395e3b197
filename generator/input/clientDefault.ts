/** `x-ms-client-default` of a parameter: the value the client sends when the caller gives none. */
import type { JsonObject } from "../load/types.js";
import { type Loc, child, fail } from "./jsonSchema/index.js";
import type { TypeRef } from "../model/types.js";

/** Which JSON type a default of each parameter type must have; other types take no client default. */
const jsonTypeOf: Partial<Record<TypeRef["kind"], "string" | "number" | "boolean">> = {
  string: "string",
  enum: "string",
  integer: "number",
  number: "number",
  boolean: "boolean",
};

/**
 * The parameter's `x-ms-client-default`, or undefined when it has none. A value that is not a scalar
 * of the parameter's type (or a parameter type that cannot take one: dates, bytes, arrays, ...) is a
 * `file#pointer` error naming the extension.
 */
export function clientDefaultOf(param: JsonObject, type: TypeRef, at: Loc): string | number | boolean | undefined {
  const value = param["x-ms-client-default"];
  if (value === undefined) {
    return undefined;
  }
  const expected = type.kind === "constant" ? typeof type.value : jsonTypeOf[type.kind];
  if (expected === undefined) {
    fail(child(at, "x-ms-client-default"), `x-ms-client-default is not supported on a parameter of type ${type.kind}`);
  }
  if (typeof value !== expected) {
    fail(
      child(at, "x-ms-client-default"),
      `x-ms-client-default ${JSON.stringify(value)} is not a ${expected} (the parameter's type is ${type.kind})`,
    );
  }
  return value as string | number | boolean;
}
