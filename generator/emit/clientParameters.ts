/** Which client-level parameters a generated client takes from its caller. */
import type { Parameter } from "../model/types.js";

/**
 * A client-level parameter with a single possible value (`enum: [true]`, a one-value enum): every
 * operation sends that value, so the client neither takes it (constructor, options) nor holds it, and
 * an operation's context does not need it.
 */
export function isClientConstant(parameter: Parameter): boolean {
  return parameter.type.kind === "constant";
}
