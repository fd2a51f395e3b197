/**
 * What a format's reader supplies to the shared operation code (operation.ts, versionModel.ts): how one
 * operation's parameters, body and responses are written in that format, its media types, the client's
 * endpoint and security, and the component schemas that claim names first. Everything else (walking
 * `paths` and naming operations, merging path- and operation-level parameters, client-level parameters,
 * `api-version`, the `x-ms-*` extension readers, assembling `Operation` and the version's `CodeModel`)
 * is the same for Swagger 2 and OpenAPI 3 and lives in the shared modules.
 */
import type { JsonObject } from "../load/types.js";
import type { ClientModel, ClientSecurity, JsonValue, Parameter } from "../model/types.js";
import type { BuildContext, Loc } from "./jsonSchema/index.js";
import type { PlannedOperation } from "./plan.js";

/** A non-body parameter as the shared code reads it: the parameter object, and where its type is read from. */
export interface ParameterInput {
  kind: "parameter";
  /** Where the parameter is listed (the operation's or path item's `parameters` array, or what stands for it). */
  usedAt: Loc;
  /** Where it is defined (differs for `$ref`s). */
  definedAt: Loc;
  /** `name`, `in`, `required`, `description` and the `x-ms-*` extensions of the parameter. */
  param: JsonObject;
  /** Listed through a `$ref` to a document-level parameter (client-level unless `x-ms-parameter-location: method`). */
  global: boolean;
  /** The schema its type, constraints and default are read from, and where. */
  schema: JsonObject;
  schemaAt: Loc;
  collectionFormat?: Parameter["collectionFormat"];
  skipUrlEncoding: boolean;
}

/** The request body: `param` holds its name, `required`, `description` and extensions. */
export interface BodyInput {
  kind: "body";
  usedAt: Loc;
  definedAt: Loc;
  param: JsonObject;
  schema: JsonValue | undefined;
  schemaAt: Loc;
}

export type OperationInput = ParameterInput | BodyInput;

/** One response of an operation, for one status. */
export interface ResponseInput {
  /** `default` or a three-digit status. */
  status: string;
  usedAt: Loc;
  definedAt: Loc;
  /** The response object (`description`, `x-ms-error-response`). */
  response: JsonObject;
  body?: { schema: JsonValue; at: Loc };
  headers: Array<{ name: string; schema: JsonValue; at: Loc; description?: string }>;
}

export interface FormatReader {
  /** Refuses what the format allows in a path item (`op` undefined) or an operation but the generator cannot read. */
  checkPathItem?(pathItem: JsonObject, at: Loc, op?: JsonObject): void;
  /** Registers the document's component schemas, in document order (they claim names first). */
  registerComponents(ctx: BuildContext): void;
  endpoint(ctx: BuildContext): ClientModel["endpoint"];
  /** The client's security, from the top-level requirement, else the `operations`' own (security.ts). */
  security(ctx: BuildContext, operations: PlannedOperation[]): ClientSecurity | undefined;
  /** The operation's parameters and body, path-level ones merged in, in the order they are read. */
  inputs(ctx: BuildContext, planned: PlannedOperation): OperationInput[];
  /** The operation's responses, in the order their types are read. */
  responses(ctx: BuildContext, planned: PlannedOperation): ResponseInput[];
  /** Media types the operation sends (`hasBody`: it has a body parameter) and accepts. */
  consumes(ctx: BuildContext, planned: PlannedOperation, hasBody: boolean): string[];
  produces(ctx: BuildContext, planned: PlannedOperation): string[];
  /** The operation's own base URL (sent elsewhere than the client's endpoint), if any. */
  baseUrl(ctx: BuildContext, planned: PlannedOperation): string | undefined;
  /** The operation's `x-ms-pageable` value as the paging reader takes it. */
  pageable(ctx: BuildContext, planned: PlannedOperation): JsonValue | undefined;
}
