/**
 * A header parameter's value as the request sends it, and the headers the emitter also writes itself
 * (`Accept`, `Content-Type`): a spec's own parameter of that name is sent in their place (requestHeaders.ts,
 * requestBody.ts, bodies.ts).
 */
import type { Parameter } from "../model/types.js";

/** The value of a header parameter: its expression, and whether it may be undefined (not given). */
export interface HeaderValue {
  expression: string;
  optional: boolean;
}

/** The parameter is the header `name` (lower case; header names are case-insensitive). */
export function isHeaderNamed(parameter: Parameter, name: string): boolean {
  return parameter.location === "header" && parameter.serializedName.toLowerCase() === name;
}

/** The expression sending `value` (the spec's own parameter, if it has one) when it is given, else `fallback`. */
export function headerValueOr(value: HeaderValue | undefined, fallback: string): string {
  if (value === undefined) return fallback;
  if (!value.optional) return value.expression;
  const operand = (expression: string): string => (/[?:]/.test(expression) ? `(${expression})` : expression);
  return `${operand(value.expression)} ?? ${operand(fallback)}`;
}
