/**
 * Walking `paths` and naming operations, and listing an operation's parameters with the path item's merged
 * in: the same for every format. `planOperations` names every operation first (so the type names of its
 * parameter groups can be reserved before models claim names); operation.ts then builds each one.
 */
import { escapePointerSegment } from "../errors.js";
import { resolveRefChain } from "../load/refs.js";
import type { ClientConfig, JsonObject } from "../load/types.js";
import { claimUnique, memberName, pascalCase } from "../model/names.js";
import type { HttpMethod, JsonValue } from "../model/types.js";
import { derivedOperationId } from "./derivedOperationId.js";
import { type BuildContext, type Loc, isObject, str, child, fail } from "./jsonSchema/index.js";

export const METHODS: HttpMethod[] = ["get", "put", "post", "patch", "delete", "head", "options"];

export interface PlannedOperation {
  path: string;
  method: HttpMethod;
  operationId: string;
  op: JsonObject;
  pathItem: JsonObject;
  at: Loc;
  /** camelCase group property name ("" when none). */
  group: string;
  /** PascalCase group type stem ("" when none). */
  groupType: string;
  /** camelCase method name, unique within its group. */
  name: string;
}

/**
 * Walks `paths`, then `x-ms-paths` (paths that differ only in their query, written `/path?query`; the
 * query part is sent as it is), in document order. Group and method names come from `Group_Operation`
 * operationIds (split at the first `_`), unless `config.operationNames["<METHOD> <path>"]`
 * names them; an operation without operationId gets one from its method and path, in no group
 * (derivedOperationId.ts). Duplicate operationIds are an error; two operations whose names collide in one
 * group keep spec order, the later one getting `2`, `3`, ... appended. `check` (the format's) sees each
 * path item and operation first.
 */
export function planOperations(
  ctx: BuildContext,
  config: ClientConfig,
  check?: (pathItem: JsonObject, at: Loc, op?: JsonObject) => void,
): PlannedOperation[] {
  const file = ctx.spec.entryFile;
  const doc = ctx.spec.documents[file];
  const sections = (["paths", "x-ms-paths"] as const).flatMap((section) => {
    const paths = doc?.[section];
    return isObject(paths) ? Object.entries(paths).map(([path, pathItem]) => ({ section, path, pathItem })) : [];
  });
  const seenIds = new Map<string, string>();
  const namesByGroup = new Map<string, Set<string>>();
  const planned: PlannedOperation[] = [];
  let derivedTaken: Set<string> | undefined;
  for (const { section, path, pathItem } of sections) {
    if (!isObject(pathItem)) continue;
    check?.(pathItem, { file, pointer: `/${section}/${escapePointerSegment(path)}` });
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!isObject(op)) continue;
      const at = { file, pointer: `/${section}/${escapePointerSegment(path)}/${method}` };
      check?.(pathItem, at, op);
      const stated = str(op, "operationId");
      let operationId = stated;
      if (operationId === undefined) {
        // one derived from method and path, unique among all of the spec's operationIds (derivedOperationId.ts)
        derivedTaken ??= operationIdsOf(sections);
        operationId = claimUnique(derivedOperationId(method, path), derivedTaken);
      }
      const previous = seenIds.get(operationId);
      if (previous !== undefined) fail(at, `duplicate operationId "${operationId}" (also at ${previous})`);
      seenIds.set(operationId, at.pointer);

      const override = config.operationNames?.[`${method.toUpperCase()} ${path}`];
      const cut = stated === undefined ? -1 : operationId.indexOf("_");
      const rawGroup = override?.group ?? (cut < 0 ? "" : operationId.slice(0, cut));
      const rawName = override?.name ?? (cut < 0 ? operationId : operationId.slice(cut + 1));
      const group = rawGroup === "" ? "" : memberName(rawGroup);
      const taken = namesByGroup.get(group) ?? new Set<string>();
      namesByGroup.set(group, taken);
      planned.push({
        path,
        method,
        operationId,
        op,
        pathItem,
        at,
        group,
        groupType: rawGroup === "" ? "" : pascalCase(rawGroup),
        name: claimUnique(memberName(rawName), taken),
      });
    }
  }
  return planned;
}

/** Every operationId the spec's paths state. */
function operationIdsOf(sections: Array<{ pathItem: JsonValue | undefined }>): Set<string> {
  const ids = new Set<string>();
  for (const { pathItem } of sections) {
    if (!isObject(pathItem)) continue;
    for (const method of METHODS) {
      const op = pathItem[method];
      const id = isObject(op) ? str(op, "operationId") : undefined;
      if (id !== undefined) ids.add(id);
    }
  }
  return ids;
}

/** A parameter as listed in a `parameters` array, its `$ref` followed. */
export interface ListedParameter {
  /** Where the entry is listed (the operation's or path item's `parameters` array). */
  usedAt: Loc;
  /** Where the parameter is defined (differs for `$ref`s). */
  definedAt: Loc;
  param: JsonObject;
  /** Listed as a `$ref` to a document-level parameter (`global` tells those pointers). */
  global: boolean;
}

/** The path item's (`level: "path"`) or the operation's parameters, as listed, `$ref`s followed. */
export function listedParameters(
  ctx: BuildContext,
  planned: PlannedOperation,
  level: "path" | "operation",
  global: RegExp,
): ListedParameter[] {
  const pathAt = { file: planned.at.file, pointer: planned.at.pointer.slice(0, planned.at.pointer.lastIndexOf("/")) };
  const at = child(level === "path" ? pathAt : planned.at, "parameters");
  const list = (level === "path" ? planned.pathItem : planned.op)["parameters"];
  if (list === undefined) return [];
  if (!Array.isArray(list)) fail(at, "parameters must be an array");
  return list.map((raw, i) => {
    const usedAt = child(at, i);
    const resolved = resolveRefChain(ctx.spec, usedAt.file, raw, usedAt.pointer);
    if (!isObject(resolved.value)) fail(usedAt, "parameter must be an object");
    return {
      usedAt,
      definedAt: { file: resolved.file, pointer: resolved.pointer },
      param: resolved.value,
      global: global.test(resolved.pointer) && isObject(raw) && typeof raw["$ref"] === "string",
    };
  });
}

/** Path-level then operation-level entries: an operation-level parameter replaces a path-level one with the same name and location. */
export function mergeParameters<T extends { param: JsonObject }>(pathLevel: readonly T[], operationLevel: readonly T[]): T[] {
  const entries: T[] = [];
  for (const entry of [...pathLevel, ...operationLevel]) {
    const same = entries.findIndex((e) => e.param["name"] === entry.param["name"] && e.param["in"] === entry.param["in"]);
    if (same >= 0) entries.splice(same, 1);
    entries.push(entry);
  }
  return entries;
}
