import { isKeyCredential, isTokenCredential, type KeyCredential, type TokenCredential } from "@azure/core-auth";
import { parseConnectionString } from "./connectionString.js";
import { normalizeEndpoint } from "./endpoint.js";
import type { CommunicationUserIdentifier } from "./identifiers.js";
import { IdentityService } from "./identityService.js";
import { checkRequiredString, checkScopes, checkUser } from "./inputChecks.js";
import { logger } from "./logger.js";
import type {
  CommunicationAccessToken,
  CommunicationIdentityClientOptions,
  CommunicationUserToken,
  CreateUserAndTokenOptions,
  GetTokenForTeamsUserOptions,
  GetTokenOptions,
  OperationOptions,
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

  /** Creates a user. */
  async createUser(options: OperationOptions = {}): Promise<CommunicationUserIdentifier> {
    return { communicationUserId: await this.service.createUser(options) };
  }

  /** Creates a user and a token for it in one request. */
  async createUserAndToken(
    scopes: TokenScope[],
    options: CreateUserAndTokenOptions = {},
  ): Promise<CommunicationUserToken> {
    const checkedScopes = checkScopes(scopes);
    const expiresInMinutes = checkTokenExpiresInMinutes(options.tokenExpiresInMinutes);
    const { id, token, expiresOn } = await this.service.createUserAndToken(checkedScopes, expiresInMinutes, options);
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
   * expires with it. Needs api-version 2022-06-01 or later.
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
}
