import {
  communicationIdentityExchangeTeamsUserAccessToken,
  communicationIdentityIssueAccessToken,
  communicationIdentityRevokeAccessTokens,
  teamsExtensionExchangeAccessToken,
  type OperationContext,
} from "../../generated/src/index.js";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { CommunicationUserIdentifier } from "../identifiers.js";
import { isLoopback } from "../endpoint.js";
import { checkObject, checkPresent, checkScopes, checkUser } from "../inputChecks.js";
import type {
  CommunicationAccessToken,
  CommunicationUserToken,
  GetTokenForTeamsExtensionUserOptions,
  GetTokenForTeamsUserOptions,
  GetTokenOptions,
  OperationOptions,
} from "../models.js";
import type { TokenScope } from "../tokenScope.js";
import type { CommunicationIdentityContext } from "./context.js";
import { operation } from "./operation.js";
import { optional } from "./optional.js";

/** Issues a token with the given scopes for a user. */
export async function getToken(
  context: CommunicationIdentityContext,
  user: CommunicationUserIdentifier,
  scopes: TokenScope[],
  options: GetTokenOptions = {},
): Promise<CommunicationAccessToken> {
  const id = checkUser(user);
  const body = {
    scopes: checkScopes(scopes),
    ...optional("expiresInMinutes", options.tokenExpiresInMinutes),
  };
  // The span is named `issueToken`, as the official client's is.
  const result = await operation(
    context,
    "getToken",
    options,
    (c, forwarded) => communicationIdentityIssueAccessToken(c, id, body, forwarded),
    "issueToken",
  );
  return { token: result.token, expiresOn: result.expiresOn };
}

/** Revokes every token issued to a user so far. */
export async function revokeTokens(
  context: CommunicationIdentityContext,
  user: CommunicationUserIdentifier,
  options: OperationOptions = {},
): Promise<void> {
  const id = checkUser(user);
  await operation(context, "revokeTokens", options, (c, forwarded) => communicationIdentityRevokeAccessTokens(c, id, forwarded));
}

/**
 * Exchanges a Teams user's Entra ID access token for a Communication Services token that
 * expires with it. In api-version 2022-06-01 and later.
 */
export async function getTokenForTeamsUser(
  context: CommunicationIdentityContext,
  options: GetTokenForTeamsUserOptions,
): Promise<CommunicationAccessToken> {
  const { teamsUserAadToken, clientId, userObjectId } = checkObject(
    options,
    "getTokenForTeamsUser options { teamsUserAadToken, clientId, userObjectId }",
  );
  // Body fields are the service's to judge, missing ones too (its 400 reaches the caller).
  const body = { token: teamsUserAadToken, appId: clientId, userId: userObjectId };
  const result = await operation(context, "getTokenForTeamsUser", options, (c, forwarded) =>
    communicationIdentityExchangeTeamsUserAccessToken(c, body, forwarded),
  );
  return { token: result.token, expiresOn: result.expiresOn };
}

/**
 * Exchanges a Teams Phone (Teams extension) user's Entra ID access token for a Communication
 * Services user and token. The Entra token authenticates this request (`Authorization: Bearer`,
 * instead of the context's credential), so the endpoint must be https (or loopback http); the
 * user needs a Teams extension assignment. In api-versions `2025-03-02-preview`, `2025-06-30`
 * and `2026-09-23`.
 */
export async function getTokenForTeamsExtensionUser(
  context: CommunicationIdentityContext,
  options: GetTokenForTeamsExtensionUserOptions,
): Promise<CommunicationUserToken> {
  const method = "getTokenForTeamsExtensionUser";
  const token = checkPresent(checkObject(options, `${method} options { teamsUserAadToken }`).teamsUserAadToken, "teamsUserAadToken");
  if (typeof token !== "string") {
    // It becomes the Authorization header's value; the service judges an empty one.
    throw new TypeError(`teamsUserAadToken must be a string, got ${token === null ? "null" : typeof token}.`);
  }
  if (new URL(context.endpoint).protocol !== "https:" && !isLoopback(context.endpoint)) {
    throw new Error(
      `${method} sends the Teams user's Entra token, so it needs an https endpoint (or plain http to this machine, such as the local emulator).`,
    );
  }
  const result = await operation(signedWithTeamsUserToken(context, token), method, options, (c, forwarded) =>
    teamsExtensionExchangeAccessToken(c, {}, forwarded),
  );
  if (!result.accessToken) {
    throw new Error("The service exchanged the Teams extension token but returned no accessToken.");
  }
  return { user: { communicationUserId: result.identity.id }, token: result.accessToken.token, expiresOn: result.accessToken.expiresOn };
}

/**
 * The context with a copy of its pipeline whose "Sign" phase (the HMAC or bearer credential) is
 * replaced by the Teams user's Entra token, for one request.
 */
function signedWithTeamsUserToken(context: CommunicationIdentityContext, token: string): OperationContext {
  const pipeline = context.pipeline.clone();
  pipeline.removePolicy({ phase: "Sign" });
  pipeline.addPolicy(teamsUserBearerPolicy(token), { phase: "Sign" });
  return { ...context, pipeline };
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
