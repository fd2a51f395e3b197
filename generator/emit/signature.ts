import type { BodyParameter, Operation, OperationGroup, Parameter, TypeRef } from "../model/types.js";
import { pascalCase, safeLocalName } from "./text.js";

/** One argument of a generated operation method: a path/query/header parameter or the body. */
export interface MethodArgument {
  /** Name in TypeScript (local variable when positional, options property when optional). */
  name: string;
  serializedName: string;
  type: TypeRef;
  required: boolean;
  description?: string;
  /** The spec parameter, or undefined for the body. */
  parameter?: Parameter;
  body?: BodyParameter;
}

function fromParameter(parameter: Parameter): MethodArgument {
  return {
    name: parameter.name,
    serializedName: parameter.serializedName,
    type: parameter.type,
    required: parameter.required,
    description: parameter.description,
    parameter,
  };
}

function fromBody(body: BodyParameter): MethodArgument {
  return { name: body.name, serializedName: body.serializedName, type: body.type, required: body.required, description: body.description, body };
}

/** Parameters the caller supplies (client-level, api-version and required constants are filled in by the client). */
function callerParameters(operation: Operation): Parameter[] {
  return operation.parameters.filter(
    (p) => !p.clientLevel && !p.isApiVersion && !(p.required && p.type.kind === "constant"),
  );
}

/** Names the generated method body declares itself. */
const methodLocals = new Set(["url", "response", "wire", "options"]);

function localName(name: string): string {
  const safe = safeLocalName(name);
  return methodLocals.has(safe) ? `${safe}Param` : safe;
}

/** Positional arguments, in order: path parameters, the body, then other required parameters. */
export function positionalArguments(operation: Operation): MethodArgument[] {
  const parameters = callerParameters(operation);
  const path = parameters.filter((p) => p.location === "path").map(fromParameter);
  const body = operation.body?.required ? [fromBody(operation.body)] : [];
  const rest = parameters.filter((p) => p.location !== "path" && p.required).map(fromParameter);
  return [...path, ...body, ...rest].map((a) => ({ ...a, name: localName(a.name) }));
}

/** Optional arguments, which live in the options bag. */
export function optionalParameters(operation: Operation): MethodArgument[] {
  const parameters = callerParameters(operation).filter((p) => p.location !== "path" && !p.required).map(fromParameter);
  const body = operation.body !== undefined && !operation.body.required ? [fromBody(operation.body)] : [];
  return [...parameters, ...body];
}

/** `<Group><Operation>OptionalParams`. */
export function optionalParamsTypeName(group: OperationGroup, operation: Operation): string {
  return `${group.typeName}${pascalCase(operation.name)}OptionalParams`;
}

/** Class name of an operation group. */
export function operationsClassName(group: OperationGroup): string {
  return `${group.typeName || "Default"}Operations`;
}

/** Property name of an operation group on the client. */
export function operationsPropertyName(group: OperationGroup): string {
  return group.name || "operations";
}

/** File (without extension) of an operation group under `src/operations/`. */
export function operationsFileName(group: OperationGroup): string {
  return group.name || "operations";
}
