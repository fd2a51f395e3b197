/**
 * Worker thread of `startFormatWorkers`: formats each text it is sent with the repository's settings
 * (Prettier is loaded at the first one) and replies with the result; "exit" ends it. Started with
 * `emit`, it first imports the emitter (ts-morph), and emits the code model it is then sent: each
 * TypeScript file as soon as it is printed (`printed` replies), then all the files, with the TypeScript
 * files as printed, left for the formatter to lay out (`emitUnformatted`).
 * Requests are handled one at a time, in the order they arrive.
 */
import { parentPort, workerData } from "node:worker_threads";
import { GeneratorError } from "../errors.js";
import { enableWorkerCompileCache } from "./compileCache.js";
import type { FormatReply, FormatRequest, FormatWorkerData, WorkerError } from "./formatter.js";
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
    reported.generatorError = { file: error.file, pointer: error.pointer, problem: error.problem, mentions: [...error.mentions] };
  }
  return { id, error: reported };
}

async function handle(request: FormatRequest): Promise<FormatReply> {
  try {
    if ("emit" in request) {
      const { emitUnformatted } = await (emitter ?? import("./index.js"));
      const printed = (file: GeneratedFile): void => port!.postMessage({ id: request.id, printed: file } satisfies FormatReply);
      return { id: request.id, emitted: emitUnformatted(request.emit.model, request.emit.options, printed) };
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
