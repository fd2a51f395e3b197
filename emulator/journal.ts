import { copyFile, constants, link, open, readFile, rename, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import { checkRecord, salvageSnapshot } from "./records.js";
import { applyEvent, compactedEvents, emptyState, type State, type StateEvent } from "./state.js";

/**
 * Durable state for `--data FILE`: a JSON-lines journal. On open the journal is
 * replayed and compacted (one line for the sequence counter, one per identity
 * and per assignment; written to FILE.tmp, fsynced, renamed over FILE).
 * Afterwards every event is appended and fsynced before the request that
 * caused it is answered; appends that arrive together share one fsync (group
 * commit).
 *
 * Replay never loses more than the damaged records: a line that is not JSON,
 * not UTF-8, or not a record that can be replayed is dropped on its own and
 * reported (file, line, reason), the other lines are replayed, and before the
 * file is rewritten the damaged original is kept as FILE.damaged-<time>. A
 * torn last line (no newline at its end) is what a crash during an append
 * leaves; its request was never answered, so it is reported as a warning.
 */

export interface JournalProblem {
  /** "warning" for a torn last line, "error" for damage, "notice" for where the original was kept. */
  readonly severity: "warning" | "error" | "notice";
  readonly file: string;
  /** 1-based line number; undefined for the notice. */
  readonly line: number | undefined;
  readonly reason: string;
  /** `<severity>: <file>[:<line>]: <reason>`, as written to stderr. */
  readonly message: string;
  /** Where the damaged file was kept (the notice only). */
  readonly keptAs?: string;
}

export interface JournalOpenOptions {
  /** Receives every problem found while replaying; default: write its message to stderr. */
  readonly onProblem?: (problem: JournalProblem) => void;
  /** Clock for the name of the kept file. */
  readonly now?: () => number;
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

function problem(
  severity: JournalProblem["severity"],
  file: string,
  line: number | undefined,
  reason: string,
  keptAs?: string,
): JournalProblem {
  const where = line === undefined ? file : `${file}:${line}`;
  return { severity, file, line, reason, message: `${severity}: ${where}: ${reason}`, ...(keptAs === undefined ? {} : { keptAs }) };
}

/** Replay the journal's bytes into a state; reports each dropped line. Pure apart from the callback. */
export function replay(file: string, bytes: Buffer, report: (problem: JournalProblem) => void): { state: State; damaged: boolean } {
  const state = emptyState();
  let damaged = false;
  const lines: Buffer[] = [];
  let start = 0;
  for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10, start)) {
    lines.push(bytes.subarray(start, nl));
    start = nl + 1;
  }
  const tail = bytes.subarray(start); // bytes after the last newline: a torn line when not empty
  if (tail.length > 0) lines.push(tail);
  lines.forEach((raw, index) => {
    const lineNo = index + 1;
    const torn = tail.length > 0 && index === lines.length - 1;
    if (raw.length === 0 || (raw.length === 1 && raw[0] === 13)) return;
    let text: string;
    try {
      text = utf8.decode(raw);
    } catch {
      damaged = true;
      report(problem("error", file, lineNo, "the line is not valid UTF-8; dropped it and replayed the other lines."));
      return;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      damaged = true;
      const salvage = salvageSnapshot(text);
      const recovered = salvage.identities.length + salvage.assignments.length;
      if (recovered > 0 || text.startsWith('{"t":"snapshot"')) {
        // A snapshot is written whole (temporary file, fsync, rename), so a crash cannot tear it.
        if (salvage.seq !== undefined) applyEvent(state, { t: "seq", seq: salvage.seq });
        for (const identity of salvage.identities) applyEvent(state, { t: "identity", ...identity });
        for (const assignment of salvage.assignments) applyEvent(state, { t: "assignmentPut", assignment });
        report(
          problem(
            "error",
            file,
            lineNo,
            `the whole-state snapshot line is damaged (${torn ? "cut short" : "not valid JSON"}); recovered the records that are intact: ${salvage.identities.length} of ${salvage.identitiesSeen} identities, ${salvage.assignments.length} of ${salvage.assignmentsSeen} assignments${salvage.seq === undefined ? ", not the sequence counter" : ""}.`,
          ),
        );
      } else if (torn) {
        report(
          problem(
            "warning",
            file,
            lineNo,
            `the last line is incomplete (${raw.length} bytes, no newline), as a crash during a write leaves it; its request was never answered; dropped it.`,
          ),
        );
      } else {
        report(problem("error", file, lineNo, "the line is not valid JSON; dropped it and replayed the other lines."));
      }
      return;
    }
    const check = checkRecord(value);
    if (!check.ok) {
      damaged = true;
      report(problem("error", file, lineNo, `${check.reason}; dropped it and replayed the other lines.`));
      return;
    }
    for (const entry of check.dropped) {
      damaged = true;
      report(problem("error", file, lineNo, `snapshot ${entry}; dropped that entry.`));
    }
    applyEvent(state, check.event);
  });
  return { state, damaged };
}

