import { isObject, type OperationContext } from "../context.js";
import { errorReply, ok, validationError, type Reply } from "../errors.js";
import { isGuid, teamsExtensionIdentityId } from "../ids.js";
import { formatServiceDate } from "../time.js";
import { mintAcsToken, verifyEntraToken } from "../tokens.js";

/** Teams user token exchange and Teams extension (Teams Phone) token exchange. */

const invalidAccessToken = (): Reply => errorReply(401, "InvalidAccessToken", "Provided access token is not valid.");

function isEmpty(value: unknown): boolean {
  return value === undefined || value === null || value === "";
}

/**
 * Check order: token presence, AppId presence, token validity, UserId presence,
 * AppId format and match, UserId format and match.
 */
export async function exchangeTeamsUserToken(ctx: OperationContext): Promise<Reply> {
  const body = ctx.body;
  if (!isObject(body) || body.token === undefined || body.token === null) {
    return validationError("The body is either missing or doesn't contain any token.");
  }
  if (isEmpty(body.appId)) return validationError("AppId: The AppId field is required.", "AppId");
  const now = ctx.config.now();
  const claims = typeof body.token === "string" ? verifyEntraToken(body.token, ctx.config.entraSigningKey, now) : undefined;
  if (claims === undefined) return invalidAccessToken();
  if (isEmpty(body.userId)) return validationError("UserId: The UserId field is required.", "UserId");
  const appId = String(body.appId);
  const userId = String(body.userId);
  if (!isGuid(appId)) return validationError("Provided AppId has invalid format.", "appId");
  if (appId.toLowerCase() !== claims.appId.toLowerCase()) {
    return validationError("AAD application is not the expected one.", "appId");
  }
  if (!isGuid(userId)) return validationError("Provided UserId has invalid format.", "userId");
  if (userId.toLowerCase() !== claims.userId.toLowerCase()) {
    return validationError("Provided AAD token issued for unexpected user.", "userId");
  }
  const token = mintAcsToken(
    {
      identityId: `8:orgid:${claims.userId}`,
      scopes: ["voip", "chat"],
      resourceId: ctx.config.resourceId,
      issuedAtMs: now,
      expiresAtMs: claims.expiresAtMs,
      seq: 0,
      kind: "teamsUser",
    },
    ctx.config.tokenKey,
  );
  return ok({ token, expiresOn: formatServiceDate(claims.expiresAtMs) });
}

/**
 * The caller authenticates with the Teams Phone user's Entra token (Bearer). An
 * assignment must exist for its tenant and object id, and when the assignment
 * lists client ids, the token's application must be one of them.
 */
export async function exchangeTeamsExtensionToken(ctx: OperationContext): Promise<Reply> {
  const authorization = ctx.headers.authorization ?? "";
  const match = /^Bearer\s+(.+)$/i.exec(authorization);
  const now = ctx.config.now();
  const claims = match?.[1] === undefined ? undefined : verifyEntraToken(match[1], ctx.config.entraSigningKey, now);
  if (claims === undefined) return invalidAccessToken();
  if (ctx.body !== undefined && !isObject(ctx.body)) return validationError("The request body must be a JSON object.");
  const assignment = ctx.store.assignment(claims.tenantId, claims.userId);
  if (assignment === undefined) {
    return errorReply(403, "AssignmentNotFound", "No Teams extension assignment exists for the token's user.");
  }
  const clientIds = assignment.clientIds ?? [];
  if (clientIds.length > 0 && !clientIds.some((id) => id.toLowerCase() === claims.appId.toLowerCase())) {
    return errorReply(403, "ClientNotAssigned", "The token's application is not among the assignment's client ids.");
  }
  const identityId = teamsExtensionIdentityId(ctx.config.resourceId, claims.tenantId, claims.userId);
  const token = mintAcsToken(
    {
      identityId,
      scopes: ["voip"],
      resourceId: ctx.config.resourceId,
      issuedAtMs: now,
      expiresAtMs: claims.expiresAtMs,
      seq: 0,
      kind: "teamsExtension",
    },
    ctx.config.tokenKey,
  );
  return ok({
    identity: { id: identityId },
    accessToken: { token, expiresOn: formatServiceDate(claims.expiresAtMs) },
  });
}
