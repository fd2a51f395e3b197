/**
 * The name of an operation that has no `operationId` (OpenAPI makes it optional; many public specs
 * leave it out): the HTTP method, then the path's words, each path parameter read as `By<Name>`.
 *
 * - `GET /users` → `getUsers`, `GET /users/{id}/keys` → `getUsersByIdKeys`;
 * - a segment mixing text and parameters keeps their order, punctuation only separates words:
 *   `/search/{version}/additionalData.{ext}` → `getSearchByVersionAdditionalDataByExt`,
 *   `/carrier@{type}@{policy}/time-frames` → `getCarrierByTypeByPolicyTimeFrames`,
 *   `/name/{concept-type}.json` → `getNameByConceptTypeJson`;
 * - the root path (`/`, or nothing but punctuation) is `Root`: `GET /` → `getRoot`.
 *
 * @hey-api/openapi-ts derives similar names (`<method><Path>` with `By<Param>`); AutoRest requires an
 * operationId. The caller makes the result unique among every operationId of the spec.
 */
import { pascalCase } from "../model/names.js";

const PARAMETER_OR_TEXT = /\{([^{}]*)\}|[^{}]+/g;

export function derivedOperationId(method: string, path: string): string {
  let words = "";
  for (const match of path.matchAll(PARAMETER_OR_TEXT)) {
    const parameter = match[1];
    words += parameter !== undefined ? `By${pascalCase(parameter)}` : pascalCase(match[0]);
  }
  return `${method.toLowerCase()}${words === "" ? "Root" : words}`;
}
