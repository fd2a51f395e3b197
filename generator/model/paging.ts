/**
 * `x-ms-pageable`: the operation returns one page of a list, whose items are an array property of
 * the response and whose next page (when any) is found at a link property of it.
 *
 * Supported: `nextLinkName` (a string, or null for a single page), `itemName` (default "value"),
 * and `operationName` when it is absent or names a GET operation whose path is the next link
 * itself (`/{nextLink}`): both mean "GET the next link". A next-page operation with a path of its
 * own (a fragment appended to a template, other query parameters) is refused with an error.
 */
import type { JsonObject } from "../load/types.js";
import type { BuildContext, Loc } from "./context.js";
import { isObject } from "./json.js";
import { child, fail } from "./schemas.js";
import type { ObjectModel, OperationResponse, Paging, Property } from "./types.js";

/** The operation's `x-ms-pageable`, validated against its success response; undefined when it has none. */
export function buildPaging(ctx: BuildContext, op: JsonObject, at: Loc, responses: OperationResponse[]): Paging | undefined {
  const raw = op["x-ms-pageable"];
  if (raw === undefined) return undefined;
  const pageableAt = child(at, "x-ms-pageable");
  if (!isObject(raw)) fail(pageableAt, "x-ms-pageable must be an object");

  const nextLinkName = raw["nextLinkName"];
  if (nextLinkName === undefined) fail(pageableAt, "x-ms-pageable has no nextLinkName (null for a single page)");
  if (nextLinkName !== null && (typeof nextLinkName !== "string" || nextLinkName === "")) {
    fail(child(pageableAt, "nextLinkName"), "x-ms-pageable nextLinkName must be a property name or null");
  }
  const itemName = raw["itemName"] ?? "value";
  if (typeof itemName !== "string" || itemName === "") {
    fail(child(pageableAt, "itemName"), "x-ms-pageable itemName must be a property name");
  }
  const operationName = raw["operationName"];
  if (operationName !== undefined) checkNextOperation(ctx, child(pageableAt, "operationName"), operationName);

  const page = responses.find((r) => r.bodyType !== undefined)?.bodyType;
  if (page?.kind !== "model") {
    fail(pageableAt, "x-ms-pageable needs a success response whose schema is an object (the page)");
  }
  const properties = propertiesOf(ctx, page.name);
  const items = properties.find((p) => p.serializedName === itemName);
  if (items?.type.kind !== "array") {
    fail(pageableAt, `x-ms-pageable itemName "${itemName}": the page model ${page.name} has no array property "${itemName}"`);
  }
  if (nextLinkName === null) return { itemName };
  const nextLink = properties.find((p) => p.serializedName === nextLinkName);
  if (nextLink?.type.kind !== "string") {
    fail(pageableAt, `x-ms-pageable nextLinkName "${nextLinkName}": the page model ${page.name} has no string property "${nextLinkName}"`);
  }
  return { itemName, nextLinkName };
}

/** Own and inherited properties of a registered object model. */
function propertiesOf(ctx: BuildContext, name: string, seen = new Set<string>()): Property[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const model = [...ctx.objects.values()].find((o: ObjectModel) => o.name === name);
  if (model === undefined) return [];
  return [...model.parents.flatMap((p) => propertiesOf(ctx, p, seen)), ...model.properties];
}

/** `operationName` must name a GET operation (in `paths` or `x-ms-paths`) whose path is `/{<parameter>}`. */
function checkNextOperation(ctx: BuildContext, at: Loc, operationName: unknown): void {
  if (typeof operationName !== "string") fail(at, "x-ms-pageable operationName must be a string");
  const doc = ctx.spec.documents[ctx.spec.entryFile] ?? {};
  for (const section of ["paths", "x-ms-paths"]) {
    const paths = doc[section];
    if (!isObject(paths)) continue;
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (!isObject(operation) || operation["operationId"] !== operationName) continue;
        const template = path.replace(/\?.*$/, "");
        if (method === "get" && /^\/?\{[^/{}]+\}$/.test(template)) return;
        const unlike = method === "get" ? `its path "${template}" is not the next link itself` : `it sends ${method.toUpperCase()}, not GET`;
        fail(at, `x-ms-pageable operationName "${operationName}" is not supported: ${unlike} (only a next-page operation that GETs "/{nextLink}" is)`);
      }
    }
  }
  fail(at, `x-ms-pageable operationName "${operationName}" names no operation`);
}
