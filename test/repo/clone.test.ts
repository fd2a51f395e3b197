/**
 * A clone elsewhere works: this working tree's files (what `git ls-files --cached --others
 * --exclude-standard` lists, with their current content, so uncommitted edits are tested too; a
 * `git clone` would test HEAD only) are copied to a temporary folder with `../shared` beside it (a
 * symbolic link to the real one) and node_modules linked in. There the generator finds its specs and
 * `generate -- --check` passes, and a test suite that reads the real specs passes.
 */
import { spawnSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync } from "node:fs";
import { dirname, join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { copyEnv, generateIn, repoRoot, treeHashes, workingTreeFiles, workspaceWithShared } from "../fixtures/checkout.js";

let parent: string;
let clone: string;

beforeAll(() => {
  parent = workspaceWithShared("acs-clone-");
  clone = join(parent, "checkout");
  for (const file of workingTreeFiles()) {
    mkdirSync(dirname(join(clone, file)), { recursive: true });
    cpSync(join(repoRoot, file), join(clone, file), { verbatimSymlinks: true });
  }
  symlinkSync(join(repoRoot, "node_modules"), join(clone, "node_modules")); // installed packages, only read
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("a copy of the working tree in another folder, ../shared beside it", () => {
  it("generate -- --check finds its generated/ up to date (specs from ../shared/specs)", () => {
    const result = generateIn(clone, ["--check"]);
    const manifest = JSON.parse(readFileSync(join(clone, "spec", "manifest.json"), "utf8")) as { generate: string[] };
    const files = Object.keys(treeHashes(join(clone, "generated"))).length;
    expect(result.stdout.split("\n")[0]).toBe(`generated is up to date (${files} files, API ${manifest.generate.join(", ")})`);
    expect(result.status).toBe(0);
  });

  it("a suite that reads the real specs passes there", () => {
    const env = copyEnv();
    for (const name of Object.keys(env)) if (name.startsWith("VITEST")) delete env[name];
    const result = spawnSync(
      process.execPath,
      [join(clone, "node_modules", "vitest", "vitest.mjs"), "run", "test/generator/model-loader.test.ts"],
      {
        cwd: clone,
        encoding: "utf8",
        env: { ...env, NO_COLOR: "1" },
      },
    );
    expect(result.stdout).toMatch(/Tests {2}7 passed \(7\)/);
    expect(result.status).toBe(0);
  });
});
