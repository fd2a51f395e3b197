import { createHmac, randomUUID } from "node:crypto";
import { signJwt, verifyJwt, type JwtPayload } from "./jwt.js";

/**
 * Tokens: ACS access tokens the emulator issues, and test Entra ID (Azure AD)
 * tokens it mints and later verifies in the Teams exchanges.
 */

/** Well-known signing key for emulator-minted Entra tokens (a test key, not a secret). */
export const DEFAULT_ENTRA_SIGNING_KEY = "acs-emulator-entra-test-signing-key";

export const ACS_TOKEN_AUDIENCE = "urn:acs-emulator:access-token";

/** ACS tokens are signed with a key derived from the access key: stable across restarts. */
export function acsTokenKey(accessKey: Buffer): Buffer {
  return createHmac("sha256", accessKey).update("acs-emulator-token-signing").digest();
}

export interface AcsTokenClaims {
  /** Identity id (`8:acs:...`) or Teams user (`8:orgid:<oid>`). */
  readonly identityId: string;
  readonly scopes: readonly string[];
  readonly resourceId: string;
  readonly issuedAtMs: number;
  readonly expiresAtMs: number;
  /** Revocation sequence number; tokens at or below an identity's revokedSeq are revoked. */
  readonly seq: number;
  /** What the token was issued for; decides how introspection checks it. */
  readonly kind: AcsTokenKind;
}

export type AcsTokenKind = "identity" | "teamsUser" | "teamsExtension";

export function mintAcsToken(claims: AcsTokenClaims, key: Buffer): string {
  const payload: JwtPayload = {
    sub: claims.identityId,
    skypeid: claims.identityId.replace(/^8:/, ""),
    scp: claims.scopes.join(" "),
    acsScope: claims.scopes.join(","),
    resourceId: claims.resourceId,
    aud: ACS_TOKEN_AUDIENCE,
    iat: Math.floor(claims.issuedAtMs / 1000),
    exp: Math.floor(claims.expiresAtMs / 1000),
    seq: claims.seq,
    kind: claims.kind,
    jti: randomUUID(),
  };
  return signJwt(payload, key, "acs-emulator");
}

export interface EntraTokenOptions {
  /** Client (application) id, the `appid` claim. */
  readonly appId: string;
  /** Object id of the user, the `oid` claim. */
  readonly userId: string;
  /** Tenant id, the `tid` claim; a fixed test tenant when omitted. */
  readonly tenantId?: string;
  /** Absolute expiry; wins over expiresInSeconds. May be in the past (expired token). */
  readonly expiresOn?: Date;
  /** Lifetime from now; 3600 when neither this nor expiresOn is given. */
  readonly expiresInSeconds?: number;
  /** Signing key; must match the emulator's `entraSigningKey` option. */
  readonly signingKey?: string;
}

export const DEFAULT_TEST_TENANT = "00000000-0000-4000-8000-00000000e7a1";

/** Mint a test Entra ID access token the emulator accepts in Teams token exchanges. */
export function mintEntraToken(options: EntraTokenOptions, nowMs: number = Date.now()): string {
  const tenantId = options.tenantId ?? DEFAULT_TEST_TENANT;
  const expMs = options.expiresOn?.getTime() ?? nowMs + (options.expiresInSeconds ?? 3600) * 1000;
  const iat = Math.floor(Math.min(nowMs, expMs - 60_000) / 1000);
  const payload: JwtPayload = {
    aud: "https://auth.msft.communication.azure.com",
    iss: `https://sts.windows.net/${tenantId}/`,
    iat,
    nbf: iat,
    exp: Math.floor(expMs / 1000),
    appid: options.appId,
    oid: options.userId,
    tid: tenantId,
    ver: "1.0",
  };
  return signJwt(payload, Buffer.from(options.signingKey ?? DEFAULT_ENTRA_SIGNING_KEY, "utf8"), "acs-emulator-entra");
}

export interface EntraClaims {
  readonly appId: string;
  readonly userId: string;
  readonly tenantId: string;
  readonly expiresAtMs: number;
}

/** Undefined when the token is malformed, wrongly signed, expired or lacks appid/oid/tid. */
export function verifyEntraToken(token: string, signingKey: string, nowMs: number): EntraClaims | undefined {
  const check = verifyJwt(token, Buffer.from(signingKey, "utf8"), nowMs);
  if (!check.valid) return undefined;
  const { appid, oid, tid, exp } = check.payload;
  if (typeof appid !== "string" || typeof oid !== "string" || typeof tid !== "string" || typeof exp !== "number") {
    return undefined;
  }
  return { appId: appid, userId: oid, tenantId: tid, expiresAtMs: exp * 1000 };
}
