import {
  StructureKind,
  type ClassDeclarationStructure,
  type FunctionDeclarationStructure,
  type JSDocStructure,
  type MethodDeclarationStructure,
  type OptionalKind,
  type ParameterDeclarationStructure,
  type StatementStructures,
} from "ts-morph";
import type { Operation, OperationGroup, OperationResponse, Parameter, TypeRef } from "../model/types.js";
import { functionNameOf, type EmitContext } from "./context.js";
import {
  argumentType,
  binaryResultPart,
  binaryResultStatements,
  contextWithParts,
  hasBinaryResult,
  specialBody,
} from "./bodies.js";
import { isClientConstant } from "./clientParameters.js";
import { withClientDefault } from "./clientDefault.js";
import { codeSpan, docTag, jsDoc } from "./docs.js";
import { pagedLongRunningStatements, pagedParts, pageByLink } from "./paging.js";
import { argumentSource, operationArguments, optionalParamsTypeName, operationsClassName } from "./signature.js";
import { withRawQuery, type RawQueryValue } from "./rawQuery.js";
import { binaryBodyType, binaryResponseType } from "./runtimeNames.js";
import { propertyAccess, propertyKey, stringLiteral } from "./text.js";
import { modelTypeNames, publicType, wireType } from "./typeExpressions.js";
import { UsedNames } from "./usedNames.js";
import { versionChecks, versionNote } from "./versions.js";
import { valueChecks } from "./validation.js";
import { mappingExpression } from "./wireMapping.js";
import { readsXml, sendsXml, xmlRootName, xmlTypeText } from "./xml.js";

const jsonMediaType = /^application\/([\w.+-]+\+)?json\b/i;

/**
 * The single type the success responses return, or undefined for `void`. A long-running operation's
 * result is never `always`: its final response is the one core-lro ends on (a poll's 204, the final
 * GET of the resource, a 200 without a body), which the spec's responses do not describe.
 */
