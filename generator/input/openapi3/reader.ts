/**
 * The OpenAPI 3 reader (README.md): how OpenAPI 3.0 / 3.1 write what the shared operation code reads
 * (generator/input/reader.ts): parameters with a `schema`, `requestBody`, responses' `content` with status
 * ranges, `servers`, `components/securitySchemes`. Schemas are read by the shared JSON Schema core
 * (generator/input/jsonSchema) in the document's dialect.
 */
import { registerComponentSchemas, type BuildContext } from "../jsonSchema/index.js";
import { listedParameters, mergeParameters, type PlannedOperation } from "../plan.js";
import type { FormatReader, OperationInput } from "../reader.js";
import { checkPathItem, pageableOf } from "./document.js";
import { parameterInput } from "./parameters.js";
import { requestBodyOf } from "./requestBody.js";
import { responsesOf } from "./responses.js";
import { openApi3Security } from "./security.js";
import { openApi3Endpoint, operationServer } from "./servers.js";

/** A document-level parameter (`#/components/parameters/<name>`). */
const GLOBAL_PARAMETER = /^\/components\/parameters\/[^/]+$/;

export const openApi3Reader: FormatReader = {
  checkPathItem,
  registerComponents: registerComponentSchemas,
  endpoint: openApi3Endpoint,
  security: openApi3Security,
  inputs,
  responses: (ctx, planned) => responsesOf(ctx, planned).responses,
  consumes: (ctx, planned) => requestBodyOf(ctx, planned)?.consumes ?? [],
  produces(ctx, planned) {
    const { produces } = responsesOf(ctx, planned);
    return produces.length > 0 ? produces : ["application/json"];
  },
  baseUrl: (ctx, planned) => operationServer(ctx, planned)?.url,
  pageable: (ctx, planned) => pageableOf(ctx, planned.op, planned.at),
};

/**
 * Path-level parameters, then the operation's with its request body (at `x-ms-requestBody-index`, else last)
 * and the variables of its own server; an operation-level one replaces a path-level one of the same name and location.
 */
function inputs(ctx: BuildContext, planned: PlannedOperation): OperationInput[] {
  const pathLevel = listedParameters(ctx, planned, "path", GLOBAL_PARAMETER).map((p) => parameterInput(ctx, p));
  const operationLevel: OperationInput[] = listedParameters(ctx, planned, "operation", GLOBAL_PARAMETER).map((p) => parameterInput(ctx, p));
  const body = requestBodyOf(ctx, planned);
  if (body !== undefined) {
    operationLevel.splice(Math.min(body.index ?? operationLevel.length, operationLevel.length), 0, ...body.inputs);
  }
  operationLevel.push(...(operationServer(ctx, planned)?.parameters ?? []));
  return mergeParameters<OperationInput>(pathLevel, operationLevel);
}
