/**
 * Operations matched by METHOD + path (path parameter names do not matter on the wire, so
 * `{id}` and `{identityId}` match); parameters, body and responses compared per pair.
 */
import type { BodyParameter, Operation, OperationResponse, Paging, Parameter } from "../../model/types.js";
import { compareConstraints, compareDefault } from "./constraints.js";
import { at, report, type DiffContext, type Side, type Where } from "./context.js";
import type { SpecRule } from "./rules.js";
import { compareType, describeType } from "./schemas.js";

/** `POST /identities/{}/:issueAccessToken`: the match key. */
export function operationKey(op: Pick<Operation, "method" | "path">): string {
  return `${op.method.toUpperCase()} ${op.path.replace(/\{[^}]*\}/g, "{}")}`;
}

export function operationLabel(op: Pick<Operation, "method" | "path">): string {
  return `${op.method.toUpperCase()} ${op.path}`;
}

function operationsOf(side: Side): Map<string, Operation> {
  const ops = side.model.operationGroups.flatMap((g) => g.operations);
  return new Map(ops.map((o) => [operationKey(o), o]));
}

/**
 * Walks every operation pair in the old code model's order (operation groups in order, each in
 * spec order), then the operations only the new one has. That order decides "the first path that
 * reaches a model", where a change inside a shared model is reported: a spec lists its main
 * operations first, so a property removed from a shared model shows under the operation that
 * carried it (the preview's `customId` under `POST /identities`, not under the Teams extension
 * exchange that also returned the identity).
 */
export function compareOperations(ctx: DiffContext): void {
  const before = operationsOf(ctx.old);
  const after = operationsOf(ctx.new);
  const keys = [...new Set([...before.keys(), ...after.keys()])];
  for (const key of keys) {
    const o = before.get(key);
    const n = after.get(key);
    if (o !== undefined && n !== undefined) compareOperation(ctx, o, n);
    else if (n !== undefined) {
      report(ctx, "operation-added", opWhere(n), `operation ${n.operationId} (${operationLabel(n)}) added`, { new: n.operationId });
    } else if (o !== undefined) {
      report(ctx, "operation-removed", opWhere(o), `operation ${o.operationId} (${operationLabel(o)}) removed`, { old: o.operationId });
    }
  }
}

function opWhere(op: Operation): Where {
  const label = operationLabel(op);
  return { operation: label, path: label, direction: "input", kind: "operation" };
}

function compareOperation(ctx: DiffContext, before: Operation, after: Operation): void {
  const where = opWhere(after);
  if (before.operationId !== after.operationId) {
    report(ctx, "operation-renamed", where, `operationId ${before.operationId} renamed to ${after.operationId} (same method and path, same wire)`, {
      old: before.operationId,
      new: after.operationId,
    });
  }
  if (!before.deprecated && after.deprecated) report(ctx, "operation-deprecated", where, `operation ${after.operationId} is now deprecated`);
  comparePaging(ctx, before.paging, after.paging, where, after.operationId);
  compareParameters(ctx, before, after, where);
  compareBody(ctx, before, after, where);
  compareResponses(ctx, before.responses, after.responses, where, true);
  compareResponses(ctx, before.errorResponses, after.errorResponses, where, false);
}

/** How a next link reads in a message: its wire name, or null for a single-page list. */
const linkText = (paging: Paging): string => (paging.nextLinkName === undefined ? "null" : JSON.stringify(paging.nextLinkName));

/**
 * `x-ms-pageable`: it decides the generated return type (an iterator over the items, or the
 * response as is), which array the iterator yields and which link it follows, so every change to
 * it is breaking. The page itself is the success response's body, compared as any other.
 */
