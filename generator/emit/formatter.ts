/**
 * Where the printed TypeScript files are formatted with Prettier: on worker threads started before the
 * slow part of a run, or on this thread when no worker script is given (tests, the tsx fallback of the
 * CLI). Either way each text goes through the same `loadPrettier(settings)` function, so the result is
 * the same.
 *
 * The first worker can also run a task as it starts (the CLI's: read the specs and build the code model
 * while this thread loads the emitter, see generator/cli/worker.ts), then formats like the others.
 * When this thread has nothing else to do it formats too (`helpHere`): it takes the files no worker has
 * started, the most recently sent first, while the workers go on from the oldest. A shared array of
 * claims settles who formats which file: whoever claims it first.
 */
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import { GeneratorError } from "../errors.js";
import { loadPrettier, type FormatText, type PrettierSettings } from "./prettier.js";

export interface Formatter {
  /** `text` (the file at `path`, named in errors) as Prettier formats it. */
  format(path: string, text: string): Promise<string>;
  /**
   * This thread is idle until the files sent are formatted: format here those no worker has started
   * (the newest first), unless every core already has a worker. Resolves when none is left to take.
   */
  helpHere(): Promise<void>;
  /** With a `task`: what the first worker's task resolved to (rejects with its error). */
  task?: Promise<TaskResult>;
  /**
   * Stops the worker threads, if any (pending results are rejected); resolves once they have exited, or
   * at once for a worker that has no code cache to write (it is terminated).
   */
  close(): Promise<void>;
}

/**
 * What a format worker receives: one file's text to format. `claim`: its slot in the shared claims
 * (`FormatWorkerData.claims`); the worker formats it only if it claims the slot before this thread does.
 */
export type FormatRequest = { id: number; text: string; claim?: number };

/** An error thrown on the worker, as it crosses to this thread. */
export interface WorkerError {
  message: string;
  stack?: string;
  /** A GeneratorError's fields (it is thrown again as one here). */
  generatorError?: { file: string; pointer: string; problem: string };
}

/**
 * What it replies: the formatted text, `skipped` (this thread claimed it first), or Prettier's error;
 * with `cachePending` true when it has code cache to write as it exits (see ./compileCache.ts).
 */
export type FormatReply = ({ id: number; text: string } | { id: number; skipped: true } | { id: number; error: WorkerError }) & {
  cachePending?: boolean;
};

/** What the first worker's task resolved to: its result, or its error, with what it reported meanwhile. */
export type TaskResult = { result: unknown } | { error: WorkerError; notes?: unknown };

/** A first worker's message with the outcome of its task (sent once, before any format reply). */
export interface TaskReply {
  task: TaskResult;
}

/** Data a format worker starts with. */
export interface FormatWorkerData {
  settings: PrettierSettings;
  /** One Int32 per claim slot: 0 free, 1 taken by the worker, 2 taken by this thread. */
  claims: SharedArrayBuffer;
  /** For the first worker of `startFormatWorkers(..., { task })`: its task's input. */
  task?: unknown;
}

/** Claim slots: files sent beyond this many are formatted where they were sent (none can be taken back). */
const CLAIM_SLOTS = 4096;
export const FREE = 0;
export const CLAIMED_BY_WORKER = 1;
const CLAIMED_HERE = 2;

export function formatError(path: string, message: string): Error {
  return new Error(`Prettier could not format the generated ${path}: ${message}`);
}

/** `error` as it crosses from a worker thread (see WorkerError). */
export function toWorkerError(error: unknown): WorkerError {
  const reported: WorkerError = { message: error instanceof Error ? error.message : String(error) };
  if (error instanceof Error && error.stack !== undefined) reported.stack = error.stack;
  if (error instanceof GeneratorError) {
    reported.generatorError = { file: error.file, pointer: error.pointer, problem: error.problem };
  }
  return reported;
}

/** The error a worker reported, as this thread throws it. */
export function fromWorker(error: WorkerError): Error {
  const g = error.generatorError;
  const thrown = g !== undefined ? new GeneratorError(g.file, g.pointer, g.problem) : new Error(error.message);
  if (error.stack !== undefined) thrown.stack = error.stack;
  return thrown;
}

/** `text` formatted by `format`; its error names `path`. */
async function formatHere(format: FormatText, path: string, text: string): Promise<string> {
  try {
    return await format(text);
  } catch (error) {
    throw formatError(path, error instanceof Error ? error.message : String(error));
  }
}

/** Formats on this thread; Prettier is loaded at the first file. */
export function inThreadFormatter(settings: PrettierSettings): Formatter {
  let format: FormatText | undefined;
  return {
    format: (path, text) => formatHere((format ??= loadPrettier(settings)), path, text),
    helpHere: () => Promise.resolve(),
    close: () => Promise.resolve(),
  };
}

/**
 * Starts a worker running `workerUrl` (./formatWorker.ts, or its bundled copy) now, and up to
 * `maxThreads` in all: another is started when the text waiting exceeds `spawnAfterChars` per running
 * worker (a large spec: Prettier takes ~2.5 s per MB, so a second core pays for the worker's start).
 * Each file goes to the worker with the fewest characters still to format. With `task`, the first
 * worker runs `task.workerUrl` instead, with `task.data` (see FormatWorkerData.task), and the formatter
 * has `task`. `cores` (default: the machine's) limits `helpHere`.
 */
