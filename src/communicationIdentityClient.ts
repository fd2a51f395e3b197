import { isKeyCredential, isTokenCredential, type KeyCredential, type TokenCredential } from "@azure/core-auth";
import { createIdentityContext, createIdentityContextFromConnectionString, type CommunicationIdentityContext } from "./api/context.js";
import * as assignments from "./api/teamsExtensionAssignments.js";
import * as tokens from "./api/tokens.js";
import * as users from "./api/users.js";
import type { CommunicationUserIdentifier } from "./identifiers.js";
import { logger } from "./logger.js";
import type {
  CommunicationAccessToken,
  CommunicationIdentityClientOptions,
  CommunicationUserDetail,
  CommunicationUserToken,
  CreateUserAndTokenOptions,
  CreateUserOptions,
  GetTokenForTeamsExtensionUserOptions,
  GetTokenForTeamsUserOptions,
  GetTokenOptions,
  OperationOptions,
  TeamsExtensionAssignment,
  TeamsExtensionAssignmentSettings,
} from "./models.js";
import type { TokenScope } from "./tokenScope.js";

/**
 * Manages Azure Communication Services users and their access tokens.
 *
 * Authenticate with a connection string, an endpoint and a `KeyCredential`
 * (`AzureKeyCredential`: HMAC-SHA256 request signing), or an endpoint and a `TokenCredential`
 * (`@azure/identity`: Entra ID bearer tokens).
 *
 * The client calls the api-version given by the `apiVersion` option (default: the newest stable,
 * `defaultApiVersion`). A method or option the pinned version lacks throws
 * `ApiVersionMismatchError` before any request; each member's JSDoc says which versions have it.
 *
 * Each method is the function of the same name in the modular API
 * (`@acs-gen/communication-identity/api`), called with this client's context.
 */
export class CommunicationIdentityClient {
  readonly #context: CommunicationIdentityContext;

  /**
   * @param connectionString - `endpoint=https://<resource>.communication.azure.com/;accesskey=<base64 key>`.
   */
  constructor(connectionString: string, options?: CommunicationIdentityClientOptions);
  /** @param credential - The resource's access key, e.g. `new AzureKeyCredential(key)`; `update()` rotates it. */
  constructor(endpoint: string, credential: KeyCredential, options?: CommunicationIdentityClientOptions);
  /** @param credential - An Entra ID credential from `@azure/identity`. */
  constructor(endpoint: string, credential: TokenCredential, options?: CommunicationIdentityClientOptions);
  constructor(
    connectionStringOrEndpoint: string,
    credentialOrOptions?: KeyCredential | TokenCredential | CommunicationIdentityClientOptions,
    maybeOptions?: CommunicationIdentityClientOptions,
  ) {
    if (isKeyCredential(credentialOrOptions) || isTokenCredential(credentialOrOptions)) {
      this.#context = createIdentityContext(connectionStringOrEndpoint, credentialOrOptions, maybeOptions);
    } else {
      if (maybeOptions !== undefined) {
        throw new TypeError("credential must be a KeyCredential (e.g. AzureKeyCredential) or a TokenCredential.");
      }
      this.#context = createIdentityContextFromConnectionString(
        connectionStringOrEndpoint,
        credentialOrOptions as CommunicationIdentityClientOptions | undefined,
      );
    }
    // The host only: nothing else of what the caller passed is logged.
    logger.info(`CommunicationIdentityClient for ${new URL(this.#context.endpoint).host}, api-version ${this.#context.apiVersion}`);
  }

  /** The api-version this client sends. */
  get apiVersion(): string {
    return this.#context.apiVersion;
  }

  /**
   * Creates a user. With `customId` (api-version `2025-03-02-preview` only), returns the user
   * already created with that `customId`, if any.
   */
  createUser(options: CreateUserOptions = {}): Promise<CommunicationUserIdentifier> {
    return users.createUser(this.#context, options);
  }

  /**
   * Gets a user (as an identifier), its `customId` and when a token was last issued for it. Only
   * in api-version `2025-03-02-preview`.
   */
  getUserDetail(user: CommunicationUserIdentifier, options: OperationOptions = {}): Promise<CommunicationUserDetail> {
    return users.getUserDetail(this.#context, user, options);
  }

  /** Creates a user and a token for it in one request. */
  createUserAndToken(scopes: TokenScope[], options: CreateUserAndTokenOptions = {}): Promise<CommunicationUserToken> {
    return users.createUserAndToken(this.#context, scopes, options);
  }

  /** Issues a token with the given scopes for a user. */
  getToken(user: CommunicationUserIdentifier, scopes: TokenScope[], options: GetTokenOptions = {}): Promise<CommunicationAccessToken> {
    return tokens.getToken(this.#context, user, scopes, options);
  }

  /** Revokes every token issued to a user so far. */
  revokeTokens(user: CommunicationUserIdentifier, options: OperationOptions = {}): Promise<void> {
    return tokens.revokeTokens(this.#context, user, options);
  }

  /** Deletes a user, revoking its tokens and deleting its data. */
  deleteUser(user: CommunicationUserIdentifier, options: OperationOptions = {}): Promise<void> {
    return users.deleteUser(this.#context, user, options);
  }

  /**
   * Exchanges a Teams user's Entra ID access token for a Communication Services token that
   * expires with it. In api-version 2022-06-01 and later.
   */
  getTokenForTeamsUser(options: GetTokenForTeamsUserOptions): Promise<CommunicationAccessToken> {
    return tokens.getTokenForTeamsUser(this.#context, options);
  }

  /**
   * Exchanges a Teams Phone (Teams extension) user's Entra ID access token for a Communication
   * Services user and token. The Entra token authenticates this request (`Authorization: Bearer`,
   * instead of the client's credential), so the endpoint must be https (or loopback http); the
   * user needs a Teams extension assignment. In api-versions `2025-03-02-preview`, `2025-06-30`
   * and `2026-09-23`.
   */
  getTokenForTeamsExtensionUser(options: GetTokenForTeamsExtensionUserOptions): Promise<CommunicationUserToken> {
    return tokens.getTokenForTeamsExtensionUser(this.#context, options);
  }

  /**
   * Gets the Teams extension assignment of a principal (`RestError` 404 if there is none).
   * In api-versions `2025-03-02-preview`, `2025-06-30` and `2026-09-23`.
   */
  getTeamsExtensionAssignment(tenantId: string, objectId: string, options: OperationOptions = {}): Promise<TeamsExtensionAssignment> {
    return assignments.getTeamsExtensionAssignment(this.#context, tenantId, objectId, options);
  }

  /**
   * Creates or replaces the Teams extension assignment of a principal, which lets it exchange
   * its Entra tokens with `getTokenForTeamsExtensionUser`. In api-versions `2025-03-02-preview`,
   * `2025-06-30` and `2026-09-23`.
   */
  upsertTeamsExtensionAssignment(
    tenantId: string,
    objectId: string,
    settings: TeamsExtensionAssignmentSettings,
    options: OperationOptions = {},
  ): Promise<TeamsExtensionAssignment> {
    return assignments.upsertTeamsExtensionAssignment(this.#context, tenantId, objectId, settings, options);
  }

  /**
   * Deletes the Teams extension assignment of a principal; deleting one that does not exist
   * succeeds. In api-versions `2025-03-02-preview`, `2025-06-30` and `2026-09-23`.
   */
  deleteTeamsExtensionAssignment(tenantId: string, objectId: string, options: OperationOptions = {}): Promise<void> {
    return assignments.deleteTeamsExtensionAssignment(this.#context, tenantId, objectId, options);
  }
}
