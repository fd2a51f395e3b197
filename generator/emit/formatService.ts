/**
 * What a format worker thread does (./formatWorker.ts, and the CLI's first worker once its task is
 * done): formats each text it is sent with the repository's settings and replies with the result, in
 * the order the requests arrive; "exit" ends the thread. A request with a claim slot is formatted only
 * if the worker claims the slot first (see ./formatter.ts, `helpHere`); else it replies `skipped`.
 */
import type { MessagePort } from "node:worker_threads";
import { CLAIMED_BY_WORKER, FREE, toWorkerError, type FormatReply, type FormatRequest, type FormatWorkerData } from "./formatter.js";
import { loadPrettier, type FormatText } from "./prettier.js";
import type { CachePending } from "./compileCache.js";

export interface FormatService {
  /**
   * Loads Prettier now, in turn with the requests, if not yet: a thread with nothing else to do until the
   * first file arrives does it (~15-20 ms less before that file is formatted).
   */
  preload(): void;
}

export function serveFormatRequests(port: MessagePort, data: FormatWorkerData, cachePending: CachePending): FormatService {
  const claims = new Int32Array(data.claims);
  let format: FormatText | undefined;
  const handle = async (request: FormatRequest): Promise<FormatReply> => {
    if (request.claim !== undefined && Atomics.compareExchange(claims, request.claim, FREE, CLAIMED_BY_WORKER) !== FREE) {
      return { id: request.id, skipped: true };
    }
    try {
      format ??= loadPrettier(data.settings);
      return { id: request.id, text: await format(request.text) };
    } catch (error) {
      return { id: request.id, error: toWorkerError(error) };
    }
  };
  let queue: Promise<unknown> = Promise.resolve();
  port.on("message", (request: FormatRequest | "exit") => {
    // exit by itself rather than being terminated, so that the compile cache is saved (on process "exit")
    if (request === "exit") process.exit(0);
    queue = queue.then(async () => port.postMessage({ ...(await handle(request)), cachePending: cachePending() } satisfies FormatReply));
  });
  return {
    preload: () => {
      queue = queue
        .then(() => {
          format ??= loadPrettier(data.settings);
        })
        .catch(() => undefined); // the first request reports it
    },
  };
}
