/**
 * What each Identity api-version offers. The emulator serves every version listed in
 * spec/manifest.json; what a version has (operations, request body fields, token scopes,
 * expiresInMinutes, identity details) is read from its Swagger document at start
 * (./specFeatures.ts). What no spec says (value ranges, error texts, token lifetimes) are the
 * rules below, written for the versions we know; any other version takes the rules of the
 * nearest older known version (./versionTable.ts).
 */

/** The versions whose rules were written for them (and checked against the service). */
export const KNOWN_API_VERSIONS = [
  "2021-03-07",
  "2022-06-01",
  "2022-10-01",
  "2023-10-01",
  "2025-03-02-preview",
  "2025-06-30",
  "2026-09-23",
] as const;

export type KnownApiVersion = (typeof KNOWN_API_VERSIONS)[number];

/** @deprecated The emulator serves the manifest's versions: use `RunningEmulator.apiVersions`. */
export const API_VERSIONS = KNOWN_API_VERSIONS;

/**
 * @deprecated The header follows the manifest: use `RunningEmulator.supportedVersionsHeader`.
 * This is the header for a manifest listing exactly the known versions.
 */
export const SUPPORTED_VERSIONS_HEADER = KNOWN_API_VERSIONS.join(", ");

/** An api-version string (any version the manifest lists). */
export type ApiVersion = string;

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

/** The operation the emulator implements for each `METHOD path` of the Swagger documents. */
export const OPERATION_BY_SPEC_KEY: Readonly<Record<string, OperationName>> = {
  "POST /identities": "createIdentity",
  "GET /identities/{id}": "getIdentity",
  "DELETE /identities/{id}": "deleteIdentity",
  "POST /identities/{id}/:issueAccessToken": "issueAccessToken",
  "POST /identities/{id}/:revokeAccessTokens": "revokeAccessTokens",
  "POST /teamsUser/:exchangeAccessToken": "exchangeTeamsUserToken",
  "POST /access/teamsExtension/:exchangeAccessToken": "exchangeTeamsExtensionToken",
  "GET /access/teamsExtension/tenants/{tenantId}/assignments/{objectId}": "getAssignment",
  "PUT /access/teamsExtension/tenants/{tenantId}/assignments/{objectId}": "upsertAssignment",
  "DELETE /access/teamsExtension/tenants/{tenantId}/assignments/{objectId}": "deleteAssignment",
};

/** What a version's spec says; derived by ./specFeatures.ts. */
export interface VersionFeatures {
  readonly operations: ReadonlySet<OperationName>;
  /** Allowed values of the token scope enum (CommunicationIdentityTokenScope). */
  readonly scopes: readonly string[];
  /** `expiresInMinutes` accepted on create / issue. */
  readonly createExpiresInMinutes: boolean;
  readonly issueExpiresInMinutes: boolean;
  /** customId on create, customId/lastTokenIssuedAt in identity bodies (GET identity is in `operations`). */
  readonly identityDetails: boolean;
  /** Property names of each operation's request body; absent for operations without a body. */
  readonly requestFields: ReadonlyMap<OperationName, ReadonlySet<string>>;
}

/** Behaviour no spec describes; written per known version. */
export interface VersionRules {
  /** Accepted range and default of `expiresInMinutes` (the default also applies where the field does not exist). */
  readonly expiresInMinutes: { readonly min: number; readonly max: number; readonly default: number };
}

/** Rules every known version shares today (the service's, as far as we know them). */
const SERVICE_RULES: VersionRules = { expiresInMinutes: { min: 60, max: 1440, default: 1440 } };

export const RULES_OF_KNOWN_VERSIONS: Readonly<Record<KnownApiVersion, VersionRules>> = {
  "2021-03-07": SERVICE_RULES,
  "2022-06-01": SERVICE_RULES,
  "2022-10-01": SERVICE_RULES,
  "2023-10-01": SERVICE_RULES,
  "2025-03-02-preview": SERVICE_RULES,
  "2025-06-30": SERVICE_RULES,
  "2026-09-23": SERVICE_RULES,
};

/**
 * What a version takes from its rule version besides `VersionRules`: behaviour written in the
 * handlers for all known versions. Listed so `describeVersionSupport` can say what is inherited.
 */
export const INHERITED_BEHAVIOURS: readonly string[] = [
  "expiresInMinutes range and default",
  "error codes and messages",
  "token lifetime, claims and expiresOn format",
  "customId rules (length, reuse after delete)",
  "Teams token exchange checks",
  "Teams extension assignment checks",
];

/** What the spec decides, as `describeVersionSupport` names it. */
export const DERIVED_BEHAVIOURS: readonly string[] = [
  "operations",
  "request body fields",
  "token scopes",
  "expiresInMinutes on create",
  "expiresInMinutes on issue",
  "identity details (customId, lastTokenIssuedAt)",
];

export function isKnownApiVersion(value: string): value is KnownApiVersion {
  return (KNOWN_API_VERSIONS as readonly string[]).includes(value);
}

/** Order of api-versions: by date, a preview before the stable version of the same date. */
export function compareApiVersions(a: string, b: string): number {
  const key = (v: string): string => `${v.slice(0, 10)}${v.endsWith("-preview") ? "0" : "1"}${v.slice(10)}`;
  const ka = key(a);
  const kb = key(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
}

/**
 * The known version whose rules `version` follows: itself when known, else the nearest older known
 * version by date (a preview after a stable version inherits from that stable version), else, for
 * a version older than all known ones, the oldest known version.
 */
export function ruleVersionOf(version: string): KnownApiVersion {
  if (isKnownApiVersion(version)) return version;
  const sorted = [...KNOWN_API_VERSIONS].sort(compareApiVersions);
  let found: KnownApiVersion = sorted[0] as KnownApiVersion;
  for (const known of sorted) if (compareApiVersions(known, version) < 0) found = known;
  return found;
}
