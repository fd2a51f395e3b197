import type { OperationContext } from "../context.js";
import { errorReply, noContent, ok, validationError, type Reply } from "../errors.js";
import { newIdentityId, parseIdentityId } from "../ids.js";
import type { IdentityRecord } from "../state.js";
import { formatServiceDate } from "../time.js";
import { mintAcsToken } from "../tokens.js";
import { expiresInMinutes, fieldOfOtherVersion, isReply, objectBody, scopeList } from "./validation.js";

/** Create / get / delete identities, issue and revoke their tokens. */

const MAX_CUSTOM_ID_LENGTH = 256;

function identityBody(ctx: OperationContext, identity: IdentityRecord): Record<string, unknown> {
  if (!ctx.features.identityDetails) return { id: identity.id };
  const body: Record<string, unknown> = { id: identity.id };
  if (identity.customId !== undefined) body.customId = identity.customId;
  if (identity.lastTokenIssuedAt !== undefined) body.lastTokenIssuedAt = formatServiceDate(identity.lastTokenIssuedAt);
  return body;
}

/** The identity named in the path, when it is well formed, ours and exists. */
function ownedIdentity(ctx: OperationContext): IdentityRecord | Reply {
  const id = ctx.params.id ?? "";
  const parsed = parseIdentityId(id);
  if (parsed.kind === "invalid") return validationError("Provided identity has invalid format.", "id");
  if (parsed.resourceId !== ctx.config.resourceId) {
    return errorReply(401, "IdentityNotOwned", "Provided identity doesn't belong to the resource.");
  }
  return ctx.store.identity(id) ?? errorReply(404, "IdentityNotFound", "Provided identity doesn't exist.");
}

/** Issue a token (records lastTokenIssuedAt and the revocation sequence). */
function issueToken(
  ctx: OperationContext,
  identity: IdentityRecord,
  scopes: readonly string[],
  minutes: number,
): { durable: Promise<void>; accessToken: { token: string; expiresOn: string } } {
  const now = ctx.config.now();
  const seq = ctx.store.nextSeq();
  const expiresAtMs = now + minutes * 60_000;
  const durable = ctx.store.commit({ t: "issue", id: identity.id, seq, at: now });
  const token = mintAcsToken(
    {
      identityId: identity.id,
      scopes,
      resourceId: ctx.config.resourceId,
      issuedAtMs: now,
      expiresAtMs,
      seq,
      kind: "identity",
    },
    ctx.config.tokenKey,
  );
  return { durable, accessToken: { token, expiresOn: formatServiceDate(expiresAtMs) } };
}

function customIdOf(ctx: OperationContext, body: Record<string, unknown>): string | undefined | Reply {
  // The live service (and the .NET library) use `customId`; the preview Swagger calls it `externalId`.
  const field = body.customId !== undefined ? "customId" : "externalId";
  const value = body[field];
  if (value === undefined || value === null) return undefined;
  if (!ctx.features.identityDetails) return fieldOfOtherVersion(ctx, field);
  if (typeof value !== "string" || value.length < 1 || value.length > MAX_CUSTOM_ID_LENGTH) {
    return validationError(`CustomId must be a string of 1 to ${MAX_CUSTOM_ID_LENGTH} characters.`, "customId");
  }
  return value;
}

export async function createIdentity(ctx: OperationContext): Promise<Reply> {
  const body = objectBody(ctx);
  if (isReply(body)) return body;
  const customId = customIdOf(ctx, body);
  if (isReply(customId)) return customId;
  const minutes = expiresInMinutes(ctx, body, ctx.features.createExpiresInMinutes);
  if (isReply(minutes)) return minutes;
  let scopes: string[] = [];
  const requested = body.createTokenWithScopes;
  if (requested !== undefined && requested !== null) {
    if (!Array.isArray(requested)) {
      return validationError("Invalid scopes - CreateTokenWithScopes must be a list.", "createTokenWithScopes");
    }
    const checked = scopeList(ctx, requested, "createTokenWithScopes");
    if (isReply(checked)) return checked;
    scopes = checked;
  }

  const pending: Promise<void>[] = [];
  let identity = customId === undefined ? undefined : ctx.store.identityByCustomId(customId);
  if (identity === undefined) {
    const id = newIdentityId(ctx.config.resourceId, ctx.config.nextSeededGuid);
    const event = { t: "create", id, at: ctx.config.now() } as const;
    pending.push(ctx.store.commit(customId === undefined ? event : { ...event, customId }));
    identity = ctx.store.identity(id);
    if (identity === undefined) throw new Error("identity vanished right after it was created");
  }
  const result: Record<string, unknown> = {};
  if (scopes.length > 0) {
    const issued = issueToken(ctx, identity, scopes, minutes);
    pending.push(issued.durable);
    result.accessToken = issued.accessToken;
  }
  // A customId hit may return an identity whose creation is still being written.
  pending.push(ctx.store.flushed());
  await Promise.all(pending);
  return ok({ identity: identityBody(ctx, identity), ...result }, 201);
}

export async function getIdentity(ctx: OperationContext): Promise<Reply> {
  const identity = ownedIdentity(ctx);
  if (isReply(identity)) return identity;
  return ok(identityBody(ctx, identity));
}

export async function issueAccessToken(ctx: OperationContext): Promise<Reply> {
  const body = objectBody(ctx);
  if (isReply(body)) return body;
  const requested = body.scopes;
  if (requested === undefined || requested === null) {
    return validationError("Scopes: The Scopes field is required.", "Scopes");
  }
  if (!Array.isArray(requested)) return validationError("Invalid scopes - Scopes must be a list.", "scopes");
  if (requested.length === 0) return validationError("Invalid scopes - Scopes field is required.", "scopes");
  const scopes = scopeList(ctx, requested, "scopes");
  if (isReply(scopes)) return scopes;
  const minutes = expiresInMinutes(ctx, body, ctx.features.issueExpiresInMinutes);
  if (isReply(minutes)) return minutes;
  const identity = ownedIdentity(ctx);
  if (isReply(identity)) return identity;
  const issued = issueToken(ctx, identity, scopes, minutes);
  await issued.durable;
  return ok(issued.accessToken);
}

export async function revokeAccessTokens(ctx: OperationContext): Promise<Reply> {
  const identity = ownedIdentity(ctx);
  if (isReply(identity)) return identity;
  await ctx.store.commit({ t: "revoke", id: identity.id, seq: ctx.store.nextSeq() });
  return noContent;
}

/** Deleting revokes and removes the identity; deleting an unknown identity of this resource is a no-op (204). */
export async function deleteIdentity(ctx: OperationContext): Promise<Reply> {
  const identity = ownedIdentity(ctx);
  if (isReply(identity)) return identity.status === 404 ? noContent : identity;
  await ctx.store.commit({ t: "delete", id: identity.id, seq: ctx.store.nextSeq() });
  return noContent;
}
