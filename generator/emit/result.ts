/**
 * The response side of an operation: the type its success responses return, the call sending the request
 * (`sendOperation`, or `sendXmlOperation` for an XML success body), and the statements reading the
 * response: the parsed body through its mapper, the declared headers of a bodiless operation, a HEAD's
 * boolean, or a streamed binary body.
 */
import type { Operation, OperationResponse, TypeRef } from "../model/types.js";
import { operationContext } from "./anonymous.js";
import { binaryResultPart, binaryResultStatements, contextWithParts, hasBinaryResult } from "./bodies.js";
import type { EmitContext } from "./context.js";
import { binaryResponseType } from "./runtimeNames.js";
import { propertyKey, stringLiteral } from "./text.js";
import { publicType, wireType } from "./typeExpressions.js";
import type { UsedNames } from "./usedNames.js";
import { mappingExpression } from "./wireMapping.js";
import { readsXml, xmlRootName, xmlTypeText } from "./xml.js";

/** What the success responses return: the body's type, and whether every success response has one. */
export interface OperationResult {
  type: TypeRef;
  always: boolean;
}

/**
 * The single type the success responses return, or undefined for `void`. A long-running operation's
 * result is never `always`: its final response is the one core-lro ends on (a poll's 204, the final
 * GET of the resource, a 200 without a body), which the spec's responses do not describe.
 */
export function resultType(operation: Operation): OperationResult | undefined {
  const withBody = operation.responses.filter((r): r is OperationResponse & { bodyType: TypeRef } => r.bodyType !== undefined);
  const first = withBody[0];
  const always = operation.longRunning === undefined && operation.responses.every((r) => r.bodyType !== undefined);
  return first === undefined ? undefined : { type: first.bodyType, always };
}

/**
 * The response headers a bodiless operation returns: those its success responses declare (the first
 * declaration of a name wins). Operations with a body, HEAD-as-boolean and long-running operations
 * return none (their callers read headers with `onResponse`).
 */
function returnedHeaders(
  operation: Operation,
  result: { type: TypeRef } | undefined,
  headAsBoolean: boolean,
): OperationResponse["headers"] {
  if (result !== undefined || headAsBoolean || operation.longRunning !== undefined) {
    return [];
  }
  const byName = new Map<string, OperationResponse["headers"][number]>();
  for (const response of operation.responses) {
    for (const header of response.status === "default" ? [] : response.headers) {
      const key = header.serializedName.toLowerCase();
      if (!byName.has(key)) {
        byName.set(key, header);
      }
    }
  }
  return [...byName.values()];
}

/** A header's type in the returned object: the scalars a header can carry are parsed, anything else is the raw text. */
function headerType(type: TypeRef): TypeRef {
  return ["integer", "number", "boolean", "date", "bytes", "enum", "duration"].includes(type.kind) ? type : { kind: "string" };
}

/** The expression reading a header's raw text (`raw`, a string) as its type. */
function headerValue(type: TypeRef, raw: string, uses: UsedNames): string {
  switch (type.kind) {
    case "integer":
    case "number":
      return `Number(${raw})`;
    case "boolean":
      return `${raw}.toLowerCase() === "true"`;
    case "date":
      return type.format === "unixtime"
        ? `${uses.call("parseUnixTime")}(Number(${raw}))`
        : type.format === "date-time-rfc1123"
          ? `${uses.call("parseRfc1123Date")}(${raw})`
          : `${uses.call("parseDate")}(${raw})`;
    case "bytes":
      return `${uses.call("decodeBytes")}(${raw})`;
    case "enum":
      return `${raw} as ${type.name}`;
    default:
      return raw;
  }
}

/** A HEAD operation without a body that declares a 404 response returns a boolean (Azure's head-as-boolean). */
export function headReturnsBoolean(operation: Operation, result: { type: TypeRef } | undefined): boolean {
  return (
    operation.method === "head" &&
    result === undefined &&
    operation.longRunning === undefined &&
    operation.responses.some((r) => r.status === 404)
  );
}

/**
 * The call sending the request (`request`: the lines of its object literal), with `withRequestParts` for
 * the body's `parts` and a streamed binary success response.
 */
