import type { TypeRef } from "../model/types.js";
import type { EmitContext } from "./context.js";
import type { UsedNames } from "./usedNames.js";
import type { PolymorphicUnion } from "./polymorphism.js";
import { asWireScalars } from "./unions.js";

/** Unions by base model name (root or intermediate): a reference to such a model is typed as its union. */
type Unions = ReadonlyMap<string, PolymorphicUnion>;

function withNull(expression: string, nullable: boolean | undefined): string {
  return nullable ? `${expression} | null` : expression;
}

function arrayOf(element: string): string {
  return /[|&\s]/.test(element) ? `Array<${element}>` : `${element}[]`;
}

/** The TypeScript type users see for a TypeRef. */
export function publicType(type: TypeRef, unions: Unions): string {
  switch (type.kind) {
    case "string":
    case "duration":
      return withNull("string", type.nullable);
    case "boolean":
      return withNull("boolean", type.nullable);
    case "integer":
    case "number":
      return withNull("number", type.nullable);
    case "bytes":
    case "binary":
      return withNull("Uint8Array", type.nullable);
    case "date":
      return withNull("Date", type.nullable);
    case "array":
      return withNull(arrayOf(publicType(type.items, unions)), type.nullable);
    case "dictionary":
      return withNull(`Record<string, ${publicType(type.values, unions)}>`, type.nullable);
    case "model":
      return withNull(unions.get(type.name)?.name ?? type.name, type.nullable);
    case "enum":
      return withNull(type.name, type.nullable);
    case "constant":
      return withNull(JSON.stringify(type.value), type.nullable);
    case "unknown":
      return "unknown";
    case "union":
      return withNull(type.members.map((m) => publicType(asWireScalars(m), unions)).join(" | "), type.nullable);
  }
}

/** Name of the interface describing a model as it travels on the wire. */
export function wireTypeName(modelName: string): string {
  return `${modelName}Wire`;
}

/** The TypeScript type of a TypeRef as it is read from a response body (the `*Wire` types it names noted in `uses`). */
export function wireType(type: TypeRef, context: EmitContext, uses: UsedNames): string {
  switch (type.kind) {
    case "date":
      return withNull(type.format === "unixtime" ? "number" : "string", type.nullable);
    case "bytes":
      return withNull("string", type.nullable);
    case "array":
      return withNull(arrayOf(wireType(type.items, context, uses)), type.nullable);
    case "dictionary":
      return withNull(`Record<string, ${wireType(type.values, context, uses)}>`, type.nullable);
    case "model": {
      const union = context.unions.get(type.name);
      if (union !== undefined) {
        return withNull(context.deserializedUnions.has(type.name) ? uses.wireType(wireTypeName(union.name)) : union.name, type.nullable);
      }
      return withNull(context.deserialized.has(type.name) ? uses.wireType(wireTypeName(type.name)) : type.name, type.nullable);
    }
    case "union":
      return withNull(type.members.map((m) => wireType(m, context, uses)).join(" | "), type.nullable);
    default:
      return publicType(type, context.unions);
  }
}

/** Type names from models.ts that a type expression mentions. */
export function modelTypeNames(type: TypeRef, unions: Unions): string[] {
  switch (type.kind) {
    case "model":
      return [unions.get(type.name)?.name ?? type.name];
    case "enum":
      return [type.name];
    case "array":
      return modelTypeNames(type.items, unions);
    case "dictionary":
      return modelTypeNames(type.values, unions);
    case "union":
      return type.members.flatMap((m) => modelTypeNames(m, unions));
    default:
      return [];
  }
}
