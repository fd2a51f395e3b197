/**
 * TypeScript names: every naming decision that exists only because the output is TypeScript. The code
 * model's names are identifiers no language reserves anything for (generator/model/names.ts); before
 * emitting, {@link typeScriptNames} gives the model the names the TypeScript files use:
 *
 * - a parameter (an operation's own, its body, a spread body's property, a client or host parameter)
 *   named like a reserved word, or `options` (the options bag), gets `Param` appended (`delete` →
 *   `deleteParam`), numbered when that is taken among the operation's parameters; a client parameter
 *   named like a member or option the client has anyway (`pipeline`, `endpoint`, `retryOptions`) too;
 * - a model or enum named like a global the generated code uses (`Error`, `Date`), a name the generated
 *   files import (`RestError`, `PagedAsyncIterableIterator`) or a type the emitter derives from the
 *   client and its operations (`<Client>Options`, `<Group>Operations`, `<Group><Operation>OptionalParams`)
 *   gets `Model` appended (`Error` → `ErrorModel`), numbered when that is taken; every reference follows.
 *
 * The same {@link RESERVED_WORDS} serve every other name the emitter makes: local names
 * (`safeLocalName` in text.ts), operation function names (signature.ts), union names (polymorphism.ts).
 */
import { claimUnique } from "../model/names.js";
import type { BodyParameter, CodeModel, Operation, OperationGroup, Parameter, TypeRef } from "../model/types.js";
import { pipelineBuildingOptions } from "./clientOptions.js";
import { pascalCase } from "./text.js";

/** TS/JS reserved words and strict-mode/contextual words that cannot (or should not) name a parameter or variable. */
export const RESERVED_WORDS: ReadonlySet<string> = new Set([
  "arguments",
  "as",
  "async",
  "await",
  "break",
  "case",
  "catch",
  "class",
  "const",
  "continue",
  "debugger",
  "default",
  "delete",
  "do",
  "else",
  "enum",
  "eval",
  "export",
  "extends",
  "false",
  "finally",
  "for",
  "function",
  "if",
  "implements",
  "import",
  "in",
  "instanceof",
  "interface",
  "let",
  "new",
  "null",
  "package",
  "private",
  "protected",
  "public",
  "return",
  "static",
  "super",
  "switch",
  "this",
  "throw",
  "true",
  "try",
  "typeof",
  "undefined",
  "var",
  "void",
  "while",
  "with",
  "yield",
]);

/** Type names a model may not take: TS/JS globals the generated code uses, and names the generated files import. */
export const RESERVED_TYPE_NAMES: ReadonlySet<string> = new Set([
  "Array",
  "ArrayBuffer",
  "Boolean",
  "Date",
  "Error",
  "Function",
  "JSON",
  "Map",
  "Math",
  "Number",
  "Object",
  "Omit",
  "Partial",
  "Pick",
  "Promise",
  "RangeError",
  "Readonly",
  "Record",
  "RegExp",
  "Required",
  "Set",
  "String",
  "Symbol",
  "TypeError",
  "Uint8Array",
  "URL",
  "AbortSignalLike",
  "HttpClient",
  "OperationOptions",
  "OperationTracingOptions",
  "Pipeline",
  "PipelineRequest",
  "PipelineResponse",
  "RestError",
  "PagedAsyncIterableIterator",
  "PageSettings",
  // what src/index.ts re-exports from runtime.ts and apiVersions.ts beside the models
  "ApiVersion",
  "ApiVersionMismatchError",
  "BinaryBody",
  "BinaryResponse",
  "LroOperationOptions",
  "OperationContext",
]);

/**
 * Members every generated client class has besides its parameters and operation groups (`OperationContext`'s,
 * which the operations read from it), and `constructor`, which no class field may be named.
 */
export const CLIENT_MEMBER_NAMES: ReadonlySet<string> = new Set(["endpoint", "apiVersion", "pipeline", "httpClient", "constructor"]);

/**
 * Names a client parameter may not take: the client's members, its constructors' other parameters
 * (`credential`, `options`) and the options `<Client>Options` has of its own (core-rest-pipeline's).
 */
const CLIENT_PARAMETER_TAKEN: ReadonlySet<string> = new Set([...CLIENT_MEMBER_NAMES, "credential", "options", ...pipelineBuildingOptions]);

