import {
  communicationIdentityCreate,
  communicationIdentityDelete,
  communicationIdentityGet,
} from "../../generated/src/index.js";
import type { CommunicationUserIdentifier } from "../identifiers.js";
import { checkOptionalString, checkScopes, checkUser } from "../inputChecks.js";
import type {
  CommunicationUserDetail,
  CommunicationUserToken,
  CreateUserAndTokenOptions,
  CreateUserOptions,
  OperationOptions,
} from "../models.js";
import { checkTokenExpiresInMinutes } from "../tokenExpiry.js";
import type { TokenScope } from "../tokenScope.js";
import type { CommunicationIdentityContext } from "./context.js";
import { asClient, forward, type ClientMember } from "./generatedCall.js";
import { optional } from "./optional.js";

const CREATE_USER: ClientMember = { method: "createUser", fields: { "body.customId": "customId" } };
const CREATE_USER_AND_TOKEN: ClientMember = {
  method: "createUserAndToken",
  fields: { "body.customId": "customId", "body.expiresInMinutes": "tokenExpiresInMinutes" },
};

/**
 * Creates a user. With `customId` (api-version `2025-03-02-preview` only), returns the user
 * already created with that `customId`, if any.
 */
export async function createUser(
  context: CommunicationIdentityContext,
  options: CreateUserOptions = {},
): Promise<CommunicationUserIdentifier> {
  const customId = checkOptionalString(options.customId, "customId");
  const body = customId !== undefined ? { body: { customId } } : {};
  const result = await asClient(CREATE_USER, () => communicationIdentityCreate(context, { ...forward(options), ...body }));
  return { communicationUserId: result.identity.id };
}

/** Creates a user and a token for it in one request. */
export async function createUserAndToken(
  context: CommunicationIdentityContext,
  scopes: TokenScope[],
  options: CreateUserAndTokenOptions = {},
): Promise<CommunicationUserToken> {
  const body = {
    createTokenWithScopes: checkScopes(scopes),
    ...optional("expiresInMinutes", checkTokenExpiresInMinutes(options.tokenExpiresInMinutes)),
    ...optional("customId", checkOptionalString(options.customId, "customId")),
  };
  const result = await asClient(CREATE_USER_AND_TOKEN, () => communicationIdentityCreate(context, { ...forward(options), body }));
  if (!result.accessToken) {
    throw new Error("The service created the user but returned no accessToken, though scopes were requested.");
  }
  return { user: { communicationUserId: result.identity.id }, token: result.accessToken.token, expiresOn: result.accessToken.expiresOn };
}

/**
 * Gets a user's id, `customId` and when a token was last issued for it. Only in api-version
 * `2025-03-02-preview`.
 */
export async function getUserDetail(
  context: CommunicationIdentityContext,
  user: CommunicationUserIdentifier,
  options: OperationOptions = {},
): Promise<CommunicationUserDetail> {
  const id = checkUser(user);
  const identity = await asClient({ method: "getUserDetail" }, () => communicationIdentityGet(context, id, forward(options)));
  return {
    id: identity.id,
    ...optional("customId", identity.customId),
    ...optional("lastTokenIssuedAt", identity.lastTokenIssuedAt),
  };
}

/** Deletes a user, revoking its tokens and deleting its data. */
export async function deleteUser(
  context: CommunicationIdentityContext,
  user: CommunicationUserIdentifier,
  options: OperationOptions = {},
): Promise<void> {
  const id = checkUser(user);
  await communicationIdentityDelete(context, id, forward(options));
}
