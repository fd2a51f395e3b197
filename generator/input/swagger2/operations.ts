/**
 * Paths -> operation groups. Two passes: `planOperations` names every operation (so the type
 * names of its parameter groups can be reserved before models claim names), then
 * `buildOperation` converts parameters and responses.
 */
import { escapePointerSegment } from "../../errors.js";
import { resolveRefChain } from "../../load/refs.js";
import type { ClientConfig, JsonObject } from "../../load/types.js";
import type { BuildContext, Loc } from "../jsonSchema/context.js";
import { compact, isObject, str } from "../jsonSchema/json.js";
import { claimUnique, memberName, pascalCase } from "../../model/names.js";
import { bodyMediaTypes } from "../../model/bodies.js";
import { clientDefaultOf } from "./clientDefault.js";
import { derivedOperationId } from "../derivedOperationId.js";
import { buildLongRunning } from "./lro.js";
import { buildPaging } from "./paging.js";
import { parameterGroupName } from "./parameterGroups.js";
import { baseUrlOf } from "./baseUrl.js";
import { child, constraintsOf, fail, typeOf } from "../jsonSchema/schemas.js";
import type {
  BodyParameter,
  HttpMethod,
  JsonValue,
  Operation,
  OperationResponse,
  Parameter,
  ParameterLocation,
  TypeRef,
} from "../../model/types.js";
import { sentConstant } from "../jsonSchema/valueFormats.js";

const METHODS: HttpMethod[] = ["get", "put", "post", "patch", "delete", "head", "options"];
const COLLECTION_FORMATS = ["csv", "ssv", "tsv", "pipes", "multi"] as const;

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
 * group keep spec order, the later one getting `2`, `3`, ... appended.
 */
