/**
 * What formats the generated TypeScript files with Prettier and the repository's settings, started by
 * the launcher before anything else; with `load`, its first worker thread also reads the specs and
 * builds the code model (./worker.ts) while this thread loads the emitter.
 */
import { availableParallelism } from "node:os";
import { resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { fromWorker, inThreadFormatter, startFormatWorkers, type Formatter } from "../emit/formatter.js";
import { readPrettierSettings } from "../emit/prettier.js";
import type { Diagnostic } from "../load/types.js";
import type { LoadedModel } from "./pipeline.js";

/** The format worker script from ACS_GEN_FORMAT_WORKER (set by launch.mjs to the bundled generator/emit/formatWorker.ts). */
export function formatWorkerFrom(env: Record<string, string | undefined>): string | undefined {
  return env["ACS_GEN_FORMAT_WORKER"] ? resolve(env["ACS_GEN_FORMAT_WORKER"]) : undefined;
}

/** What the worker's load reported: the warnings (in order), then the model or the error that stopped it. */
export type LoadOutcome = { diagnostics: Diagnostic[] } & ({ loaded: LoadedModel } | { error: Error });

/** What ./worker.ts is started with. */
export interface LoadTask {
  /** The command line, as the CLI parses it. */
  argv: string[];
}

export interface StartedFormatter {
  formatter: Formatter;
  /** With `load`: the code model the worker built. */
  loaded?: Promise<LoadOutcome>;
}

/**
 * Worker threads when `formatWorker` is given (the first started now; a second one only for large output,
 * and only with a second core), else this thread. With `load` (and a worker script), the first worker runs
 * `load.workerUrl` (./worker.ts, bundled) on `load.argv`. `close()` the formatter when done.
 */
export function startFormatter(
  repoRoot: string,
  formatWorker: string | undefined,
  load?: { workerUrl: string; argv: string[] },
): StartedFormatter {
  const settings = readPrettierSettings(repoRoot);
  if (formatWorker === undefined) return { formatter: inThreadFormatter(settings) };
  const task = load !== undefined ? { workerUrl: pathToFileURL(load.workerUrl), data: { argv: load.argv } satisfies LoadTask } : undefined;
  const formatter = startFormatWorkers(
    pathToFileURL(formatWorker),
    settings,
    Math.min(2, availableParallelism()),
    undefined,
    task !== undefined ? { task } : {},
  );
  const loaded = formatter.task?.then((outcome): LoadOutcome =>
    "result" in outcome
      ? (outcome.result as LoadOutcome)
      : { diagnostics: (outcome.notes as Diagnostic[] | undefined) ?? [], error: fromWorker(outcome.error) },
  );
  return { formatter, ...(loaded !== undefined ? { loaded } : {}) };
}