function comparePaging(ctx: DiffContext, before: Paging | undefined, after: Paging | undefined, where: Where, operationId: string): void {
  if (before === undefined && after === undefined) return;
  if (before === undefined && after !== undefined) {
    report(ctx, "pageable-added", where,
      `operation ${operationId} is now pageable (items ${JSON.stringify(after.itemName)}, next link ${linkText(after)}): it returns an iterator over the items instead of the first page`);
    return;
  }
  if (before !== undefined && after === undefined) {
    report(ctx, "pageable-removed", where,
      `operation ${operationId} is no longer pageable (was items ${JSON.stringify(before.itemName)}, next link ${linkText(before)}): it returns the response as is instead of an iterator over the items`);
    return;
  }
  if (before === undefined || after === undefined) return;
  if (before.itemName !== after.itemName) {
    report(ctx, "pageable-item-name-changed", where,
      `x-ms-pageable itemName changed from ${JSON.stringify(before.itemName)} to ${JSON.stringify(after.itemName)}: the iterator yields another array`,
      { old: before.itemName, new: after.itemName });
  }
  if (before.nextLinkName !== after.nextLinkName) {
    const effect = after.nextLinkName === undefined
      ? "the iterator no longer follows a next link (a single page)"
      : before.nextLinkName === undefined ? "the iterator now follows a next link (more than one page)" : "the iterator follows another link";
    report(ctx, "pageable-next-link-changed", where, `x-ms-pageable nextLinkName changed from ${linkText(before)} to ${linkText(after)}: ${effect}`, {
      ...(before.nextLinkName !== undefined ? { old: before.nextLinkName } : {}),
      ...(after.nextLinkName !== undefined ? { new: after.nextLinkName } : {}),
    });
  }
}

/** Path parameters by position in the template, query and header parameters by wire name. */
function parameterKeys(side: Side, op: Operation): Map<string, Parameter> {
  const clientParams = new Map(side.model.client.parameters.map((p) => [p.name, p]));
  const all = [...op.parameters, ...op.clientParameters.flatMap((n) => clientParams.get(n) ?? [])];
  const pathNames = [...op.path.matchAll(/\{([^}]*)\}/g)].map((m) => m[1]);
  const out = new Map<string, Parameter>();
  for (const p of all) {
    if (p.location === "path") {
      const index = pathNames.indexOf(p.serializedName);
      out.set(`path ${index < 0 ? p.serializedName : `#${index}`}`, p);
    } else {
      out.set(`${p.location} ${p.location === "header" ? p.serializedName.toLowerCase() : p.serializedName}`, p);
    }
  }
  return out;
}

function compareParameters(ctx: DiffContext, before: Operation, after: Operation, opWhereValue: Where): void {
  const oldParams = parameterKeys(ctx.old, before);
  const newParams = parameterKeys(ctx.new, after);
  const where = (p: Parameter): Where => ({ ...opWhereValue, path: `${opWhereValue.path} ${p.location}.${p.serializedName}`, kind: "parameter" });
  for (const [key, p] of newParams) {
    const old = oldParams.get(key);
    if (old === undefined) {
      report(ctx, p.required ? "parameter-added-required" : "parameter-added-optional", where(p),
        `${p.required ? "required" : "optional"} ${p.location} parameter ${p.serializedName} (${describeType(ctx.new, p.type)}) added`);
      continue;
    }
    // The api-version's value is what differs between versions (2025-06-30 also gives it
    // `minLength: 1`): only its presence is compared, as any parameter's (added, removed).
    if (old.isApiVersion && p.isApiVersion) continue;
    const w = where(p);
    if (old.required !== p.required) {
      report(ctx, p.required ? "parameter-became-required" : "parameter-became-optional", w,
        `${p.location} parameter ${p.serializedName} is now ${p.required ? "required" : "optional"}`);
    }
    if ((old.collectionFormat ?? "csv") !== (p.collectionFormat ?? "csv")) {
      report(ctx, "collection-format-changed", w, `collectionFormat changed from ${old.collectionFormat ?? "csv"} to ${p.collectionFormat ?? "csv"}`, {
        old: old.collectionFormat ?? "csv",
        new: p.collectionFormat ?? "csv",
      });
    }
    compareType(ctx, old.type, p.type, w);
    compareConstraints(ctx, old.constraints, p.constraints, w);
    compareDefault(ctx, old.defaultValue, p.defaultValue, w);
  }
  for (const [key, p] of oldParams) {
    if (!newParams.has(key)) report(ctx, "parameter-removed", where(p), `${p.location} parameter ${p.serializedName} removed`);
  }
}

