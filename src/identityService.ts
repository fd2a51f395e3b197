/**
 * The only file that calls generated/ (src/apiVersions.ts re-exports its version list and error):
 * it maps the client's calls onto the generated operations, so a regeneration that renames things
 * needs changes here and nowhere else.
 *
 * Version rules live in generated/: every operation and request field knows the api-versions that
 * have it and throws `ApiVersionMismatchError` before sending. This file only renames the member
 * in that error from the generated name (`create: body.customId`) to the client's
 * (`createUser: customId`), keeping the versions the generated code listed.
 */
import { createDefaultHttpClient, type HttpClient, type Pipeline, type PipelinePolicy } from "@azure/core-rest-pipeline";
import { ApiVersionMismatchError, IdentityRestClientCore } from "../generated/src/index.js";
import type { OperationOptions, TeamsExtensionAssignment, TeamsExtensionAssignmentSettings } from "./models.js";

export interface IssuedToken {
  token: string;
  expiresOn: Date;
}

export interface IdentityDetail {
  id: string;
  customId?: string;
  lastTokenIssuedAt?: Date;
}

/** How a generated member maps to the client's: the method, and its option names by body field. */
interface ClientMember {
  method: string;
  fields?: Record<string, string>;
}

export class IdentityService {
  private readonly rest: IdentityRestClientCore;
  private readonly base: { pipeline: Pipeline; httpClient: HttpClient };
  private readonly endpoint: string;

  constructor(endpoint: string, pipeline: Pipeline, httpClient: HttpClient | undefined, apiVersion: string | undefined) {
    // The generated class without defaults: core-rest-pipeline's default pipeline is never bundled.
    this.endpoint = endpoint;
    this.base = { pipeline, httpClient: httpClient ?? createDefaultHttpClient() };
    this.rest = new IdentityRestClientCore(endpoint, { ...this.base, ...(apiVersion !== undefined ? { apiVersion } : {}) });
  }

  /** The api-version sent with every request. */
  get apiVersion(): string {
    return this.rest.apiVersion;
  }

  async createUser(customId: string | undefined, options: OperationOptions): Promise<string> {
    const body = customId !== undefined ? { body: { customId } } : {};
    const result = await asClient(CREATE_USER, () => this.rest.communicationIdentity.create({ ...forward(options), ...body }));
    return result.identity.id;
  }

  async createUserAndToken(
    scopes: string[],
    expiresInMinutes: number | undefined,
    customId: string | undefined,
    options: OperationOptions,
  ): Promise<{ id: string } & IssuedToken> {
    const body = {
      createTokenWithScopes: scopes,
      ...(expiresInMinutes !== undefined ? { expiresInMinutes } : {}),
      ...(customId !== undefined ? { customId } : {}),
    };
    const result = await asClient(CREATE_USER_AND_TOKEN, () => this.rest.communicationIdentity.create({ ...forward(options), body }));
    if (!result.accessToken) {
      throw new Error("The service created the user but returned no accessToken, though scopes were requested.");
    }
    return { id: result.identity.id, token: result.accessToken.token, expiresOn: result.accessToken.expiresOn };
  }

  async getIdentity(id: string, options: OperationOptions): Promise<IdentityDetail> {
    const identity = await asClient({ method: "getUserDetail" }, () => this.rest.communicationIdentity.get(id, forward(options)));
    return {
      id: identity.id,
      ...(identity.customId !== undefined ? { customId: identity.customId } : {}),
      ...(identity.lastTokenIssuedAt !== undefined ? { lastTokenIssuedAt: identity.lastTokenIssuedAt } : {}),
    };
  }

  async issueAccessToken(
    id: string,
    scopes: string[],
    expiresInMinutes: number | undefined,
    options: OperationOptions,
  ): Promise<IssuedToken> {
    const body = { scopes, ...(expiresInMinutes !== undefined ? { expiresInMinutes } : {}) };
    const result = await asClient(GET_TOKEN, () => this.rest.communicationIdentity.issueAccessToken(id, body, forward(options)));
    return { token: result.token, expiresOn: result.expiresOn };
  }

  async revokeAccessTokens(id: string, options: OperationOptions): Promise<void> {
    await this.rest.communicationIdentity.revokeAccessTokens(id, forward(options));
  }

  async deleteUser(id: string, options: OperationOptions): Promise<void> {
    await this.rest.communicationIdentity.delete(id, forward(options));
  }

  async exchangeTeamsUserAccessToken(
    body: { token: string; appId: string; userId: string },
    options: OperationOptions,
  ): Promise<IssuedToken> {
    const result = await asClient({ method: "getTokenForTeamsUser" }, () =>
      this.rest.communicationIdentity.exchangeTeamsUserAccessToken(body, forward(options)),
    );
    return { token: result.token, expiresOn: result.expiresOn };
  }

