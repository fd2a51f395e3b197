/**
 * The generator pipeline behind the CLI: pick the spec(s), load them, check their pins, build the
 * code model (`loadModel`, on the CLI's worker thread when the launcher started one), emit the files
 * (./emitting.ts). Nothing here touches the output folder.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { GeneratorError } from "../errors.js";
import { loadSpec } from "../load/index.js";
import { checkPins, findVersion, hashesRelativeTo, readManifest } from "../load/manifest.js";
import { checkNameMaps } from "../load/nameMaps.js";
import { applyTransforms, readTransforms, type AppliedTransform } from "../load/transforms.js";
import type { ClientConfig, Diagnostic, JsonObject, LoadedSpec, LoadOptions, Manifest, ManifestVersion } from "../load/types.js";
import type { Formatter } from "../emit/formatter.js";
import type { CodeModel } from "../model/types.js";
import type { CliArgs } from "./args.js";
import { startFormatter as startFormatterAt } from "./formatting.js";
import type { OutputFile } from "./output.js";
import type { Paths } from "./paths.js";

export { resolvePaths, type Paths } from "./paths.js";

export interface Source {
  manifest: ManifestVersion;
  /**
   * The loaded spec, in its own format (Swagger 2 or OpenAPI 3; generator/input reads it), with the
   * spec/transforms.json transforms for its version applied (a copy).
   */
  spec: LoadedSpec;
  /** Transforms applied to it, in order. */
  transforms: AppliedTransform[];
}

export interface LoadRequest {
  spec?: string;
  apiVersions: string[];
  root?: string;
  allowRemoteRefs: boolean;
  /** Limits per remote document (--remote-ref-timeout, --remote-ref-max-bytes); load defaults when absent. */
  remoteRefTimeoutMs?: number;
  remoteRefMaxBytes?: number;
}

/** PascalCase identifier from a title (`Communication Identity client` → `CommunicationIdentityClient`). */
export function identifierFromTitle(title: string): string {
  const words = title.split(/[^A-Za-z0-9]+/).filter((w) => w !== "");
  const name = words.map((w) => w.charAt(0).toUpperCase() + w.slice(1)).join("");
  if (name === "") return "Client";
  return /^[0-9]/.test(name) ? `_${name}` : name;
}

/** Load the manifest's versions (or the `--spec` file), checking pins; warnings go to `warn`. */
export async function loadSources(
  request: LoadRequest,
  paths: Paths,
  warn: (d: Diagnostic) => void,
): Promise<{ sources: Source[]; config: ClientConfig }> {
  if (request.spec !== undefined) return loadArbitrarySpec(request.spec, request, paths, warn);
  if (!existsSync(paths.specsRoot)) {
    throw new GeneratorError(paths.specsRoot, "", "the specs root does not exist (set --specs-root or ACS_SPECS_ROOT)");
  }
  const manifest = readManifest(paths.manifestFile);
  const wanted = request.apiVersions.length > 0 ? request.apiVersions : manifest.generate;
  const versions = [...new Set(wanted)].map((v) => findVersion(manifest, v)).sort(byApiVersion);
  checkNameMaps(manifest.client, readPinnedDocuments(manifest, paths.specsRoot));
  const transforms = readTransforms(paths.transformsFile, manifest);
  const sources: Source[] = [];
  for (const version of versions) {
    const loaded = await loadSpec(join(paths.specsRoot, version.path), loadOptions(request, paths));
    loaded.warnings.forEach(warn);
    checkPins(version, loaded, paths.specsRoot);
    const { spec, applied } = applyTransforms(loaded, version.apiVersion, transforms);
    sources.push({ manifest: version, spec, transforms: applied });
  }
  return { sources, config: manifest.client };
}

/** Recompute the pins of `apiVersions` (default: every version) and return the new manifest. */
export async function pinManifest(request: LoadRequest, paths: Paths, warn: (d: Diagnostic) => void): Promise<Manifest> {
  const manifest = readManifest(paths.manifestFile);
  const wanted = new Set(request.apiVersions.length > 0 ? request.apiVersions : manifest.versions.map((v) => v.apiVersion));
  for (const v of wanted) findVersion(manifest, v);
  const versions: ManifestVersion[] = [];
  for (const version of manifest.versions) {
    if (!wanted.has(version.apiVersion)) {
      versions.push(version);
      continue;
    }
    const spec = await loadSpec(join(paths.specsRoot, version.path), loadOptions(request, paths));
    spec.warnings.forEach(warn);
    versions.push({ ...version, sha256: hashesRelativeTo(spec, paths.specsRoot) });
  }
  return { ...manifest, versions };
}

async function loadArbitrarySpec(
  specPath: string,
  request: LoadRequest,
  paths: Paths,
  warn: (d: Diagnostic) => void,
): Promise<{ sources: Source[]; config: ClientConfig }> {
  const spec = await loadSpec(specPath, loadOptions(request, paths));
  spec.warnings.forEach(warn);
  const entry = spec.documents[spec.entryFile] ?? {};
  const info = (entry["info"] ?? {}) as { title?: unknown; version?: unknown };
  const apiVersion = typeof info.version === "string" ? info.version : "";
  const inSpecsRoot = !relative(paths.specsRoot, resolve(specPath)).startsWith("..");
  const base = inSpecsRoot ? paths.specsRoot : spec.rootDir;
  const manifest: ManifestVersion = {
    apiVersion,
    status: /preview/i.test(apiVersion) ? "preview" : "stable",
    path: relative(base, resolve(specPath)).split(sep).join("/"),
    sha256: hashesRelativeTo(spec, base),
  };
  const clientName = identifierFromTitle(typeof info.title === "string" ? info.title : "");
  return { sources: [{ manifest, spec, transforms: [] }], config: { clientName } };
}

