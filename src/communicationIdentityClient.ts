import { isKeyCredential, isTokenCredential, type KeyCredential, type TokenCredential } from "@azure/core-auth";
import { parseConnectionString } from "./connectionString.js";
import { normalizeEndpoint } from "./endpoint.js";
import type { CommunicationUserIdentifier } from "./identifiers.js";
import { IdentityService } from "./identityService.js";
import { checkAssignmentSettings, checkOptionalString, checkRequiredString, checkScopes, checkUser } from "./inputChecks.js";
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
import { createIdentityPipeline } from "./pipeline.js";
import { checkTokenExpiresInMinutes } from "./tokenExpiry.js";
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
 */
export class CommunicationIdentityClient {
  private readonly service: IdentityService;

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
    let endpoint: string;
    let credential: KeyCredential | TokenCredential;
    let options: CommunicationIdentityClientOptions;
    if (isKeyCredential(credentialOrOptions) || isTokenCredential(credentialOrOptions)) {
      endpoint = normalizeEndpoint(connectionStringOrEndpoint, "endpoint");
      credential = credentialOrOptions;
      options = maybeOptions ?? {};
    } else {
      if (maybeOptions !== undefined) {
        throw new TypeError("credential must be a KeyCredential (e.g. AzureKeyCredential) or a TokenCredential.");
      }
      ({ endpoint, credential } = parseConnectionString(connectionStringOrEndpoint));
      options = (credentialOrOptions as CommunicationIdentityClientOptions | undefined) ?? {};
    }
    const pipeline = createIdentityPipeline(endpoint, credential, options);
    this.service = new IdentityService(endpoint, pipeline, options.httpClient, options.apiVersion);
    logger.info(`CommunicationIdentityClient for ${endpoint}, api-version ${this.service.apiVersion}`);
  }

  /** The api-version this client sends. */
  get apiVersion(): string {
    return this.service.apiVersion;
  }

  /**
   * Creates a user. With `customId` (api-version `2025-03-02-preview` only), returns the user
   * already created with that `customId`, if any.
   */
  async createUser(options: CreateUserOptions = {}): Promise<CommunicationUserIdentifier> {
    const customId = checkOptionalString(options.customId, "customId");
    return { communicationUserId: await this.service.createUser(customId, options) };
  }

  /**
   * Gets a user's id, `customId` and when a token was last issued for it. Only in api-version
   * `2025-03-02-preview`.
   */
  async getUserDetail(user: CommunicationUserIdentifier, options: OperationOptions = {}): Promise<CommunicationUserDetail> {
    return this.service.getIdentity(checkUser(user), options);
  }

  /** Creates a user and a token for it in one request. */
  async createUserAndToken(
    scopes: TokenScope[],
    options: CreateUserAndTokenOptions = {},
  ): Promise<CommunicationUserToken> {
    const checkedScopes = checkScopes(scopes);
    const expiresInMinutes = checkTokenExpiresInMinutes(options.tokenExpiresInMinutes);
    const customId = checkOptionalString(options.customId, "customId");
    const { id, token, expiresOn } = await this.service.createUserAndToken(checkedScopes, expiresInMinutes, customId, options);
    return { user: { communicationUserId: id }, token, expiresOn };
  }

  /** Issues a token with the given scopes for a user. */
  async getToken(
    user: CommunicationUserIdentifier,
    scopes: TokenScope[],
    options: GetTokenOptions = {},
  ): Promise<CommunicationAccessToken> {
    const id = checkUser(user);
    const checkedScopes = checkScopes(scopes);
    const expiresInMinutes = checkTokenExpiresInMinutes(options.tokenExpiresInMinutes);
    return this.service.issueAccessToken(id, checkedScopes, expiresInMinutes, options);
  }

  /** Revokes every token issued to a user so far. */
  async revokeTokens(user: CommunicationUserIdentifier, options: OperationOptions = {}): Promise<void> {
    await this.service.revokeAccessTokens(checkUser(user), options);
  }

  /** Deletes a user, revoking its tokens and deleting its data. */
  async deleteUser(user: CommunicationUserIdentifier, options: OperationOptions = {}): Promise<void> {
    await this.service.deleteUser(checkUser(user), options);
  }

  /**
   * Exchanges a Teams user's Entra ID access token for a Communication Services token that
   * expires with it. In api-version 2022-06-01 and later.
   */
  async getTokenForTeamsUser(options: GetTokenForTeamsUserOptions): Promise<CommunicationAccessToken> {
    if (typeof options !== "object" || options === null) {
      throw new TypeError("getTokenForTeamsUser needs { teamsUserAadToken, clientId, userObjectId }.");
    }
    const body = {
      token: checkRequiredString(options.teamsUserAadToken, "teamsUserAadToken"),
      appId: checkRequiredString(options.clientId, "clientId"),
      userId: checkRequiredString(options.userObjectId, "userObjectId"),
    };
    return this.service.exchangeTeamsUserAccessToken(body, options);
  }

  /**
   * Exchanges a Teams Phone (Teams extension) user's Entra ID access token for a Communication
   * Services user and token. The Entra token authenticates this request (`Authorization: Bearer`,
   * instead of the client's credential), so the endpoint must be https (or loopback http); the
   * user needs a Teams extension assignment. In api-versions `2025-03-02-preview`, `2025-06-30`
   * and `2026-09-23`.
   */
  async getTokenForTeamsExtensionUser(options: GetTokenForTeamsExtensionUserOptions): Promise<CommunicationUserToken> {
    if (typeof options !== "object" || options === null) {
      throw new TypeError("getTokenForTeamsExtensionUser needs { teamsUserAadToken }.");
    }
    const token = checkRequiredString(options.teamsUserAadToken, "teamsUserAadToken");
    const result = await this.service.exchangeTeamsExtensionAccessToken(token, options);
    return { user: { communicationUserId: result.id }, token: result.token, expiresOn: result.expiresOn };
  }

  /**
   * Gets the Teams extension assignment of a principal (`RestError` 404 if there is none).
   * In api-versions `2025-03-02-preview`, `2025-06-30` and `2026-09-23`.
   */
  async getTeamsExtensionAssignment(
    tenantId: string,
    objectId: string,
    options: OperationOptions = {},
  ): Promise<TeamsExtensionAssignment> {
    const [tenant, object] = [checkRequiredString(tenantId, "tenantId"), checkRequiredString(objectId, "objectId")];
    return this.service.getTeamsExtensionAssignment(tenant, object, options);
  }

  /**
   * Creates or replaces the Teams extension assignment of a principal, which lets it exchange
   * its Entra tokens with `getTokenForTeamsExtensionUser`. In api-versions `2025-03-02-preview`,
   * `2025-06-30` and `2026-09-23`.
   */
  async upsertTeamsExtensionAssignment(
    tenantId: string,
    objectId: string,
    settings: TeamsExtensionAssignmentSettings,
    options: OperationOptions = {},
  ): Promise<TeamsExtensionAssignment> {
    const [tenant, object] = [checkRequiredString(tenantId, "tenantId"), checkRequiredString(objectId, "objectId")];
    return this.service.upsertTeamsExtensionAssignment(tenant, object, checkAssignmentSettings(settings), options);
  }

  /**
   * Deletes the Teams extension assignment of a principal; deleting one that does not exist
   * succeeds. In api-versions `2025-03-02-preview`, `2025-06-30` and `2026-09-23`.
   */
  async deleteTeamsExtensionAssignment(tenantId: string, objectId: string, options: OperationOptions = {}): Promise<void> {
    const [tenant, object] = [checkRequiredString(tenantId, "tenantId"), checkRequiredString(objectId, "objectId")];
    await this.service.deleteTeamsExtensionAssignment(tenant, object, options);
  }
}
