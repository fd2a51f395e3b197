import { claimUnique, pascalCase as modelPascalCase } from "../model/names.js";
import type { BodyParameter, CodeModel, Operation, OperationGroup, Parameter } from "../model/types.js";
import type { MethodArgument } from "./methodArgument.js";
import { contentTypeArgument } from "./bodies.js";
import { isClientConstant } from "./clientParameters.js";
import { polymorphicUnions } from "./polymorphism.js";
import { groupArguments, groupMemberValues } from "./parameterGroups.js";
import { spreadArguments, withSpreadBody } from "./bodySpread.js";
import { CLIENT_MEMBER_NAMES, RESERVED_WORDS, safeLocalName } from "./names.js";
import { validatorName } from "./validation.js";
import { mapperName } from "./wireMapping.js";
import { apiVersionsValueNames, coreLroValueNames, runtimeValueNames, xmlValueNames } from "./runtimeNames.js";

function fromParameter(parameter: Parameter): MethodArgument {
  return {
    name: parameter.name,
    serializedName: parameter.serializedName,
    type: parameter.type,
    required: parameter.required,
    description: parameter.description,
    parameter,
    ...(parameter.group !== undefined ? { inGroup: parameter.group } : {}),
  };
}

function fromBody(body: BodyParameter): MethodArgument {
  return {
    name: body.name,
    serializedName: body.serializedName,
    type: body.type,
    required: body.required,
    description: body.description,
    body,
    ...(body.group !== undefined ? { inGroup: body.group } : {}),
  };
}

/** Parameters the caller supplies (client-level, api-version and required constants are filled in by the client). */
function callerParameters(operation: Operation): Parameter[] {
  return operation.parameters.filter((p) => !p.clientLevel && !p.isApiVersion && !(p.required && p.type.kind === "constant"));
}

/** Names the generated operation function declares itself (`context` is its first parameter). */
const methodLocals = new Set(["url", "response", "wire", "options", "context"]);
/** A pageable operation's function also declares `send` and the parameters of its iterator callbacks. */
const pagedLocals = new Set([...methodLocals, "send", "firstPage", "nextLink", "page"]);

function localName(name: string, locals: ReadonlySet<string>): string {
  const safe = safeLocalName(name);
  return locals.has(safe) ? `${safe}Param` : safe;
}

/** The body's arguments: the body itself, or the properties of a spread body (required constants are filled in). */
function bodyArguments(operation: Operation): MethodArgument[] {
  const body = operation.body;
  if (body === undefined) return [];
  if (body.spread === undefined) return [fromBody(body)];
  return spreadArguments(body);
}

export interface Arguments {
  positional: MethodArgument[];
  optional: MethodArgument[];
  /** Every value the operation sends, each with the expression it is read from (`argumentSource`, methodArgument.ts). */
  values: MethodArgument[];
}

/**
 * The operation's arguments. Positional, in order: path parameters, the body (or a spread body's required
 * properties), other required parameters, then required parameter groups; the rest, and optional groups,
 * go in the options bag. A group is required when any of its values is.
 */
export function operationArguments(operation: Operation): Arguments {
  const parameters = callerParameters(operation);
  const locals = operation.paging === undefined ? methodLocals : pagedLocals;
  const path = parameters.filter((p) => p.location === "path").map(fromParameter);
  const body = bodyArguments(operation);
  const rest = parameters.filter((p) => p.location !== "path").map(fromParameter);
  const ordered = [...path, ...body.filter((a) => a.required), ...rest.filter((a) => a.required)];
  const optionalValues = [...rest.filter((a) => !a.required), ...body.filter((a) => !a.required)];
  const ungrouped = (list: MethodArgument[]): MethodArgument[] => list.filter((a) => a.inGroup === undefined);
  const groups = groupArguments([...ordered, ...optionalValues]);
  const positional = [...ungrouped(ordered).map((a) => ({ ...a, name: localName(a.name, locals) })), ...groups.filter((g) => g.required)];
  const taken = new Set(positional.filter((a) => a.group === undefined).map((a) => a.name));
  for (const group of positional.filter((a) => a.group !== undefined)) {
    group.name = claimUnique(localName(group.name, locals), taken);
  }
  // A body sent as one of several media types gets a `contentType` option (bodies.ts).
  const contentType = contentTypeArgument(operation, new Set(parameters.map((p) => p.name)));
  const optional = [
    ...ungrouped(optionalValues),
    ...groups.filter((g) => !g.required),
    ...(contentType === undefined ? [] : [contentType]),
  ];
  const values = [...positional, ...optional].flatMap((a) => (a.group === undefined ? [a] : groupMemberValues(a)));
  return { positional, optional, values: withSpreadBody(operation, values) };
}

