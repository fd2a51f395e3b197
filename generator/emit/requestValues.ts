/**
 * Where the values a request sends come from: the operation's parameters and the client-level ones it
 * reads, each parameter's source expression (the argument, the client's property, the api-version), and
 * whether it may be absent. Shared by the URL (url.ts) and the request headers (requestHeaders.ts).
 */
import type { Operation, Parameter } from "../model/types.js";
import { withClientDefault } from "./clientDefault.js";
import type { EmitContext } from "./context.js";
import type { MethodArgument } from "./methodArgument.js";

/** The operation's own parameters, then the client-level ones it reads that it does not list itself. */
export function sentParameters(operation: Operation, context: EmitContext): Parameter[] {
  const clientParameters = operation.clientParameters.flatMap((name) => context.model.client.parameters.filter((p) => p.name === name));
  return [...operation.parameters, ...clientParameters.filter((p) => !operation.parameters.includes(p))];
}

export interface SentValue {
  /** Expression of the value (`options.filter`, `context.subscriptionId`, `context.apiVersion`). */
  source: string;
  /** The value may be undefined (then it is not sent). */
  optional: boolean;
  /** The value may be null (an x-nullable parameter): not sent either, as an absent one. */
  nullable: boolean;
  /**
   * `expression`, or `source === undefined ? undefined : expression` when the value may be absent (null
   * included: `source ?? undefined` for the value as it is). `multi` query arrays leave null to `multiValues`.
   */
  guard: (expression: string) => string;
}

/**
 * `expression` (written from `source`), or undefined when the value is absent: undefined when `optional`,
 * also null when `nullable` (a null query or header value is not sent, as a null `multi` array is not).
 */
export function absentGuard(source: string, expression: string, optional: boolean, nullable: boolean): string {
  if (!nullable) {
    return optional && expression !== source ? `${source} === undefined ? undefined : ${expression}` : expression;
  }
  if (expression === source) {
    return `${source} ?? undefined`;
  }
  return `${source} === null${optional ? ` || ${source} === undefined` : ""} ? undefined : ${expression}`;
}

/** Where a query or header parameter's value comes from. */
export function sentValue(parameter: Parameter, all: readonly MethodArgument[], sourceOf: (a: MethodArgument) => string): SentValue {
  const argument = all.find((a) => a.parameter === parameter);
  const source = parameter.isApiVersion
    ? "context.apiVersion"
    : parameter.clientLevel
      ? `context.${parameter.name}`
      : argument !== undefined
        ? withClientDefault(argument, sourceOf(argument))
        : "";
  // An optional argument, or an optional client-level parameter (the client's property may be undefined).
  // (One with an x-ms-client-default is always sent.)
  const optional =
    argument !== undefined
      ? !argument.required && parameter.clientDefault === undefined
      : parameter.clientLevel && !parameter.isApiVersion && !parameter.required;
  const nullable = parameter.type.nullable === true && parameter.type.kind !== "constant";
  const guard = (expression: string): string => absentGuard(source, expression, optional, nullable);
  return { source, optional, nullable, guard };
}