/**
 * A name usable as a local variable or parameter. {@link typeScriptNames} already resolves
 * reserved words in the model's names; this is the last line of defence so bad input can never
 * produce invalid code.
 */
export function safeLocalName(name: string): string {
  const cleaned = name.replace(/[^A-Za-z0-9_$]/g, "_");
  const start = /^[0-9]/.test(cleaned) ? `_${cleaned}` : cleaned || "_";
  return RESERVED_WORDS.has(start) ? `${start}Param` : start;
}

/** `<Group><Operation>OptionalParams`: the options bag type of an operation. */
export function optionalParamsTypeName(group: OperationGroup, operation: Operation): string {
  return `${group.typeName}${pascalCase(operation.name)}OptionalParams`;
}

/** Class name of an operation group (`DefaultOperations` for the group without a name). */
export function operationsClassName(group: OperationGroup): string {
  return `${group.typeName || "Default"}Operations`;
}

/** A parameter name as TypeScript needs it: a reserved word or `options` gets `Param` appended. */
export function parameterName(name: string): string {
  return needsSuffix(name) ? `${name}Param` : name;
}

const needsSuffix = (name: string): boolean => RESERVED_WORDS.has(name) || name === "options";

/** Type names the emitter declares for the client and its operations, which the models share a namespace with. */
function emitterTypeNames(model: CodeModel): string[] {
  return [
    `${model.client.name}Options`,
    `${model.client.name}Core`,
    `${model.client.name}CoreOptions`,
    ...model.operationGroups.flatMap((g) => [operationsClassName(g), ...g.operations.map((o) => optionalParamsTypeName(g, o))]),
  ];
}

/** Model and enum names that clash with a TypeScript-only name, each with its new name. */
function typeRenames(model: CodeModel): Map<string, string> {
  const reserved = new Set([...RESERVED_TYPE_NAMES, ...emitterTypeNames(model)]);
  const own = [...model.objects.map((o) => o.name), ...model.enums.map((e) => e.name)];
  const clashing = own.filter((name) => reserved.has(name));
  if (clashing.length === 0) return new Map();
  const groups = model.operationGroups.flatMap((g) => g.operations.flatMap((o) => [...o.parameters.map((p) => p.group), o.body?.group]));
  const taken = new Set([...reserved, ...own, model.client.name, ...groups.filter((g): g is string => g !== undefined)]);
  return new Map(clashing.map((name) => [name, claimUnique(`${name}Model`, taken)]));
}

function renameType(type: TypeRef, renames: ReadonlyMap<string, string>): TypeRef {
  switch (type.kind) {
    case "model":
    case "enum": {
      const name = renames.get(type.name);
      return name === undefined ? type : { ...type, name };
    }
    case "array": {
      const items = renameType(type.items, renames);
      return items === type.items ? type : { ...type, items };
    }
    case "dictionary": {
      const values = renameType(type.values, renames);
      return values === type.values ? type : { ...type, values };
    }
    case "union": {
      const members = type.members.map((m) => renameType(m, renames));
      return members.every((m, i) => m === type.members[i]) ? type : { ...type, members };
    }
    default:
      return type;
  }
}

const byName = <T extends { name: string }>(a: T, b: T): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/**
 * Client parameters whose name is a reserved word, `options`, or a name the client takes for something else
 * (`pipeline`, `endpoint`, `retryOptions`, ...: {@link CLIENT_PARAMETER_TAKEN}), each with its new name
 * (`Param` appended, numbered when taken among the client's parameters).
 */
function clientParameterRenames(model: CodeModel): Map<string, string> {
  // (a string parameter named apiVersion in a client without an api-version is the client's apiVersion, as OperationContext's)
  const ownApiVersion = (p: Parameter): boolean =>
    p.name === "apiVersion" && model.client.apiVersion === undefined && p.type.kind === "string";
  const clashing = model.client.parameters.filter(
    (p) => !p.isApiVersion && (needsSuffix(p.name) || (CLIENT_PARAMETER_TAKEN.has(p.name) && !ownApiVersion(p))),
  );
  if (clashing.length === 0) return new Map();
  const taken = new Set([...CLIENT_PARAMETER_TAKEN, ...model.client.parameters.map((p) => p.name)]);
  return new Map(clashing.map((p) => [p.name, claimUnique(`${p.name}Param`, taken)]));
}

