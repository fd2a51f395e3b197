/**
 * The Swagger 2 reader (see README.md): how Swagger 2 writes what the shared operation code reads
 * (generator/input/reader.ts): parameters with inline types and `collectionFormat`, `in: body` and
 * `in: formData` parameters, responses' `schema`, `consumes`/`produces`, `host`/`basePath` or
 * `x-ms-parameterized-host`, `securityDefinitions`.
 */
import { resolveRefChain } from "../../load/refs.js";
import { checkStatus, mediaTypes } from "../operation.js";
import { listedParameters, mergeParameters, type ListedParameter, type PlannedOperation } from "../plan.js";
import type { FormatReader, OperationInput, ResponseInput } from "../reader.js";
import { parameterType } from "./parameters.js";
import { swagger2Endpoint } from "./client.js";
import { type BuildContext, isObject, str, child, fail, registerComponentSchemas } from "../jsonSchema/index.js";
import { buildSecurity } from "../security.js";
import { readScheme } from "./security.js";

/** A document-level parameter (`#/parameters/<name>`). */
const GLOBAL_PARAMETER = /^\/parameters\/[^/]+$/;

export const swagger2Reader: FormatReader = {
  registerComponents: registerComponentSchemas,
  endpoint: swagger2Endpoint,
  security: (ctx, operations) => buildSecurity(ctx, readScheme, operations),
  inputs(ctx, planned) {
    return mergeParameters(
      listedParameters(ctx, planned, "path", GLOBAL_PARAMETER),
      listedParameters(ctx, planned, "operation", GLOBAL_PARAMETER),
    ).map(operationInput);
  },
  responses,
  consumes(ctx, planned, hasBody) {
    const doc = ctx.spec.documents[ctx.spec.entryFile] ?? {};
    return mediaTypes(planned.op["consumes"] ?? doc["consumes"], hasBody ? ["application/json"] : []);
  },
  produces(ctx, planned) {
    const doc = ctx.spec.documents[ctx.spec.entryFile] ?? {};
    return mediaTypes(planned.op["produces"] ?? doc["produces"], ["application/json"]);
  },
  baseUrl: () => undefined,
  pageable: (_ctx, planned) => planned.op["x-ms-pageable"],
};

function operationInput(listed: ListedParameter): OperationInput {
  const { param, definedAt } = listed;
  if (param["in"] === "body") {
    return { kind: "body", usedAt: listed.usedAt, definedAt, param, schema: param["schema"], schemaAt: child(definedAt, "schema") };
  }
  return { kind: "parameter", ...listed, ...parameterType(param, definedAt) };
}

function responses(ctx: BuildContext, planned: PlannedOperation): ResponseInput[] {
  const at = child(planned.at, "responses");
  const raw = planned.op["responses"];
  if (!isObject(raw)) fail(at, "operation has no responses");
  const read: ResponseInput[] = [];
  for (const [status, value] of Object.entries(raw)) {
    const usedAt = child(at, status);
    if (status.startsWith("x-")) continue;
    checkStatus(status, usedAt);
    const resolved = resolveRefChain(ctx.spec, usedAt.file, value, usedAt.pointer);
    if (!isObject(resolved.value)) fail(usedAt, "response must be an object");
    const response = resolved.value;
    const definedAt = { file: resolved.file, pointer: resolved.pointer };
    const headers = isObject(response["headers"]) ? Object.entries(response["headers"]) : [];
    read.push({
      status,
      usedAt,
      definedAt,
      response,
      ...(response["schema"] !== undefined ? { body: { schema: response["schema"], at: child(definedAt, "schema") } } : {}),
      headers: headers.map(([name, header]) => {
        const description = isObject(header) ? str(header, "description") : undefined;
        return { name, schema: header, at: child(definedAt, "headers", name), ...(description !== undefined ? { description } : {}) };
      }),
    });
  }
  return read;
}
