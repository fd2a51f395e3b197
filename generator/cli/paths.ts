/** The folders and worker scripts the CLI works with (light: the CLI's main thread imports it before anything slow). */
import { join, resolve } from "node:path";
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
