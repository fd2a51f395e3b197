import type { CommunicationUserIdentifier } from "./identifiers.js";

/*
 * Checks of what would make a request malformed: a path parameter that is not a string, a body
 * field of the wrong JSON type. Values are the service's to judge: empty strings, ranges and
 * lengths are sent as given (as `@azure/communication-identity` does), and the service's error
 * reaches the caller as a RestError.
 */

const kind = (value: unknown): string => (value === null ? "null" : Array.isArray(value) ? "an array" : typeof value);

/**
 * Throws `<name> cannot be null or undefined.` (the words of `@azure/communication-identity`'s
 * checks of required arguments) when the value is missing; an empty string is present.
 */
export function checkPresent<T>(value: T, name: string): NonNullable<T> {
  if (value === undefined || value === null) throw new TypeError(`${name} cannot be null or undefined.`);
  return value;
}

/** Returns the user's id (a URL path segment), or throws a TypeError naming what is wrong. */
export function checkUser(user: CommunicationUserIdentifier): string {
  if (typeof user !== "object" || user === null) {
    throw new TypeError(`user must be a CommunicationUserIdentifier ({ communicationUserId: string }), got ${kind(user)}.`);
  }
  if (user.communicationUserId == null) {
    throw new TypeError("user.communicationUserId is missing: id cannot be null or undefined.");
  }
  return checkPathSegment(user.communicationUserId, "user.communicationUserId");
}

/** Returns a value that goes into the URL path, or throws when it is not a string (it would be written as "undefined", "[object Object]"…). */
export function checkPathSegment(value: unknown, name: string): string {
  if (typeof value !== "string") {
    throw new TypeError(`${name} must be a string (it is a URL path segment), got ${kind(value)}.`);
  }
  return value;
}

/** Returns the scopes (a JSON array in the body), or throws a TypeError when they are not an array. */
export function checkScopes(scopes: readonly string[]): string[] {
  checkPresent(scopes, "scopes");
  if (!Array.isArray(scopes)) {
    throw new TypeError("scopes must be an array of strings.");
  }
  return [...scopes];
}

/** Checks that an argument carrying the request's fields is an object; `name` names it and its shape. */
export function checkObject<T>(value: T, name: string): T {
  if (typeof value !== "object" || value === null) {
    throw new TypeError(`${name} must be an object, got ${kind(value)}.`);
  }
  return value;
}
