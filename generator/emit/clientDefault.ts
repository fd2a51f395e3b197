import { codeSpan } from "./docs.js";
import type { MethodArgument } from "./methodArgument.js";

/**
 * The value sent for an argument: `source`, or for an optional parameter with an `x-ms-client-default`,
 * `(source ?? <default>)` (an explicit `undefined` gets the default too; the service never sees the
 * parameter missing).
 */
export function withClientDefault(argument: MethodArgument, source: string): string {
  const value = argument.parameter?.clientDefault;
  return value === undefined || argument.required ? source : `(${source} ?? ${JSON.stringify(value)})`;
}

/** The doc line of an optional parameter with an `x-ms-client-default`, else undefined. */
export function clientDefaultNote(argument: MethodArgument): string | undefined {
  const value = argument.parameter?.clientDefault;
  return value === undefined || argument.required ? undefined : `Default: ${codeSpan(JSON.stringify(value))} (sent when not given).`;
}
