/** Bounds of `tokenExpiresInMinutes`, from the service's API (2022-06-01 and later). */
export const MIN_TOKEN_EXPIRES_IN_MINUTES = 60;
export const MAX_TOKEN_EXPIRES_IN_MINUTES = 1440;

/**
 * Checks `tokenExpiresInMinutes` before any request: undefined passes (the field is then not sent);
 * anything else must be an integer in [60, 1440].
 */
export function checkTokenExpiresInMinutes(value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (
    typeof value !== "number" ||
    !Number.isInteger(value) ||
    value < MIN_TOKEN_EXPIRES_IN_MINUTES ||
    value > MAX_TOKEN_EXPIRES_IN_MINUTES
  ) {
    const got = typeof value === "number" || typeof value === "bigint" ? String(value) : value === null ? "null" : JSON.stringify(value) ?? typeof value;
    throw new RangeError(
      `tokenExpiresInMinutes must be an integer within [${MIN_TOKEN_EXPIRES_IN_MINUTES}, ${MAX_TOKEN_EXPIRES_IN_MINUTES}], got ${got}.`,
    );
  }
  return value;
}