/** True when no name of the model needs a TypeScript rename (then {@link typeScriptNames} returns it as it is). */
function needsNoRename(model: CodeModel, renames: ReadonlyMap<string, string>, clientRenames: ReadonlyMap<string, string>): boolean {
  const parameters = (p: { name: string }): boolean => !needsSuffix(p.name);
  return (
    renames.size === 0 &&
    clientRenames.size === 0 &&
    model.client.endpoint.parameters.every(parameters) &&
    model.operationGroups.every((g) =>
      g.operations.every(
        (o) => o.parameters.every(parameters) && (o.body === undefined || (parameters(o.body) && (o.body.spread ?? []).every(parameters))),
      ),
    )
  );
}

/**
 * The model with TypeScript names (see the file comment). Pure; returns `model` itself when nothing
 * needs renaming (Identity, for one), else a copy (one walk over the model, no printing).
 */
export function typeScriptNames(model: CodeModel): CodeModel {
  const renames = typeRenames(model);
  const clientRenames = clientParameterRenames(model);
  if (needsNoRename(model, renames, clientRenames)) return model;
  const type = (t: TypeRef): TypeRef => renameType(t, renames);
  const clientName = (name: string): string => clientRenames.get(name) ?? name;
  const hostParameter = (p: Parameter): Parameter => ({ ...p, name: parameterName(p.name), type: type(p.type) });
  const clientParameter = (p: Parameter): Parameter => ({ ...p, name: p.isApiVersion ? p.name : clientName(p.name), type: type(p.type) });

  const operation = (o: Operation): Operation => {
    // the operation's own parameters and body share one namespace (the function's parameters and options bag)
    const taken = new Set([...o.parameters.map((p) => p.name), ...(o.body === undefined ? [] : [o.body.name])]);
    const rename = (name: string): string => (needsSuffix(name) ? claimUnique(`${name}Param`, taken) : name);
    const parameters = o.parameters.map((p) => ({
      ...p,
      name: p.clientLevel && !p.isApiVersion ? clientName(p.name) : rename(p.name),
      type: type(p.type),
    }));
    let body: BodyParameter | undefined;
    if (o.body !== undefined) {
      body = { ...o.body, name: rename(o.body.name), type: type(o.body.type) };
      if (o.body.spread !== undefined) {
        // a spread property is a parameter too: unique among the operation's own parameters
        const spreadTaken = new Set([...parameters.filter((p) => !p.clientLevel).map((p) => p.name), ...o.body.spread.map((s) => s.name)]);
        body.spread = o.body.spread.map((s) => ({
          ...s,
          name: needsSuffix(s.name) ? claimUnique(`${s.name}Param`, spreadTaken) : s.name,
          type: type(s.type),
        }));
      }
    }
    const response = (r: Operation["responses"][number]): Operation["responses"][number] => ({
      ...r,
      ...(r.bodyType !== undefined ? { bodyType: type(r.bodyType) } : {}),
      headers: r.headers.map((h) => ({ ...h, type: type(h.type) })),
    });
    return {
      ...o,
      parameters,
      clientParameters: o.clientParameters.map(clientName),
      ...(body !== undefined ? { body } : {}),
      responses: o.responses.map(response),
      errorResponses: o.errorResponses.map(response),
    };
  };

  return {
    ...model,
    client: {
      ...model.client,
      endpoint: { ...model.client.endpoint, parameters: model.client.endpoint.parameters.map(hostParameter) },
      parameters: model.client.parameters.map(clientParameter),
    },
    operationGroups: model.operationGroups.map((g) => ({ ...g, operations: g.operations.map(operation) })),
    objects: model.objects
      .map((o) => ({
        ...o,
        name: renames.get(o.name) ?? o.name,
        parents: o.parents.map((p) => renames.get(p) ?? p),
        properties: o.properties.map((p) => ({ ...p, type: type(p.type) })),
        ...(o.additionalProperties !== undefined ? { additionalProperties: type(o.additionalProperties) } : {}),
      }))
      .sort(byName),
    enums: model.enums.map((e) => ({ ...e, name: renames.get(e.name) ?? e.name })).sort(byName),
  };
}
