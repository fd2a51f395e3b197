import type { OperationTracingOptions } from "@azure/core-tracing";
import type {
  HttpClient,
  PipelineOptions,
  PipelinePolicy,
  PipelineRequest,
  PipelineResponse,
  TransferProgressEvent,
} from "@azure/core-rest-pipeline";
import type { CommunicationUserIdentifier } from "./identifiers.js";
import type { ApiVersion } from "./apiVersions.js";

/*
 * The option and response types below are structurally those of `@azure/core-client` (which
 * `@azure/communication-identity` uses), so options written for the official client type-check
 * here unchanged, without this package depending on core-client at run time.
 */

/** An abort signal, as accepted by `@azure/core-rest-pipeline` (a DOM `AbortSignal` fits). */
export type AbortSignalLike = NonNullable<PipelineRequest["abortSignal"]>;

/** Per-request HTTP settings, as `@azure/core-client`'s `OperationRequestOptions`. */
export interface OperationRequestOptions {
  /** Headers added to the request. */
  customHeaders?: { [key: string]: string };
  /** Milliseconds before the request is aborted; 0 (default) means no timeout. */
  timeout?: number;
  /** Called as the request body is uploaded. */
  onUploadProgress?: (progress: TransferProgressEvent) => void;
  /** Called as the response body is downloaded. */
  onDownloadProgress?: (progress: TransferProgressEvent) => void;
  /**
   * As in `@azure/core-client`: `false`, or a function answering `false` for the response, returns
   * the body as parsed JSON, without deserializing it (dates stay the service's text).
   */
  shouldDeserialize?: boolean | ((response: PipelineResponse) => boolean);
  /** Allow plain http for this request, as the client option of the same name does for all. */
  allowInsecureConnection?: boolean;
}

/** XML settings of {@link SerializerOptions} (unused: the service speaks JSON). */
export interface XmlOptions {
  /** Name of the root element. */
  rootName?: string;
  /** Whether the root element is included. */
  includeRoot?: boolean;
  /** Key of an element's text content. */
  xmlCharKey?: string;
}

/** `@azure/core-client`'s serializer settings; accepted for compatibility and unused (JSON only). */
export interface SerializerOptions {
  /** XML settings. */
  xml: XmlOptions;
  /** Whether unknown properties are dropped when deserializing. */
  ignoreUnknownProperties?: boolean;
}

/**
 * The response given to `onResponse`, as `@azure/core-client`'s `FullOperationResponse`: the raw
 * response (status, headers, body text, request) and `parsedBody`, the deserialized body (dates as
 * `Date`) or, for an error status, the service's parsed error (`{ error: { code, message } }`).
 */
export interface FullOperationResponse extends PipelineResponse {
  /** Deserialized headers; not set by this client (no operation has typed response headers). */
  parsedHeaders?: { [key: string]: unknown };
  /** The deserialized body. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  parsedBody?: any;
  /** The request that was sent. */
  request: PipelineRequest;
}

/**
 * Called once per operation with the final response, after deserialization, as
 * `@azure/core-client`'s `RawResponseCallback`: `flatResponse` is the deserialized body (`{}` when
 * there is none); on an error status, `error` is the `RestError` the operation rejects with.
 */
export type RawResponseCallback = (rawResponse: FullOperationResponse, flatResponse: unknown, error?: unknown) => void;

/** Options every operation takes (those of `@azure/core-client`'s `OperationOptions`). */
export interface OperationOptions {
  /** Cancels the request. */
  abortSignal?: AbortSignalLike;
  /** Per-request HTTP settings. */
  requestOptions?: OperationRequestOptions;
  /** The parent tracing context of the operation's span. */
  tracingOptions?: OperationTracingOptions;
  /** Accepted for compatibility with `@azure/core-client`; unused (JSON only). */
  serializerOptions?: SerializerOptions;
  /** Called with the response after it is deserialized, also for an error status. */
  onResponse?: RawResponseCallback;
}

/** A policy to add to the client's pipeline, as in `@azure/core-client`. */
export interface AdditionalPolicyConfig {
  policy: PipelinePolicy;
  /** "perCall": once per operation; "perRetry": on every attempt. */
  position: "perCall" | "perRetry";
}

/** Options of the client's HTTP pipeline. */
export interface CommunicationIdentityClientOptions extends PipelineOptions {
  /**
   * The service api-version to call: one of `apiVersions`
   * (`2021-03-07` … `2026-09-23`, and `2025-03-02-preview`). Default: `defaultApiVersion`,
   * the newest stable one. An unknown version is a `RangeError` at construction; calling a method,
   * or passing an option, that the pinned version lacks throws `ApiVersionMismatchError`
   * before any request is sent.
   */
  apiVersion?: ApiVersion | (string & {});
  /** The HTTP client that sends requests. Default: `createDefaultHttpClient()`. */
  httpClient?: HttpClient;
  /**
   * Extra policies. "perCall" ones run once per operation; "perRetry" ones on every attempt.
   * Both run before request signing, so whatever they change is signed.
   */
  additionalPolicies?: AdditionalPolicyConfig[];
  /**
   * Headers and query parameters to log in clear (everything else is logged as "REDACTED").
   * `Authorization` is always redacted, even if listed here.
   */
  loggingOptions?: {
    additionalAllowedHeaderNames?: string[];
    additionalAllowedQueryParameters?: string[];
  };
  /**
   * Allow plain http. Default: true for http endpoints on this machine (localhost, 127.0.0.1,
   * [::1], e.g. the local emulator), false otherwise. Bearer tokens (TokenCredential) always
   * need https.
   */
  allowInsecureConnection?: boolean;
}