  /**
   * The Teams extension exchange is authenticated by the Teams user's own Entra token, sent as
   * `Authorization: Bearer`: it goes through a copy of the pipeline whose "Sign" phase (the
   * client's HMAC or bearer credential) is replaced by that token, for this request only.
   */
  async exchangeTeamsExtensionAccessToken(
    teamsUserAadToken: string,
    options: OperationOptions,
  ): Promise<{ id: string } & IssuedToken> {
    const method = "getTokenForTeamsExtensionUser";
    if (!isHttpsOrLoopback(this.endpoint)) {
      throw new Error(
        `${method} sends the Teams user's Entra token, so it needs an https endpoint (or plain http to this machine, such as the local emulator).`,
      );
    }
    const pipeline = this.base.pipeline.clone();
    pipeline.removePolicy({ phase: "Sign" });
    pipeline.addPolicy(teamsUserBearerPolicy(teamsUserAadToken), { phase: "Sign" });
    const rest = new IdentityRestClientCore(this.endpoint, { ...this.base, pipeline, apiVersion: this.apiVersion });
    const result = await asClient({ method }, () => rest.teamsExtension.exchangeAccessToken({}, forward(options)));
    if (!result.accessToken) {
      throw new Error("The service exchanged the Teams extension token but returned no accessToken.");
    }
    return { id: result.identity.id, token: result.accessToken.token, expiresOn: result.accessToken.expiresOn };
  }

  async getTeamsExtensionAssignment(tenantId: string, objectId: string, options: OperationOptions): Promise<TeamsExtensionAssignment> {
    const result = await asClient({ method: "getTeamsExtensionAssignment" }, () =>
      this.rest.teamsExtension.getAssignment(tenantId, objectId, forward(options)),
    );
    return assignment(result);
  }

  async upsertTeamsExtensionAssignment(
    tenantId: string,
    objectId: string,
    settings: TeamsExtensionAssignmentSettings,
    options: OperationOptions,
  ): Promise<TeamsExtensionAssignment> {
    const body = {
      principalType: settings.principalType,
      ...(settings.clientIds !== undefined ? { clientIds: [...settings.clientIds] } : {}),
    };
    const result = await asClient({ method: "upsertTeamsExtensionAssignment" }, () =>
      this.rest.teamsExtension.upsertAssignment(tenantId, objectId, body, forward(options)),
    );
    return assignment(result);
  }

  async deleteTeamsExtensionAssignment(tenantId: string, objectId: string, options: OperationOptions): Promise<void> {
    await asClient({ method: "deleteTeamsExtensionAssignment" }, () =>
      this.rest.teamsExtension.deleteAssignment(tenantId, objectId, forward(options)),
    );
  }
}

const CREATE_USER: ClientMember = { method: "createUser", fields: { "body.customId": "customId" } };
const CREATE_USER_AND_TOKEN: ClientMember = {
  method: "createUserAndToken",
  fields: { "body.customId": "customId", "body.expiresInMinutes": "tokenExpiresInMinutes" },
};
const GET_TOKEN: ClientMember = { method: "getToken", fields: { "body.expiresInMinutes": "tokenExpiresInMinutes" } };

/**
 * Runs a generated call; its ApiVersionMismatchError (thrown before sending) is re-thrown naming
 * the client's method and option instead of the generated operation and body field.
 */
async function asClient<T>(member: ClientMember, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    if (!(error instanceof ApiVersionMismatchError)) throw error;
    const field = error.member.split(": ")[1];
    const name = field === undefined ? member.method : `${member.method}: ${member.fields?.[field] ?? field}`;
    throw new ApiVersionMismatchError(error.apiVersion, name, error.supportedVersions);
  }
}

function assignment(result: { tenantId: string; objectId: string; principalType: string; clientIds?: string[] }): TeamsExtensionAssignment {
  return {
    tenantId: result.tenantId,
    objectId: result.objectId,
    principalType: result.principalType,
    ...(result.clientIds !== undefined ? { clientIds: result.clientIds } : {}),
  };
}

function teamsUserBearerPolicy(token: string): PipelinePolicy {
  return {
    name: "communicationTeamsExtensionUserBearerPolicy",
    sendRequest(request, next) {
      request.headers.set("Authorization", `Bearer ${token}`);
      return next(request);
    },
  };
}

function isHttpsOrLoopback(endpoint: string): boolean {
  const url = new URL(endpoint);
  return url.protocol === "https:" || ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}

/** Only the options the generated operations understand, without undefined members. */
function forward(options: OperationOptions): OperationOptions {
  const out: OperationOptions = {};
  if (options.abortSignal) out.abortSignal = options.abortSignal;
  if (options.requestOptions) out.requestOptions = options.requestOptions;
  if (options.onResponse) out.onResponse = options.onResponse;
  return out;
}
