/**
 * One planned operation → its `Operation`, from what the format's reader lists (reader.ts): parameters
 * (client-level ones registered on the client once), body, responses, media types, paging and long-running
 * behaviour. The same for every format.
 */
import { bodyMediaTypes } from "../model/bodies.js";
import { claimUnique, memberName, pascalCase } from "../model/names.js";
import type { BodyParameter, Operation, OperationResponse, Parameter, ParameterLocation, TypeRef } from "../model/types.js";
import { clientDefaultOf } from "./clientDefault.js";
import { buildLongRunning } from "./lro.js";
import { buildPaging } from "./paging.js";
import { allowsAnonymous } from "./security.js";
import { parameterGroupName } from "./parameterGroups.js";
import type { PlannedOperation } from "./plan.js";
import type { FormatReader, ParameterInput, ResponseInput } from "./reader.js";
import { type BuildContext, type Loc, compact, str, constraintsOf, fail, typeOf, sentConstant } from "./jsonSchema/index.js";

export interface BuiltOperation {
  group: string;
  groupType: string;
  operation: Operation;
}

export function buildOperation(ctx: BuildContext, reader: FormatReader, planned: PlannedOperation): BuiltOperation {
  const stem = `${planned.groupType}${pascalCase(planned.name)}`;
  const parameters: Parameter[] = [];
  const clientParameterNames: string[] = [];
  const takenNames = new Set<string>();
  let body: BodyParameter | undefined;
  const baseUrl = reader.baseUrl(ctx, planned);

  for (const input of reader.inputs(ctx, planned)) {
    const { param, usedAt } = input;
    const wireName = str(param, "name");
    const location = str(param, "in");
    if (wireName === undefined) fail(usedAt, "parameter has no name");
    const clientName = str(param, "x-ms-client-name") ?? wireName;
    const group = parameterGroupName(param, stem, usedAt);
    if (input.kind === "body") {
      if (input.schema === undefined) fail(usedAt, `body parameter "${wireName}" has no schema`);
      body = compact({
        name: claimUnique(memberName(clientName), takenNames),
        serializedName: wireName,
        type: typeOf(ctx, input.schemaAt, input.schema, `${stem}Body`),
        required: param["required"] === true,
        description: str(param, "description"),
        apiVersions: [ctx.apiVersion],
        source: input.definedAt,
        group,
        spreadRequested: param["x-ms-client-flatten"] === true ? true : undefined,
      });
      continue;
    }
    if (location !== "path" && location !== "query" && location !== "header" && location !== "formData") {
      fail(usedAt, `parameter "${wireName}" has unsupported location ${JSON.stringify(location)}`);
    }
    if (location === "path" && !`${baseUrl ?? ""}${planned.path}`.includes(`{${wireName}}`)) {
      fail(usedAt, `path parameter "${wireName}" does not appear in the path template "${planned.path}"`);
    }
    // `x-ms-api-version: false`: an operation's own parameter that happens to be named api-version
    const isApiVersion = wireName === "api-version" && param["x-ms-api-version"] !== false;
    const declared = str(param, "x-ms-parameter-location");
    const clientLevel = isApiVersion || (input.global ? declared !== "method" : declared === "client");
    const built = buildParameter(
      ctx,
      input,
      wireName,
      location === "formData" ? "form" : location,
      clientLevel,
      isApiVersion,
      `${stem}${pascalCase(wireName)}`,
    );
    if (clientLevel && !isApiVersion) {
      const key = `${location}:${wireName}`;
      let known = ctx.clientParameters.get(key);
      if (known === undefined) {
        // one client member per (location, wire name): a second one whose name collides (`group_key` in a path
        // and in a query) is numbered, as claimUnique numbers the operation's own parameters
        const taken = new Set([...ctx.clientParameters.values()].map((p) => p.name));
        const name = claimUnique(built.name, taken);
        known = name === built.name ? built : { ...built, name };
        ctx.clientParameters.set(key, known);
      }
      clientParameterNames.push(known.name);
      continue;
    }
    parameters.push(
      compact({ ...built, name: isApiVersion ? built.name : claimUnique(built.name, takenNames), group: isApiVersion ? undefined : group }),
    );
  }

  for (const match of planned.path.matchAll(/\{([^}]+)\}/g)) {
    const placeholder = match[1] ?? "";
    const known =
      parameters.some((p) => p.location === "path" && p.serializedName === placeholder) || ctx.clientParameters.has(`path:${placeholder}`);
    if (!known) fail(planned.at, `path template "${planned.path}" has no path parameter "${placeholder}"`);
  }

  const { responses, errorResponses } = buildResponses(ctx, reader.responses(ctx, planned), stem);
  const consumes = reader.consumes(ctx, planned, body !== undefined);
  const operation: Operation = compact({
    name: planned.name,
    operationId: planned.operationId,
    previousOperationIds: [planned.operationId],
    method: planned.method,
    path: planned.path,
    baseUrl,
    summary: str(planned.op, "summary"),
    description: str(planned.op, "description"),
    deprecated: planned.op["deprecated"] === true,
    parameters,
    clientParameters: clientParameterNames,
    body,
    consumes,
    bodyMediaTypes: bodyMediaTypes(consumes, body, parameters),
    produces: reader.produces(ctx, planned),
    responses,
    errorResponses,
    paging: buildPaging(ctx, planned.op, planned.at, responses, reader.pageable(ctx, planned)),
    longRunning: buildLongRunning(planned.op, planned.at),
    anonymous: allowsAnonymous(ctx, planned.op) ? true : undefined,
    apiVersions: [ctx.apiVersion],
    source: planned.at,
  });
  return { group: planned.group, groupType: planned.groupType, operation };
}

