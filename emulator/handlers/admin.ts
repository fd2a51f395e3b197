import { isObject, type EmulatorConfig } from "../context.js";
import { errorReply, ok, validationError, type Reply } from "../errors.js";
import { verifyJwt } from "../jwt.js";
import type { Store } from "../store.js";
import { formatServiceDate } from "../time.js";
import { mintEntraToken } from "../tokens.js";

/**
 * Emulator-only endpoints under `/_emulator/` (no auth; the emulator binds to
 * loopback): health, stats, token introspection and test Entra token minting.
 */

export interface AdminRequest {
  readonly method: string;
  readonly segments: readonly string[];
  readonly body: unknown;
}

function introspect(config: EmulatorConfig, store: Store, body: unknown): Reply {
  if (!isObject(body) || typeof body.token !== "string") {
    return validationError('The body must be {"token": "<access token>"}.', "token");
  }
  const check = verifyJwt(body.token, config.tokenKey, config.now());
  if (!check.valid) return ok({ active: false, reason: check.reason });
  const claims = check.payload;
  if (claims.kind === "identity") {
    const identity = typeof claims.sub === "string" ? store.identity(claims.sub) : undefined;
    if (identity === undefined) return ok({ active: false, reason: "identityDeleted", claims });
    if (typeof claims.seq !== "number" || claims.seq <= identity.revokedSeq) {
      return ok({ active: false, reason: "revoked", claims });
    }
  }
  return ok({ active: true, claims });
}

function entraToken(config: EmulatorConfig, body: unknown): Reply {
  if (!isObject(body) || typeof body.appId !== "string" || typeof body.userId !== "string") {
    return validationError("The body must carry appId and userId strings.");
  }
  const { appId, userId, tenantId, expiresInSeconds, expiresOn } = body;
  if (tenantId !== undefined && typeof tenantId !== "string") return validationError("tenantId must be a string.", "tenantId");
  const TEN_YEARS_SECONDS = 10 * 366 * 24 * 3600;
  if (expiresInSeconds !== undefined && (typeof expiresInSeconds !== "number" || !(Math.abs(expiresInSeconds) <= TEN_YEARS_SECONDS))) {
    return validationError("expiresInSeconds must be a number of seconds within ten years.", "expiresInSeconds");
  }
  const expiry = typeof expiresOn === "string" ? new Date(expiresOn) : undefined;
  if (expiry !== undefined && Number.isNaN(expiry.getTime())) return validationError("expiresOn is not a date.", "expiresOn");
  const now = config.now();
  const token = mintEntraToken(
    {
      appId,
      userId,
      signingKey: config.entraSigningKey,
      ...(tenantId === undefined ? {} : { tenantId }),
      ...(expiresInSeconds === undefined ? {} : { expiresInSeconds }),
      ...(expiry === undefined ? {} : { expiresOn: expiry }),
    },
    now,
  );
  const expMs = expiry?.getTime() ?? now + (expiresInSeconds ?? 3600) * 1000;
  return ok({ token, expiresOn: formatServiceDate(Math.floor(expMs / 1000) * 1000) });
}

export function handleAdmin(config: EmulatorConfig, store: Store, request: AdminRequest): Reply {
  const route = `${request.method} ${request.segments.slice(1).join("/")}`;
  switch (route) {
    case "GET health":
      return ok({ status: "ok", resourceId: config.resourceId, apiVersions: [...config.versions.versions] });
    case "GET stats":
      return ok(store.stats());
    case "POST introspect":
      return introspect(config, store, request.body);
    case "POST entraToken":
      return entraToken(config, request.body);
    default:
      return errorReply(404, "NotFound", "Unknown emulator endpoint. Known: GET health, GET stats, POST introspect, POST entraToken.");
  }
}
