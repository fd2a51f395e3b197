/**
 * What a pageable operation's function adds to an ordinary one: where a page holds its items and its
 * next link, how the URL of a next page is made (the next link itself, or a next-page operation's
 * own URL built from the next link and the operation's arguments), and, for an operation that is also
 * long-running, the poller whose result is the iterator over the pages.
 */
import type { Operation, Parameter, TypeRef } from "../model/types.js";
import type { EmitContext } from "./context.js";
import { propertyAccess, propertyKey, stringLiteral } from "./text.js";
import { publicType, wireType } from "./typeExpressions.js";
import { absentGuard } from "./requestValues.js";
import { joinedValue, requestPath, urlValue } from "./url.js";
import type { UsedNames } from "./usedNames.js";
import { mappingExpression } from "./wireMapping.js";

/** Where a parameter of the paged operation itself takes its value: the expression, and whether it may be undefined. */
export type ArgumentSource = (parameter: Parameter) => { source: string; optional: boolean; nullable: boolean } | undefined;

export interface PagedParts {
  /** Type of the page's items. */
  items: TypeRef;
  itemType: string;
  /** The URL expression of a next page (reads `nextLink` when `usesLink`). */
  nextUrl: string;
  /** Whether `nextUrl` reads `nextLink` (a next-page operation without a link parameter does not). */
  usesLink: boolean;
  /** Object literal: the items and the next link of `page`. */
  parts: string;
  /** Members of the client, beyond OperationContext's, that `nextUrl` reads. */
  clientMembers: string[];
}

/**
 * What a pageable operation's iterator needs: item type, next-page URL, and where a page holds its
 * items and next link. `optionalPage`: the page may be undefined (its members are read with `?.`).
 */
export function pagedParts(
  operation: Operation,
  result: { type: TypeRef } | undefined,
  optionalPage: boolean,
  context: EmitContext,
  argumentOf: ArgumentSource,
  uses: UsedNames,
): PagedParts | undefined {
  const paging = operation.paging;
  if (paging === undefined || result?.type.kind !== "model") {
    return undefined;
  }
  // the page's own wire properties: a flattened one (`wirePath`) is not at the top of the page
  const properties = (context.properties.get(result.type.name) ?? []).filter((p) => p.wirePath === undefined);
  const itemsProperty = properties.find((p) => p.serializedName === paging.itemName);
  if (itemsProperty?.type.kind !== "array") {
    return undefined;
  }
  const member = (name: string): string => {
    const access = propertyAccess("", name); // `.name` or `["name"]`
    return optionalPage ? `page?${access.startsWith(".") ? access : `.${access}`}` : `page${access}`;
  };
  const nextLinkProperty = properties.find((p) => p.serializedName === paging.nextLinkName);
  const apiVersion = context.model.client.apiVersion;
  const next = paging.nextOperation;
  const target =
    next === undefined
      ? undefined
      : context.model.operationGroups.flatMap((g) => g.operations).find((o) => o.operationId === next.operationId);
  const nextUrl =
    next === undefined || target === undefined
      ? {
          url: `${uses.call("nextPageUrl")}(context.endpoint, nextLink${apiVersion === undefined ? "" : `, { name: ${stringLiteral(apiVersion.serializedName)}, value: context.apiVersion }`})`,
          usesLink: true,
          clientMembers: [],
        }
      : nextOperationUrl(target, next.nextLinkParameter, context, argumentOf, uses);
  return {
    items: itemsProperty.type.items,
    itemType: publicType(itemsProperty.type.items, context.unions),
    nextUrl: nextUrl.url,
    usesLink: nextUrl.usesLink,
    parts: `{ items: ${member(itemsProperty.name)}${nextLinkProperty === undefined ? "" : `, nextLink: ${member(nextLinkProperty.name)}`} }`,
    clientMembers: nextUrl.clientMembers,
  };
}

/**
 * `buildRequestUrl(...)` of a next-page operation: its path template, the next link in its link
 * parameter, and its other path and query parameters from their constant, the client, or the paged
 * operation's argument of the same name and location (an optional one without any is left out).
 * Headers are the paged operation's own (every page is sent by the same `send`).
 */
