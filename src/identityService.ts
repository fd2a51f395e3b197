/**
 * The only file that touches generated/: it maps the client's calls onto the generated
 * operations, so a regeneration that renames things needs changes here and nowhere else.
 */
import { createDefaultHttpClient, type HttpClient, type Pipeline } from "@azure/core-rest-pipeline";
import { IdentityRestClientCore } from "../generated/src/index.js";
import { apiVersionAtLeast, FEATURE_API_VERSIONS } from "./apiVersions.js";
import type { OperationOptions } from "./models.js";

type Operations = IdentityRestClientCore["communicationIdentity"];

/** The generated operation that exchanges a Teams user's token (2022-06-01 and later). */
interface TeamsExchangeOperation {
  exchangeTeamsUserAccessToken(
    body: { token: string; appId: string; userId: string },
    options?: OperationOptions,
  ): Promise<{ token: string; expiresOn: Date }>;
}

const TEAMS_OPERATION =
  "CommunicationIdentity_ExchangeTeamsUserAccessToken (POST /teamsUser/:exchangeAccessToken)";

export interface IssuedToken {
  token: string;
  expiresOn: Date;
}

export class IdentityService {
  private readonly rest: IdentityRestClientCore;
  private readonly operations: Operations;
  /** The newest api-version generated/ was built from. */
  private readonly generatedApiVersion: string;

  constructor(endpoint: string, pipeline: Pipeline, httpClient: HttpClient | undefined, apiVersion: string | undefined) {
    // The generated class without defaults: core-rest-pipeline's default pipeline is never bundled.
    const base = { pipeline, httpClient: httpClient ?? createDefaultHttpClient() };
    const generatedDefault = new IdentityRestClientCore(endpoint, base);
    this.generatedApiVersion = generatedDefault.apiVersion;
    this.rest = apiVersion === undefined ? generatedDefault : new IdentityRestClientCore(endpoint, { ...base, apiVersion });
    this.operations = this.rest.communicationIdentity;
  }

  /** The api-version sent with every request. */
  get apiVersion(): string {
    return this.rest.apiVersion;
  }

  async createUser(options: OperationOptions): Promise<string> {
    const result = await this.operations.create(forward(options));
    return result.identity.id;
  }

  async createUserAndToken(
    scopes: string[],
    expiresInMinutes: number | undefined,
    options: OperationOptions,
  ): Promise<{ id: string } & IssuedToken> {
    this.requireFeature("tokenExpiresInMinutes", expiresInMinutes !== undefined);
    const body = { createTokenWithScopes: scopes, ...(expiresInMinutes !== undefined ? { expiresInMinutes } : {}) };
    const result = await this.operations.create({ ...forward(options), body });
    if (!result.accessToken) {
      throw new Error("The service created the user but returned no accessToken, though scopes were requested.");
    }
    return { id: result.identity.id, token: result.accessToken.token, expiresOn: result.accessToken.expiresOn };
  }

  async issueAccessToken(
    id: string,
    scopes: string[],
    expiresInMinutes: number | undefined,
    options: OperationOptions,
  ): Promise<IssuedToken> {
    this.requireFeature("tokenExpiresInMinutes", expiresInMinutes !== undefined);
    const body = { scopes, ...(expiresInMinutes !== undefined ? { expiresInMinutes } : {}) };
    const result = await this.operations.issueAccessToken(id, body, forward(options));
    return { token: result.token, expiresOn: result.expiresOn };
  }

  async revokeAccessTokens(id: string, options: OperationOptions): Promise<void> {
    await this.operations.revokeAccessTokens(id, forward(options));
  }

  async deleteUser(id: string, options: OperationOptions): Promise<void> {
    await this.operations.delete(id, forward(options));
  }

  async exchangeTeamsUserAccessToken(
    body: { token: string; appId: string; userId: string },
    options: OperationOptions,
  ): Promise<IssuedToken> {
    const operation = teamsExchange(this.operations);
    if (!operation) {
      throw new Error(
        `getTokenForTeamsUser needs the operation ${TEAMS_OPERATION}, added in api-version ${FEATURE_API_VERSIONS.getTokenForTeamsUser}; ` +
          `this client was generated from api-version ${this.generatedApiVersion}.`,
      );
    }
    this.requireFeature("getTokenForTeamsUser", true);
    const result = await operation.exchangeTeamsUserAccessToken(body, forward(options));
    return { token: result.token, expiresOn: result.expiresOn };
  }

  /** Fails before sending when the generated client or the chosen api-version lacks a feature. */
  private requireFeature(feature: keyof typeof FEATURE_API_VERSIONS, used: boolean): void {
    if (!used) return;
    const minimum = FEATURE_API_VERSIONS[feature];
    for (const [version, which] of [
      [this.generatedApiVersion, "this client was generated from"],
      [this.apiVersion, "this client sends"],
    ] as const) {
      if (!apiVersionAtLeast(version, minimum)) {
        throw new Error(`${feature} needs api-version ${minimum} or later; ${which} api-version ${version}.`);
      }
    }
  }
}

function teamsExchange(operations: Operations): TeamsExchangeOperation | undefined {
  const candidate = operations as unknown as Partial<TeamsExchangeOperation>;
  return typeof candidate.exchangeTeamsUserAccessToken === "function" ? (candidate as TeamsExchangeOperation) : undefined;
}

/** Only the options the generated operations understand, without undefined members. */
function forward(options: OperationOptions): OperationOptions {
  const out: OperationOptions = {};
  if (options.abortSignal) out.abortSignal = options.abortSignal;
  if (options.requestOptions) out.requestOptions = options.requestOptions;
  if (options.onResponse) out.onResponse = options.onResponse;
  return out;
}
