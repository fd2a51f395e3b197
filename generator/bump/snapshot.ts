/**
 * What a failed bump puts back: the bytes of every file it may write (or that the file did not
 * exist), and generated/ as a copy beside it, so the checkout ends byte-identical to before.
 */
import { cpSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, unlinkSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

export interface Snapshot {
  /** Repository-relative path → its bytes, or null when it did not exist. */
  files: Map<string, Buffer | null>;
  /** Repository-relative folder → where its copy is (same file system, so it can be renamed back). */
  folders: Map<string, string>;
}

/** Record `files` and copy `folders` (relative to `root`) into `backupDir` (inside `root`). */
export function takeSnapshot(root: string, files: readonly string[], folders: readonly string[], backupDir: string): Snapshot {
  const snapshot: Snapshot = { files: new Map(), folders: new Map() };
  for (const f of files) snapshot.files.set(f, existsSync(join(root, f)) ? readFileSync(join(root, f)) : null);
  for (const d of folders) {
    const copy = join(backupDir, d.replace(/[\\/]/g, "_"));
    mkdirSync(dirname(copy), { recursive: true });
    cpSync(join(root, d), copy, { recursive: true, verbatimSymlinks: true });
    snapshot.folders.set(d, copy);
  }
  return snapshot;
}

/** Put every recorded file and folder back as it was. */
export function restoreSnapshot(root: string, snapshot: Snapshot): void {
  for (const [f, bytes] of snapshot.files) {
    const path = join(root, f);
    if (bytes === null) {
      if (existsSync(path)) unlinkSync(path);
    } else {
      mkdirSync(dirname(path), { recursive: true });
      writeFileSync(path, bytes);
    }
  }
  for (const [d, copy] of snapshot.folders) {
    const path = join(root, d);
    const aside = `${copy}.failed`;
    if (existsSync(path)) renameSync(path, aside);
    renameSync(copy, path);
    rmSync(aside, { recursive: true, force: true });
  }
}
