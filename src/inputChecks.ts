import type { CommunicationUserIdentifier } from "./identifiers.js";
import type { TeamsExtensionAssignmentSettings } from "./models.js";

/** Returns the user's id, or throws a TypeError naming what is wrong. */
export function checkUser(user: CommunicationUserIdentifier): string {
  if (typeof user !== "object" || user === null) {
    throw new TypeError(`user must be a CommunicationUserIdentifier ({ communicationUserId: string }), got ${user === null ? "null" : typeof user}.`);
  }
  const id: unknown = user.communicationUserId;
  if (typeof id !== "string" || id === "") {
    throw new TypeError(`user.communicationUserId must be a non-empty string, got ${JSON.stringify(id) ?? typeof id}.`);
  }
  return id;
}

/** Returns the scopes, or throws a TypeError naming what is wrong. */
export function checkScopes(scopes: readonly string[]): string[] {
  if (!Array.isArray(scopes)) {
    throw new TypeError(`scopes must be an array of strings, got ${scopes === null ? "null" : typeof scopes}.`);
  }
  scopes.forEach((scope: unknown, index) => {
    if (typeof scope !== "string" || scope === "") {
      throw new TypeError(`scopes[${index}] must be a non-empty string, got ${JSON.stringify(scope) ?? typeof scope}.`);
    }
  });
  return [...scopes];
}

/** Checks a required string option without ever echoing its value (it may be a token). */
export function checkRequiredString(value: unknown, name: string): string {
  if (typeof value !== "string" || value.trim() === "") {
    throw new TypeError(`${name} must be a non-empty string.`);
  }
  return value;
}

/** Returns an optional string option (undefined when absent), or throws a TypeError naming it. */
export function checkOptionalString(value: unknown, name: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== "string" || value === "") {
    throw new TypeError(`${name} must be a non-empty string when given, got ${JSON.stringify(value) ?? typeof value}.`);
  }
  return value;
}

/** Returns the assignment settings, or throws a TypeError naming what is wrong. */
export function checkAssignmentSettings(settings: TeamsExtensionAssignmentSettings): TeamsExtensionAssignmentSettings {
  if (typeof settings !== "object" || settings === null) {
    throw new TypeError(`settings must be { principalType, clientIds? }, got ${settings === null ? "null" : typeof settings}.`);
  }
  const principalType = checkRequiredString(settings.principalType, "settings.principalType");
  if (settings.clientIds === undefined) return { principalType };
  if (!Array.isArray(settings.clientIds)) {
    throw new TypeError(`settings.clientIds must be an array of strings, got ${typeof settings.clientIds}.`);
  }
  settings.clientIds.forEach((id: unknown, index) => {
    if (typeof id !== "string" || id === "") {
      throw new TypeError(`settings.clientIds[${index}] must be a non-empty string, got ${JSON.stringify(id) ?? typeof id}.`);
    }
  });
  return { principalType, clientIds: [...settings.clientIds] };
}
