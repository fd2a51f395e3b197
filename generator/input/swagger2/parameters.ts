/** A Swagger 2 non-body parameter: its type, constraints and collection format are written on it. */
import type { JsonObject } from "../../load/types.js";
import type { Parameter } from "../../model/types.js";
import type { ParameterInput } from "../reader.js";

const COLLECTION_FORMATS = ["csv", "ssv", "tsv", "pipes", "multi"] as const;

/** The parameter is its own schema. */
export function parameterType(
  param: JsonObject,
  at: ParameterInput["definedAt"],
): Pick<ParameterInput, "schema" | "schemaAt" | "collectionFormat" | "skipUrlEncoding"> {
  const collectionFormat: Parameter["collectionFormat"] = COLLECTION_FORMATS.find((f) => f === param["collectionFormat"]);
  return {
    schema: param,
    schemaAt: at,
    ...(collectionFormat !== undefined ? { collectionFormat } : {}),
    skipUrlEncoding: param["x-ms-skip-url-encoding"] === true,
  };
}