function nextOperationUrl(
  target: Operation,
  linkParameter: string | undefined,
  context: EmitContext,
  argumentOf: ArgumentSource,
  uses: UsedNames,
): { url: string; usesLink: boolean; clientMembers: string[] } {
  const clientMembers = new Set<string>();
  const clientParameters = target.clientParameters.flatMap((name) => context.model.client.parameters.filter((p) => p.name === name));
  const parameters = [...target.parameters, ...clientParameters.filter((p) => !target.parameters.includes(p))];
  const valueOf = (p: Parameter): ReturnType<ArgumentSource> => {
    if (p.isApiVersion) return { source: "context.apiVersion", optional: false, nullable: false };
    if (p.type.kind === "constant") return { source: JSON.stringify(p.type.value), optional: false, nullable: false };
    if (p.clientLevel) {
      clientMembers.add(p.name);
      return { source: `context.${p.name}`, optional: !p.required, nullable: p.type.nullable === true };
    }
    return argumentOf(p);
  };
  const pathValues: string[] = [];
  let usesLink = false;
  for (const p of parameters.filter((p) => p.location === "path")) {
    if (p.serializedName === linkParameter) {
      usesLink = true;
      pathValues.push(`${propertyKey(p.serializedName)}: ${p.skipUrlEncoding ? "nextLink" : `${uses.call("encodePathValue")}(nextLink)`},`);
      continue;
    }
    const found = valueOf(p);
    if (found === undefined) continue;
    if (p.type.kind === "constant") {
      const text = String(p.type.value);
      pathValues.push(`${propertyKey(p.serializedName)}: ${stringLiteral(p.skipUrlEncoding ? text : encodeURIComponent(text))},`);
      continue;
    }
    const mapped = urlValue(p.type, found.source, uses);
    const value = p.type.kind === "array" ? joinedValue(mapped, p.collectionFormat, uses) : mapped;
    const encoded = p.skipUrlEncoding ? `${uses.call("formatScalar")}(${value})` : `${uses.call("encodePathValue")}(${value})`;
    pathValues.push(`${propertyKey(p.serializedName)}: ${found.nullable ? `${found.source} === null ? "" : ${encoded}` : encoded},`);
  }
  const query: string[] = [];
  const apiVersion = context.model.client.apiVersion;
  if (apiVersion !== undefined && !target.parameters.some((p) => p.isApiVersion)) {
    query.push(`{ name: ${stringLiteral(apiVersion.serializedName)}, value: context.apiVersion },`);
  }
  for (const p of parameters.filter((p) => p.location === "query")) {
    const found = valueOf(p);
    if (found === undefined) continue;
    const value = p.type.kind === "constant" ? found.source : urlValue(p.type, found.source, uses);
    const guard = (expression: string): string => absentGuard(found.source, expression, found.optional, found.nullable);
    const name = stringLiteral(p.serializedName);
    if (p.type.kind !== "array") {
      query.push(`{ name: ${name}, value: ${guard(value)} },`);
    } else if (p.collectionFormat === "multi") {
      query.push(`...${uses.call("repeatQueryParameter")}(${name}, ${guard(value)}),`);
    } else {
      query.push(`{ name: ${name}, value: ${guard(joinedValue(value, p.collectionFormat, uses))} },`);
    }
  }
  const fullPath = context.model.client.endpoint.basePath.replace(/\/+$/, "") + requestPath(target.path);
  const url = `${uses.call("buildRequestUrl")}(context.endpoint, ${stringLiteral(fullPath)}, ${pathValues.length > 0 ? `{\n${pathValues.join("\n")}\n}` : "{}"}${
    query.length > 0 ? `, [\n${query.join("\n")}\n]` : ""
  })`;
  return { url, usesLink, clientMembers: [...clientMembers] };
}

/** `(nextLink) => send(<url>[, false])`: the iterator's request of a page by its link. */
function pageByLink(paged: PagedParts, extraArgument: string): string {
  return `(${paged.usesLink ? "nextLink" : ""}) => send(${paged.nextUrl}${extraArgument})`;
}