function timestamp(ms: number): string {
  return new Date(ms).toISOString().replace(/[:.]/g, "-");
}

/** Keep the file's current content under a new name, never replacing an existing file. */
async function keepAside(file: string, nowMs: number): Promise<string> {
  const base = `${file}.damaged-${timestamp(nowMs)}`;
  for (let n = 0; ; n++) {
    const candidate = n === 0 ? base : `${base}-${n}`;
    try {
      try {
        await link(file, candidate); // atomic, and fails if the name is taken
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === "EEXIST") throw error;
        await copyFile(file, candidate, constants.COPYFILE_EXCL); // no hard links on this file system
      }
      return candidate;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
}

export class Journal {
  private pending: { line: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;

  private constructor(private readonly handle: FileHandle) {}

  static async open(file: string, options: JournalOpenOptions = {}): Promise<{ journal: Journal; state: State }> {
    const report = options.onProblem ?? ((found: JournalProblem) => process.stderr.write(`${found.message}\n`));
    let bytes = Buffer.alloc(0);
    try {
      bytes = await readFile(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    const { state, damaged } = replay(file, bytes, report);
    if (damaged) {
      const keptAs = await keepAside(file, (options.now ?? Date.now)());
      report(problem("notice", file, undefined, `the file as it was before this start is kept as ${keptAs}.`, keptAs));
    }
    const tmp = `${file}.tmp`;
    const compacted = await open(tmp, "w", 0o600);
    await compacted.writeFile(
      compactedEvents(state)
        .map((event) => `${JSON.stringify(event)}\n`)
        .join(""),
    );
    await compacted.sync();
    await compacted.close();
    await rename(tmp, file);
    await syncDirectory(dirname(file));
    const handle = await open(file, "a", 0o600);
    return { journal: new Journal(handle), state };
  }

  /** Resolves once the event is on disk. Events are written in call order. */
  append(event: StateEvent): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.pending.push({ line: `${JSON.stringify(event)}\n`, resolve, reject });
      this.flushing ??= this.flush();
    });
  }

  private async flush(): Promise<void> {
    while (this.pending.length > 0) {
      const batch = this.pending;
      this.pending = [];
      try {
        await this.handle.write(batch.map((entry) => entry.line).join(""));
        await this.handle.datasync();
        for (const entry of batch) entry.resolve();
      } catch (error) {
        for (const entry of batch) entry.reject(error);
      }
    }
    this.flushing = undefined;
  }

  async close(): Promise<void> {
    await this.flushing;
    await this.handle.close();
  }
}

async function syncDirectory(dir: string): Promise<void> {
  let handle: FileHandle | undefined;
  try {
    handle = await open(dir, "r");
    await handle.sync();
  } catch {
    // Some platforms cannot fsync a directory; the rename is still atomic.
  } finally {
    await handle?.close();
  }
}