export function planOperations(ctx: BuildContext, config: ClientConfig): PlannedOperation[] {
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
    for (const method of METHODS) {
      const op = pathItem[method];
      if (!isObject(op)) continue;
      const at = { file, pointer: `/${section}/${escapePointerSegment(path)}/${method}` };
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

/** Type names of the parameter groups (types of the model's own): models may not take them. */
export function parameterGroupTypeNames(ctx: BuildContext, planned: PlannedOperation[]): string[] {
  const names = new Set<string>();
  for (const p of planned) {
    const stem = `${p.groupType}${pascalCase(p.name)}`;
    for (const entry of p.op["parameters"] !== undefined || p.pathItem["parameters"] !== undefined ? parameterEntries(ctx, p) : []) {
      const group = parameterGroupName(entry.param, stem, entry.usedAt);
      if (group !== undefined) names.add(group);
    }
  }
  return [...names];
}

interface ParameterEntry {
  /** Where the entry is listed (the operation's or path item's `parameters` array). */
  usedAt: Loc;
  /** Where the parameter is defined (differs for `$ref`s). */
  definedAt: Loc;
  param: JsonObject;
  global: boolean;
}

function parameterEntries(ctx: BuildContext, planned: PlannedOperation): ParameterEntry[] {
  const pathAt = { file: planned.at.file, pointer: planned.at.pointer.slice(0, planned.at.pointer.lastIndexOf("/")) };
  const lists: Array<{ at: Loc; list: unknown }> = [
    { at: child(pathAt, "parameters"), list: planned.pathItem["parameters"] },
    { at: child(planned.at, "parameters"), list: planned.op["parameters"] },
  ];
  const entries: ParameterEntry[] = [];
  for (const { at, list } of lists) {
    if (list === undefined) continue;
    if (!Array.isArray(list)) fail(at, "parameters must be an array");
    list.forEach((raw, i) => {
      const usedAt = child(at, i);
      const resolved = resolveRefChain(ctx.spec, usedAt.file, raw, usedAt.pointer);
      if (!isObject(resolved.value)) fail(usedAt, "parameter must be an object");
      const param = resolved.value;
      const entry: ParameterEntry = {
        usedAt,
        definedAt: { file: resolved.file, pointer: resolved.pointer },
        param,
        global: /^\/parameters\/[^/]+$/.test(resolved.pointer) && isObject(raw) && typeof raw["$ref"] === "string",
      };
      // An operation-level parameter replaces a path-level one with the same name and location.
      const same = entries.findIndex((e) => e.param["name"] === param["name"] && e.param["in"] === param["in"]);
      if (same >= 0) entries.splice(same, 1);
      entries.push(entry);
    });
  }
  return entries;
}

export interface BuiltOperation {
  group: string;
  groupType: string;
  operation: Operation;
}

export function buildOperation(ctx: BuildContext, planned: PlannedOperation): BuiltOperation {
  const stem = `${planned.groupType}${pascalCase(planned.name)}`;
  const parameters: Parameter[] = [];
  const clientParameterNames: string[] = [];
  const takenNames = new Set<string>();
  let body: BodyParameter | undefined;

  for (const entry of parameterEntries(ctx, planned)) {
    const { param, definedAt, usedAt } = entry;
    const wireName = str(param, "name");
    const location = str(param, "in");
    if (wireName === undefined) fail(usedAt, "parameter has no name");
    const clientName = str(param, "x-ms-client-name") ?? wireName;
    const group = parameterGroupName(param, stem, usedAt);
    if (location === "body") {
      if (param["schema"] === undefined) fail(usedAt, `body parameter "${wireName}" has no schema`);
      body = compact({
        name: claimUnique(memberName(clientName), takenNames),
        serializedName: wireName,
        type: typeOf(ctx, child(definedAt, "schema"), param["schema"], `${stem}Body`),
        required: param["required"] === true,
        description: str(param, "description"),
        apiVersions: [ctx.apiVersion],
        source: definedAt,
        group,
        spreadRequested: param["x-ms-client-flatten"] === true ? true : undefined,
      });
      continue;
    }
    if (location !== "path" && location !== "query" && location !== "header" && location !== "formData") {
      fail(usedAt, `parameter "${wireName}" has unsupported location ${JSON.stringify(location)}`);
    }
    if (location === "path" && !`${baseUrlOf(planned.op) ?? ""}${planned.path}`.includes(`{${wireName}}`)) {
      fail(usedAt, `path parameter "${wireName}" does not appear in the path template "${planned.path}"`);
    }
    // `x-ms-api-version: false`: an operation's own parameter that happens to be named api-version
    const isApiVersion = wireName === "api-version" && param["x-ms-api-version"] !== false;
    const declared = str(param, "x-ms-parameter-location");
    const clientLevel = isApiVersion || (entry.global ? declared !== "method" : declared === "client");
    const built = buildParameter(
      ctx,
      param,
      definedAt,
      wireName,
      location === "formData" ? "form" : location,
      clientLevel,
      isApiVersion,
      `${stem}${pascalCase(wireName)}`,
    );
    if (clientLevel && !isApiVersion) {
      const key = `${location}:${wireName}`;
      let known = ctx.clientParameters.get(key);
      if (known === undefined) {
        // one client member per (location, wire name): a second one whose name collides (`group_key` in a path
        // and in a query) is numbered, as claimUnique numbers the operation's own parameters
        const taken = new Set([...ctx.clientParameters.values()].map((p) => p.name));
        const name = claimUnique(built.name, taken);
        known = name === built.name ? built : { ...built, name };
        ctx.clientParameters.set(key, known);
      }
      clientParameterNames.push(known.name);
      continue;
    }
    parameters.push(
      compact({ ...built, name: isApiVersion ? built.name : claimUnique(built.name, takenNames), group: isApiVersion ? undefined : group }),
    );
  }

  for (const match of planned.path.matchAll(/\{([^}]+)\}/g)) {
    const placeholder = match[1] ?? "";
    const known =
      parameters.some((p) => p.location === "path" && p.serializedName === placeholder) || ctx.clientParameters.has(`path:${placeholder}`);
    if (!known) fail(planned.at, `path template "${planned.path}" has no path parameter "${placeholder}"`);
  }

  const { responses, errorResponses } = buildResponses(ctx, planned, stem);
  const doc = ctx.spec.documents[ctx.spec.entryFile] ?? {};
  const consumes = mediaTypes(planned.op["consumes"] ?? doc["consumes"], body !== undefined ? ["application/json"] : []);
  const operation: Operation = compact({
    name: planned.name,
    operationId: planned.operationId,
    previousOperationIds: [planned.operationId],
    method: planned.method,
    path: planned.path,
    baseUrl: baseUrlOf(planned.op),
    summary: str(planned.op, "summary"),
    description: str(planned.op, "description"),
    deprecated: planned.op["deprecated"] === true,
    parameters,
    clientParameters: clientParameterNames,
    body,
    consumes,
    bodyMediaTypes: bodyMediaTypes(consumes, body, parameters),
    produces: mediaTypes(planned.op["produces"] ?? doc["produces"], ["application/json"]),
    responses,
    errorResponses,
    paging: buildPaging(ctx, planned.op, planned.at, responses),
    longRunning: buildLongRunning(planned.op, planned.at),
    apiVersions: [ctx.apiVersion],
    source: planned.at,
  });
  return { group: planned.group, groupType: planned.groupType, operation };
}

function mediaTypes(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : fallback;
}

export function buildParameter(
  ctx: BuildContext,
  param: JsonObject,
  at: Loc,
  wireName: string,
  location: ParameterLocation,
  clientLevel: boolean,
  isApiVersion: boolean,
  hint: string,
): Parameter {
  const collectionFormat = COLLECTION_FORMATS.find((f) => f === param["collectionFormat"]);
  const read: TypeRef = sentConstant(param) ?? typeOf(ctx, at, param, hint);
  // a path segment cannot be null: x-nullable on a path parameter is ignored
  const type: TypeRef = location === "path" && read.nullable === true ? compact({ ...read, nullable: undefined }) : read;
  return compact({
    name: memberName(str(param, "x-ms-client-name") ?? wireName),
    serializedName: wireName,
    location,
    type,
    required: location === "path" || param["required"] === true,
    clientLevel,
    skipUrlEncoding: param["x-ms-skip-url-encoding"] === true,
    collectionFormat,
    description: str(param, "description"),
    constraints: constraintsOf(param),
    defaultValue: param["default"],
    clientDefault: clientDefaultOf(param, type, at),
    isApiVersion,
    apiVersions: [ctx.apiVersion],
    source: at,
  });
}

function buildResponses(
  ctx: BuildContext,
  planned: PlannedOperation,
  stem: string,
): {
  responses: OperationResponse[];
  errorResponses: OperationResponse[];
} {
  const at = child(planned.at, "responses");
  const raw = planned.op["responses"];
  if (!isObject(raw)) fail(at, "operation has no responses");
  const responses: OperationResponse[] = [];
  const errorResponses: OperationResponse[] = [];
  for (const [status, value] of Object.entries(raw)) {
    const usedAt = child(at, status);
    if (status.startsWith("x-")) continue;
    if (status !== "default" && !/^[1-5][0-9][0-9]$/.test(status)) fail(usedAt, `unsupported response status "${status}"`);
    const resolved = resolveRefChain(ctx.spec, usedAt.file, value, usedAt.pointer);
    if (!isObject(resolved.value)) fail(usedAt, "response must be an object");
    const response = resolved.value;
    const definedAt = { file: resolved.file, pointer: resolved.pointer };
    const isError = status === "default" || response["x-ms-error-response"] === true;
    const hint = isError ? `${stem}Error` : `${stem}Response`;
    const headers = isObject(response["headers"]) ? Object.entries(response["headers"]) : [];
    const takenHeaders = new Set<string>();
    const built: OperationResponse = compact({
      status: status === "default" ? "default" : Number(status),
      description: str(response, "description"),
      bodyType: response["schema"] !== undefined ? typeOf(ctx, child(definedAt, "schema"), response["schema"], hint) : undefined,
      headers: headers.map(([name, header]) =>
        compact({
          name: claimUnique(memberName(name), takenHeaders),
          serializedName: name,
          type: typeOf(ctx, child(definedAt, "headers", name), header, `${hint}${pascalCase(name)}`),
          description: isObject(header) ? str(header, "description") : undefined,
        }),
      ),
    });
    (isError ? errorResponses : responses).push(built);
  }
  const order = (s: number | "default"): number => (s === "default" ? 1000 : s);
  responses.sort((a, b) => order(a.status) - order(b.status));
  errorResponses.sort((a, b) => order(a.status) - order(b.status));
  return { responses, errorResponses };
}
