/**
 * The body of an operation's request: its `Content-Type` header line and `body: ...,` line for a JSON,
 * text or XML body, or what bodies.ts writes for the others (binary, form fields, several media types).
 * A pageable operation's next pages are sent without a body (`!firstPage`): GETs, or POSTs (`paging.nextMethod`).
 */
import type { Operation } from "../model/types.js";
import { specialBody } from "./bodies.js";
import type { EmitContext } from "./context.js";
import type { MethodArgument } from "./methodArgument.js";
import { headerValueOr, type HeaderValue } from "./headerValues.js";
import { stringLiteral } from "./text.js";
import { urlValue } from "./url.js";
import type { UsedNames } from "./usedNames.js";
import { mappingExpression } from "./wireMapping.js";
import { sendsXml, xmlRootName, xmlTypeText } from "./xml.js";

const jsonMediaType = /^application\/([\w.+-]+\+)?json\b/i;

export interface RequestBody {
  /** Header lines (`"Content-Type": ...,`). */
  headers: string[];
  /** `body: ...,` line of the request, or "". */
  bodyLine: string;
  /** Properties of the PipelineRequest set by `withRequestParts` (bodies.ts), if any. */
  parts: string[];
}

/**
 * What the request of `operation` carries as its body. `paging.paged`: the operation is pageable;
 * `paging.pagedSend`: its `send` sends the first page and the next ones (an ordinary pageable operation).
 * `contentType`: the operation's own `Content-Type` header parameter (requestHeaders.ts), sent whenever it
 * is given, in place of the body's media type, which stays the default.
 */
export function requestBody(
  operation: Operation,
  all: readonly MethodArgument[],
  sourceOf: (a: MethodArgument) => string,
  paging: { paged: boolean; pagedSend: boolean },
  context: EmitContext,
  uses: UsedNames,
  contentType?: HeaderValue,
): RequestBody {
  const bodyArgument = all.find((a) => a.body !== undefined);
  // A body that is binary, form fields or one of several media types (bodies.ts), set on the request by `withRequestParts`.
  const special = specialBody(
    operation,
    all,
    sourceOf,
    (source) =>
      [
        ...(paging.paged ? ["!firstPage"] : []),
        ...(source === undefined || bodyArgument?.required ? [] : [`${source} === undefined`]),
      ].join(" || "),
    // a model sent as one form field is its JSON, in wire form
    (type, source) =>
      urlValue(type, type.kind === "model" ? (mappingExpression(type, source, "serialize", context, uses) ?? source) : source, uses),
    context,
    uses,
    contentType,
  );
  if (special !== undefined) {
    return { headers: special.headers, bodyLine: special.bodyLine, parts: special.parts };
  }
  if (bodyArgument === undefined) {
    return { headers: contentType === undefined ? [] : [`"Content-Type": ${contentType.expression},`], bodyLine: "", parts: [] };
  }
  const source = sourceOf(bodyArgument);
  const mediaType = operation.consumes[0] ?? "application/json";
  const isJson = jsonMediaType.test(mediaType);
  const mapped = mappingExpression(bodyArgument.type, source, "serialize", context, uses) ?? source;
  const root = sendsXml(operation) ? xmlRootName(bodyArgument.type, context) : undefined;
  const text =
    root !== undefined
      ? `${uses.xmlValue("writeXml")}(${mapped}, ${xmlTypeText(bodyArgument.type, root, context)}, ${stringLiteral(root)}, ${uses.xmlValue("xmlModels")})`
      : isJson
        ? `JSON.stringify(${mapped})`
        : mapped;
  const mediaTypeText = stringLiteral(mediaType);
  // A pageable operation's next pages are sent without a body.
  const absent = [...(paging.pagedSend ? ["!firstPage"] : []), ...(bodyArgument.required ? [] : [`${source} === undefined`])].join(" || ");
  const bodyContentType = absent === "" ? mediaTypeText : `${absent} ? undefined : ${mediaTypeText}`;
  return {
    headers: [`"Content-Type": ${headerValueOr(contentType, bodyContentType)},`],
    bodyLine: `body: ${absent === "" ? text : `${absent} ? undefined : ${text}`},`,
    parts: [],
  };
}