export function sendCall(
  operation: Operation,
  result: OperationResult | undefined,
  request: readonly string[],
  bodyParts: readonly string[],
  context: EmitContext,
  uses: UsedNames,
): string {
  const parts = [...bodyParts, ...(hasBinaryResult(operation) ? [binaryResultPart(operation)] : [])];
  // An XML success body is read by sendXmlOperation (src/xml.ts) into the JSON wire form the mappers take.
  const xmlResult =
    result !== undefined && readsXml(operation) ? xmlTypeText(result.type, xmlRootName(result.type, context), context) : undefined;
  const sendContext = contextWithParts(parts, uses, operationContext(operation, context, uses));
  return xmlResult === undefined
    ? `${uses.call("sendOperation")}(${sendContext}, {\n${request.join("\n")}\n}, options)`
    : `${uses.xmlValue("sendXmlOperation")}(${sendContext}, {\n${request.join("\n")}\n}, options, ${xmlResult}, ${uses.xmlValue("xmlModels")})`;
}

export interface ResultStatements {
  /** The type the statements return (without `Promise`). */
  returnType: string;
  statements: string[];
  /** Azure's head-as-boolean applies. */
  headAsBoolean: boolean;
  /** The response headers returned (a bodiless operation's), typed as they are read. */
  responseHeaders: OperationResponse["headers"];
}

/** The statements sending the request with `send` and returning what the response holds. */
export function resultStatements(
  operation: Operation,
  result: OperationResult | undefined,
  send: string,
  context: EmitContext,
  uses: UsedNames,
): ResultStatements {
  let returnType = "void";
  const resultStatements: string[] = [];
  // Azure's head-as-boolean: a HEAD operation whose spec declares a 404 (and no body) tells whether
  // the resource exists: true for a 2xx status, false for the 404.
  const headAsBoolean = headReturnsBoolean(operation, result);
  const responseHeaders = returnedHeaders(operation, result, headAsBoolean).map((h) => ({ ...h, type: headerType(h.type) }));
  if (responseHeaders.length > 0) {
    // A bodiless operation returns the headers its responses declare, parsed, as an object.
    returnType = `{ ${responseHeaders.map((h) => `${propertyKey(h.name)}?: ${publicType(h.type, context.unions)}`).join("; ")} }`;
    resultStatements.push(
      `const { response } = await ${send};`,
      `return {\n${responseHeaders
        .map((h) => {
          const raw = `response.headers.get(${stringLiteral(h.serializedName)})`;
          return `...(${raw} === undefined ? {} : { ${propertyKey(h.name)}: ${headerValue(h.type, `${raw}!`, uses)} }),`;
        })
        .join("\n")}\n};`,
    );
  } else if (headAsBoolean) {
    returnType = "boolean";
    resultStatements.push(`const { response } = await ${send};`, "return response.status >= 200 && response.status < 300;");
  } else if (result === undefined) {
    resultStatements.push(`await ${send};`);
  } else if (result.type.kind === "binary" && operation.longRunning === undefined) {
    // streamed, unread (bodies.ts)
    returnType = uses.type(binaryResponseType);
    resultStatements.push(...binaryResultStatements(send));
  } else {
    returnType = publicType(result.type, context.unions) + (result.always ? "" : " | undefined");
    resultStatements.push(`const response = await ${send};`);
    const mapped = mappingExpression(result.type, "wire", "deserialize", context, uses);
    // An x-nullable body may come as an empty body (parsed as undefined): that is its null.
    const body = result.always && result.type.nullable === true ? "(response.body ?? null)" : "response.body";
    if (mapped === undefined) {
      resultStatements.push(`return ${body} as ${returnType};`);
    } else {
      const wire = wireType(result.type, context, uses);
      if (result.always && result.type.kind !== "model" && result.type.nullable !== true) {
        // An empty body is returned as it comes (undefined), as an unmapped result is, instead of
        // being parsed (decodeBytes(undefined) throws). The wire type excludes undefined, so the
        // result type stays the declared one. A model's body keeps its mapper call as it is.
        resultStatements.push(`const wire = ${body} as ${wire};`, `return wire === undefined ? wire : ${mapped};`);
      } else if (result.always) {
        resultStatements.push(`const wire = ${body} as ${wire};`, `return ${mapped};`);
      } else {
        resultStatements.push(`const wire = response.body as ${wire} | undefined;`, `return wire === undefined ? undefined : ${mapped};`);
      }
    }
  }
  return { returnType, statements: resultStatements, headAsBoolean, responseHeaders };
}