/** An access token for a user. */
export interface CommunicationAccessToken {
  /** The token (a JWT). */
  token: string;
  /** When the token expires. */
  expiresOn: Date;
}

/** A new user together with its first token. */
export interface CommunicationUserToken extends CommunicationAccessToken {
  /** The user the token was issued for. */
  user: CommunicationUserIdentifier;
}

/** Options of `createUser`. */
export interface CreateUserOptions extends OperationOptions {
  /**
   * Your own id for the user (e.g. your application's user id). Creating a user with a
   * `customId` that already has one returns that same user, so you need not store the mapping.
   * Only in api-version `2025-03-02-preview`.
   */
  customId?: string;
}

/** What `getUserDetail` returns. Only in api-version `2025-03-02-preview`. */
export interface CommunicationUserDetail {
  /** The user, as an identifier that can be passed back to the other methods. */
  user: CommunicationUserIdentifier;
  /** The `customId` the user was created with, if any. */
  customId?: string;
  /** When a token was last issued for the user; absent if none was. */
  lastTokenIssuedAt?: Date;
}

/** Options of `getToken`. */
export interface GetTokenOptions extends OperationOptions {
  /**
   * Validity of the token in minutes. The service accepts integers within [60, 1440] and answers
   * others with a 400 `RestError`; the client sends the value as given. Default (not sent): the
   * service's default, 1440 (24 hours). Needs api-version 2022-10-01 or later.
   */
  tokenExpiresInMinutes?: number;
}

/** Options of `createUserAndToken`. */
export interface CreateUserAndTokenOptions extends OperationOptions {
  /**
   * Validity of the token in minutes. The service accepts integers within [60, 1440] and answers
   * others with a 400 `RestError`; the client sends the value as given. Default (not sent): the
   * service's default, 1440 (24 hours). Needs api-version 2022-10-01 or later.
   */
  tokenExpiresInMinutes?: number;
  /**
   * Your own id for the user; an existing user with this `customId` is returned (with a new
   * token) instead of a new one. Only in api-version `2025-03-02-preview`.
   */
  customId?: string;
}

/** What `getTokenForTeamsUser` exchanges. Needs api-version 2022-06-01 or later. */
export interface GetTokenForTeamsUserOptions extends OperationOptions {
  /** Entra ID (Azure AD) access token of a Teams user. */
  teamsUserAadToken: string;
  /** Client ID of the Entra ID application, checked against the token's `appid` claim. */
  clientId: string;
  /** Object ID of the Teams user, checked against the token's `oid` claim. */
  userObjectId: string;
}

/**
 * What `getTokenForTeamsExtensionUser` exchanges. In api-versions `2025-03-02-preview`,
 * `2025-06-30` and `2026-09-23`.
 */
export interface GetTokenForTeamsExtensionUserOptions extends OperationOptions {
  /**
   * Entra ID access token of the Teams Phone (Teams extension) user. It is sent as
   * `Authorization: Bearer <token>` on this one request, instead of the client's own credential,
   * so the service can identify the user (tenant `tid`, object `oid`, application `appid`); it
   * therefore needs an https endpoint (or plain http to this machine, e.g. the local emulator).
   */
  teamsUserAadToken: string;
}

/** Values of {@link TeamsExtensionPrincipalType} the service knows about. */
export const KnownTeamsExtensionPrincipalType = {
  /** A Teams user. */
  User: "user",
  /** A Teams resource account. */
  ResourceAccount: "resourceAccount",
} as const;

/** The kind of principal a Teams extension assignment is for; other values are passed through. */
export type TeamsExtensionPrincipalType = "user" | "resourceAccount" | (string & {});

/**
 * What `upsertTeamsExtensionAssignment` sets. In api-versions `2025-03-02-preview`, `2025-06-30`
 * and `2026-09-23`.
 */
export interface TeamsExtensionAssignmentSettings {
  /** The kind of principal the assignment is for. */
  principalType: TeamsExtensionPrincipalType;
  /**
   * Entra application (client) ids allowed to exchange the principal's tokens; absent or empty:
   * any application.
   */
  clientIds?: string[];
}

/**
 * A Teams extension (Teams Phone) access assignment: a Teams principal allowed to exchange its
 * Entra tokens for Communication Services tokens. In api-versions `2025-03-02-preview`,
 * `2025-06-30` and `2026-09-23`.
 */
export interface TeamsExtensionAssignment extends TeamsExtensionAssignmentSettings {
  /** The Entra tenant of the principal. */
  tenantId: string;
  /** The Entra object id of the principal. */
  objectId: string;
}
