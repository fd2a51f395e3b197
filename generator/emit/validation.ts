import type { Constraints, TypeRef } from "../model/types.js";
import type { EmitContext } from "./context.js";
import type { UsedNames } from "./usedNames.js";

/** Name of the function checking one model before it is sent. */
export function validatorName(modelName: string): string {
  return `validate${modelName}`;
}

/**
 * Statements checking a present value against its constraints and, for models,
 * against the model's own validator. `value` must be side-effect free; `path` is a
 * TypeScript expression evaluating to the path shown in errors. The helpers and validators the checks
 * call are noted in `uses`.
 */
export function constraintChecks(
  type: TypeRef,
  value: string,
  path: string,
  constraints: Constraints | undefined,
  context: EmitContext,
  uses: UsedNames,
): string[] {
  const c = constraints ?? {};
  const checks: string[] = [];
  if ((type.kind === "integer" || type.kind === "number") && (c.minimum !== undefined || c.maximum !== undefined)) {
    const bounds = [
      c.minimum !== undefined ? `minimum: ${c.minimum}` : undefined,
      c.maximum !== undefined ? `maximum: ${c.maximum}` : undefined,
      c.exclusiveMinimum ? "exclusiveMinimum: true" : undefined,
      c.exclusiveMaximum ? "exclusiveMaximum: true" : undefined,
    ].filter((b) => b !== undefined);
    checks.push(`${uses.call("assertInRange")}(${value}, ${path}, { ${bounds.join(", ")} });`);
  }
  if (type.kind === "string" || type.kind === "enum") {
    if (c.minLength !== undefined || c.maxLength !== undefined) {
      checks.push(`${uses.call("assertLength")}(${value}, ${path}, ${c.minLength ?? "undefined"}, ${c.maxLength ?? "undefined"});`);
    }
    if (c.pattern !== undefined) {
      checks.push(`${uses.call("assertPattern")}(${value}, ${path}, ${JSON.stringify(c.pattern)});`);
    }
  }
  if (type.kind === "array") {
    if (c.minItems !== undefined || c.maxItems !== undefined) {
      checks.push(`${uses.call("assertItemCount")}(${value}, ${path}, ${c.minItems ?? "undefined"}, ${c.maxItems ?? "undefined"});`);
    }
    const element = modelValidation(type.items, "item", `${path} + "[" + index + "]"`, context, uses);
    if (element !== undefined) {
      checks.push(`${value}.forEach((item, index) => ${element});`);
    }
  }
  if (type.kind === "dictionary") {
    const entry = modelValidation(type.values, "item", `${path} + "." + key`, context, uses);
    if (entry !== undefined) {
      checks.push(`for (const [key, item] of Object.entries(${value})) {\n${entry};\n}`);
    }
  }
  const own = modelValidation(type, value, path, context, uses);
  if (own !== undefined) {
    checks.push(`${own};`);
  }
  return checks;
}

function modelValidation(type: TypeRef, value: string, path: string, context: EmitContext, uses: UsedNames): string | undefined {
  if (type.kind !== "model") {
    return undefined;
  }
  const union = context.unions.get(type.name);
  const validated = union === undefined ? context.validated.has(type.name) : context.validatedUnions.has(type.name);
  if (!validated) {
    return undefined;
  }
  const name = uses.validator(validatorName(union?.name ?? type.name));
  return type.nullable ? `${value} === null || ${name}(${value}, ${path})` : `${name}(${value}, ${path})`;
}

/**
 * Checks for one value that may be absent: presence when required, then constraints
 * when present. Without `context.validateConstraints` only the presence of a required
 * value is checked (an operation's required argument: the request cannot be built without it).
 */
export function valueChecks(
  type: TypeRef,
  value: string,
  path: string,
  options: { required: boolean; nullable: boolean; constraints?: Constraints },
  context: EmitContext,
  uses: UsedNames,
): string[] {
  const checks = context.validateConstraints
    ? constraintChecks({ ...type, nullable: false } as TypeRef, value, path, options.constraints, context, uses)
    : [];
  const statements: string[] = [];
  if (options.required && !options.nullable) {
    statements.push(`${uses.call("assertPresent")}(${value}, ${path});`);
    statements.push(...checks);
    return statements;
  }
  if (checks.length > 0) {
    const guard = options.nullable ? `${value} !== undefined && ${value} !== null` : `${value} !== undefined`;
    statements.push(`if (${guard}) {\n${checks.join("\n")}\n}`);
  }
  return statements;
}