/** Positional arguments, in order: path parameters, the body, other required parameters, then required parameter groups. */
export function positionalArguments(operation: Operation): MethodArgument[] {
  return operationArguments(operation).positional;
}

/** Optional arguments, which live in the options bag (optional parameter groups among them). */
export function optionalParameters(operation: Operation): MethodArgument[] {
  return operationArguments(operation).optional;
}

/**
 * Property name of an operation group on the client: the group's name; the default group's (operations
 * without a group) is `operations`, or `defaultOperations` when a group is named `operations` (an ARM
 * spec's `Operations_List` next to ungrouped operations). A name the client has another member by (its
 * `pipeline`, `endpoint`, ... or a client parameter: Data Lake Analytics' `Pipeline` group) gets
 * `Operations` appended (`pipelineOperations`), numbered if that is taken too.
 */
export function operationsPropertyName(group: OperationGroup, model: CodeModel): string {
  const groups = model.operationGroups;
  const name = group.name !== "" ? group.name : groups.some((g) => g.name === "operations") ? "defaultOperations" : "operations";
  const members = new Set([...CLIENT_MEMBER_NAMES, ...model.client.parameters.filter((p) => !isClientConstant(p)).map((p) => p.name)]);
  if (!members.has(name)) return name;
  return claimUnique(`${name}Operations`, new Set([...members, ...groups.map((g) => g.name)]));
}

/** File (without extension) of an operation group under `src/operations/`: its property name. */
export function operationsFileName(group: OperationGroup, model: CodeModel): string {
  return operationsPropertyName(group, model);
}

/**
 * Name of each operation's standalone function, e.g. `communicationIdentityIssueAccessToken`:
 * camelCase group name + PascalCase method name, or the method name alone for an operation
 * without a group. `src/index.ts` exports every function, so names are unique across the model,
 * by the emitter's rules (`generator/emit/names.ts`): a name that is a reserved word, or that
 * is already taken, gets `2`, `3`, ... appended (`claimUnique`), groups and operations visited in
 * model order. Taken are: the other functions, the values an operations file imports or
 * `src/index.ts` exports (runtime helpers, core-lro's `createHttpPoller`, mappers (union mappers too), validators, api-version helpers), and the
 * parameters of the class method that delegates to the function (they would shadow it there).
 */
export function operationFunctionNames(model: CodeModel): Map<Operation, string> {
  const taken = new Set<string>([
    ...RESERVED_WORDS,
    ...runtimeValueNames,
    ...coreLroValueNames,
    ...xmlValueNames,
    ...apiVersionsValueNames,
    ...model.objects.flatMap((o) => [mapperName("serialize", o.name), mapperName("deserialize", o.name), validatorName(o.name)]),
    ...[...polymorphicUnions(model).values()].flatMap((u) => [
      mapperName("serialize", u.name),
      mapperName("deserialize", u.name),
      validatorName(u.name),
    ]),
  ]);
  const names = new Map<Operation, string>();
  for (const group of model.operationGroups) {
    for (const operation of group.operations) {
      const base = group.name === "" ? operation.name : `${group.name}${modelPascalCase(operation.name)}`;
      const shadowing = [...positionalArguments(operation).map((a) => a.name), "options"].filter((name) => !taken.has(name));
      shadowing.forEach((name) => taken.add(name));
      const name = claimUnique(base, taken);
      shadowing.forEach((local) => taken.delete(local));
      names.set(operation, name);
    }
  }
  return names;
}