function compareBody(ctx: DiffContext, before: Operation, after: Operation, opWhereValue: Where): void {
  const where: Where = { ...opWhereValue, path: `${opWhereValue.path} body`, kind: "body", direction: "input" };
  const o: BodyParameter | undefined = before.body;
  const n: BodyParameter | undefined = after.body;
  if (o === undefined && n === undefined) return;
  if (o === undefined && n !== undefined) {
    report(ctx, n.required ? "request-body-added-required" : "request-body-added-optional", where,
      `${n.required ? "required" : "optional"} request body (${describeType(ctx.new, n.type)}) added`);
    return;
  }
  if (o !== undefined && n === undefined) {
    report(ctx, "request-body-removed", where, "request body removed");
    return;
  }
  if (o === undefined || n === undefined) return;
  if (o.required !== n.required) {
    report(ctx, n.required ? "request-body-became-required" : "request-body-became-optional", where, `request body is now ${n.required ? "required" : "optional"}`);
  }
  for (const media of after.consumes) {
    if (!before.consumes.includes(media)) report(ctx, "request-media-type-added", where, `request media type ${media} added`, { new: media });
  }
  for (const media of before.consumes) {
    if (!after.consumes.includes(media)) report(ctx, "request-media-type-removed", where, `request media type ${media} removed`, { old: media });
  }
  compareType(ctx, o.type, n.type, where);
}

function compareResponses(ctx: DiffContext, before: OperationResponse[], after: OperationResponse[], opWhereValue: Where, success: boolean): void {
  const old = new Map(before.map((r) => [String(r.status), r]));
  const now = new Map(after.map((r) => [String(r.status), r]));
  const where = (status: string): Where => ({ ...opWhereValue, path: `${opWhereValue.path} response ${status}`, kind: "response", direction: "output" });
  for (const [status, r] of now) {
    const o = old.get(status);
    if (o === undefined) {
      report(ctx, success ? "response-status-added" : "error-response-added", where(status), `${success ? "success" : "error"} response ${status} added`, { new: status });
      continue;
    }
    compareResponse(ctx, o, r, where(status), success);
  }
  for (const [status] of old) {
    if (!now.has(status)) {
      report(ctx, success ? "response-status-removed" : "error-response-removed", where(status), `${success ? "success" : "error"} response ${status} removed`, { old: status });
    }
  }
}

function compareResponse(ctx: DiffContext, before: OperationResponse, after: OperationResponse, where: Where, success: boolean): void {
  const body = at(where, " body", "body");
  if (before.bodyType === undefined && after.bodyType !== undefined) {
    if (success) report(ctx, "response-body-added", body, `response body (${describeType(ctx.new, after.bodyType)}) added`);
  } else if (before.bodyType !== undefined && after.bodyType === undefined) {
    if (success) report(ctx, "response-body-removed", body, "response body removed");
  } else if (before.bodyType !== undefined && after.bodyType !== undefined) {
    compareType(ctx, before.bodyType, after.bodyType, body);
  }
  const oldHeaders = new Map(before.headers.map((h) => [h.serializedName.toLowerCase(), h]));
  const newHeaders = new Map(after.headers.map((h) => [h.serializedName.toLowerCase(), h]));
  for (const [key, h] of newHeaders) {
    const hw = at(where, ` header.${h.serializedName}`, "header");
    const o = oldHeaders.get(key);
    if (o === undefined) report(ctx, "response-header-added", hw, `response header ${h.serializedName} (${describeType(ctx.new, h.type)}) added`);
    else compareType(ctx, o.type, h.type, hw);
  }
  for (const [key, h] of oldHeaders) {
    if (!newHeaders.has(key)) {
      const rule: SpecRule = "response-header-removed";
      report(ctx, rule, at(where, ` header.${h.serializedName}`, "header"), `response header ${h.serializedName} removed`);
    }
  }
}
