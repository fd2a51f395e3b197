/**
 * The generator pipeline behind the CLI: pick the spec(s), load them, check their pins,
 * build the code model, emit the files. Nothing here touches the output folder.
 */
import { existsSync, readFileSync } from "node:fs";
import { join, relative, resolve, sep } from "node:path";
import { pathToFileURL } from "node:url";
import { GeneratorError } from "../errors.js";
import { loadSpec } from "../load/index.js";
import { checkPins, findVersion, hashesRelativeTo, readManifest } from "../load/manifest.js";
import { checkNameMaps } from "../load/nameMaps.js";
import { applyTransforms, readTransforms, type AppliedTransform } from "../load/transforms.js";
import type { ClientConfig, Diagnostic, JsonObject, LoadedSpec, LoadOptions, Manifest, ManifestVersion } from "../load/types.js";
import type { Formatter } from "../emit/formatter.js";
import type { OutputFile } from "./output.js";
import { startFormatter as startFormatterAt } from "./formatting.js";
import { repoRoot, resolveSpecsRoot } from "./specsRoot.js";

/** Folders the CLI works with. */
export interface Paths {
  repoRoot: string;
  manifestFile: string;
  /** spec/transforms.json (optional file). */
  transformsFile: string;
  specsRoot: string;
  templatesDir: string;
  /**
   * Print worker script (ACS_GEN_PRINT_WORKER, set by launch.mjs to the bundled
   * generator/emit/printWorker.ts): large specs are then printed on two threads.
   */
  printWorker?: string;
  /**
   * ACS_GEN_PRINT_THREADS: "2" prints large specs on two threads (opt-in: on the 2-core bench machine
   * it did not pay, see BENCHMARKS.md), "1" or unset on one.
   */
  printThreads?: 1 | 2;
  /**
   * Format worker script (ACS_GEN_FORMAT_WORKER, set by launch.mjs to the bundled
   * generator/emit/formatWorker.ts): Prettier then runs on a worker thread started before loading.
   */
  formatWorker?: string;
}

export function resolvePaths(specsRootFlag: string | undefined, env: Record<string, string | undefined>): Paths {
  const specsRoot = resolveSpecsRoot(specsRootFlag, env);
  return {
    repoRoot,
    manifestFile: join(repoRoot, "spec", "manifest.json"),
    transformsFile: join(repoRoot, "spec", "transforms.json"),
    specsRoot,
    templatesDir: join(repoRoot, "generator", "emit", "templates"),
    ...(env["ACS_GEN_PRINT_WORKER"] ? { printWorker: resolve(env["ACS_GEN_PRINT_WORKER"]) } : {}),
    ...(env["ACS_GEN_FORMAT_WORKER"] ? { formatWorker: resolve(env["ACS_GEN_FORMAT_WORKER"]) } : {}),
    ...(env["ACS_GEN_PRINT_THREADS"] === "1" || env["ACS_GEN_PRINT_THREADS"] === "2"
      ? { printThreads: Number(env["ACS_GEN_PRINT_THREADS"]) as 1 | 2 }
      : {}),
  };
}

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

/** What formats the generated files (see ./formatting.ts), for `paths`: the CLI starts it with `emit` before importing this module. */
export function startFormatter(paths: Paths): Promise<Formatter> {
  return startFormatterAt(paths.repoRoot, paths.formatWorker);
}

/** Imports of the stages after loading: the readers and the model now, the emitter unless a worker emits. */
export interface Stages {
  readers: Promise<[typeof import("../input/index.js"), typeof import("../model/index.js")]>;
  emit?: Promise<typeof import("../emit/index.js")>;
}

/**
 * Start importing the input and model stages, and the emit stage (the emitter pulls in ts-morph, slow to
 * load) unless `emitHere` is false (a format worker emits: it loads ts-morph itself), so that it overlaps
 * with loading the specs. A failure surfaces when `buildFiles` awaits the promise.
 */
export function startImportingStages(emitHere = true): Stages {
  const readers = Promise.all([import("../input/index.js"), import("../model/index.js")]);
  readers.catch(() => undefined); // not unhandled: buildFiles awaits (and rethrows) it
  if (!emitHere) return { readers };
  const emit = import("../emit/index.js");
  emit.catch(() => undefined);
  return { readers, emit };
}

/** Below this many operations, a formatter that can emit (the CLI's) emits on its worker; above, this thread prints as it formats there. */
export const EMIT_ON_WORKER_BELOW = 100;

/**
 * Input readers, model and emit (imported only when needed; pass `startImportingStages()` to overlap
 * it with loading), then Prettier on the TypeScript files when a `formatter` is given (the CLI always
 * gives one; one that can emit emits a spec of fewer than EMIT_ON_WORKER_BELOW operations on its
 * worker).
 */
export async function buildFiles(
  sources: Source[],
  config: ClientConfig,
  paths: Paths,
  phase: (name: string) => void = () => undefined,
  stages?: Stages,
  formatter?: Formatter,
): Promise<OutputFile[]> {
  const imports = stages ?? startImportingStages(formatter?.emit === undefined);
  const [{ readVersionModel }, { buildCodeModel }] = await imports.readers;
  phase("import model+emit");
  const model = buildCodeModel(sources.map((source) => readVersionModel(source, config)));
  phase("model");
  const options = { templatesDir: paths.templatesDir, validateConstraints: config.validateConstraints === true };
  const operations = model.operationGroups.reduce((n, g) => n + g.operations.length, 0);
  let files: OutputFile[];
  if (formatter?.emit !== undefined && operations < EMIT_ON_WORKER_BELOW) {
    files = await formatter.emit(model, options);
  } else {
    formatter?.formatOnly?.();
    const { emitClientInParallel } = await (imports.emit ?? import("../emit/index.js"));
    files = await emitClientInParallel(model, {
      ...options,
      ...(paths.printWorker !== undefined && paths.printThreads === 2 ? { printWorkerUrl: pathToFileURL(paths.printWorker) } : {}),
      ignoreLoad: true,
      ...(formatter !== undefined ? { formatter } : {}),
    });
  }
  phase("emit");
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
