import { readFileSync, statSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
// Reading the manifest is data, not wire code: the emulator reuses the generator's reader (and its
// precompiled schema check) so both agree on what the manifest says.
import { readManifest } from "../generator/load/manifest.js";
import { deriveSpecFeatures, type SpecFeatures } from "./specFeatures.js";
import {
  compareApiVersions,
  RULES_OF_KNOWN_VERSIONS,
  ruleVersionOf,
  type KnownApiVersion,
  type OperationName,
  type VersionFeatures,
  type VersionRules,
} from "./versions.js";

/**
 * The api-versions an emulator serves: every entry of spec/manifest.json `versions`, with the
 * features read from its Swagger document and the rules of its rule version.
 */

/** Where the version list and the specs come from (EmulatorOptions and describeVersionSupport take these). */
export interface VersionSourceOptions {
  /** The manifest listing the versions; default: the repository's spec/manifest.json. */
  readonly manifestFile?: string;
  /**
   * Folder the manifest's spec paths are relative to; default: $ACS_SPECS_ROOT, else
   * ../shared/specs from the repository root (the generator's rule).
   */
  readonly specsRoot?: string;
}

export interface ServedVersion {
  readonly apiVersion: string;
  readonly status: "stable" | "preview";
  /** The manifest's `path` of the entry spec, relative to the specs root. */
  readonly specPath: string;
  /** Derived from the spec. */
  readonly features: VersionFeatures;
  /** `METHOD path` of spec operations the emulator has no handler for. */
  readonly unservedOperations: readonly string[];
  /** The known version whose rules apply (the version itself when it is known). */
  readonly rulesFrom: KnownApiVersion;
  readonly rules: VersionRules;
}

export interface VersionTable {
  readonly manifestFile: string;
  readonly specsRoot: string;
  /** Every served version, oldest first (a preview before the stable version of its date). */
  readonly versions: readonly string[];
  /** Value of the `api-supported-versions` header. */
  readonly supportedVersionsHeader: string;
  readonly byVersion: ReadonlyMap<string, ServedVersion>;
  /** For each operation, the request body fields some served version has. */
  readonly fieldsOfAnyVersion: ReadonlyMap<OperationName, ReadonlySet<string>>;
}

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export function resolveVersionSources(
  options: VersionSourceOptions = {},
  env: Record<string, string | undefined> = process.env,
): { manifestFile: string; specsRoot: string } {
  return {
    manifestFile: resolve(options.manifestFile ?? join(REPO_ROOT, "spec", "manifest.json")),
    specsRoot: resolve(options.specsRoot ?? (env["ACS_SPECS_ROOT"] || join(REPO_ROOT, "..", "shared", "specs"))),
  };
}

/**
 * Derived features per spec file, for this process: the specs are read once, and again only when
 * a file's size or modification time changes.
 */
const specCache = new Map<string, { readonly stamp: string; readonly derived: SpecFeatures }>();

const HINT = "set the emulator's specsRoot option, --specs-root or ACS_SPECS_ROOT";

function parseSpec(file: string, text: string, apiVersion: string): Record<string, unknown> {
  let value: unknown;
  try {
    if (/\.ya?ml$/i.test(file)) {
      const yaml = createRequire(import.meta.url)("yaml") as typeof import("yaml");
      value = yaml.parse(text);
    } else {
      value = JSON.parse(text);
    }
  } catch (error) {
    throw new Error(`${file}: the spec of api-version ${apiVersion} cannot be parsed: ${(error as Error).message}`);
  }
  if (typeof value !== "object" || value === null || Array.isArray(value)) {
    throw new Error(`${file}: the spec of api-version ${apiVersion} is not a Swagger document (not an object)`);
  }
  return value as Record<string, unknown>;
}

function specFeatures(file: string, apiVersion: string): SpecFeatures {
  let stamp: string;
  try {
    const stat = statSync(file);
    stamp = `${stat.size}:${stat.mtimeMs}`;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code ?? "error";
    throw new Error(`cannot read the spec of api-version ${apiVersion}: ${file} (${code}); ${HINT}`);
  }
  const cached = specCache.get(file);
  if (cached !== undefined && cached.stamp === stamp) return cached.derived;
  const derived = deriveSpecFeatures(parseSpec(file, readFileSync(file, "utf8"), apiVersion));
  specCache.set(file, { stamp, derived });
  return derived;
}

/**
 * Read the manifest and every listed version's spec.
 * @throws Error naming the manifest (`<file>#<pointer>: ...`) or the spec file that cannot be read.
 */
export function loadVersionTable(options: VersionSourceOptions = {}): VersionTable {
  const { manifestFile, specsRoot } = resolveVersionSources(options);
  const manifest = readManifest(manifestFile, manifestFile);
  const byVersion = new Map<string, ServedVersion>();
  for (const entry of manifest.versions) {
    const derived = specFeatures(join(specsRoot, entry.path), entry.apiVersion);
    const rulesFrom = ruleVersionOf(entry.apiVersion);
    byVersion.set(entry.apiVersion, {
      apiVersion: entry.apiVersion,
      status: entry.status,
      specPath: entry.path,
      features: derived.features,
      unservedOperations: derived.unservedOperations,
      rulesFrom,
      rules: RULES_OF_KNOWN_VERSIONS[rulesFrom],
    });
  }
  const versions = [...byVersion.keys()].sort(compareApiVersions);
  const fieldsOfAnyVersion = new Map<OperationName, Set<string>>();
  for (const served of byVersion.values()) {
    for (const [operation, fields] of served.features.requestFields) {
      const all = fieldsOfAnyVersion.get(operation) ?? new Set<string>();
      for (const field of fields) all.add(field);
      fieldsOfAnyVersion.set(operation, all);
    }
  }
  return { manifestFile, specsRoot, versions, supportedVersionsHeader: versions.join(", "), byVersion, fieldsOfAnyVersion };
}
