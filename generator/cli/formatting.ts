/**
 * What formats the generated TypeScript files with Prettier and the repository's settings, started by
 * the CLI before anything else so that its worker loads while this thread works.
 */
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Formatter } from "../emit/formatter.js";

/** The format worker script from ACS_GEN_FORMAT_WORKER (set by launch.mjs to the bundled generator/emit/formatWorker.ts). */
export function formatWorkerFrom(env: Record<string, string | undefined>): string | undefined {
  return env["ACS_GEN_FORMAT_WORKER"] ? resolve(env["ACS_GEN_FORMAT_WORKER"]) : undefined;
}

/**
 * A worker thread when `formatWorker` is given, else this thread. With `emit`, the worker also imports
 * the emitter as it starts and the formatter can emit small specs there (`Formatter.emit`): the CLI
 * starts it before importing the pipeline, so ts-morph loads while this thread reads the specs and
 * builds the code model. A second worker is only started for large output, and only with a second core.
 * `close()` it when done.
 */
export async function startFormatter(repoRoot: string, formatWorker: string | undefined, emit = false): Promise<Formatter> {
  const { inThreadFormatter, startFormatWorkers } = await import("../emit/formatter.js");
  const { readPrettierSettings } = await import("../emit/prettier.js");
  const settings = readPrettierSettings(repoRoot);
  if (formatWorker === undefined) return inThreadFormatter(settings);
  const { availableParallelism } = await import("node:os");
  return startFormatWorkers(pathToFileURL(formatWorker), settings, Math.min(2, availableParallelism()), undefined, { emit });
}