/** The media types listed in `value` (an array), else `fallback`. */
export function mediaTypes(value: unknown, fallback: string[]): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : fallback;
}

/** A non-body parameter of an operation or of the client's endpoint. */
export function buildParameter(
  ctx: BuildContext,
  input: Pick<ParameterInput, "param" | "schema" | "schemaAt" | "definedAt" | "collectionFormat" | "skipUrlEncoding">,
  wireName: string,
  location: ParameterLocation,
  clientLevel: boolean,
  isApiVersion: boolean,
  hint: string,
): Parameter {
  const { param, schema, schemaAt: at } = input;
  const read: TypeRef = sentConstant(schema) ?? typeOf(ctx, at, schema, hint);
  // a path segment cannot be null: x-nullable on a path parameter is ignored
  const type: TypeRef = location === "path" && read.nullable === true ? compact({ ...read, nullable: undefined }) : read;
  return compact({
    name: memberName(str(param, "x-ms-client-name") ?? wireName),
    serializedName: wireName,
    location,
    type,
    required: location === "path" || param["required"] === true,
    clientLevel,
    skipUrlEncoding: input.skipUrlEncoding,
    collectionFormat: input.collectionFormat,
    description: str(param, "description"),
    constraints: constraintsOf(schema),
    defaultValue: schema["default"],
    clientDefault: clientDefaultOf(param, type, input.definedAt),
    isApiVersion,
    apiVersions: [ctx.apiVersion],
    source: input.definedAt,
  });
}

/** A status that is not `default` nor three digits is an error at its pointer. */
export function checkStatus(status: string, at: Loc): void {
  if (status !== "default" && !/^[1-5][0-9][0-9]$/.test(status)) fail(at, `unsupported response status "${status}"`);
}

function buildResponses(
  ctx: BuildContext,
  inputs: ResponseInput[],
  stem: string,
): {
  responses: OperationResponse[];
  errorResponses: OperationResponse[];
} {
  const responses: OperationResponse[] = [];
  const errorResponses: OperationResponse[] = [];
  for (const { status, response, body, headers } of inputs) {
    const isError = status === "default" || response["x-ms-error-response"] === true;
    const hint = isError ? `${stem}Error` : `${stem}Response`;
    const takenHeaders = new Set<string>();
    const built: OperationResponse = compact({
      status: status === "default" ? "default" : Number(status),
      description: str(response, "description"),
      bodyType: body !== undefined ? typeOf(ctx, body.at, body.schema, hint) : undefined,
      headers: headers.map((header) =>
        compact({
          name: claimUnique(memberName(header.name), takenHeaders),
          serializedName: header.name,
          type: typeOf(ctx, header.at, header.schema, `${hint}${pascalCase(header.name)}`),
          description: header.description,
        }),
      ),
    });
    (isError ? errorResponses : responses).push(built);
  }
  const order = (s: number | "default"): number => (s === "default" ? 1000 : s);
  responses.sort((a, b) => order(a.status) - order(b.status));
  errorResponses.sort((a, b) => order(a.status) - order(b.status));
  return { responses, errorResponses };
}