function resultType(operation: Operation): { type: TypeRef; always: boolean } | undefined {
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
function returnedHeaders(operation: Operation, result: { type: TypeRef } | undefined, headAsBoolean: boolean): OperationResponse["headers"] {
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
function headReturnsBoolean(operation: Operation, result: { type: TypeRef } | undefined): boolean {
  return operation.method === "head" && result === undefined && operation.longRunning === undefined && operation.responses.some((r) => r.status === 404);
}

/**
 * `processResult` of a long-running operation's poller: the final response's parsed body
 * (`body`, unknown to core-lro) as the operation's result, deserialized with the model's mapper.
 */
function processResult(result: { type: TypeRef; always: boolean } | undefined, resultTypeText: string, context: EmitContext, uses: UsedNames): string {
  if (result === undefined) {
    return "() => undefined";
  }
  const mapped = mappingExpression(result.type, "wire", "deserialize", context, uses);
  if (mapped === undefined) {
    return `(body) => body as ${resultTypeText}`;
  }
  const wire = wireType(result.type, context, uses);
  if (!result.always) {
    return `(body) => {\nconst wire = body as ${wire} | undefined;\nreturn wire === undefined ? undefined : ${mapped};\n}`;
  }
  return /^\w+\(wire\)$/.test(mapped) ? `(body) => ${mapped.replace("(wire)", `(body as ${wire})`)}` : `(body) => {\nconst wire = body as ${wire};\nreturn ${mapped};\n}`;
}

/** Expression for a parameter value as written into a URL or header (a WireScalar or array of them). */
export function urlValue(type: TypeRef, source: string, uses: UsedNames): string {
  switch (type.kind) {
    case "date":
      if (type.format === "date-time") {
        return source;
      }
      return type.format === "unixtime" ? `${uses.call("formatUnixTime")}(${source})` : `${uses.call("formatDate")}(${source}, ${stringLiteral(type.format)})`;
    case "bytes":
      return type.format === "byte" ? `${uses.call("encodeBytes")}(${source})` : `${uses.call("encodeBytes")}(${source}, "base64url")`;
    case "array": {
      const item = urlValue(type.items, "item", uses);
      return item === "item" ? source : `${source}.map((item) => ${item})`;
    }
    case "constant":
      return JSON.stringify(type.value);
    case "model":
    case "dictionary":
    case "unknown":
      return `JSON.stringify(${source})`;
    default:
      return source;
  }
}

/**
 * `joinCollection(...)` for an array parameter sent as one value (path, header, or a query parameter
 * that is not `multi`); csv, the default, is not spelled out. (`multi` outside a query is joined as csv.)
 */
export function joinedValue(value: string, format: Parameter["collectionFormat"], uses: UsedNames): string {
  const join = uses.call("joinCollection");
  return format === undefined || format === "csv" || format === "multi" ? `${join}(${value})` : `${join}(${value}, ${stringLiteral(format)})`;
}

/**
 * The items of a `multi` query array as `repeatQueryParameter` takes them: a null array is not sent (as
 * an absent one), a null item is sent as an empty value (`?ids=a&ids=`).
 */
function multiValues(type: TypeRef, value: string): string {
  const wrapped = /^[\w.?]+$/.test(value) ? value : `(${value})`;
  const present = type.nullable === true ? `${wrapped} ?? undefined` : value;
  if (type.kind !== "array" || type.items.nullable !== true) return present;
  return `${type.nullable === true ? `(${present})` : wrapped}?.map((item) => item ?? "")`;
}

interface OperationParts {
  /** The standalone `async function` holding the request logic. */
  fn: FunctionDeclarationStructure;
  /** The class method delegating to it. */
  method: MethodDeclarationStructure;
  /** What the function's statements and signature use from other files (models excepted). */
  uses: UsedNames;
  modelTypes: string[];
  optionsType?: string;
  /** Returns a PagedAsyncIterableIterator (x-ms-pageable). */
  paged: boolean;
  /** Returns core-lro's poller (x-ms-long-running-operation). */
  longRunning: boolean;
}

/**
 * The function of one operation, and the class method that delegates to it. Both have the same
 * JSDoc, parameters and return type; the function takes `context` first, where the method
 * passes its client. `context` is an `OperationContext`, intersected with the client's type for the
 * client-level parameters the operation reads (`Pick<Client, "subscriptionId">`), if any.
 */
function operationParts(group: OperationGroup, operation: Operation, context: EmitContext): OperationParts {
  const uses = new UsedNames();
  // `all`: every value sent, parameter groups opened and a spread body built (signature.ts)
  const { positional, optional, values: all } = operationArguments(operation);
  const sourceOf = argumentSource;
  const sentBody = (a: (typeof all)[number]): boolean => a.body?.spread !== undefined;
  const statements: string[] = versionChecks(operation, all.filter((a) => !a.required), all.filter((a) => a.required && !sentBody(a)), sourceOf, context, uses);

  // a required parameter group first, then the values (a built spread body is checked by its properties)
  for (const argument of [...positional.filter((a) => a.group !== undefined), ...all.filter((a) => !sentBody(a))]) {
    statements.push(
      ...valueChecks(
        argument.type,
        sourceOf(argument),
        // a grouped value is named by where the caller puts it (`group.value`)
        stringLiteral(argument.inGroup !== undefined ? sourceOf(argument).replaceAll("?.", ".") : argument.name),
        { required: argument.required, nullable: argument.type.nullable === true, constraints: argument.parameter?.constraints },
        context,
        uses,
      ),
    );
  }

  const pathValues = all
    .filter((a) => a.parameter?.location === "path")
    .map((a) => {
      const mapped = urlValue(a.type, sourceOf(a), uses);
      const value = a.type.kind === "array" ? joinedValue(mapped, a.parameter?.collectionFormat, uses) : mapped;
      const encoded = a.parameter?.skipUrlEncoding ? `${uses.call("formatScalar")}(${value})` : `${uses.call("encodePathValue")}(${value})`;
      return `${propertyKey(a.serializedName)}: ${encoded},`;
    });
  // A constant path parameter (a single-value enum) is no argument: its value is written into the path here.
  for (const parameter of operation.parameters.filter((p) => p.location === "path" && !p.clientLevel && p.type.kind === "constant")) {
    const text = String(parameter.type.kind === "constant" ? parameter.type.value : "");
    pathValues.push(`${propertyKey(parameter.serializedName)}: ${stringLiteral(parameter.skipUrlEncoding ? text : encodeURIComponent(text))},`);
  }
  const clientParameters = operation.clientParameters.flatMap((name) => context.model.client.parameters.filter((p) => p.name === name));
  const sentParameters = [...operation.parameters, ...clientParameters.filter((p) => !operation.parameters.includes(p))];
  // Members of the client, beyond OperationContext's, that the function reads from `context`.
  const clientMembers = new Set<string>();
  for (const parameter of sentParameters.filter((p) => p.location === "path" && p.clientLevel)) {
    if (!isClientConstant(parameter)) clientMembers.add(parameter.name);
    const value = urlValue(parameter.type, `context.${parameter.name}`, uses);
    const encoded = parameter.skipUrlEncoding ? `${uses.call("formatScalar")}(${value})` : `${uses.call("encodePathValue")}(${value})`;
    pathValues.push(`${propertyKey(parameter.serializedName)}: ${encoded},`);
  }
  const query: string[] = [];
  const rawQuery: RawQueryValue[] = [];
  const headers: string[] = [];
  const apiVersion = context.model.client.apiVersion;
  // (not when the operation has a query parameter of that name of its own, `x-ms-api-version: false`)
  if (apiVersion !== undefined && !operation.parameters.some((p) => p.isApiVersion || (p.location === "query" && p.serializedName === apiVersion.serializedName))) {
    query.push(`{ name: ${stringLiteral(apiVersion.serializedName)}, value: context.apiVersion },`);
  }
  // A constant query parameter that the path template's own query already sends (`/xml/?comp=list` and
  // `comp` = "list") is not sent twice.
  const pathQuery = new URLSearchParams(operation.path.includes("?") ? operation.path.slice(operation.path.indexOf("?") + 1) : "");
  const sentInPath = (p: Parameter): boolean => p.location === "query" && p.type.kind === "constant" && pathQuery.get(p.serializedName) === String(p.type.value);
  for (const parameter of sentParameters.filter((p) => (p.location === "query" || p.location === "header") && !sentInPath(p))) {
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
    const optional = argument !== undefined ? !argument.required && parameter.clientDefault === undefined : parameter.clientLevel && !parameter.isApiVersion && !parameter.required;
    const guard = (expression: string): string =>
      optional && expression !== source ? `${source} === undefined ? undefined : ${expression}` : expression;
    const value = urlValue(parameter.type, source, uses);
    if (parameter.clientLevel && !parameter.isApiVersion && !isClientConstant(parameter)) {
      clientMembers.add(parameter.name);
    }
    const kind = parameter.type.kind;
    const name = stringLiteral(parameter.serializedName);
    if (parameter.location === "query") {
      if (parameter.skipUrlEncoding && kind !== "array") {
        // sent as written: through the path template (rawQuery.ts)
        const text = kind === "constant" ? stringLiteral(String(parameter.type.kind === "constant" ? parameter.type.value : "")) : kind === "string" ? value : `${uses.call("formatScalar")}(${value})`;
        rawQuery.push({ name: parameter.serializedName, text, ...(optional ? { presence: `${source} !== undefined` } : {}) });
      } else if (kind !== "array") {
        query.push(`{ name: ${name}, value: ${guard(value)} },`);
      } else if (parameter.collectionFormat === "multi") {
        // one entry per item, spread into the list (none when the array is undefined)
        query.push(`...${uses.call("repeatQueryParameter")}(${name}, ${multiValues(parameter.type, guard(value))}),`);
      } else {
        query.push(`{ name: ${name}, value: ${guard(joinedValue(value, parameter.collectionFormat, uses))} },`);
      }
      continue;
    }
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
    headers.push(`${name}: ${guard(text)},`);
  }

  const result = resultType(operation);
  const longRunning = operation.longRunning;
  // A next-page operation's parameters take the values of this operation's of the same name and location.
  const argumentOf = (p: Parameter): { source: string; optional: boolean } | undefined => {
    const argument = all.find((a) => a.parameter?.location === p.location && a.parameter.serializedName === p.serializedName);
    return argument === undefined ? undefined : { source: sourceOf(argument), optional: !argument.required };
  };
  const paged = pagedParts(operation, result, result?.always !== true || longRunning !== undefined, context, argumentOf, uses);
  paged?.clientMembers.forEach((m) => clientMembers.add(m));
  // Only an ordinary pageable operation's `send` sends both the first page and the next ones.
  const pagedSend = paged !== undefined && longRunning === undefined;
  const accept = operation.produces.length > 0 ? operation.produces.join(", ") : result !== undefined ? "application/json" : undefined;
  if (accept !== undefined) {
    headers.unshift(`Accept: ${stringLiteral(accept)},`);
  }
  let bodyLine = "";
  const bodyArgument = all.find((a) => a.body !== undefined);
  // A body that is binary, form fields or one of several media types (bodies.ts), set on the request by `withRequestParts`.
  const special = specialBody(
    operation, all, sourceOf,
    (source) => [...(paged !== undefined ? ["!firstPage"] : []), ...(source === undefined || bodyArgument?.required ? [] : [`${source} === undefined`])].join(" || "),
    (type, source) => urlValue(type, source, uses), context, uses,
  );
  const parts = [...(special?.parts ?? []), ...(hasBinaryResult(operation) ? [binaryResultPart(operation)] : [])];
  if (special !== undefined) {
    headers.push(...special.headers);
    bodyLine = special.bodyLine;
  } else if (bodyArgument !== undefined) {
    const source = sourceOf(bodyArgument);
    const mediaType = operation.consumes[0] ?? "application/json";
    const isJson = jsonMediaType.test(mediaType);
    const mapped = mappingExpression(bodyArgument.type, source, "serialize", context, uses) ?? source;
    const root = sendsXml(operation) ? xmlRootName(bodyArgument.type, context) : undefined;
    const text = root !== undefined
      ? `${uses.xmlValue("writeXml")}(${mapped}, ${xmlTypeText(bodyArgument.type, root, context)}, ${stringLiteral(root)}, ${uses.xmlValue("xmlModels")})`
      : isJson ? `JSON.stringify(${mapped})` : mapped;
    const contentType = stringLiteral(mediaType);
    // A pageable operation's next pages are GETs without a body.
    const absent = [...(pagedSend ? ["!firstPage"] : []), ...(bodyArgument.required ? [] : [`${source} === undefined`])].join(" || ");
    headers.push(`"Content-Type": ${absent === "" ? contentType : `${absent} ? undefined : ${contentType}`},`);
    bodyLine = `body: ${absent === "" ? text : `${absent} ? undefined : ${text}`},`;
  }

  const raw = withRawQuery(context.model.client.endpoint.basePath.replace(/\/+$/, "") + operation.path, rawQuery);
  const fullPath = raw.path;
  pathValues.push(...raw.entries);
  const urlStatement = `const url = ${uses.call("buildRequestUrl")}(context.endpoint, ${stringLiteral(fullPath)}, ${pathValues.length > 0 ? `{\n${pathValues.join("\n")}\n}` : "{}"}${
    query.length > 0 ? `, [\n${query.join("\n")}\n]` : ""
  });`;
  const successStatuses = operation.responses.map((r) => r.status).filter((s): s is number => s !== "default");
  const request = [
    pagedSend && operation.method !== "get"
      ? `method: firstPage ? ${stringLiteral(operation.method.toUpperCase())} : "GET",`
      : `method: ${stringLiteral(operation.method.toUpperCase())},`,
    "url,",
    `headers: {\n${headers.join("\n")}\n},`,
    ...(bodyLine ? [bodyLine] : []),
    `successStatuses: [${successStatuses.join(", ")}],`,
  ];
  // An XML success body is read by sendXmlOperation (src/xml.ts) into the JSON wire form the mappers take.
  const xmlResult = result !== undefined && readsXml(operation) ? xmlTypeText(result.type, xmlRootName(result.type, context), context) : undefined;
  // What the request and result statements use: kept only where they are (not by long-running operations,
  // whose requests longRunningOperation sends).
  const resultUses = new UsedNames();
  const send = xmlResult === undefined
    ? `${resultUses.call("sendOperation")}(${contextWithParts(parts, resultUses)}, {\n${request.join("\n")}\n}, options)`
    : `${resultUses.xmlValue("sendXmlOperation")}(${contextWithParts(parts, resultUses)}, {\n${request.join("\n")}\n}, options, ${xmlResult}, ${resultUses.xmlValue("xmlModels")})`;
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
          return `...(${raw} === undefined ? {} : { ${propertyKey(h.name)}: ${headerValue(h.type, `${raw}!`, resultUses)} }),`;
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
    returnType = resultUses.type(binaryResponseType);
    resultStatements.push(...binaryResultStatements(send));
  } else {
    returnType = publicType(result.type, context.unions) + (result.always ? "" : " | undefined");
    resultStatements.push(`const response = await ${send};`);
    const mapped = mappingExpression(result.type, "wire", "deserialize", context, resultUses);
    // An x-nullable body may come as an empty body (parsed as undefined): that is its null.
    const body = result.always && result.type.nullable === true ? "(response.body ?? null)" : "response.body";
    if (mapped === undefined) {
      resultStatements.push(`return ${body} as ${returnType};`);
    } else {
      const wire = wireType(result.type, context, resultUses);
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
  let returnTypeText = `Promise<${returnType}>`;
  if (longRunning !== undefined) {
    // core-lro polls; each request (the initial one, polls, the final GET) goes through sendOperation.
    const finalStateVia = longRunning.finalStateVia;
    const pollerOptions = [
      ...(finalStateVia === undefined ? [] : [`resourceLocationConfig: ${stringLiteral(finalStateVia)},`]),
      "intervalInMs: options.updateIntervalInMs,",
    ];
    const initial = `${uses.call("longRunningOperation")}(${contextWithParts(special?.parts ?? [], uses)}, {\n${request.join("\n")}\n}, options)`;
    if (paged !== undefined && result !== undefined) {
      // The final result is the first page: the poller resolves with the iterator over every page.
      const lro = pagedLongRunningStatements({ paged, pageTypeRef: result.type, context, headers, operation: initial, pollerOptions, uses });
      returnType = lro.resultType;
      statements.push(urlStatement, ...lro.statements);
    } else {
      pollerOptions.push(`processResult: ${processResult(result, returnType, context, uses)},`);
      statements.push(urlStatement, `return ${uses.lro("createHttpPoller")}<${returnType}, OperationState<${returnType}>>(${initial}, {\n${pollerOptions.join("\n")}\n});`);
    }
    returnTypeText = `Promise<SimplePollerLike<OperationState<${returnType}>, ${returnType}>>`;
  } else if (paged === undefined) {
    uses.add(resultUses);
    statements.push(urlStatement, ...resultStatements);
  } else {
    // One `send` for every page: the first page's URL is built from the parameters (after the
    // checks), the others are next links, always fetched with GET.
    // Only the first request has the operation's own method and body.
    uses.add(resultUses);
    const firstDiffers = operation.method !== "get" || bodyArgument !== undefined;
    const firstPage = [...statements, urlStatement, `return send(url${firstDiffers ? ", true" : ""});`];
    statements.length = 0;
    statements.push(
      `const send = async (url: string${firstDiffers ? ", firstPage: boolean" : ""}): Promise<${returnType}> => {\n${resultStatements.join("\n")}\n};`,
      `return ${uses.call("createPagedIterator")}(\nasync () => {\n${firstPage.join("\n")}\n},\n${pageByLink(paged, firstDiffers ? ", false" : "")},\n(page) => (${paged.parts}),\n);`,
    );
    returnTypeText = `PagedAsyncIterableIterator<${paged.itemType}, ${returnType}>`;
  }

  const optionsType =
    optional.length > 0 ? optionalParamsTypeName(group, operation) : longRunning !== undefined ? "LroOperationOptions" : "OperationOptions";
  const successResponse = operation.responses.find((r) => r.bodyType !== undefined);
  const tags = [
    ...positional.map((a) => docTag("param", `${a.name} - ${a.description ?? `The ${a.serializedName} ${a.body ? "body" : "parameter"}.`}`)),
    { kind: StructureKind.JSDocTag as const, tagName: "param", text: "options - Optional parameters and per-request options." },
    ...(longRunning !== undefined
      ? [docTag("returns", `A poller of the operation, started; ${codeSpan("pollUntilDone()")} resolves with ${result === undefined ? "nothing" : paged !== undefined ? `the items of every page, the final result (${successResponse?.description ?? "the response body"}) first; ${codeSpan("byPage()")} yields the pages` : `the final result (${successResponse?.description ?? "the response body"})`}.`)]
      : paged !== undefined
      ? [docTag("returns", `The items of every page, fetched as they are read; ${codeSpan("byPage()")} yields the pages (${successResponse?.description ?? "the response bodies"}).`)]
      : headAsBoolean
        ? [docTag("returns", `${codeSpan("true")} when the service answers with a 2xx status, ${codeSpan("false")} when it answers 404.`)]
        : responseHeaders.length > 0
        ? [docTag("returns", `The response headers the spec declares (${responseHeaders.map((h) => codeSpan(h.serializedName)).join(", ")}), read as their types; an absent header is left out.`)]
        : result !== undefined
          ? [docTag("returns", successResponse?.description ?? "The response body.")]
          : []),
    ...(operation.deprecated ? [{ kind: StructureKind.JSDocTag as const, tagName: "deprecated", text: "The service marks this operation deprecated." }] : []),
  ];
  // Summary, then description; many specs repeat one as the other, which is said once.
  const texts = [operation.summary, operation.description].map((t) => t?.trim() ?? "").filter((t) => t !== "");
  const description = [...new Set(texts)].join("\n\n");
  const docs = (extraTags: typeof tags): JSDocStructure[] =>
    jsDoc(description || undefined, `Sends ${codeSpan(`${operation.method.toUpperCase()} ${operation.path}`)}.`, {
      tags: [...extraTags, ...tags],
      note: versionNote(context.model, operation.apiVersions),
    });
  const parameters: OptionalKind<ParameterDeclarationStructure>[] = [
    ...positional.map((a) => ({ name: a.name, type: argumentType(a, operation, context, uses) })),
    { name: "options", type: optionsType, initializer: "{}" },
  ];
  const clientName = context.model.client.name;
  const picked = [...clientMembers].sort();
  const contextType = picked.length === 0 ? "OperationContext" : `OperationContext & Pick<${clientName}, ${picked.map(stringLiteral).join(" | ")}>`;
  const functionName = functionNameOf(context, operation);
  const fn: FunctionDeclarationStructure = {
    kind: StructureKind.Function,
    name: functionName,
    isExported: true,
    isAsync: paged === undefined || longRunning !== undefined,
    docs: docs([{ kind: StructureKind.JSDocTag, tagName: "param", text: contextDoc(context, picked) }]),
    parameters: [{ name: "context", type: contextType }, ...parameters],
    returnType: returnTypeText,
    statements: statements.join("\n"),
  };
  const method: MethodDeclarationStructure = {
    kind: StructureKind.Method,
    name: operation.name,
    isAsync: paged === undefined || longRunning !== undefined,
    docs: docs([]),
    parameters,
    returnType: returnTypeText,
    statements: `return ${functionName}(${["this.#client", ...parameters.map((p) => p.name)].join(", ")});`,
  };
  const modelTypes = [
    ...positional.flatMap((a) => modelTypeNames(a.type, context.unions)),
    ...(result ? modelTypeNames(result.type, context.unions) : []),
    ...responseHeaders.flatMap((h) => modelTypeNames(h.type, context.unions)),
    ...(paged ? modelTypeNames(paged.items, context.unions) : []),
  ];
  return {
    fn,
    method,
    uses,
    modelTypes,
    optionsType: optional.length > 0 ? optionsType : undefined,
    paged: paged !== undefined,
    longRunning: longRunning !== undefined,
  };
}

/** The `@param context` text of an operation function that reads `clientMembers` beyond OperationContext's. */
function contextDoc(context: EmitContext, clientMembers: readonly string[]): string {
  const { client } = context.model;
  const members = ["endpoint", ...(client.apiVersion === undefined ? [] : ["api-version"]), "pipeline", "HTTP client", ...clientMembers.map(codeSpan)];
  const what = `${members.slice(0, -1).join(", ")} and ${members[members.length - 1]}`;
  return `context - The ${what} the request uses (instances of ${codeSpan(client.name)} and ${codeSpan(`${client.name}Core`)} have them).`;
}

/** Statements of `src/operations/<group>.ts`. */
export function operationsStatements(group: OperationGroup, context: EmitContext, clientFile: string): StatementStructures[] {
  const parts = group.operations.map((o) => operationParts(group, o, context));
  // the file's imports: what its parts noted as they were built
  const uses = parts.reduce((all, p) => all.add(p.uses), new UsedNames());
  const usesPlainOptions = parts.some((p) => p.optionsType === undefined && !p.longRunning);
  const usesLroOptions = parts.some((p) => p.optionsType === undefined && p.longRunning);
  const modelNames = new Set(parts.flatMap((p) => [...p.modelTypes, ...(p.optionsType ? [p.optionsType] : [])]));
  const mapperNames = [...uses.mappers, ...[...uses.wireTypes].map((name) => `type ${name}`)];
  const statements: StatementStructures[] = [];
  if (parts.some((p) => p.longRunning)) {
    // Only specs with long-running operations import core-lro (a dependency of their package).
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "@azure/core-lro",
      namedImports: ["createHttpPoller", "type OperationState", "type SimplePollerLike"],
    });
  }
  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: clientFile, isTypeOnly: true, namedImports: [context.model.client.name] });
  if (modelNames.size > 0) {
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "../models.js", isTypeOnly: true, namedImports: [...modelNames].sort() });
  }
  if (mapperNames.length > 0) {
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "../mappers.js", namedImports: mapperNames.sort((a, b) => a.replace(/^type /, "").localeCompare(b.replace(/^type /, ""))) });
  }
  const runtimeImports = [...[...uses.runtime].sort(), ...(usesLroOptions ? ["type LroOperationOptions"] : []), "type OperationContext"];
  if (usesPlainOptions) {
    runtimeImports.push("type OperationOptions");
  }
  // the binary body and response types (bodies.ts), when a signature or a cast names them
  for (const type of [binaryBodyType, binaryResponseType] as const) {
    if (uses.runtimeTypes.has(type)) {
      runtimeImports.push(`type ${type}`);
    }
  }
  if (parts.some((p) => p.paged)) {
    runtimeImports.push("type PagedAsyncIterableIterator");
  }
  statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "../runtime.js", namedImports: runtimeImports });
  if (uses.validators.size > 0) {
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "../validators.js", namedImports: [...uses.validators].sort() });
  }
  const xmlHelpers = (["sendXmlOperation", "writeXml"] as const).filter((helper) => uses.xml.has(helper));
  if (xmlHelpers.length > 0) {
    // only clients with XML operations have these files (and depend on @azure/core-xml)
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "../xml.js", namedImports: xmlHelpers });
    statements.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "../xmlModels.js", namedImports: ["xmlModels"] });
  }
  const cls: ClassDeclarationStructure = {
    kind: StructureKind.Class,
    name: operationsClassName(group),
    isExported: true,
    docs: jsDoc(undefined, group.typeName ? `Operations of the ${codeSpan(group.typeName)} group.` : "Operations without a group."),
    properties: [{ name: "#client", type: context.model.client.name, isReadonly: true }],
    ctors: [
      {
        parameters: [{ name: "client", type: context.model.client.name }],
        statements: "this.#client = client;",
        docs: jsDoc(undefined, "Created by the client; use its property instead.", {
          tags: [{ kind: StructureKind.JSDocTag, tagName: "param", text: "client - The client whose endpoint, pipeline and api-version requests use." }],
        }),
      },
    ],
    methods: parts.map((p) => p.method),
  };
  statements.push(...parts.map((p) => p.fn), cls);
  return statements;
}