export function startFormatWorkers(
  workerUrl: URL,
  settings: PrettierSettings,
  maxThreads = 1,
  spawnAfterChars = 256 * 1024,
  options: { task?: { workerUrl: URL; data: unknown }; cores?: number } = {},
): Formatter {
  const cores = options.cores ?? availableParallelism();
  const claimsBuffer = new SharedArrayBuffer(CLAIM_SLOTS * Int32Array.BYTES_PER_ELEMENT);
  const claims = new Int32Array(claimsBuffer);
  let nextClaim = 0;
  type Job = {
    id: number;
    path: string;
    text: string;
    claim?: number;
    settle: (reply: FormatReply) => void;
    reject: (error: Error) => void;
  };
  let settleTask: ((result: TaskResult) => void) | undefined;
  const task =
    options.task === undefined
      ? undefined
      : new Promise<TaskResult>((resolve) => {
          settleTask = resolve;
        });
  const start = (url: URL, taskData?: { data: unknown }) => {
    const data: FormatWorkerData = { settings, claims: claimsBuffer, ...(taskData !== undefined ? { task: taskData.data } : {}) };
    const worker = new Worker(url, { workerData: data });
    const pending = new Map<number, Job>();
    // until a reply says otherwise, assume the worker has code cache to write when it exits
    const state = { worker, pending, queued: 0, exited: false, cachePending: true };
    const failAll = (error: Error): void => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
      state.queued = 0;
      if (taskData !== undefined) settleTask?.({ error: toWorkerError(error) });
    };
    worker.on("message", (reply: FormatReply | TaskReply) => {
      if ("task" in reply) {
        settleTask?.(reply.task);
        return;
      }
      const job = pending.get(reply.id);
      state.cachePending = reply.cachePending !== false;
      if (job === undefined) return; // taken by this thread (helpHere), or rejected by close()
      pending.delete(reply.id);
      state.queued -= job.text.length;
      job.settle(reply);
    });
    worker.on("error", (error) => {
      state.exited = true; // an uncaught error ends the thread
      failAll(error);
    });
    worker.on("exit", (code) => {
      state.exited = true;
      failAll(new Error(`the format worker exited with code ${code}`));
    });
    return state;
  };
  type State = ReturnType<typeof start>;
  const pool: State[] = [options.task !== undefined ? start(options.task.workerUrl, { data: options.task.data }) : start(workerUrl)];
  let nextId = 0;
  const format = (path: string, text: string): Promise<string> => {
    // a worker that has exited (it failed) takes nothing more: what it held was rejected
    const alive = pool.filter((w) => !w.exited);
    const waiting = alive.reduce((n, w) => n + w.queued, 0);
    if (alive.length === 0 || (alive.length < maxThreads && waiting > spawnAfterChars * alive.length)) {
      const started = start(workerUrl);
      pool.push(started);
      alive.push(started);
    }
    const target = alive.reduce((a, b) => (b.queued < a.queued ? b : a));
    return new Promise<FormatReply>((settle, reject) => {
      const id = nextId++;
      const claim = nextClaim < CLAIM_SLOTS ? nextClaim++ : undefined;
      target.pending.set(id, { id, path, text, ...(claim !== undefined ? { claim } : {}), settle, reject });
      target.queued += text.length;
      target.worker.postMessage({ id, text, ...(claim !== undefined ? { claim } : {}) } satisfies FormatRequest);
    }).then((reply) => {
      if ("error" in reply) throw formatError(path, reply.error.message);
      if (!("text" in reply)) throw new Error(`the format worker replied to ${path} with no text`);
      return reply.text;
    });
  };
  let here: FormatText | undefined;
  const helpHere = async (): Promise<void> => {
    // only while a core would otherwise idle: with a worker per core, a third thread formatting only
    // competes with them (and formats cold)
    if (pool.filter((w) => !w.exited).length >= cores) return;
    for (;;) {
      // the newest file no worker has claimed yet (workers take the oldest first)
      let taken: { job: Job; state: State } | undefined;
      for (const state of pool) {
        for (const job of state.pending.values()) {
          if (job.claim === undefined || (taken !== undefined && taken.job.id > job.id)) continue;
          if (Atomics.load(claims, job.claim) === FREE) taken = { job, state };
        }
      }
      if (taken === undefined) return;
      const { job, state } = taken;
      if (Atomics.compareExchange(claims, job.claim!, FREE, CLAIMED_HERE) !== FREE) continue; // the worker was quicker
      state.pending.delete(job.id);
      state.queued -= job.text.length;
      try {
        job.settle({ id: job.id, text: await formatHere((here ??= loadPrettier(settings)), job.path, job.text) });
      } catch (error) {
        job.reject(error as Error);
      }
    }
  };
  /**
   * Stops a worker (its pending results are rejected): it exits by itself when it has code cache to write
   * (resolves once it has), else it is terminated (resolves at once: nothing to wait for, and the CLI exits
   * right after).
   */
  const stop = async (state: State): Promise<void> => {
    const { worker, pending } = state;
    for (const job of pending.values()) job.reject(new Error("the formatter was closed"));
    pending.clear();
    if (state.exited) return;
    worker.removeAllListeners("exit");
    if (!state.cachePending) {
      void worker.terminate();
      return;
    }
    const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
    // it exits by itself (saving its compile cache); terminated if it does not within a second
    worker.postMessage("exit");
    const timer = setTimeout(() => void worker.terminate(), 1000);
    await exited;
    clearTimeout(timer);
  };
  return {
    format,
    helpHere,
    ...(task !== undefined ? { task } : {}),
    close: async () => {
      settleTask?.({ error: { message: "the formatter was closed" } });
      await Promise.all(pool.map(stop));
    },
  };
}
