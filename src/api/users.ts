import { communicationIdentityCreate, communicationIdentityDelete, communicationIdentityGet } from "../../generated/src/index.js";
import type { CommunicationUserIdentifier } from "../identifiers.js";
import { checkScopes, checkUser } from "../inputChecks.js";
import type {
  CommunicationUserDetail,
  CommunicationUserToken,
  CreateUserAndTokenOptions,
  CreateUserOptions,
  OperationOptions,
} from "../models.js";
import type { TokenScope } from "../tokenScope.js";
import type { CommunicationIdentityContext } from "./context.js";
import { operation } from "./operation.js";
import { optional } from "./optional.js";

/**
 * Creates a user. With `customId` (api-version `2025-03-02-preview` only), returns the user
 * already created with that `customId`, if any.
 */
export async function createUser(
  context: CommunicationIdentityContext,
  options: CreateUserOptions = {},
): Promise<CommunicationUserIdentifier> {
  const body = options.customId !== undefined ? { body: { customId: options.customId } } : {};
  const result = await operation(context, "createUser", options, (c, forwarded) =>
    communicationIdentityCreate(c, { ...forwarded, ...body }),
  );
  return { communicationUserId: result.identity.id };
}

/** Creates a user and a token for it in one request. */
export async function createUserAndToken(
  context: CommunicationIdentityContext,
  scopes: TokenScope[],
  options: CreateUserAndTokenOptions = {},
): Promise<CommunicationUserToken> {
  // An undefined option is left out of the JSON (never sent as null), and gates no api-version.
  const body = { createTokenWithScopes: checkScopes(scopes), expiresInMinutes: options.tokenExpiresInMinutes, customId: options.customId };
  const result = await operation(context, "createUserAndToken", options, (c, forwarded) =>
    communicationIdentityCreate(c, { ...forwarded, body }),
  );
  if (!result.accessToken) {
    throw new Error("The service returned no accessToken.");
  }
  return { user: { communicationUserId: result.identity.id }, token: result.accessToken.token, expiresOn: result.accessToken.expiresOn };
}

/**
 * Gets a user (as an identifier), its `customId` and when a token was last issued for it. Only in api-version
 * `2025-03-02-preview`.
 */
export async function getUserDetail(
  context: CommunicationIdentityContext,
  user: CommunicationUserIdentifier,
  options: OperationOptions = {},
): Promise<CommunicationUserDetail> {
  const id = checkUser(user);
  const identity = await operation(context, "getUserDetail", options, (c, forwarded) => communicationIdentityGet(c, id, forwarded));
  return {
    user: { communicationUserId: identity.id },
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
  await operation(context, "deleteUser", options, (c, forwarded) => communicationIdentityDelete(c, id, forwarded));
}
