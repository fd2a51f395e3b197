/**
 * The emit stage of the CLI: the code model to the files of --out, TypeScript formatted by the
 * formatter (see ./formatting.ts). Importing this module loads the emitter (ts-morph and its
 * TypeScript, the slowest thing a run loads): the CLI imports it first thing, while its worker thread
 * reads the specs.
 */
import type { Formatter } from "../emit/formatter.js";
import { emitClientInParallel } from "../emit/index.js";
import type { ClientConfig } from "../load/types.js";
import type { CodeModel } from "../model/types.js";
import type { OutputFile } from "./output.js";
import type { Paths } from "./paths.js";
import { pathToFileURL } from "node:url";

/** The files of `model`, sorted by path; each TypeScript file formatted by `formatter` when one is given. */
export async function emitModel(model: CodeModel, config: ClientConfig, paths: Paths, formatter?: Formatter): Promise<OutputFile[]> {
  const files = await emitClientInParallel(model, {
    templatesDir: paths.templatesDir,
    validateConstraints: config.validateConstraints === true,
    ...(paths.printWorker !== undefined && paths.printThreads === 2 ? { printWorkerUrl: pathToFileURL(paths.printWorker) } : {}),
    ignoreLoad: true,
    ...(formatter !== undefined ? { formatter } : {}),
  });
  return [...files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}
