import { isObject, type OperationContext } from "../context.js";
import { validationError, type Reply } from "../errors.js";

/** Request-body checks shared by the identity operations, with the service's messages. */

/** A JSON object body; an absent body reads as `{}`. */
export function objectBody(ctx: OperationContext): Record<string, unknown> | Reply {
  if (ctx.body === undefined) return {};
  if (!isObject(ctx.body)) return validationError("The request body must be a JSON object.");
  return ctx.body;
}

/** A field present in the body that the requested api-version does not have. */
export function fieldOfOtherVersion(ctx: OperationContext, field: string): Reply | undefined {
  if (!ctx.config.rejectFieldsOfOtherVersions) return undefined;
  return validationError(`The field '${field}' is not supported in api-version '${ctx.version}'.`, field);
}

/** Minutes of validity, or an error reply. */
export function expiresInMinutes(ctx: OperationContext, body: Record<string, unknown>, supported: boolean): number | Reply {
  const value = body.expiresInMinutes;
  // Range and default are rules, not spec: they come from the version's rule version.
  const { min, max, default: fallback } = ctx.rules.expiresInMinutes;
  if (value === undefined || value === null) return fallback;
  if (!supported) return fieldOfOtherVersion(ctx, "expiresInMinutes") ?? fallback;
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    return validationError(
      `ExpiresInMinutes value ${typeof value === "string" ? value : JSON.stringify(value)} is invalid. ` +
        `Value must be within the [${min}, ${max}] interval.`,
      "ExpiresInMinutes",
    );
  }
  return value;
}

/** Check each scope against the version's CommunicationIdentityTokenScope values. */
export function scopeList(ctx: OperationContext, value: unknown[], target: string): string[] | Reply {
  const scopes: string[] = [];
  for (const scope of value) {
    if (typeof scope !== "string" || !ctx.features.scopes.includes(scope)) {
      return validationError(`Invalid scopes - '${String(scope)}' is not a valid scope in api-version '${ctx.version}'.`, target);
    }
    if (!scopes.includes(scope)) scopes.push(scope);
  }
  return scopes;
}

export { isReply } from "../errors.js";
