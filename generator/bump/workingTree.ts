import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";

/**
 * The files of the working tree as a clone of it would have them: tracked files with their
 * uncommitted edits, plus untracked files git does not ignore, without deleted ones; sorted,
 * relative to `repoRoot`. `node_modules` is left out even where it is a tracked link: copies link
 * it instead.
 */
export function workingTreeFiles(repoRoot: string): string[] {
  const listed = spawnSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], { cwd: repoRoot, encoding: "utf8" });
  if (listed.status !== 0) throw new Error(`copying the working tree needs git: git ls-files failed (${listed.stderr.trim()})`);
  return [...new Set(listed.stdout.split("\0"))].filter((f) => f !== "" && f !== "node_modules" && existsSync(join(repoRoot, f))).sort();
}
