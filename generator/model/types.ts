/**
 * The code model: a language-neutral, plain-data description of a REST client,
 * built from one or more loaded Swagger documents (one per API version).
 *
 * Rules for this file:
 * - plain JSON-compatible data only (no classes, no functions, no ts-morph types);
 * - every list is sorted deterministically by the builder (declaration order of the
 *   spec where it carries meaning, otherwise by name);
 * - names in `name` fields are identifiers (camelCase members, PascalCase types, unique among the
 *   model's own names) that no language reserves anything for: reserved words and collisions with an
 *   emitter's own names are the emitter's (generator/emit/names.ts); the wire name is always kept beside them.
 */

/** Where in the input a model element came from, for error messages and reports. */
export interface SourceLocation {
  /** Path of the file, relative to the specs root (POSIX separators). */
  file: string;
  /** JSON pointer inside that file, e.g. `/definitions/CommunicationError`. */
  pointer: string;
}

/** One API version that contributed to the model. */
export interface ApiVersionSource {
  apiVersion: string;
  status: "stable" | "preview";
  /** Entry spec file, relative to the specs root. */
  specPath: string;
  /** sha256 of every file read for this version (entry first, then sorted by path). */
  files: Array<{ path: string; sha256: string }>;
  /** Spec transforms applied to this version before the model stage, in order (additive). */
  transforms?: AppliedTransformInfo[];
}

/** A spec transform (spec/transforms.json) as applied to one version. */
export interface AppliedTransformInfo {
  /** Index in spec/transforms.json. */
  index: number;
  kind: string;
  file: string;
  pointer: string;
  /** What changed, e.g. `renamed property "externalId" to "customId"`. */
  change: string;
  reason: string;
}

export interface CodeModel {
  client: ClientModel;
  /** Oldest first. A single element when generating from one spec. */
  apiVersions: ApiVersionSource[];
  operationGroups: OperationGroup[];
  /** Named object models, sorted by name. */
  objects: ObjectModel[];
  /** Named enums, sorted by name. */
  enums: EnumModel[];
}

export interface ClientModel {
  /** Generated client class name, e.g. `IdentityRestClient` (from spec/ config, else info.title). */
  name: string;
  description?: string;
  /** From `x-ms-parameterized-host` (or host/basePath/schemes when absent). */
  endpoint: {
    /** e.g. `{endpoint}` or `{account}.blob.core.windows.net`. */
    hostTemplate: string;
    useSchemePrefix: boolean;
    /** basePath of the spec, "" when none. */
    basePath: string;
    /**
     * Scheme to prefix when `useSchemePrefix` is true: the spec's `schemes` (https preferred),
     * "https" when none. (Additive, model stage.)
     */
    scheme?: "http" | "https";
    parameters: Parameter[];
  };
  /** The api-version query parameter, when the spec has one. */
  apiVersion?: {
    serializedName: string;
    /** Default value: the newest stable version in `apiVersions`. */
    defaultValue: string;
  };
  /** Client-level parameters other than endpoint and api-version (x-ms-parameter-location: client). */
  parameters: Parameter[];
  /** How every request authenticates, when the spec requires it; absent: no credential. */
  security?: ClientSecurity;
}

/**
 * A bearer token for these scopes, a key sent in a header, API keys (one, or several sent together: each its own
 * key, `name` a camelCase member name) sent in headers or the query, or HTTP basic authentication (a user name and
 * password). `prefix` (a header key only) is sent before the key: `"Bearer "` for an HTTP bearer scheme (a static
 * token the caller has).
 */
export type ClientSecurity =
  | { kind: "bearerToken"; scopes: string[] }
  | { kind: "basic" }
  | { kind: "keyHeader"; headerName: string; prefix?: string }
  | { kind: "apiKeys"; keys: Array<{ name: string; serializedName: string; in: "header" | "query"; prefix?: string }> };

export interface OperationGroup {
  /** camelCase property name on the client, e.g. `communicationIdentity`. "" for operations without a group prefix. */
  name: string;
  /** PascalCase type-name stem, e.g. `CommunicationIdentity`. */
  typeName: string;
  operations: Operation[];
}

export type HttpMethod = "get" | "put" | "post" | "patch" | "delete" | "head" | "options";

