/**
 * The CLI's first worker thread, started by the launcher (launch.mjs) before it imports the CLI: reads
 * the specs of the command line it is given and builds their code model while the main thread loads
 * the emitter (ts-morph), sends both (plain data: a structured clone), then formats like any format
 * worker (../emit/formatService.ts), with Prettier loaded while the main thread prints.
 */
import { parentPort, workerData } from "node:worker_threads";
import { enableWorkerCompileCache } from "../emit/compileCache.js";
import { toWorkerError, type FormatWorkerData, type TaskReply } from "../emit/formatter.js";
import { serveFormatRequests } from "../emit/formatService.js";
import type { Diagnostic } from "../load/types.js";
import type { LoadOutcome, LoadTask } from "./formatting.js";

const port = parentPort;
if (port === null) throw new Error("worker.ts runs as a worker thread");
const data = workerData as FormatWorkerData;
const service = serveFormatRequests(port, data, enableWorkerCompileCache("load"));
const diagnostics: Diagnostic[] = [];
try {
  const { argv } = data.task as LoadTask;
  // imported after the compile cache is on: the load stage requires CommonJS packages
  const [{ parseCliArgs }, { loadModel, loadRequestFrom }, { resolvePaths }] = await Promise.all([
    import("./args.js"),
    import("./pipeline.js"),
    import("./paths.js"),
  ]);
  const args = parseCliArgs(argv);
  const paths = resolvePaths(args.specsRoot, process.env);
  const loaded = await loadModel(loadRequestFrom(args), paths, args.validateConstraints, (d) => diagnostics.push(d));
  port.postMessage({ task: { result: { diagnostics, loaded } satisfies LoadOutcome } } satisfies TaskReply);
  service.preload(); // while the main thread loads the emitter and prints
} catch (error) {
  port.postMessage({ task: { error: toWorkerError(error), notes: diagnostics } } satisfies TaskReply);
}
