import type {
  HttpClient,
  PipelineOptions,
  PipelinePolicy,
  PipelineRequest,
  PipelineResponse,
} from "@azure/core-rest-pipeline";
import type { CommunicationUserIdentifier } from "./identifiers.js";

/** An abort signal, as accepted by `@azure/core-rest-pipeline` (a DOM `AbortSignal` fits). */
export type AbortSignalLike = NonNullable<PipelineRequest["abortSignal"]>;

/** Options every operation takes. */
export interface OperationOptions {
  /** Cancels the request. */
  abortSignal?: AbortSignalLike;
  /** Per-request HTTP settings. */
  requestOptions?: {
    /** Milliseconds before the request is aborted; 0 (default) means no timeout. */
    timeout?: number;
    /** Headers added to the request. */
    customHeaders?: Record<string, string>;
  };
  /** Called with the raw response before it is deserialized. */
  onResponse?: (response: PipelineResponse) => void;
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
   * The service api-version to call. Default: the version the generated client was built from.
   */
  apiVersion?: string;
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

/** Options of `getToken`. */
export interface GetTokenOptions extends OperationOptions {
  /**
   * Validity of the token in minutes, an integer within [60, 1440]. Default (not sent):
   * the service's default, 1440 (24 hours). Needs api-version 2022-10-01 or later.
   */
  tokenExpiresInMinutes?: number;
}

/** Options of `createUserAndToken`. */
export interface CreateUserAndTokenOptions extends OperationOptions {
  /**
   * Validity of the token in minutes, an integer within [60, 1440]. Default (not sent):
   * the service's default, 1440 (24 hours). Needs api-version 2022-10-01 or later.
   */
  tokenExpiresInMinutes?: number;
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