export interface Operation {
  /** camelCase method name, e.g. `issueAccessToken`. Stable across renames via spec/ name map. */
  name: string;
  /** operationId in the newest spec that has it. */
  operationId: string;
  /** Every operationId this operation had, oldest first (renames across versions). */
  previousOperationIds: string[];
  method: HttpMethod;
  /** Path template as in the spec, e.g. `/identities/{id}/:issueAccessToken`. */
  path: string;
  /**
   * A base URL of the operation's own (OpenAPI 3 path- or operation-level `servers`), e.g.
   * `https://{index}.svc.example.io`: the request goes to it + `path` instead of the client's endpoint and base path;
   * its `{name}` placeholders are path parameters of the operation. (Additive, model stage: absent for the others.)
   */
  baseUrl?: string;
  summary?: string;
  description?: string;
  deprecated: boolean;
  /**
   * Path, query and header parameters, in spec order (client-level ones excluded). The
   * api-version parameter is the one exception: it is listed here, flagged `isApiVersion`
   * (and `clientLevel`, since its value comes from the client), where the operation sends it.
   */
  parameters: Parameter[];
  /**
   * `name`s of the client-level parameters (ClientModel.parameters) this operation sends, in spec
   * order. (Additive, model stage: without it the emitter cannot tell which operations send which
   * client-level query/header parameter.)
   */
  clientParameters: string[];
  body?: BodyParameter;
  /** Request media types (consumes). */
  consumes: string[];
  /**
   * How the request body is written for each media type it may be sent as, in `consumes` order (see
   * generator/model/bodies.ts). (Additive, model stage: absent for an operation without a body or form fields, and
   * for a body sent as JSON whatever media type it consumes.)
   */
  bodyMediaTypes?: BodyMediaType[];
  /** Response media types (produces). */
  produces: string[];
  /** Success responses, sorted by status code. */
  responses: OperationResponse[];
  /** Error responses: `default` and any marked `x-ms-error-response`, sorted ("default" last). */
  errorResponses: OperationResponse[];
  /**
   * `x-ms-pageable`: the success response is one page of a list. (Additive, model stage: absent for
   * operations that return their response as is.)
   */
  paging?: Paging;
  /**
   * `x-ms-long-running-operation: true`: the first response starts the work, the client polls until
   * it ends. (Additive, model stage: absent for operations that are not long-running.)
   */
  longRunning?: LongRunning;
  /**
   * The operation allows anonymous requests (its own security requirement has no alternative, or only empty ones):
   * it is sent without the client's credential. (Additive, model stage: absent for operations that need one.)
   */
  anonymous?: true;
  /** API versions (strings) that have this operation, oldest first. */
  apiVersions: string[];
  source: SourceLocation;
}

/** How a pageable operation's response holds its items and the link to the next page (wire names). */
export interface Paging {
  /** The array property holding the page's items (`itemName`, default "value"). */
  itemName: string;
  /** The string property holding the next page's URL; absent when the list is a single page (`nextLinkName: null`). */
  nextLinkName?: string;
  /**
   * The operation that fetches the next pages, when it is not "GET the next link" (`operationName`
   * naming an operation with a path or parameters of its own). Absent: the next link is fetched as is.
   */
  nextOperation?: NextPageOperation;
  /** The method of the next pages' requests, when it is not GET (the next-page operation's: `post`). */
  nextMethod?: HttpMethod;
}

/** A next-page operation: its URL is built from its own path template and parameters. */
export interface NextPageOperation {
  /** operationId of the operation (an Operation of the same model, a GET returning the same page). */
  operationId: string;
  /**
   * `serializedName` of its path parameter that receives the next link (written as the operation's
   * path parameter is, encoded unless it skips URL encoding). Absent: the next link only tells that
   * there is a next page; the URL is the operation's own.
   */
  nextLinkParameter?: string;
}

/** A long-running operation's `x-ms-long-running-operation-options`. */
export interface LongRunning {
  /** Where the final result is read (`final-state-via`); absent: core-lro's default for the method. */
  finalStateVia?: "azure-async-operation" | "location" | "original-uri";
}

/** `form`: one field of a form body (urlencoded or multipart, see Operation.bodyMediaTypes). */
export type ParameterLocation = "path" | "query" | "header" | "form";

/**
 * How a request body is written on the wire: `json` (serialized as JSON), `text` (a string sent as it
 * is), `binary` (bytes or a stream sent as they are), `form` (the form fields, urlencoded), `multipart`
 * (the form fields as multipart/form-data parts).
 */
