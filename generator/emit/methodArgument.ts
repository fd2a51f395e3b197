/**
 * One argument of a generated operation method and where the operation reads its value: the shape
 * signature.ts builds and the emitters of each part of an operation read.
 */
import type { BodyParameter, Parameter, TypeRef } from "../model/types.js";
import { propertyAccess } from "./text.js";

/** One argument of a generated operation method: a path/query/header parameter or the body. */
export interface MethodArgument {
  /** Name in TypeScript (local variable when positional, options property when optional, group member otherwise). */
  name: string;
  serializedName: string;
  type: TypeRef;
  required: boolean;
  description?: string;
  /** The spec parameter, or undefined for the body. */
  parameter?: Parameter;
  body?: BodyParameter;
  /**
   * The expression the operation reads the value from, when it is not the argument itself (or
   * `options.<name>`): a member of a parameter group, or the object a spread body is built from.
   */
  source?: string;
  /** A parameter group (one argument holding several): its type name and the values it holds. */
  group?: { typeName: string; members: MethodArgument[] };
  /** A property of a spread body, passed as a parameter: the body it belongs to. */
  spreadOf?: BodyParameter;
  /** The parameter group a value is passed in (its type name), before the group argument is made. */
  inGroup?: string;
  /** The `contentType` option of a body sent as one of several media types: those media types. */
  contentTypes?: string[];
}

/** The expression an operation reads a value from: its own name when positional, else `options.<name>`, unless it says otherwise. */
export function argumentSource(a: MethodArgument): string {
  return a.source ?? (a.required ? a.name : propertyAccess("options", a.name));
}
