/** The first api-version of the service that has each feature the client exposes. */
export const FEATURE_API_VERSIONS = {
  tokenExpiresInMinutes: "2022-10-01",
  getTokenForTeamsUser: "2022-06-01",
} as const;

/** Compares api-versions by their date (`YYYY-MM-DD`, with an optional `-preview` suffix). */
export function apiVersionAtLeast(version: string, minimum: string): boolean {
  return version.slice(0, 10) >= minimum.slice(0, 10);
}