export type BodyKind = "json" | "text" | "binary" | "form" | "multipart";

/** One media type a request body may be sent as, and how the body is written for it. */
export interface BodyMediaType {
  mediaType: string;
  kind: BodyKind;
}

export interface Parameter {
  /** camelCase name (x-ms-client-name applied); unique among an operation's own parameters and body. */
  name: string;
  /** Name on the wire. */
  serializedName: string;
  location: ParameterLocation;
  type: TypeRef;
  required: boolean;
  /** `x-ms-parameter-location: client` (or a global parameter that is client-level by default). */
  clientLevel: boolean;
  skipUrlEncoding: boolean;
  /** Swagger collectionFormat for arrays in query/header. */
  collectionFormat?: "csv" | "ssv" | "tsv" | "pipes" | "multi";
  description?: string;
  constraints?: Constraints;
  defaultValue?: JsonValue;
  /** `x-ms-client-default`: sent when an optional parameter is not given (a scalar of its type). */
  clientDefault?: string | number | boolean;
  /** True for the api-version parameter (its value comes from the client). */
  isApiVersion: boolean;
  apiVersions: string[];
  source: SourceLocation;
  /**
   * The parameter group the caller passes this parameter in (a PascalCase type name, e.g.
   * `ParameterGroupingPostOptionalParameters`), one object for several parameters of an operation.
   * Groups of one name are one type across operations. (Additive, model stage: absent for a parameter
   * passed on its own.)
   */
  group?: string;
}

export interface BodyParameter {
  name: string;
  serializedName: string;
  type: TypeRef;
  required: boolean;
  description?: string;
  apiVersions: string[];
  source: SourceLocation;
  /** The parameter group the caller passes the body (or its spread properties) in. (Additive, model stage.) */
  group?: string;
  /**
   * The caller passes the body model's writable properties as separate parameters (parameter
   * flattening), listed here in the model's property order; the body is built from them.
   * (Additive, model stage: absent for a body passed as one value.)
   */
  spread?: SpreadProperty[];
  /**
   * Spreading was asked for (`x-ms-client-flatten` on the body parameter). Only between building and the
   * spread pass (bodySpread.ts), which sets `spread`: never present in a built code model.
   */
  spreadRequested?: boolean;
}

/** One property of a spread body, as an operation parameter. */
export interface SpreadProperty {
  /** camelCase parameter name, unique among the operation's parameters. */
  name: string;
  /** The body model property (its `name`) this parameter sets. */
  property: string;
  type: TypeRef;
  required: boolean;
  description?: string;
  apiVersions: string[];
}

export interface OperationResponse {
  /** Status code, or "default". */
  status: number | "default";
  description?: string;
  bodyType?: TypeRef;
  headers: Array<{ name: string; serializedName: string; type: TypeRef; description?: string }>;
}

export interface Constraints {
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: boolean;
  exclusiveMaximum?: boolean;
  minLength?: number;
  maxLength?: number;
  pattern?: string;
  minItems?: number;
  maxItems?: number;
  uniqueItems?: boolean;
  multipleOf?: number;
}

/**
 * XML metadata of a schema (Swagger's `xml` object and `x-ms-text`), format-neutral. On a `TypeRef` it is
 * the metadata of the schema at that place (a property's element or attribute name, an array's wrapping
 * and item name); on an `ObjectModel`, the model's own (its element name as a root or when referenced).
 * (Additive, model stage: absent when the spec says nothing about XML.)
 */
export interface XmlInfo {
  /** Element or attribute name. */
  name?: string;
  namespace?: string;
  prefix?: string;
  /** Written as an attribute of the enclosing element. */
  attribute?: boolean;
  /** An array whose items sit inside one element of its own (else they repeat in the parent). */
  wrapped?: boolean;
  /** `x-ms-text`: the text content of the enclosing element. */
  text?: boolean;
}

