/**
 * An operation sent to a base URL of its own (`Operation.baseUrl`): the OpenAPI 3 reader says so with
 * `x-openapi3-base-url` on the operation (its path- or operation-level `servers`, generator/input/openapi3/servers.ts).
 */
import type { JsonObject } from "../../load/types.js";
import { str } from "../jsonSchema/json.js";

export function baseUrlOf(operation: JsonObject): string | undefined {
  return str(operation, "x-openapi3-base-url");
}
