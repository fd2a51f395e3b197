/**
 * Worker thread of `startFormatWorkers`: formats each text it is sent with the repository's settings
 * (Prettier is loaded at the first one) and replies with the result; "exit" ends it. Started with
 * `emit`, it first imports the emitter (ts-morph), and emits the code model it is then sent: each
 * TypeScript file as soon as it is printed (`printed` replies), then all the files, with the TypeScript
 * files as printed, left for the formatter to lay out (`emitUnformatted`); or, when asked to format a
 * share itself, the others once all are printed, then all the files with its share formatted.
 * Requests are handled one at a time, in the order they arrive.
 */
import { parentPort, workerData } from "node:worker_threads";
import { GeneratorError } from "../errors.js";
import { enableWorkerCompileCache } from "./compileCache.js";
import { formatError, workerShare, type FormatReply, type FormatRequest, type FormatWorkerData, type WorkerError } from "./formatter.js";
import type { GeneratedFile } from "./index.js";
import { loadPrettier, type FormatText } from "./prettier.js";

const port = parentPort;
if (port === null) throw new Error("formatWorker.ts runs as a worker thread");
const cachePending = enableWorkerCompileCache("format");
const data = workerData as FormatWorkerData;
// the code model follows soon: import the emitter (the slow part) at once
const emitter = data.emit === true ? import("./index.js") : undefined;
emitter?.catch(() => undefined); // reported when an emit request awaits it
let format: FormatText | undefined;

function toReply(id: number, error: unknown): FormatReply {
  const reported: WorkerError = { message: error instanceof Error ? error.message : String(error) };
  if (error instanceof Error && error.stack !== undefined) reported.stack = error.stack;
  if (error instanceof GeneratorError) {
    reported.generatorError = { file: error.file, pointer: error.pointer, problem: error.problem };
  }
  return { id, error: reported };
}

async function handle(request: FormatRequest): Promise<FormatReply> {
  try {
    if ("emit" in request) {
      const { emitUnformatted } = await (emitter ?? import("./index.js"));
      const { model, options, formatShare = 0 } = request.emit;
      const printed = (file: GeneratedFile): void => port!.postMessage({ id: request.id, printed: file } satisfies FormatReply);
      if (formatShare <= 0) return { id: request.id, emitted: emitUnformatted(model, options, printed) };
      // all printed first, to choose this thread's share; the others go to the main thread, largest first
      const emitted = emitUnformatted(model, options);
      const mine = workerShare(emitted, formatShare);
      const theirs = emitted.files.filter((f) => emitted.unformatted.includes(f.path) && !mine.has(f.path));
      for (const file of theirs.sort((a, b) => b.content.length - a.content.length)) printed(file);
      format ??= loadPrettier(data.settings);
      const formatOne = async (file: GeneratedFile): Promise<GeneratedFile> => {
        try {
          return { path: file.path, content: await format!(file.content) };
        } catch (error) {
          throw formatError(file.path, error instanceof Error ? error.message : String(error));
        }
      };
      const files = await Promise.all(emitted.files.map((f) => (mine.has(f.path) ? formatOne(f) : f)));
      return { id: request.id, emitted: { files, unformatted: emitted.unformatted.filter((path) => !mine.has(path)) } };
    }
    format ??= loadPrettier(data.settings);
    return { id: request.id, text: await format(request.text) };
  } catch (error) {
    return toReply(request.id, error);
  }
}

let queue: Promise<unknown> = Promise.resolve();
port.on("message", (request: FormatRequest | "exit") => {
  // exit by itself rather than being terminated, so that the compile cache is saved (on process "exit")
  if (request === "exit") process.exit(0);
  queue = queue.then(async () => port.postMessage({ ...(await handle(request)), cachePending: cachePending() }));
});