/** How a schema is used at one place (property, parameter, response). `xml`: see {@link XmlInfo}. */
export type TypeRef = { xml?: XmlInfo } & (
  | { kind: "string"; format?: string; nullable?: boolean }
  | { kind: "boolean"; nullable?: boolean }
  /** integer: `format` int32 | int64; number: float | double | decimal. */
  | { kind: "integer" | "number"; format?: string; nullable?: boolean }
  /** format: byte (base64 on the wire) or binary. TS type Uint8Array. */
  | { kind: "bytes"; format: "byte" | "base64url"; nullable?: boolean }
  /** date-time (ISO 8601), date-time-rfc1123, date, unixtime: TS type Date. */
  | { kind: "date"; format: "date-time" | "date-time-rfc1123" | "date" | "unixtime"; nullable?: boolean }
  | { kind: "duration"; nullable?: boolean }
  | { kind: "array"; items: TypeRef; nullable?: boolean }
  | { kind: "dictionary"; values: TypeRef; nullable?: boolean }
  /** A named object model or enum, by its `name` in CodeModel.objects / CodeModel.enums. */
  | { kind: "model"; name: string; nullable?: boolean }
  | { kind: "enum"; name: string; nullable?: boolean }
  /** A single-valued enum without x-ms-enum modelAsString, or x-ms-enum with one value (constant). */
  | { kind: "constant"; value: string | number | boolean; nullable?: boolean }
  /** `type: file` (binary stream). */
  | { kind: "binary"; nullable?: boolean }
  /** No type given, or `type: object` with nothing else: TS `unknown` / `Record<string, unknown>`. */
  | { kind: "unknown"; nullable?: boolean }
  /**
   * A value that is one of several types (OpenAPI 3 `oneOf` / `anyOf`, input/jsonSchema/unions.ts): at least two distinct
   * members, none of them nullable or a union (a null member makes the union `nullable`).
   */
  | { kind: "union"; members: TypeRef[]; nullable?: boolean }
);

export interface ObjectModel {
  /** PascalCase name (after x-ms-client-name and collision handling among the model's types). */
  name: string;
  /** Definition key in the spec, e.g. `CommunicationError`. */
  serializedName: string;
  description?: string;
  /** allOf parents by model name. */
  parents: string[];
  properties: Property[];
  /** `additionalProperties` type, when the model is also a dictionary. */
  additionalProperties?: TypeRef;
  /** Polymorphism: the property name that discriminates, and this model's value. */
  discriminator?: { propertyName: string; serializedName: string };
  discriminatorValue?: string;
  /** Used in requests, responses or both: drives which wire mappers are emitted. */
  usage: Array<"input" | "output">;
  /** The model's XML metadata (its element name), when the spec gives one. (Additive, model stage.) */
  xml?: XmlInfo;
  apiVersions: string[];
  source: SourceLocation;
}

export interface Property {
  /** camelCase name (x-ms-client-name applied). */
  name: string;
  serializedName: string;
  type: TypeRef;
  required: boolean;
  readOnly: boolean;
  /** x-nullable: true, i.e. the wire may carry `null`. */
  nullable: boolean;
  description?: string;
  constraints?: Constraints;
  defaultValue?: JsonValue;
  apiVersions: string[];
  source: SourceLocation;
  /**
   * `x-ms-client-flatten: true` as written in the spec. Only between building and the flatten pass
   * (flatten.ts), which replaces the property by its model's properties: never present in a built code model.
   */
  clientFlatten?: boolean;
  /**
   * A property flattened from a nested model (`x-ms-client-flatten`): the wire properties that hold it,
   * outermost first, e.g. `[{ serializedName: "properties", required: false }]` for TS `provisioningState` ↔
   * wire `properties.provisioningState`. (Additive, model stage: absent for a property of the model's own wire object.)
   */
  wirePath?: WirePathSegment[];
  /**
   * A flattened property: whether the object that holds it on the wire requires it. `required` is only true
   * when this is and every holder is required; when a holder is optional, the property must be set whenever
   * that holder is sent. (Additive, model stage: only with `wirePath`.)
   */
  wireRequired?: boolean;
}

/** One wire property on the way to a flattened property. */
export interface WirePathSegment {
  serializedName: string;
  /** The holding property is required: its object is always sent and read. */
  required: boolean;
}

export interface EnumModel {
  name: string;
  serializedName: string;
  description?: string;
  valueType: "string" | "number";
  /** x-ms-enum modelAsString: true (accepts values not listed). */
  extensible: boolean;
  values: Array<{
    /** PascalCase member name. */
    name: string;
    value: string | number;
    description?: string;
    apiVersions: string[];
  }>;
  apiVersions: string[];
  source: SourceLocation;
}

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