/**
 * Every JSON file pinned for any listed version (each read once), for the name-map check. Plain
 * JSON.parse, no validation: the versions being generated are fully loaded and checked anyway.
 */
function readPinnedDocuments(manifest: Manifest, specsRoot: string): JsonObject[] {
  const config = manifest.client;
  if (config.operationNames === undefined && config.modelNames === undefined) return [];
  const files = new Set(manifest.versions.flatMap((v) => [v.path, ...Object.keys(v.sha256)]));
  const documents: JsonObject[] = [];
  for (const file of files) {
    if (!file.endsWith(".json")) continue;
    try {
      documents.push(JSON.parse(readFileSync(join(specsRoot, file), "utf8")) as JsonObject);
    } catch {
      // unreadable here: a version being generated reports it properly when loaded
    }
  }
  return documents;
}

function loadOptions(request: LoadRequest, paths: Paths): LoadOptions {
  return {
    ...(request.root !== undefined ? { root: request.root } : {}),
    specsRoot: paths.specsRoot,
    allowRemoteRefs: request.allowRemoteRefs,
    ...(request.remoteRefTimeoutMs !== undefined ? { remoteRefTimeoutMs: request.remoteRefTimeoutMs } : {}),
    ...(request.remoteRefMaxBytes !== undefined ? { remoteRefMaxBytes: request.remoteRefMaxBytes } : {}),
  };
}

function byApiVersion(a: ManifestVersion, b: ManifestVersion): number {
  return a.apiVersion < b.apiVersion ? -1 : a.apiVersion > b.apiVersion ? 1 : 0;
}

/** What the load requests of `args` are (the spec or manifest versions, root, remote `$ref` limits). */
export function loadRequestFrom(args: CliArgs): LoadRequest {
  return {
    ...(args.spec !== undefined ? { spec: args.spec } : {}),
    ...(args.root !== undefined ? { root: args.root } : {}),
    apiVersions: args.apiVersions,
    allowRemoteRefs: args.allowRemoteRefs,
    ...(args.remoteRefTimeoutMs !== undefined ? { remoteRefTimeoutMs: args.remoteRefTimeoutMs } : {}),
    ...(args.remoteRefMaxBytes !== undefined ? { remoteRefMaxBytes: args.remoteRefMaxBytes } : {}),
  };
}

/** What the CLI needs of a loaded version after the model is built (plain data: it crosses from a worker thread). */
export interface SourceSummary {
  apiVersion: string;
  /** Absolute paths of every spec file read for it. */
  inputFiles: string[];
  /** Transforms applied to it, in order. */
  transforms: AppliedTransform[];
}

/** The code model of the loaded versions, with what the CLI reports and guards of them (plain data). */
export interface LoadedModel {
  model: CodeModel;
  /** The client configuration, with `validateConstraints` on when the command line asks for it. */
  config: ClientConfig;
  sources: SourceSummary[];
}

/** Loads the specs of `request` (see loadSources) and builds their code model; warnings go to `warn`. */
export async function loadModel(
  request: LoadRequest,
  paths: Paths,
  validateConstraints: boolean,
  warn: (d: Diagnostic) => void,
): Promise<LoadedModel> {
  // the readers and the model import while the specs load
  const readers = Promise.all([import("../input/index.js"), import("../model/index.js")]);
  readers.catch(() => undefined); // awaited (and rethrown) below
  const { sources, config: manifestConfig } = await loadSources(request, paths, warn);
  const config = validateConstraints ? { ...manifestConfig, validateConstraints: true } : manifestConfig;
  const [{ readVersionModel }, { buildCodeModel }] = await readers;
  return {
    model: buildCodeModel(sources.map((source) => readVersionModel(source, config))),
    config,
    sources: sources.map((s) => ({
      apiVersion: s.manifest.apiVersion,
      inputFiles: Object.keys(s.spec.documents).map((f) => join(s.spec.rootDir, f)),
      transforms: s.transforms,
    })),
  };
}

/** What formats the generated files (see ./formatting.ts): a worker thread when `paths` names its script, else this thread. */
export function startFormatter(paths: Paths): Formatter {
  return startFormatterAt(paths.repoRoot, paths.formatWorker).formatter;
}

/** The code model of `sources` emitted (./emitting.ts), for tests: the CLI goes through `loadModel`. */
export async function buildFiles(sources: Source[], config: ClientConfig, paths: Paths, formatter?: Formatter): Promise<OutputFile[]> {
  const [{ readVersionModel }, { buildCodeModel }, { emitModel }] = await Promise.all([
    import("../input/index.js"),
    import("../model/index.js"),
    import("./emitting.js"),
  ]);
  return emitModel(buildCodeModel(sources.map((source) => readVersionModel(source, config))), config, paths, formatter);
}
