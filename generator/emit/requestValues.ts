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
  /** `expression`, or `source === undefined ? undefined : expression` when the value may be absent. */
  guard: (expression: string) => string;
  /**
   * `guard`, and for an `x-nullable` parameter a null value not sent either, as an absent one:
   * `options.top ?? undefined`, `options.ids === undefined || options.ids === null ? undefined : joinCollection(options.ids)`.
   */
  guardNull: (expression: string) => string;
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
  const guard = (expression: string): string =>
    optional && expression !== source ? `${source} === undefined ? undefined : ${expression}` : expression;
  const guardNull = (expression: string): string => {
    if (parameter.type.nullable !== true) return guard(expression);
    if (expression === source) return `${source} ?? undefined`;
    return `${optional ? `${source} === undefined || ` : ""}${source} === null ? undefined : ${expression}`;
  };
  return { source, optional, guard, guardNull };
}
