/**
 * The header lines of an operation's request (`"name": value,`): `Accept`, then the header parameters
 * (the operation's and the client-level ones it reads) as text. `Content-Type` comes with the body
 * (requestBody.ts). A spec's own `Accept` or `Content-Type` header parameter (the Bing search APIs'
 * optional `Accept`) is sent in place of the one the emitter writes, which stays the default when the
 * parameter is optional and not given: one property per header, as AutoRest's modeler uses a defined
 * `Content-Type` parameter instead of adding its own.
 */
import type { Operation } from "../model/types.js";
import { isClientConstant } from "./clientParameters.js";
import type { EmitContext } from "./context.js";
import { headerValueOr, isHeaderNamed, type HeaderValue } from "./headerValues.js";
import { sentParameters, sentValue } from "./requestValues.js";
import type { MethodArgument } from "./methodArgument.js";
import { stringLiteral } from "./text.js";
import { joinedValue, urlValue } from "./url.js";
import type { UsedNames } from "./usedNames.js";

/**
 * The header lines, and the members of the client (beyond OperationContext's) they read. `hasResult`:
 * a success response has a body (JSON is accepted when the spec names no media type).
 */
export function requestHeaders(
  operation: Operation,
  all: readonly MethodArgument[],
  sourceOf: (a: MethodArgument) => string,
  hasResult: boolean,
  context: EmitContext,
  uses: UsedNames,
): { headers: string[]; clientMembers: string[]; contentType?: HeaderValue } {
  const headers: string[] = [];
  const clientMembers = new Set<string>();
  let acceptValue: HeaderValue | undefined;
  let contentType: HeaderValue | undefined;
  for (const parameter of sentParameters(operation, context).filter((p) => p.location === "header")) {
    const { source, optional, guard } = sentValue(parameter, all, sourceOf);
    const value = urlValue(parameter.type, source, uses);
    if (parameter.clientLevel && !parameter.isApiVersion && !isClientConstant(parameter)) {
      clientMembers.add(parameter.name);
    }
    const kind = parameter.type.kind;
    const text =
      kind === "array"
        ? joinedValue(value, parameter.collectionFormat, uses)
        : kind === "constant"
          ? stringLiteral(String(parameter.type.kind === "constant" ? parameter.type.value : ""))
          : kind === "string" || kind === "enum" || kind === "duration"
            ? value
            : `${uses.call("formatScalar")}(${value})`;
    if (parameter.isApiVersion && text !== source && kind !== "constant") {
      // OperationContext's apiVersion is optional; formatting it needs the client's (a string)
      clientMembers.add("apiVersion");
    }
    if (isHeaderNamed(parameter, "accept")) {
      acceptValue = { expression: guard(text), optional };
    } else if (isHeaderNamed(parameter, "content-type")) {
      contentType = { expression: guard(text), optional };
    } else {
      headers.push(`${stringLiteral(parameter.serializedName)}: ${guard(text)},`);
    }
  }
  const accept = operation.produces.length > 0 ? operation.produces.join(", ") : hasResult ? "application/json" : undefined;
  if (acceptValue !== undefined) {
    headers.unshift(`Accept: ${accept === undefined ? acceptValue.expression : headerValueOr(acceptValue, stringLiteral(accept))},`);
  } else if (accept !== undefined) {
    headers.unshift(`Accept: ${stringLiteral(accept)},`);
  }
  return { headers, clientMembers: [...clientMembers], ...(contentType === undefined ? {} : { contentType }) };
}
