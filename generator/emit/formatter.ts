/**
 * Where the printed TypeScript files are formatted with Prettier: on worker threads started before the
 * slow part of a run, or on this thread when no worker script is given (tests, the tsx fallback of the
 * CLI). Either way each text goes through the same `loadPrettier(settings)` function, so the result is
 * the same.
 *
 * The CLI's first worker can also emit (`startFormatWorkers(..., { emit: true })`): it imports the
 * emitter (ts-morph and its TypeScript, ~0.15 s) as soon as it starts, while this thread reads the specs
 * and builds the code model, then prints the files of the model it is sent (a structured clone), and
 * this thread formats them. See `Formatter.emit`.
 */
import { GeneratorError } from "../errors.js";
import type { CodeModel } from "../model/types.js";
import type { EmitOptions, GeneratedFile, UnformattedFiles } from "./index.js";
import { loadPrettier, type FormatText, type PrettierSettings } from "./prettier.js";

export interface Formatter {
  /** `text` (the file at `path`, named in errors) as Prettier formats it. */
  format(path: string, text: string): Promise<string>;
  /**
   * Only on workers started with `emit`, once: the files `emitClient` would give for `model`, formatted,
   * the TypeScript files printed on the first worker (which loaded the emitter while this thread was
   * busy) and formatted on this thread (which loads Prettier while the worker prints). The worker then
   * stops; `format` goes on with plain format workers.
   */
  emit?(model: CodeModel, options: EmitOptions): Promise<GeneratedFile[]>;
  /**
   * With `emit`: this run will not emit on the worker (a large spec: this thread prints as the workers
   * format), so the emitting worker is stopped and a plain format worker started now.
   */
  formatOnly?(): void;
  /**
   * Stops the worker threads, if any (pending results are rejected); resolves once they have exited, or
   * at once for a worker that has no code cache to write (it is terminated).
   */
  close(): Promise<void>;
}

/** What a format worker receives: one file's text to format, or (first worker, with `emit`) a code model to emit. */
export type FormatRequest =
  | { id: number; text: string }
  /** `formatShare`: the part of the printed text (by characters) the worker formats itself (see `workerShare`); 0 or absent: none. */
  | { id: number; emit: { model: CodeModel; options: EmitOptions; formatShare?: number } };

/**
 * The part of the printed text an emitting worker formats itself when a core is idle: it starts after
 * printing and loading Prettier (~15 ms), while this thread starts on the largest file at once.
 */
export const WORKER_FORMAT_SHARE = 0.4;

/** An error thrown on the worker, as it crosses to this thread. */
export interface WorkerError {
  message: string;
  stack?: string;
  /** A GeneratorError's fields (it is thrown again as one here). */
  generatorError?: { file: string; pointer: string; problem: string };
}

/**
 * What it replies: the formatted text, the emitted files, or Prettier's (or the emitter's) error; with
 * `cachePending` true when it has code cache to write as it exits (see ./compileCache.ts).
 */
export type FormatReply = (
  | { id: number; text: string }
  | { id: number; emitted: UnformattedFiles }
  | { id: number; error: WorkerError }
  /** Not the end of the request: one file of an `emit`, as printed, while the others print. */
  | { id: number; printed: GeneratedFile }
) & { cachePending?: boolean };

/** Data a format worker starts with. */
export interface FormatWorkerData {
  settings: PrettierSettings;
  /** Import the emitter at once: an `emit` request will follow. */
  emit?: boolean;
}

/**
 * The printed files an emitting worker formats itself when it takes `share` of the formatting: the
 * smallest ones, as long as they stay within `share` of all the printed characters (the largest go to
 * the main thread, which has Prettier loaded and starts on them at once).
 */
export function workerShare(emitted: UnformattedFiles, share: number): Set<string> {
  const sizes = new Map(emitted.files.map((f) => [f.path, f.content.length]));
  const total = emitted.unformatted.reduce((n, path) => n + sizes.get(path)!, 0);
  const order = [...emitted.unformatted].sort((a, b) => sizes.get(a)! - sizes.get(b)! || (a < b ? -1 : 1));
  const mine = new Set<string>();
  let size = 0;
  for (const path of order) {
    if (size + sizes.get(path)! > share * total) break;
    mine.add(path);
    size += sizes.get(path)!;
  }
  return mine;
}

export function formatError(path: string, message: string): Error {
  return new Error(`Prettier could not format the generated ${path}: ${message}`);
}

/** The error a worker reported, as this thread throws it. */
function fromWorker(error: WorkerError): Error {
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
    close: () => Promise.resolve(),
  };
}

/**
 * Starts a worker running `workerUrl` (./formatWorker.ts, or its bundled copy) at once, and up to
 * `maxThreads` in all: another is started when the text waiting exceeds `spawnAfterChars` per running
 * worker (a large spec: Prettier takes ~2.5 s per MB, so a second core pays for the worker's start).
 * Each file goes to the worker with the fewest characters still to format. With `emit`, the first
 * worker imports the emitter as it starts and the formatter has `emit` (see there); `formatShare` fixes
 * the worker's share of the formatting (tests), else it is WORKER_FORMAT_SHARE when a core is idle.
 */
