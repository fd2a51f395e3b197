/** Worker thread of `startFormatWorkers`: formats what it is sent (see ./formatService.ts). */
import { parentPort, workerData } from "node:worker_threads";
import { enableWorkerCompileCache } from "./compileCache.js";
import type { FormatWorkerData } from "./formatter.js";
import { serveFormatRequests } from "./formatService.js";

if (parentPort === null) throw new Error("formatWorker.ts runs as a worker thread");
serveFormatRequests(parentPort, workerData as FormatWorkerData, enableWorkerCompileCache("format"));
