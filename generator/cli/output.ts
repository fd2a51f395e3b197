/**
 * Writing the generated files: all into a temporary sibling folder first, then swapped in with
 * renames, so a failure at any point leaves the previous output folder as it was.
 * And `--check`: compare the files in memory with the folder on disk.
 */
import { randomBytes } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readdir, readFile, rename, rm, writeFile } from "node:fs/promises";
import { basename, dirname, join, posix, resolve } from "node:path";
import { GeneratorError } from "../errors.js";

export interface OutputFile {
  /** Relative to the output folder, POSIX separators. */
  path: string;
  content: string;
}

/** Throws when a path would land outside the output folder or is listed twice. */
export function checkOutputPaths(files: ReadonlyArray<OutputFile>): void {
  const seen = new Set<string>();
  for (const { path } of files) {
    const normal = posix.normalize(path);
    if (path === "" || posix.isAbsolute(path) || normal !== path || normal.startsWith("../") || path.includes("\\")) {
      throw new GeneratorError("(emit)", "", `refusing to write "${path}": not a plain relative path`);
    }
    if (seen.has(path)) throw new GeneratorError("(emit)", "", `"${path}" is emitted twice`);
    seen.add(path);
  }
}

/** Replace `outDir` with exactly `files`. Either the new folder is in place or the old one is untouched. */
export async function writeAtomically(outDir: string, files: ReadonlyArray<OutputFile>): Promise<void> {
  checkOutputPaths(files);
  const target = resolve(outDir);
  const parent = dirname(target);
  await mkdir(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${tag}`);
  const old = join(parent, `.${basename(target)}.old-${tag}`);
  try {
    for (const file of files) {
      const path = join(tmp, ...file.path.split("/"));
      await mkdir(dirname(path), { recursive: true });
      await writeFile(path, file.content);
    }
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  const hadOld = existsSync(target);
  if (hadOld) await rename(target, old);
  try {
    await rename(tmp, target);
  } catch (err) {
    if (hadOld) await rename(old, target);
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
  if (hadOld) await rm(old, { recursive: true, force: true });
}

export interface Staleness {
  /** On disk with other content. */
  stale: string[];
  /** Generated but not on disk. */
  missing: string[];
  /** On disk but not generated. */
  extra: string[];
}

/** Compare `files` with the contents of `outDir` (sorted lists; all empty when up to date). */
export async function compareWithDisk(outDir: string, files: ReadonlyArray<OutputFile>): Promise<Staleness> {
  const onDisk = new Set(await listFiles(resolve(outDir)));
  const result: Staleness = { stale: [], missing: [], extra: [] };
  for (const file of files) {
    if (!onDisk.has(file.path)) {
      result.missing.push(file.path);
      continue;
    }
    onDisk.delete(file.path);
    const current = await readFile(join(resolve(outDir), ...file.path.split("/")), "utf8");
    if (current !== file.content) result.stale.push(file.path);
  }
  result.extra = [...onDisk];
  result.stale.sort();
  result.missing.sort();
  result.extra.sort();
  return result;
}

async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out;
}
