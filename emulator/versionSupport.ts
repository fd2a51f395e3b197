import { loadVersionTable, type VersionSourceOptions } from "./versionTable.js";
import { DERIVED_BEHAVIOURS, INHERITED_BEHAVIOURS, isKnownApiVersion, type KnownApiVersion, type OperationName } from "./versions.js";

/** How the emulator serves one api-version: what it read from the spec, what it inherited. */
export interface VersionSupport {
  readonly apiVersion: string;
  readonly status: "stable" | "preview";
  /** The manifest's spec path (relative to the specs root). */
  readonly specPath: string;
  /** True when the emulator's rules were written for this version. */
  readonly known: boolean;
  /** Behaviours read from the version's spec (always all of DERIVED_BEHAVIOURS). */
  readonly derivedFromSpec: readonly string[];
  /** What the spec gave, per behaviour. */
  readonly features: {
    readonly operations: readonly OperationName[];
    readonly scopes: readonly string[];
    readonly createExpiresInMinutes: boolean;
    readonly issueExpiresInMinutes: boolean;
    readonly identityDetails: boolean;
    /** Request body fields per operation that has a body. */
    readonly requestFields: Readonly<Partial<Record<OperationName, readonly string[]>>>;
  };
  /** `METHOD path` of operations in the spec that the emulator has no handler for (answered 404). */
  readonly unservedOperations: readonly string[];
  /** The known version whose rules apply; the version itself when known. */
  readonly rulesFrom: KnownApiVersion;
  /** Behaviours taken from `rulesFrom` (empty when the version is known). */
  readonly inherited: ReadonlyArray<{ readonly behaviour: string; readonly from: KnownApiVersion }>;
  /** One line, e.g. `the emulator serves 2027-01-01 with rules inherited from 2026-09-23`. */
  readonly summary: string;
}

/**
 * Describe how an emulator started with the same `options` serves `apiVersion`.
 * @throws Error when the version is not in the manifest (naming the manifest and its versions), or
 *   when the manifest or the version's spec cannot be read.
 */
export function describeVersionSupport(apiVersion: string, options: VersionSourceOptions = {}): VersionSupport {
  const table = loadVersionTable(options);
  const served = table.byVersion.get(apiVersion);
  if (served === undefined) {
    throw new Error(`api-version '${apiVersion}' is not in ${table.manifestFile} (it lists: ${table.versions.join(", ")})`);
  }
  const known = isKnownApiVersion(apiVersion);
  const f = served.features;
  const requestFields: Partial<Record<OperationName, readonly string[]>> = {};
  for (const [operation, fields] of [...f.requestFields].sort(([a], [b]) => (a < b ? -1 : 1))) {
    requestFields[operation] = [...fields].sort();
  }
  const unserved =
    served.unservedOperations.length === 0 ? "" : `; spec operations without a handler: ${served.unservedOperations.join(", ")}`;
  return {
    apiVersion,
    status: served.status,
    specPath: served.specPath,
    known,
    derivedFromSpec: DERIVED_BEHAVIOURS,
    features: {
      operations: [...f.operations].sort(),
      scopes: f.scopes,
      createExpiresInMinutes: f.createExpiresInMinutes,
      issueExpiresInMinutes: f.issueExpiresInMinutes,
      identityDetails: f.identityDetails,
      requestFields,
    },
    unservedOperations: served.unservedOperations,
    rulesFrom: served.rulesFrom,
    inherited: known ? [] : INHERITED_BEHAVIOURS.map((behaviour) => ({ behaviour, from: served.rulesFrom })),
    summary: known
      ? `the emulator serves ${apiVersion} with its own rules${unserved}`
      : `the emulator serves ${apiVersion} with rules inherited from ${served.rulesFrom}${unserved}`,
  };
}
