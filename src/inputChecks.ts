import type { CommunicationUserIdentifier } from "./identifiers.js";

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
