import type { Constraints, TypeRef } from "../model/types.js";
import type { EmitContext } from "./context.js";

/** Name of the function checking one model before it is sent. */
export function validatorName(modelName: string): string {
  return `validate${modelName}`;
}

/**
 * Statements checking a present value against its constraints and, for models,
 * against the model's own validator. `value` must be side-effect free; `path` is a
 * TypeScript expression evaluating to the path shown in errors.
 */
export function constraintChecks(type: TypeRef, value: string, path: string, constraints: Constraints | undefined, context: EmitContext): string[] {
  const c = constraints ?? {};
  const checks: string[] = [];
  if ((type.kind === "integer" || type.kind === "number") && (c.minimum !== undefined || c.maximum !== undefined)) {
    const bounds = [
      c.minimum !== undefined ? `minimum: ${c.minimum}` : undefined,
      c.maximum !== undefined ? `maximum: ${c.maximum}` : undefined,
      c.exclusiveMinimum ? "exclusiveMinimum: true" : undefined,
      c.exclusiveMaximum ? "exclusiveMaximum: true" : undefined,
    ].filter((b) => b !== undefined);
    checks.push(`assertInRange(${value}, ${path}, { ${bounds.join(", ")} });`);
  }
  if (type.kind === "string" || type.kind === "enum") {
    if (c.minLength !== undefined || c.maxLength !== undefined) {
      checks.push(`assertLength(${value}, ${path}, ${c.minLength ?? "undefined"}, ${c.maxLength ?? "undefined"});`);
    }
    if (c.pattern !== undefined) {
      checks.push(`assertPattern(${value}, ${path}, ${JSON.stringify(c.pattern)});`);
    }
  }
  if (type.kind === "array") {
    if (c.minItems !== undefined || c.maxItems !== undefined) {
      checks.push(`assertItemCount(${value}, ${path}, ${c.minItems ?? "undefined"}, ${c.maxItems ?? "undefined"});`);
    }
    const element = modelValidation(type.items, "item", `${path} + "[" + index + "]"`, context);
    if (element !== undefined) {
      checks.push(`${value}.forEach((item, index) => ${element});`);
    }
  }
  if (type.kind === "dictionary") {
    const entry = modelValidation(type.values, "item", `${path} + "." + key`, context);
    if (entry !== undefined) {
      checks.push(`for (const [key, item] of Object.entries(${value})) {\n${entry};\n}`);
    }
  }
  const own = modelValidation(type, value, path, context);
  if (own !== undefined) {
    checks.push(`${own};`);
  }
  return checks;
}

function modelValidation(type: TypeRef, value: string, path: string, context: EmitContext): string | undefined {
  if (type.kind !== "model") {
    return undefined;
  }
  const union = context.unions.get(type.name);
  const validated = union === undefined ? context.validated.has(type.name) : context.validatedUnions.has(type.name);
  if (!validated) {
    return undefined;
  }
  const name = validatorName(union?.name ?? type.name);
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
): string[] {
  const checks = context.validateConstraints ? constraintChecks({ ...type, nullable: false } as TypeRef, value, path, options.constraints, context) : [];
  const statements: string[] = [];
  if (options.required && !options.nullable) {
    statements.push(`assertPresent(${value}, ${path});`);
    statements.push(...checks);
    return statements;
  }
  if (checks.length > 0) {
    const guard = options.nullable ? `${value} !== undefined && ${value} !== null` : `${value} !== undefined`;
    statements.push(`if (${guard}) {\n${checks.join("\n")}\n}`);
  }
  return statements;
}

/** Runtime helpers a block of checks calls (for the import list). */
export function validationHelpersUsed(code: string): string[] {
  const helpers = ["assertPresent", "assertInRange", "assertLength", "assertPattern", "assertItemCount"];
  return helpers.filter((helper) => code.includes(`${helper}(`));
}
