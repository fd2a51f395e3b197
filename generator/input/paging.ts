/**
 * `x-ms-pageable`: the operation returns one page of a list, whose items are an array property of
 * the response and whose next page (when any) is found at a link property of it.
 *
 * Supported: `nextLinkName` (a string, or null for a single page), `itemName` (default "value"),
 * and `operationName`. Absent, or naming a GET operation whose path is the next link itself
 * (`/{nextLink}`), it means "GET the next link". Naming another GET operation that returns the same
 * page (a path template of its own, other query parameters), next pages are that operation's URL:
 * its path parameter `nextLink` (or its one path parameter this operation lacks) gets the next link,
 * its other parameters take the values of this operation's parameters of the same name and location,
 * their constant, or the client's. `linkNextPageOperations` checks that once every operation is built.
 */
import type { JsonObject } from "../load/types.js";
import { type BuildContext, type Loc, isObject, child, fail } from "./jsonSchema/index.js";
import type {
  JsonValue,
  NextPageOperation,
  ObjectModel,
  Operation,
  OperationResponse,
  Paging,
  Parameter,
  Property,
} from "../model/types.js";

/** The operation's `x-ms-pageable`, validated against its success response; undefined when it has none. */
export function buildPaging(
  ctx: BuildContext,
  op: JsonObject,
  at: Loc,
  responses: OperationResponse[],
  raw: JsonValue | undefined = op["x-ms-pageable"],
): Paging | undefined {
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
  const next = operationName === undefined ? undefined : checkNextOperation(ctx, child(pageableAt, "operationName"), operationName);
  const nextOperation = next?.operation;
  if (next?.method === "post" && op["x-ms-long-running-operation"] === true) {
    fail(
      child(pageableAt, "operationName"),
      `x-ms-pageable operationName "${String(operationName)}" is not supported: it sends POST, and the next pages of a long-running operation are GETs`,
    );
  }
  const method = next?.method === "post" ? { nextMethod: "post" as const } : {};

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
  return nextOperation === undefined ? { itemName, nextLinkName, ...method } : { itemName, nextLinkName, nextOperation, ...method };
}

/** Own and inherited properties of a registered object model. */
function propertiesOf(ctx: BuildContext, name: string, seen = new Set<string>()): Property[] {
  if (seen.has(name)) return [];
  seen.add(name);
  const model = [...ctx.objects.values()].find((o: ObjectModel) => o.name === name);
  if (model === undefined) return [];
  return [...model.parents.flatMap((p) => propertiesOf(ctx, p, seen)), ...model.properties];
}

/**
 * `operationName` must name a GET or POST operation (in `paths` or `x-ms-paths`; a POST one, as graphrbac's
 * `Objects_GetObjectsByObjectIdsNext`, is sent without a body, as AutoRest's clients do). One whose path is
 * `/{<parameter>}` is the next link itself (no `operation`: follow the link); any other is returned, to be
 * linked by `linkNextPageOperations`.
 */
function checkNextOperation(
  ctx: BuildContext,
  at: Loc,
  operationName: unknown,
): { operation: NextPageOperation | undefined; method: "get" | "post" } {
  if (typeof operationName !== "string") fail(at, "x-ms-pageable operationName must be a string");
  const doc = ctx.spec.documents[ctx.spec.entryFile] ?? {};
  for (const section of ["paths", "x-ms-paths"]) {
    const paths = doc[section];
    if (!isObject(paths)) continue;
    for (const [path, item] of Object.entries(paths)) {
      if (!isObject(item)) continue;
      for (const [method, operation] of Object.entries(item)) {
        if (!isObject(operation) || operation["operationId"] !== operationName) continue;
        if (method !== "get" && method !== "post") {
          fail(
            at,
            `x-ms-pageable operationName "${operationName}" is not supported: it sends ${method.toUpperCase()}, not GET or POST (next pages are GETs or body-less POSTs)`,
          );
        }
        const template = path.replace(/\?.*$/, "");
        return { operation: /^\/?\{[^/{}]+\}$/.test(template) ? undefined : { operationId: operationName }, method };
      }
    }
  }
  fail(at, `x-ms-pageable operationName "${operationName}" names no operation`);
}

/** Loc of an operation's `x-ms-pageable/operationName`. */
const operationNameAt = (operation: Operation): Loc => ({
  file: operation.source.file,
  pointer: `${operation.source.pointer}/x-ms-pageable/operationName`,
});

const pageModelOf = (operation: Operation): string | undefined => {
  const type = operation.responses.find((r) => r.bodyType !== undefined)?.bodyType;
  return type?.kind === "model" ? type.name : undefined;
};

/**
 * Completes each next-page operation once every operation is built: the target returns the same page
 * model, its path parameter for the next link is found, and each of its other required parameters
 * gets a value (a constant, the client's, or this operation's parameter of the same name and
 * location). Returns the operations, those with a next-page operation replaced.
 */
export function linkNextPageOperations<T extends { operation: Operation }>(built: T[]): T[] {
  if (!built.some((b) => b.operation.paging?.nextOperation !== undefined)) return built;
  const byId = new Map(built.map((b) => [b.operation.operationId, b.operation]));
  return built.map((b) => {
    const paging = b.operation.paging;
    const next = paging?.nextOperation;
    if (paging === undefined || next === undefined) return b;
    const at = operationNameAt(b.operation);
    const target = byId.get(next.operationId);
    if (target === undefined) fail(at, `x-ms-pageable operationName "${next.operationId}" names no operation`);
    const page = pageModelOf(b.operation);
    if (pageModelOf(target) !== page) {
      fail(
        at,
        `x-ms-pageable operationName "${next.operationId}" is not supported: it does not return this operation's page model ${page ?? ""}`.trimEnd(),
      );
    }
    if (target.body?.required === true) {
      fail(at, `x-ms-pageable operationName "${next.operationId}" is not supported: it requires a body (next pages are sent without one)`);
    }
    const own = (p: Parameter): boolean => !p.clientLevel && !p.isApiVersion && p.type.kind !== "constant";
    const pathParameters = target.parameters.filter((p) => p.location === "path" && own(p));
    const matches = (p: Parameter): boolean =>
      b.operation.parameters.some((q) => q.location === p.location && q.serializedName === p.serializedName);
    const linkParameter =
      pathParameters.find((p) => p.serializedName.toLowerCase() === "nextlink") ??
      (pathParameters.filter((p) => !matches(p)).length === 1 ? pathParameters.find((p) => !matches(p)) : undefined);
    for (const p of target.parameters) {
      if (p === linkParameter || !own(p) || !p.required || matches(p)) continue;
      fail(
        at,
        `x-ms-pageable operationName "${next.operationId}" is not supported: its required ${p.location} parameter "${p.serializedName}" has no parameter of the same name and location here to take its value from`,
      );
    }
    const linked: NextPageOperation = linkParameter === undefined ? next : { ...next, nextLinkParameter: linkParameter.serializedName };
    return { ...b, operation: { ...b.operation, paging: { ...paging, nextOperation: linked } } };
  });
}