/**
 * The statements of an ordinary pageable operation: one `send` for every page, the first page's URL built
 * from the parameters (after the checks, `firstPage`), the others next links, always fetched with GET;
 * only the first request has the operation's own method and body (`firstDiffers`).
 */
export function pagedStatements(args: {
  paged: PagedParts;
  /** The checks, then the URL statement: the first page's request. */
  firstPageStatements: readonly string[];
  /** The statements of `send`, reading `url`. */
  sendStatements: readonly string[];
  /** The type a page is read as. */
  pageType: string;
  firstDiffers: boolean;
  uses: UsedNames;
}): { statements: string[]; returnTypeText: string } {
  const { paged, firstDiffers } = args;
  const firstPage = [...args.firstPageStatements, `return send(url${firstDiffers ? ", true" : ""});`];
  return {
    statements: [
      `const send = async (url: string${firstDiffers ? ", firstPage: boolean" : ""}): Promise<${args.pageType}> => {\n${args.sendStatements.join("\n")}\n};`,
      `return ${args.uses.call("createPagedIterator")}(\nasync () => {\n${firstPage.join("\n")}\n},\n${pageByLink(paged, firstDiffers ? ", false" : "")},\n(page) => (${paged.parts}),\n);`,
    ],
    returnTypeText: `PagedAsyncIterableIterator<${paged.itemType}, ${args.pageType}>`,
  };
}

/**
 * A pageable long-running operation: `send` fetches next pages (GETs with the operation's headers,
 * without its body), and the poller's `processResult` turns the final response's body, the first
 * page, into the iterator over every page.
 */
export function pagedLongRunningStatements(args: {
  paged: PagedParts;
  pageTypeRef: TypeRef;
  context: EmitContext;
  /** Header lines of the operation's request (`"name": value,`), Content-Type included; next pages are GETs answered 200. */
  headers: string[];
  /** `createHttpPoller`'s first argument: the long-running operation. */
  operation: string;
  /** The context next pages are sent with (anonymous.ts). */
  sendContext: string;
  /** The poller's options, `processResult` excepted. */
  pollerOptions: string[];
  /** Notes what the statements call. */
  uses: UsedNames;
}): { statements: string[]; resultType: string } {
  const { paged, context, uses } = args;
  const pageType = publicType(args.pageTypeRef, context.unions);
  const iteratorType = `PagedAsyncIterableIterator<${paged.itemType}, ${pageType}>`;
  const mapped = mappingExpression(args.pageTypeRef, "wire", "deserialize", context, uses);
  const wire = wireType(args.pageTypeRef, context, uses);
  const headers = args.headers.filter((h) => !h.startsWith(`"Content-Type":`));
  const send = [
    `const response = await ${uses.call("sendOperation")}(${args.sendContext}, {\nmethod: "GET",\nurl,\nheaders: {\n${headers.join("\n")}\n},\nsuccessStatuses: [200],\n}, options);`,
    ...(mapped === undefined ? [`return response.body as ${pageType};`] : [`const wire = response.body as ${wire};`, `return ${mapped};`]),
  ];
  // An empty final body (no page) gives no items: the page's members are read with `?.`.
  const firstPage =
    mapped === undefined
      ? `const firstPage = body as ${pageType};`
      : `const wire = body as ${wire} | undefined;\nconst firstPage = (wire === undefined ? wire : ${mapped}) as ${pageType};`;
  const processResult = `(body) => {\n${firstPage}\nreturn ${uses.call("createPagedIterator")}(\nasync () => firstPage,\n${pageByLink(paged, "")},\n(page) => (${paged.parts}),\n);\n}`;
  return {
    statements: [
      `const send = async (url: string): Promise<${pageType}> => {\n${send.join("\n")}\n};`,
      `return ${uses.lro("createHttpPoller")}<${iteratorType}, OperationState<${iteratorType}>>(${args.operation}, {\n${[...args.pollerOptions, `processResult: ${processResult},`].join("\n")}\n});`,
    ],
    resultType: iteratorType,
  };
}
