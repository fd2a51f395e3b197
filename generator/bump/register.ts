/**
 * Registering a version nobody has pinned yet: where its spec is expected under the specs root, and
 * the manifest with its entry (sha256 of every file the loader reads, as `npm run generate -- --pin`
 * computes them) and with it added to `generate`.
 */
import { existsSync } from "node:fs";
import { isAbsolute, relative, resolve, sep } from "node:path";
import { GeneratorError } from "../errors.js";
import { addVersion } from "../load/addVersion.js";
import { loadSpec } from "../load/index.js";
import { hashesRelativeTo } from "../load/manifest.js";
import type { Manifest, ManifestVersion } from "../load/types.js";

/** `preview` for a name ending in `-preview` (the service's naming), else `stable`. */
export function statusOf(apiVersion: string): "stable" | "preview" {
  return /-preview$/i.test(apiVersion) ? "preview" : "stable";
}

/**
 * Where the layout puts `apiVersion`'s entry spec, relative to the specs root: the path of the newest
 * listed version before it, with that version's `stable|preview/<version>` folder replaced by the new
 * one's (`.../Identity/stable/2026-09-23/CommunicationIdentity.json` → `.../Identity/stable/2027-01-01/...`).
 */
export function expectedSpecPath(manifest: Manifest, apiVersion: string): string {
  const older = manifest.versions.filter((v) => v.apiVersion < apiVersion).sort((a, b) => (a.apiVersion < b.apiVersion ? -1 : 1));
  const previous = older[older.length - 1] ?? manifest.versions[manifest.versions.length - 1];
  if (previous === undefined)
    throw new GeneratorError(
      "spec/manifest.json",
      "/versions",
      "no version listed to derive the new spec's path from (give --spec <file>)",
    );
  const folder = `/${previous.status}/${previous.apiVersion}/`;
  if (!previous.path.includes(folder)) {
    throw new GeneratorError(
      "spec/manifest.json",
      "/versions",
      `the path of ${previous.apiVersion} (${previous.path}) has no ${folder.slice(1)} folder to derive the new spec's path from (give --spec <file>)`,
    );
  }
  return previous.path.replace(folder, `/${statusOf(apiVersion)}/${apiVersion}/`);
}

/** The entry spec for `apiVersion`: `--spec` (must lie under the specs root), else where the layout puts it. */
export function locateSpec(
  manifest: Manifest,
  apiVersion: string,
  specsRoot: string,
  specFlag: string | undefined,
): { path: string; file: string } {
  if (specFlag !== undefined) {
    const file = resolve(specFlag);
    const path = relative(specsRoot, file);
    if (path.startsWith("..") || isAbsolute(path)) {
      throw new GeneratorError(
        specFlag,
        "",
        `--spec must lie under the specs root ${specsRoot} (spec/manifest.json pins paths relative to it); copy it there or pass --specs-root`,
      );
    }
    if (!existsSync(file)) throw new GeneratorError(specFlag, "", "--spec: file does not exist");
    return { path: path.split(sep).join("/"), file };
  }
  const path = expectedSpecPath(manifest, apiVersion);
  const file = resolve(specsRoot, path);
  if (!existsSync(file)) {
    throw new GeneratorError(
      path,
      "",
      `no spec for API version ${apiVersion} under the specs root ${specsRoot} (put it there, pass --specs-root <dir>, or give --spec <file>)`,
    );
  }
  return { path, file };
}

/**
 * The manifest with `apiVersion` listed (when it is not yet: its entry spec located and pinned) and
 * added to `generate`. `registered` is the new `versions` entry, or undefined when it was listed.
 */
export async function registerVersion(
  manifest: Manifest,
  apiVersion: string,
  specsRoot: string,
  specFlag: string | undefined,
): Promise<{ manifest: Manifest; registered?: ManifestVersion }> {
  if (manifest.generate.includes(apiVersion)) {
    throw new GeneratorError("spec/manifest.json", "/generate", `API version "${apiVersion}" is already generated`);
  }
  if (manifest.versions.some((v) => v.apiVersion === apiVersion)) {
    if (specFlag !== undefined)
      throw new GeneratorError(
        "spec/manifest.json",
        "/versions",
        `API version "${apiVersion}" is already listed (with its spec path); drop --spec`,
      );
    return { manifest: addVersion(manifest, apiVersion) };
  }
  const { path, file } = locateSpec(manifest, apiVersion, specsRoot, specFlag);
  const loaded = await loadSpec(file, { specsRoot });
  const registered: ManifestVersion = { apiVersion, status: statusOf(apiVersion), path, sha256: hashesRelativeTo(loaded, specsRoot) };
  const versions = [...manifest.versions, registered].sort((a, b) =>
    a.apiVersion < b.apiVersion ? -1 : a.apiVersion > b.apiVersion ? 1 : 0,
  );
  return { manifest: addVersion({ ...manifest, versions }, apiVersion), registered };
}
