/**
 * Writing the generated files, and `--check` (compare the files in memory with the folder on disk).
 *
 * What `--out` may replace (checkOutputTarget): a missing or empty folder, or a folder this generator
 * wrote: it holds the marker file OUTPUT_MARKER, which lists every file the generator put there, and
 * nothing else. A non-empty folder without the marker (or with files the marker does not list) is
 * refused unless `force`; a file, a symbolic link, and a folder that holds an input or lies inside an
 * input folder are always refused. Input files are never deleted.
 *
 * How the folder is replaced (writeAtomically), so that after a crash or kill at any instant the
 * output path holds either the complete old output or the complete new one, never neither:
 *
 * 1. Leftovers of killed runs are cleaned up: sibling folders named `.<out>.tmp-<pid>-<hex>` or
 *    `.<out>.old-<pid>-<hex>` whose process is gone (these names are the generator's own).
 * 2. The new files are written to `.<out>.tmp-<pid>-<hex>` beside the output folder.
 * 3. No output folder yet: one rename(2) puts the new folder in place. Otherwise the two folders are
 *    swapped with one renameat2(RENAME_EXCHANGE) call (Linux 3.15+): the output path points at the
 *    old folder, then at the new one, with no instant in between. The old folder, now under the
 *    temporary name, is deleted.
 *
 * Why an exchange: POSIX rename(2) can put a folder over an *empty* folder only, so replacing a
 * non-empty folder with two renames (old away, new in) has an instant where the path does not exist;
 * a kill there loses the output folder. A symbolic link swapped with rename(2) would be atomic too, but
 * the output (generated/ is committed) must stay a real folder. Node has no binding for renameat2, so
 * the call is made through perl's syscall() (perl is part of every Debian/Ubuntu and macOS install).
 * Where that is not available (another OS or CPU, no perl, a file system without RENAME_EXCHANGE), the
 * two renames are used: a kill between them leaves the old folder as `.<out>.old-…`, and the next run
 * (step 1) renames it back before anything else, so the output is lost only until that run.
 */
import { spawn } from "node:child_process";
import { randomBytes } from "node:crypto";
import {
  existsSync,
  lstatSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
  type Stats,
} from "node:fs";
import { constants } from "node:os";
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from "node:path";
import { GeneratorError } from "../errors.js";

export interface OutputFile {
  /** Relative to the output folder, POSIX separators. */
  path: string;
  content: string;
}

/** The file in every output folder that lists the files the generator wrote there. */
export const OUTPUT_MARKER = ".acs-gen-output.json";

