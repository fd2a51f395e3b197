/**
 * Where the printed TypeScript files are formatted with Prettier: on worker threads started before the
 * slow part of a run (they load Prettier and warm it up while the main thread loads ts-morph and
 * prints), or on this thread when no worker script is given (tests, the tsx fallback of the CLI).
 * Either way each text goes through the same `loadPrettier(settings)` function, so the result is the same.
 */
import { loadPrettier, type FormatText, type PrettierSettings } from "./prettier.js";

export interface Formatter {
  /** `text` (the file at `path`, named in errors) as Prettier formats it. */
  format(path: string, text: string): Promise<string>;
  /** Stops the worker threads, if any (pending results are rejected); resolves once they have exited. */
  close(): Promise<void>;
}

/** What a format worker receives: one file's text. */
export interface FormatRequest {
  id: number;
  text: string;
}

/** What it replies: the formatted text, or Prettier's error message. */
export type FormatReply = { id: number; text: string } | { id: number; error: string };

/** Data a format worker starts with. */
export interface FormatWorkerData {
  settings: PrettierSettings;
}

function formatError(path: string, message: string): Error {
  return new Error(`Prettier could not format the generated ${path}: ${message}`);
}

/** Formats on this thread; Prettier is loaded at the first file. */
export function inThreadFormatter(settings: PrettierSettings): Formatter {
  let format: FormatText | undefined;
  return {
    format: async (path, text) => {
      format ??= loadPrettier(settings);
      try {
        return await format(text);
      } catch (error) {
        throw formatError(path, error instanceof Error ? error.message : String(error));
      }
    },
    close: () => Promise.resolve(),
  };
}

/**
 * Starts a worker running `workerUrl` (./formatWorker.ts, or its bundled copy) at once, and up to
 * `maxThreads` in all: another is started when the text waiting exceeds `spawnAfterChars` per running
 * worker (a large spec: Prettier takes ~2.5 s per MB, so a second core pays for the worker's start).
 * Each file goes to the worker with the fewest characters still to format.
 */
export async function startFormatWorkers(
  workerUrl: URL,
  settings: PrettierSettings,
  maxThreads = 1,
  spawnAfterChars = 256 * 1024,
): Promise<Formatter> {
  const { Worker } = await import("node:worker_threads");
  const data: FormatWorkerData = { settings };
  type Job = { path: string; size: number; resolve: (text: string) => void; reject: (error: Error) => void };
  const start = () => {
    const worker = new Worker(workerUrl, { workerData: data });
    const pending = new Map<number, Job>();
    const state = { worker, pending, queued: 0, exited: false };
    const failAll = (error: Error): void => {
      for (const job of pending.values()) job.reject(error);
      pending.clear();
      state.queued = 0;
    };
    worker.on("message", (reply: FormatReply) => {
      const job = pending.get(reply.id);
      if (job === undefined) return;
      pending.delete(reply.id);
      state.queued -= job.size;
      if ("error" in reply) job.reject(formatError(job.path, reply.error));
      else job.resolve(reply.text);
    });
    worker.on("error", (error) => failAll(error));
    worker.on("exit", (code) => {
      state.exited = true;
      failAll(new Error(`the format worker exited with code ${code}`));
    });
    return state;
  };
  const pool = [start()];
  let nextId = 0;
  return {
    format: (path, text) =>
      new Promise<string>((resolve, reject) => {
        const waiting = pool.reduce((n, w) => n + w.queued, 0);
        if (pool.length < maxThreads && waiting > spawnAfterChars * pool.length) pool.push(start());
        const target = pool.reduce((a, b) => (b.queued < a.queued ? b : a));
        const id = nextId++;
        target.pending.set(id, { path, size: text.length, resolve, reject });
        target.queued += text.length;
        const request: FormatRequest = { id, text };
        target.worker.postMessage(request);
      }),
    close: async () => {
      await Promise.all(
        pool.map(async (state) => {
          const { worker, pending } = state;
          for (const job of pending.values()) job.reject(new Error("the formatter was closed"));
          pending.clear();
          if (state.exited) return;
          worker.removeAllListeners("exit");
          const exited = new Promise<void>((resolve) => worker.once("exit", () => resolve()));
          // it exits by itself (saving its compile cache); terminated if it does not within a second
          worker.postMessage("exit");
          const timer = setTimeout(() => void worker.terminate(), 1000);
          await exited;
          clearTimeout(timer);
        }),
      );
    },
  };
}
