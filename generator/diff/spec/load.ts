/**
 * `<old>` / `<new>` arguments -> loaded specs -> single-version code models. An argument is an
 * api-version listed in spec/manifest.json (resolved under the specs root) or a path to a spec file.
 */
import { existsSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { GeneratorError } from "../../errors.js";
import { loadSpec } from "../../load/index.js";
import { applyTransforms, readTransforms } from "../../load/transforms.js";
import { findVersion, readManifest } from "../../load/manifest.js";
import type { ClientConfig, LoadedSpec, Manifest, ManifestVersion } from "../../load/types.js";
import { readCodeModel } from "../../input/index.js";
import type { CodeModel } from "../../model/types.js";
import type { DiffSide } from "../change.js";

export interface SpecPaths {
  /** Absolute specs root. */
  specsRoot: string;
  /** Absolute path of spec/manifest.json. */
  manifestFile: string;
  /** Folder relative spec paths are resolved against. */
  cwd: string;
}

export interface LoadedSide {
  side: DiffSide;
  model: CodeModel;
}

/** Used when the manifest cannot be read (only path arguments then). */
const FALLBACK_CONFIG: ClientConfig = { clientName: "SpecDiffClient" };

function looksLikePath(arg: string): boolean {
  return /[\\/]/.test(arg) || /\.(json|ya?ml)$/i.test(arg);
}

/** Reads the manifest only when an argument needs it (or to get client config when it is there). */
function tryManifest(paths: SpecPaths): Manifest | undefined {
  return existsSync(paths.manifestFile) ? readManifest(paths.manifestFile) : undefined;
}

/** Where `arg` points: a manifest version, or a spec file. */
export function resolveArgument(arg: string, manifest: Manifest | undefined, paths: SpecPaths): { file: string; version?: ManifestVersion } {
  const version = manifest?.versions.find((v) => v.apiVersion === arg);
  if (version !== undefined) {
    const file = resolve(paths.specsRoot, version.path);
    if (!existsSync(paths.specsRoot)) {
      throw new GeneratorError(paths.specsRoot, "", "the specs root does not exist (set --specs-root or ACS_SPECS_ROOT)");
    }
    return { file, version };
  }
  if (looksLikePath(arg)) {
    const file = resolve(paths.cwd, arg);
    if (!existsSync(file)) throw new GeneratorError(arg, "", "spec file does not exist");
    return { file };
  }
  if (manifest === undefined) {
    throw new GeneratorError(paths.manifestFile, "", `cannot resolve API version "${arg}": the manifest does not exist`);
  }
  findVersion(manifest, arg); // throws, listing the known versions
  throw new GeneratorError("spec/manifest.json", "/versions", `no API version "${arg}"`);
}

/** A code model from an already loaded spec (no I/O). */
export function modelOf(spec: LoadedSpec, config: ClientConfig, version?: ManifestVersion): CodeModel {
  const info = spec.documents[spec.entryFile]?.["info"];
  const infoVersion = info !== null && typeof info === "object" && !Array.isArray(info) && typeof info["version"] === "string" ? info["version"] : undefined;
  const manifest: ManifestVersion = version ?? {
    apiVersion: infoVersion ?? basename(spec.entryFile),
    status: "stable",
    path: spec.entryFile,
    sha256: {},
  };
  return readCodeModel([{ manifest, spec }], config);
}

export async function loadSide(arg: string, paths: SpecPaths): Promise<LoadedSide> {
  const manifest = tryManifest(paths);
  const { file, version } = resolveArgument(arg, manifest, paths);
  const loaded = await loadSpec(file, { specsRoot: paths.specsRoot });
  // A manifest version is compared as the generator sees it: with spec/transforms.json applied
  // (e.g. the preview's externalId is the client's customId). A spec path is compared as it is.
  const spec =
    version !== undefined && manifest !== undefined
      ? applyTransforms(loaded, version.apiVersion, readTransforms(join(dirname(paths.manifestFile), "transforms.json"), manifest)).spec
      : loaded;
  const model = modelOf(spec, manifest?.client ?? FALLBACK_CONFIG, version);
  const apiVersion = model.apiVersions[0]?.apiVersion;
  return {
    side: { label: arg, ...(apiVersion !== undefined ? { apiVersion } : {}), file: spec.entryFile },
    model,
  };
}
