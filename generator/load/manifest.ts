/**
 * `spec/manifest.json`: which API versions exist (entry spec, status, pinned sha256 of every file
 * the loader reads for them), which ones `generated/` is built from, and client configuration.
 */
import { readFileSync } from "node:fs";
import { join, relative, sep } from "node:path";
import { GeneratorError, toPointer } from "../errors.js";
import type { LoadedSpec, Manifest, ManifestVersion } from "./types.js";
import { schemaProblem } from "./validate.js";

/**
 * Check that `value` is a well-formed manifest. `file` names it in errors.
 * @throws GeneratorError `<file>#<pointer>: <what is wrong>`
 */
export function validateManifest(value: unknown, file = "spec/manifest.json"): Manifest {
  const problem = schemaProblem("manifest", value);
  if (problem !== undefined) throw new GeneratorError(file, problem.pointer, `invalid manifest: ${problem.message}`);
  const manifest = value as Manifest;
  const seen = new Set<string>();
  manifest.versions.forEach((v, i) => {
    if (seen.has(v.apiVersion)) {
      throw new GeneratorError(
        file,
        toPointer(["versions", i, "apiVersion"]),
        `invalid manifest: API version "${v.apiVersion}" is listed twice`,
      );
    }
    seen.add(v.apiVersion);
  });
  manifest.generate.forEach((v, i) => {
    if (!seen.has(v)) {
      throw new GeneratorError(file, toPointer(["generate", i]), `invalid manifest: API version "${v}" is not in "versions"`);
    }
  });
  return manifest;
}

/** Read and validate a manifest file; `displayName` is how errors name it. */
export function readManifest(path: string, displayName = "spec/manifest.json"): Manifest {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new GeneratorError(displayName, "", `cannot read the manifest (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new GeneratorError(displayName, "", `cannot parse the manifest: ${(err as Error).message}`);
  }
  return validateManifest(value, displayName);
}

/** The manifest as written to disk: 2-space JSON, trailing newline. */
export function formatManifest(manifest: Manifest): string {
  return JSON.stringify(manifest, null, 2) + "\n";
}

/** Manifest entry for `apiVersion`, or a GeneratorError listing the known versions. */
export function findVersion(manifest: Manifest, apiVersion: string, file = "spec/manifest.json"): ManifestVersion {
  const found = manifest.versions.find((v) => v.apiVersion === apiVersion);
  if (found === undefined) {
    const known = manifest.versions.map((v) => v.apiVersion).join(", ");
    throw new GeneratorError(file, "/versions", `no API version "${apiVersion}" (known: ${known})`);
  }
  return found;
}

/** sha256 of every file `loaded` read, keyed by path relative to `specsRoot` (entry first). */
export function hashesRelativeTo(loaded: LoadedSpec, specsRoot: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { path, sha256 } of loaded.files) {
    const key = /^https?:/i.test(path) ? path : relative(specsRoot, join(loaded.rootDir, path)).split(sep).join("/");
    out[key] = sha256;
  }
  return out;
}

/**
 * Compare what the loader read for `version` with its pins.
 * @throws GeneratorError naming the file and both hashes on a mismatch, or the unpinned/unread file.
 */
export function checkPins(version: ManifestVersion, loaded: LoadedSpec, specsRoot: string): void {
  const actual = hashesRelativeTo(loaded, specsRoot);
  const hint = "(run `npm run generate -- --pin` after reviewing the change)";
  for (const [file, sha] of Object.entries(actual)) {
    const expected = version.sha256[file];
    if (expected === undefined) {
      throw new GeneratorError(file, "", `read for API version ${version.apiVersion} but not pinned in spec/manifest.json ${hint}`);
    }
    if (expected !== sha) {
      throw new GeneratorError(
        file,
        "",
        `sha256 mismatch for API version ${version.apiVersion}: expected ${expected} (spec/manifest.json), actual ${sha} ${hint}`,
      );
    }
  }
  for (const file of Object.keys(version.sha256)) {
    if (!(file in actual)) {
      throw new GeneratorError(file, "", `pinned for API version ${version.apiVersion} in spec/manifest.json but not read ${hint}`);
    }
  }
}
