import { open, readFile, rename, type FileHandle } from "node:fs/promises";
import { dirname } from "node:path";
import { applyEvent, emptyState, snapshotOf, type State, type StateEvent } from "./state.js";

/**
 * Durable state for `--data FILE`: a JSON-lines journal. On open the journal is
 * replayed and compacted into one snapshot line (written to FILE.tmp, fsynced,
 * renamed over FILE). Afterwards every event is appended and fsynced before the
 * request that caused it is answered; appends that arrive together share one
 * fsync (group commit). A torn last line (kill -9 during a write) belongs to a
 * request that was never answered and is dropped.
 */
export class Journal {
  private pending: { line: string; resolve: () => void; reject: (error: unknown) => void }[] = [];
  private flushing: Promise<void> | undefined;

  private constructor(private readonly handle: FileHandle) {}

  static async open(file: string): Promise<{ journal: Journal; state: State }> {
    const state = emptyState();
    let text = "";
    try {
      text = await readFile(file, "utf8");
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    }
    const lines = text.split("\n");
    for (let i = 0; i < lines.length; i++) {
      const line = lines[i];
      if (!line) continue;
      let event: StateEvent;
      try {
        event = JSON.parse(line) as StateEvent;
      } catch {
        const isLast = lines.slice(i + 1).every((rest) => rest === "");
        if (isLast) break; // torn tail of an unacknowledged write
        throw new Error(`${file}:${i + 1}: the emulator data file is corrupt (line is not JSON).`);
      }
      applyEvent(state, event);
    }
    const tmp = `${file}.tmp`;
    const snapshot = await open(tmp, "w", 0o600);
    await snapshot.writeFile(`${JSON.stringify(snapshotOf(state))}\n`);
    await snapshot.sync();
    await snapshot.close();
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
