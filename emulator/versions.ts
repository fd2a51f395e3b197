/**
 * What each Identity api-version offers, read from the Swagger documents in
 * ../shared/specs (one entry per version). The emulator answers a request only
 * with what its api-version has.
 */

export const API_VERSIONS = [
  "2021-03-07",
  "2022-06-01",
  "2022-10-01",
  "2023-10-01",
  "2025-03-02-preview",
  "2025-06-30",
  "2026-09-23",
] as const;

export type ApiVersion = (typeof API_VERSIONS)[number];

/** Value of the `api-supported-versions` header sent with every response. */
export const SUPPORTED_VERSIONS_HEADER = API_VERSIONS.join(", ");

export type OperationName =
  | "createIdentity"
  | "getIdentity"
  | "deleteIdentity"
  | "issueAccessToken"
  | "revokeAccessTokens"
  | "exchangeTeamsUserToken"
  | "exchangeTeamsExtensionToken"
  | "getAssignment"
  | "upsertAssignment"
  | "deleteAssignment";

export interface VersionFeatures {
  readonly operations: ReadonlySet<OperationName>;
  /** Allowed values of CommunicationIdentityTokenScope. */
  readonly scopes: readonly string[];
  /** `expiresInMinutes` accepted on create / issue. */
  readonly createExpiresInMinutes: boolean;
  readonly issueExpiresInMinutes: boolean;
  /** customId on create, GET identity, customId/lastTokenIssuedAt in identity bodies. */
  readonly identityDetails: boolean;
}

const CORE: OperationName[] = ["createIdentity", "deleteIdentity", "issueAccessToken", "revokeAccessTokens"];
const TEAMS_EXTENSION: OperationName[] = [
  "exchangeTeamsExtensionToken",
  "getAssignment",
  "upsertAssignment",
  "deleteAssignment",
];
const SCOPES_V1 = ["chat", "voip"];
const SCOPES_V2 = ["chat", "voip", "chat.join", "chat.join.limited", "voip.join"];

function features(
  operations: OperationName[],
  scopes: string[],
  createExpiresInMinutes: boolean,
  issueExpiresInMinutes: boolean,
  identityDetails: boolean,
): VersionFeatures {
  return { operations: new Set(operations), scopes, createExpiresInMinutes, issueExpiresInMinutes, identityDetails };
}

export const VERSION_FEATURES: Readonly<Record<ApiVersion, VersionFeatures>> = {
  "2021-03-07": features(CORE, SCOPES_V1, false, false, false),
  "2022-06-01": features([...CORE, "exchangeTeamsUserToken"], SCOPES_V1, false, false, false),
  "2022-10-01": features([...CORE, "exchangeTeamsUserToken"], SCOPES_V1, true, true, false),
  "2023-10-01": features([...CORE, "exchangeTeamsUserToken"], SCOPES_V2, true, true, false),
  "2025-03-02-preview": features(
    [...CORE, "getIdentity", "exchangeTeamsUserToken", ...TEAMS_EXTENSION],
    SCOPES_V2,
    true,
    true,
    true,
  ),
  "2025-06-30": features([...CORE, "exchangeTeamsUserToken", ...TEAMS_EXTENSION], SCOPES_V2, true, true, false),
  "2026-09-23": features([...CORE, "exchangeTeamsUserToken", ...TEAMS_EXTENSION], SCOPES_V2, true, true, false),
};

export function isApiVersion(value: string): value is ApiVersion {
  return (API_VERSIONS as readonly string[]).includes(value);
}
