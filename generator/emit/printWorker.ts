/**
 * Worker thread of `emitClientInParallel`: prints the TypeScript files it is sent, exactly as the
 * main thread would (same printer, same settings), and replies with their texts in order.
 */
import { parentPort } from "node:worker_threads";
import type { PrintRequest } from "./index.js";
import { createEmitProject, printSourceFile } from "./printer.js";

const port = parentPort;
if (port === null) throw new Error("printWorker.ts runs as a worker thread");
port.once("message", (request: PrintRequest) => {
  const project = createEmitProject();
  port.postMessage(request.jobs.map((job) => printSourceFile(project, job.path, job.structure, request.header, request.style)));
});
