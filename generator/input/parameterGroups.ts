/**
 * Parameter groups (Azure's `x-ms-parameter-grouping`): parameters of an operation the caller passes
 * together, as one object. Read here, at the model stage; the code model keeps only the group's type
 * name on each parameter (`Parameter.group`, `BodyParameter.group`).
 *
 * The name follows AutoRest: `name` when given (PascalCase), else `<Group><Operation><Postfix>` with
 * `postfix` when given, else `<Group><Operation>Parameters`.
 */
import type { JsonObject } from "../load/types.js";
import { type Loc, isObject, str, child, fail } from "./jsonSchema/index.js";
import { pascalCase, typeName } from "../model/names.js";

/** The group type name of a parameter, or undefined when it is not grouped. `stem` is `<Group><Operation>`. */
export function parameterGroupName(param: JsonObject, stem: string, at: Loc): string | undefined {
  const grouping = param["x-ms-parameter-grouping"];
  if (grouping === undefined) return undefined;
  const where = child(at, "x-ms-parameter-grouping");
  if (!isObject(grouping)) fail(where, "x-ms-parameter-grouping must be an object");
  for (const key of ["name", "postfix"]) {
    if (grouping[key] !== undefined && (typeof grouping[key] !== "string" || pascalCase(grouping[key]) === "")) {
      fail(child(where, key), `x-ms-parameter-grouping ${key} must be a non-empty string of letters or digits`);
    }
  }
  const name = str(grouping, "name");
  if (name !== undefined) return typeName(name);
  const postfix = str(grouping, "postfix");
  return `${stem}${postfix === undefined ? "Parameters" : pascalCase(postfix)}`;
}
