/**
 * Worker thread of `startFormatWorkers`: loads Prettier as soon as it starts, formats a small warm-up
 * module, then formats each text it is sent with the repository's settings and replies with the result;
 * "exit" ends it.
 */
import { parentPort, workerData } from "node:worker_threads";
import { enableWorkerCompileCache } from "./compileCache.js";
import type { FormatReply, FormatRequest, FormatWorkerData } from "./formatter.js";
import { loadPrettier, WARM_UP_SOURCE } from "./prettier.js";

const port = parentPort;
if (port === null) throw new Error("formatWorker.ts runs as a worker thread");
enableWorkerCompileCache("format");
const format = loadPrettier((workerData as FormatWorkerData).settings);
// requests wait for the warm-up (they arrive while it runs: postMessage is handled between tasks)
let ready: Promise<unknown> = format(WARM_UP_SOURCE).catch(() => undefined);
port.on("message", (request: FormatRequest | "exit") => {
  // exit by itself rather than being terminated, so that the compile cache is saved (on process "exit")
  if (request === "exit") process.exit(0);
  ready = ready.then(async () => {
    let reply: FormatReply;
    try {
      reply = { id: request.id, text: await format(request.text) };
    } catch (error) {
      reply = { id: request.id, error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
});