export async function startFormatWorkers(
  workerUrl: URL,
  settings: PrettierSettings,
  maxThreads = 1,
  spawnAfterChars = 256 * 1024,
  options: { emit?: boolean; formatShare?: number } = {},
): Promise<Formatter> {
  const { Worker } = await import("node:worker_threads");
  type Job = {
    size: number;
    settle: (reply: FormatReply) => void;
    reject: (error: Error) => void;
    /** For an emit: each file as it is printed. */
    printed?: (file: GeneratedFile) => void;
  };
  const start = (emit: boolean) => {
    const data: FormatWorkerData = { settings, ...(emit ? { emit: true } : {}) };
    const worker = new Worker(workerUrl, { workerData: data });
    const pending = new Map<number, Job>();
    // until a reply says otherwise, assume the worker has code cache to write when it exits
    const state = { worker, pending, queued: 0, exited: false, cachePending: true };
    const failAll = (error: Error): void => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
      state.queued = 0;
    };
    worker.on("message", (reply: FormatReply) => {
      const job = pending.get(reply.id);
      if (job === undefined) return;
      if ("printed" in reply) {
        job.printed?.(reply.printed);
        return;
      }
      pending.delete(reply.id);
      state.queued -= job.size;
      state.cachePending = reply.cachePending !== false;
      job.settle(reply);
    });
    worker.on("error", (error) => failAll(error));
    worker.on("exit", (code) => {
      state.exited = true;
      failAll(new Error(`the format worker exited with code ${code}`));
    });
    return state;
  };
  type State = ReturnType<typeof start>;
  // the emitting worker formats only its share of what it emits: a large spec's files (printed on this
  // thread) go to plain format workers, whose heaps do not hold TypeScript (formatting there was slower)
  let emitter: State | undefined = options.emit === true ? start(true) : undefined;
  const pool: State[] = emitter === undefined ? [start(false)] : [];
  let nextId = 0;
  const send = (target: State, request: FormatRequest, size: number, printed?: (file: GeneratedFile) => void): Promise<FormatReply> =>
    new Promise<FormatReply>((resolve, reject) => {
      target.pending.set(request.id, { size, settle: resolve, reject, ...(printed !== undefined ? { printed } : {}) });
      target.queued += size;
      target.worker.postMessage(request);
    });
  const formatOn = async (target: State, path: string, text: string): Promise<string> => {
    const reply = await send(target, { id: nextId++, text }, text.length);
    if ("error" in reply) throw formatError(path, reply.error.message);
    if (!("text" in reply)) throw new Error(`the format worker replied to ${path} with no text`);
    return reply.text;
  };
  const format = (path: string, text: string): Promise<string> => {
    const waiting = pool.reduce((n, w) => n + w.queued, 0);
    if (pool.length === 0 || (pool.length < maxThreads && waiting > spawnAfterChars * pool.length)) pool.push(start(false));
    return formatOn(
      pool.reduce((a, b) => (b.queued < a.queued ? b : a)),
      path,
      text,
    );
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
  /** The emitting worker once it has emitted (or formatOnly() stopped it), winding down. */
  let retired: Promise<void> | undefined;
  const emit = async (model: CodeModel, emitOptions: EmitOptions): Promise<GeneratedFile[]> => {
    if (emitter === undefined) throw new Error("the emitting worker has stopped: it emits once, and not after formatOnly()");
    // formatted here as each arrives (while the worker prints the next); the worker formats a share itself
    // only when a core is idle: each thread formats cold (V8 compiles and optimizes Prettier's code on
    // each), so on two threads formatting Identity's files took a third more CPU, which a busy machine
    // pays in wall time
    let here: FormatText | undefined;
    const formatting = new Map<string, Promise<string>>();
    const printed = (file: GeneratedFile): void => {
      const result = formatHere((here ??= loadPrettier(settings)), file.path, file.content);
      result.catch(() => undefined); // awaited below
      formatting.set(file.path, result);
    };
    // with a core to spare, the worker formats the smaller files itself once it has printed them all
    const { availableParallelism, loadavg } = await import("node:os");
    const idleCore = availableParallelism() >= 2 && loadavg()[0]! < availableParallelism() - 0.5;
    const formatShare = options.formatShare ?? (idleCore ? WORKER_FORMAT_SHARE : 0);
    const reply = send(emitter, { id: nextId++, emit: { model, options: emitOptions, formatShare } }, 0, printed);
    here ??= loadPrettier(settings); // while the worker prints
    const answer = await reply;
    // it emits once: it winds down (its heap holds TypeScript) while this thread formats, not at the exit
    retired = stop(emitter);
    emitter = undefined;
    if ("error" in answer) throw fromWorker(answer.error);
    if (!("emitted" in answer)) throw new Error("the format worker replied to the code model with no files");
    const { files, unformatted } = answer.emitted;
    for (const path of unformatted) if (!formatting.has(path)) printed(files.find((f) => f.path === path)!);
    return Promise.all(files.map(async (f) => (formatting.has(f.path) ? { path: f.path, content: await formatting.get(f.path)! } : f)));
  };
  const formatOnly = (): void => {
    if (emitter !== undefined) {
      void emitter.worker.terminate(); // not needed: ts-morph loads on this thread

      emitter = undefined;
    }
    if (pool.length === 0) pool.push(start(false));
  };
  return {
    format,
    ...(options.emit === true ? { emit, formatOnly } : {}),
    close: async () => {
      await Promise.all([retired, ...[...(emitter !== undefined ? [emitter] : []), ...pool].map(stop)]);
    },
  };
}