/** `--out` cannot be used as given (printed as `error: <message>`, exit code 1); nothing was changed. */
export class OutputRefusedError extends Error {
  override readonly name = "OutputRefusedError";
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

/** `files` plus the marker that lists them (deterministic: sorted paths), sorted by path. */
export function withOutputMarker(files: ReadonlyArray<OutputFile>): OutputFile[] {
  if (files.some((f) => f.path === OUTPUT_MARKER))
    throw new GeneratorError("(emit)", "", `"${OUTPUT_MARKER}" is the generator's own marker file`);
  const marker = {
    generator: "acs-gen (npm run generate)",
    note: "The files the generator wrote to this folder. --out replaces a non-empty folder only when it holds this file and no file it does not list.",
    files: files.map((f) => f.path).sort(),
  };
  const all = [...files, { path: OUTPUT_MARKER, content: `${JSON.stringify(marker, null, 2)}\n` }];
  return all.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

export interface OutputGuard {
  /** Replace a non-empty folder that lacks the marker, or holds files it does not list. */
  force?: boolean;
  /** Absolute paths of the input files: the output folder may not be or hold any of them. */
  inputFiles?: ReadonlyArray<string>;
  /** Absolute paths of input folders (the specs root, --root): the output may not be, hold or lie in one. */
  inputFolders?: ReadonlyArray<string>;
}

/**
 * Throws OutputRefusedError unless `outDir` may be replaced by the generator's output (see the top
 * of this file). `outDir` is named in messages as given.
 */
export async function checkOutputTarget(outDir: string, guard: OutputGuard = {}): Promise<void> {
  const target = resolve(outDir);
  const refuse: (why: string) => never = (why) => {
    throw new OutputRefusedError(`--out "${outDir}" ${why}`);
  };
  const real = realPath(target);
  for (const file of guard.inputFiles ?? []) {
    if (isWithin(realPath(file), real)) refuse(`holds the input file ${file}; refusing to replace it (input files are never deleted)`);
  }
  for (const folder of guard.inputFolders ?? []) {
    const realFolder = realPath(folder);
    if (isWithin(real, realFolder)) refuse(`is inside the input folder ${folder}; refusing to write there`);
    if (isWithin(realFolder, real)) refuse(`holds the input folder ${folder}; refusing to replace it (input files are never deleted)`);
  }
  let stats: Stats | undefined;
  try {
    stats = lstatSync(target);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
  }
  if (stats === undefined) return;
  if (stats.isSymbolicLink()) refuse("is a symbolic link; refusing to replace it (give the folder itself)");
  if (!stats.isDirectory()) refuse("is a file, not a folder; refusing to replace it");
  const present = await listFiles(target);
  if (present.length === 0 || guard.force === true) return;
  const listed = await readMarker(target);
  const sample = (names: string[]): string => names.slice(0, 3).join(", ") + (names.length > 3 ? `, … (${names.length} in all)` : "");
  if (listed === undefined) {
    refuse(
      `is not empty and was not written by the generator (no ${OUTPUT_MARKER}; it holds ${sample(present)}); refusing to replace it (--force replaces it, deleting those files)`,
    );
  }
  const foreign = present.filter((p) => p !== OUTPUT_MARKER && !listed.has(p));
  if (foreign.length > 0) {
    refuse(
      `holds files the generator did not write (${sample(foreign)}); refusing to replace it (move them away, or --force deletes them)`,
    );
  }
}

/** The paths the marker in `dir` lists, or undefined when there is no readable marker. */
async function readMarker(dir: string): Promise<Set<string> | undefined> {
  try {
    const parsed = JSON.parse(readFileSync(join(dir, OUTPUT_MARKER), "utf8")) as { files?: unknown };
    if (!Array.isArray(parsed.files) || !parsed.files.every((f) => typeof f === "string")) return undefined;
    return new Set(parsed.files as string[]);
  } catch {
    return undefined;
  }
}

/** `path` with symbolic links resolved, also when its tail does not exist yet. */
function realPath(path: string): string {
  const full = resolve(path);
  const parent = dirname(full);
  try {
    return realpathSync(full);
  } catch {
    return parent === full ? full : join(realPath(parent), basename(full));
  }
}

/** Whether `path` is `folder` or inside it. */
function isWithin(path: string, folder: string): boolean {
  const rel = relative(folder, path);
  return rel === "" || (rel !== ".." && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

export interface WriteOptions extends OutputGuard {
  /**
   * Called before and after each step that changes the disk (fault-injection tests kill the process
   * there; see main.ts). Steps: "clean", "write <path>" per file, "swap", "remove old".
   */
  step?: (name: string) => void;
  /** Swap two folders atomically; false when the platform cannot (default: renameat2 via perl, see prepareExchange). */
  exchange?: (a: string, b: string) => boolean | Promise<boolean>;
}

/**
 * Replace `outDir` with exactly `files` when checkOutputTarget allows it. At every instant the folder
 * holds the complete old or the complete new files (see the top of this file).
 */
export async function writeAtomically(outDir: string, files: ReadonlyArray<OutputFile>, options: WriteOptions = {}): Promise<void> {
  checkOutputPaths(files);
  const step = options.step ?? ((): void => undefined);
  const target = resolve(outDir);
  const parent = dirname(target);
  mkdirSync(parent, { recursive: true });
  const tag = `${process.pid}-${randomBytes(4).toString("hex")}`;
  const tmp = join(parent, `.${basename(target)}.tmp-${tag}`);
  // the exchange's helper process starts now and waits: it has started by the time the files are written
  let prepared = options.exchange === undefined && existsSync(target) ? prepareExchange(tmp, target) : undefined;
  try {
    step("clean");
    await cleanLeftovers(target);
    await checkOutputTarget(outDir, options);
  } catch (err) {
    void prepared?.cancel();
    throw err;
  }
  try {
    // synchronous (as every file system call here): nothing else runs meanwhile, and each asynchronous
    // call is a round trip through libuv's thread pool
    const folders = new Set<string>();
    for (const file of files) {
      step(`write ${file.path}`);
      const path = join(tmp, ...file.path.split("/"));
      const folder = dirname(path);
      if (!folders.has(folder)) mkdirSync(folder, { recursive: true });
      folders.add(folder);
      writeFileSync(path, file.content);
    }
    mkdirSync(tmp, { recursive: true }); // no files: an empty folder
    // again, right before the swap: the folder may have changed while the files were written
    await checkOutputTarget(outDir, options);
  } catch (err) {
    void prepared?.cancel();
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  try {
    step("swap");
  } catch (err) {
    void prepared?.cancel();
    throw err;
  }
  if (!existsSync(target)) {
    void prepared?.cancel();
    try {
      renameSync(tmp, target);
    } catch (err) {
      rmSync(tmp, { recursive: true, force: true });
      throw err;
    }
    step("done");
    return;
  }
  let exchanged: boolean;
  try {
    if (options.exchange !== undefined) {
      exchanged = await options.exchange(tmp, target);
    } else {
      prepared ??= prepareExchange(tmp, target); // the folder appeared meanwhile
      exchanged = await prepared.run();
    }
  } catch (err) {
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  if (exchanged) {
    // `tmp` now holds the old output
    step("remove old");
    rmSync(tmp, { recursive: true, force: true });
    step("done");
    return;
  }
  // no atomic exchange here: two renames; a kill between them is repaired by the next run
  const old = join(parent, `.${basename(target)}.old-${tag}`);
  renameSync(target, old);
  step("between renames");
  try {
    renameSync(tmp, target);
  } catch (err) {
    renameSync(old, target);
    rmSync(tmp, { recursive: true, force: true });
    throw err;
  }
  step("remove old");
  rmSync(old, { recursive: true, force: true });
  step("done");
}

/** The `renameat2` syscall number per CPU (Linux); RENAME_EXCHANGE is 2 and AT_FDCWD -100 on all of them. */
const RENAMEAT2: Partial<Record<string, number>> = { x64: 316, arm64: 276 };

/** A folder exchange whose helper process is started and waits (see prepareExchange). */
export interface PreparedExchange {
  /** Swap now: true when swapped, false when the platform cannot; throws on another failure. */
  run(): Promise<boolean>;
  /** Do not swap: the helper ends without touching anything (resolves once it has; nothing needs to wait). */
  cancel(): Promise<void>;
}

/**
 * Prepares to swap the folders `a` and `b` with one renameat2(RENAME_EXCHANGE) call, made by a perl
 * process started now that waits for a line on its standard input: starting it (~10 ms) overlaps the
 * writing of the files instead of following it. It swaps only when `run()` sends the line; when this
 * process ends first (a kill), its end of the pipe closes, and the helper exits without swapping.
 * `run()` gives false when the platform cannot (not Linux x64/arm64, no perl, ENOSYS or EINVAL from the
 * kernel or file system).
 */
export function prepareExchange(a: string, b: string): PreparedExchange {
  const nr = process.platform === "linux" ? RENAMEAT2[process.arch] : undefined;
  if (nr === undefined) return { run: () => Promise.resolve(false), cancel: () => Promise.resolve() };
  const script = `defined(<STDIN>) or exit 4; syscall(${nr}, -100, $ARGV[0], -100, $ARGV[1], 2) == 0 or do { print STDERR $! + 0; exit 3 }`;
  const child = spawn("perl", ["-e", script, a, b], { stdio: ["pipe", "ignore", "pipe"] });
  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  child.stdin.on("error", () => undefined); // a helper that could not start or has ended: reported by `done`
  const done = new Promise<{ code: number | null; signal: NodeJS.Signals | null } | "no perl">((resolve) => {
    child.once("error", () => resolve("no perl"));
    child.once("close", (code, signal) => resolve({ code, signal }));
  });
  return {
    run: async () => {
      child.stdin.end("swap\n");
      const result = await done;
      if (result === "no perl") return false;
      if (result.code === 0) return true;
      const errno = Number(stderr.trim());
      if (errno === constants.errno.ENOSYS || errno === constants.errno.EINVAL) return false;
      const name = Object.entries(constants.errno).find(([, n]) => n === errno)?.[0] ?? `exit ${result.code ?? result.signal}`;
      throw new Error(`cannot swap ${a} and ${b}: ${name}`);
    },
    cancel: async () => {
      child.stdin.end();
      child.unref();
      await done;
    },
  };
}

/** Swap the folders `a` and `b` now (see prepareExchange). */
export function exchangeFolders(a: string, b: string): Promise<boolean> {
  return prepareExchange(a, b).run();
}

/**
 * Remove what killed runs left beside `target`: folders named `.<name>.tmp-<pid>-<hex>` or
 * `.<name>.old-<pid>-<hex>` whose process no longer runs. When `target` is missing and such an
 * `.old-` folder exists (a kill between the two renames of the fallback), it is renamed back first.
 */
export async function cleanLeftovers(target: string): Promise<void> {
  const parent = dirname(target);
  const prefix = `.${basename(target)}.`;
  let names: string[];
  try {
    names = readdirSync(parent);
  } catch {
    return;
  }
  const leftovers = names
    .map((name) => ({ name, match: /^(tmp|old)-(\d+)-[0-9a-f]{8}$/.exec(name.startsWith(prefix) ? name.slice(prefix.length) : "") }))
    .filter((l): l is { name: string; match: RegExpExecArray } => l.match !== null && !isRunning(Number(l.match[2])))
    .filter((l) => isFolder(join(parent, l.name)))
    .sort((a, b) => (a.name < b.name ? -1 : 1));
  const old = leftovers.find((l) => l.match[1] === "old");
  if (old !== undefined && !existsSync(target)) renameSync(join(parent, old.name), target);
  for (const l of leftovers) {
    if (l !== old || existsSync(join(parent, l.name))) rmSync(join(parent, l.name), { recursive: true, force: true });
  }
}

function isFolder(path: string): boolean {
  try {
    return lstatSync(path).isDirectory();
  } catch {
    return false; // removed meanwhile
  }
}

function isRunning(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM"; // runs, as another user
  }
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
  const dir = resolve(outDir);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new OutputRefusedError(`--out "${outDir}" is not a folder`);
  const onDisk = new Set(await listFiles(dir));
  const result: Staleness = { stale: [], missing: [], extra: [] };
  for (const file of files) {
    if (!onDisk.has(file.path)) {
      result.missing.push(file.path);
      continue;
    }
    onDisk.delete(file.path);
    const current = readFileSync(join(dir, ...file.path.split("/")), "utf8");
    if (current !== file.content) result.stale.push(file.path);
  }
  result.extra = [...onDisk];
  result.stale.sort();
  result.missing.sort();
  result.extra.sort();
  return result;
}

/** Every file (anything but a folder) under `dir`, relative, POSIX separators, sorted. */
async function listFiles(dir: string, prefix = ""): Promise<string[]> {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const rel = prefix === "" ? entry.name : `${prefix}/${entry.name}`;
    if (entry.isDirectory()) out.push(...(await listFiles(join(dir, entry.name), rel)));
    else out.push(rel);
  }
  return out.sort();
}
