/**
 * Properties a model redeclares from a parent with a type the parent's does not accept. A spec may
 * redeclare an inherited property wider or otherwise (a string where the parent has an integer, another
 * enum, a model outside the parent's hierarchy); TypeScript then refuses `interface Child extends Parent`.
 * Such a parent is extended without those properties (`extends Omit<Parent, "version">`): the child's
 * interface says what the child's schema says, and it is no longer assignable to that parent.
 * A redeclaration the parent's type accepts (a narrower enum, a subtype model, a description, a plain
 * string where the parent has an extensible string enum) keeps the plain `extends`; a plain string where
 * the parent has a sealed enum does not.
 */
import type { EnumModel, ObjectModel, Property, TypeRef } from "../model/types.js";
import type { EmitContext } from "./context.js";

/** The `extends` clauses of a model's interface: each parent, or `Omit<Parent, ...>` of what the model redeclares incompatibly. */
export function extendsClauses(object: ObjectModel, context: EmitContext): string[] {
  return object.parents.map((parent) => {
    const inherited = new Map((context.properties.get(parent) ?? []).map((p) => [p.name, p]));
    const clashing = object.properties.filter((p) => {
      const theirs = inherited.get(p.name);
      return theirs !== undefined && !propertyFits(p, theirs, context);
    });
    return clashing.length === 0 ? parent : `Omit<${parent}, ${clashing.map((p) => JSON.stringify(p.name)).join(" | ")}>`;
  });
}

function propertyFits(mine: Property, theirs: Property, context: EmitContext): boolean {
  if (theirs.required && !mine.required) return false;
  if (mine.nullable && !theirs.nullable) return false;
  return typeFits(mine.type, theirs.type, context);
}

/** True when a value of type `a` is always a value of type `b` as the emitter types them (publicType). */
function typeFits(a: TypeRef, b: TypeRef, context: EmitContext): boolean {
  if (b.kind === "unknown") return true;
  if (a.nullable === true && b.nullable !== true) return false;
  const scalar = scalarOf(a);
  if (scalar !== undefined && scalar === scalarOf(b)) return true;
  // an extensible enum is written `"a" | "b" | (string & {})`: any value of its scalar fits; a sealed one takes only its values
  if (scalar !== undefined && b.kind === "enum")
    return context.enums.get(b.name)?.extensible === true && context.enums.get(b.name)?.valueType === scalar;
  switch (a.kind) {
    case "array":
      return b.kind === "array" && typeFits(a.items, b.items, context);
    case "dictionary":
      return b.kind === "dictionary" && typeFits(a.values, b.values, context);
    case "model":
      return b.kind === "model" && (a.name === b.name || descendsFrom(a.name, b.name, context));
    case "constant":
      return valueFits(a.value, b, context);
    case "enum": {
      const own = context.enums.get(a.name);
      if (b.kind === "enum" && a.name === b.name) return true;
      if (own === undefined) return false;
      if (b.kind === "string" || b.kind === "integer" || b.kind === "number") return scalarOf(b) === own.valueType;
      if (b.kind !== "enum") return false;
      const theirs = context.enums.get(b.name);
      if (theirs?.extensible === true) return theirs.valueType === own.valueType;
      return !own.extensible && own.values.every((v) => valueFits(v.value, b, context));
    }
    default:
      return false;
  }
}

/** The TypeScript scalar a type is written as, for the types that are one. */
function scalarOf(type: TypeRef): "string" | "number" | "boolean" | "bytes" | "date" | undefined {
  switch (type.kind) {
    case "string":
    case "duration":
      return "string";
    case "integer":
    case "number":
      return "number";
    case "boolean":
      return "boolean";
    case "bytes":
    case "binary":
      return "bytes";
    case "date":
      return "date";
    default:
      return undefined;
  }
}

function valueFits(value: string | number | boolean, b: TypeRef, context: EmitContext): boolean {
  if (b.kind === "constant") return b.value === value;
  if (b.kind === "enum") {
    const theirs: EnumModel | undefined = context.enums.get(b.name);
    return (
      theirs !== undefined && ((theirs.extensible && typeof value === theirs.valueType) || theirs.values.some((v) => v.value === value))
    );
  }
  return scalarOf(b) === typeof value;
}

function descendsFrom(name: string, ancestor: string, context: EmitContext, seen = new Set<string>()): boolean {
  if (seen.has(name)) return false;
  seen.add(name);
  return (context.objects.get(name)?.parents ?? []).some((p) => p === ancestor || descendsFrom(p, ancestor, context, seen));
}
