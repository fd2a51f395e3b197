/** Which client-level parameters a generated client takes from its caller. */
import type { Parameter } from "../model/types.js";

/**
 * A required client-level parameter with a single possible value (`enum: [true]`, a one-value enum):
 * every operation sends that value, so the client neither takes it (constructor, options) nor holds it,
 * and an operation's context does not need it. An optional one is a client option typed as that value
 * (Google's `alt?: "json"`), sent only when given, as an optional constant operation parameter is.
 */
export function isClientConstant(parameter: Parameter): boolean {
  return parameter.required && parameter.type.kind === "constant";
}
