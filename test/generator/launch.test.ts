import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { USAGE } from "../../generator/cli/args.js";
import { warnThenFailStderr, writeWarnThenFailSpec } from "../fixtures/cli/warnThenFail.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const specsRoot = resolve(process.env["ACS_SPECS_ROOT"] || join(repoRoot, "..", "shared", "specs"));
const launcher = join(repoRoot, "generator", "cli", "launch.mjs");

interface Current {
  key: string;
  esbuild: string;
  inputs: string[];
}

let cache: string;
beforeAll(() => {
  // inside the repo (gitignored .tmp/), as the bundle finds its packages in the repo's node_modules
  mkdirSync(join(repoRoot, ".tmp"), { recursive: true });
  cache = mkdtempSync(join(repoRoot, ".tmp", "launch-test-"));
});
afterAll(() => rmSync(cache, { recursive: true, force: true }));

function launch(args: string[]) {
  return spawnSync(process.execPath, [launcher, ...args], {
    cwd: repoRoot,
    encoding: "utf8",
    env: { ...process.env, ACS_GEN_BUNDLE_DIR: cache, ACS_SPECS_ROOT: specsRoot, ACS_GEN_DEBUG: "1" },
  });
}

const current = (): Current => JSON.parse(readFileSync(join(cache, "current.json"), "utf8")) as Current;

describe("generator/cli/launch.mjs (what npm run generate runs)", () => {
  it("builds the bundle on first use and runs the CLI from it", () => {
    const result = launch(["--help"]);
    expect(result.stderr).toBe(""); // ACS_GEN_DEBUG would report a fallback to tsx here
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(USAGE);
    const { key, inputs } = current();
    expect(key).toMatch(/^[0-9a-f]{32}$/);
    // no code cache yet: --help requires no CommonJS package
    expect(readdirSync(cache).sort()).toEqual([key, "current.json"].sort());
    expect(readdirSync(join(cache, key))).toContain("main.mjs");
    // every generator source the CLI imports is tracked; packages are not bundled
    expect(inputs).toContain("generator/cli/main.ts");
    expect(inputs).toContain("generator/emit/printer.ts");
    expect(inputs).toContain("generator/load/swagger-validator.generated.js");
    expect(inputs.filter((i) => !i.startsWith("generator/"))).toEqual([]);
  });

  it("reuses an up-to-date bundle", () => {
    const before = current();
    const result = launch(["--frobnicate"]);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('error: unknown option "--frobnicate" (see --help)\n');
    expect(current()).toEqual(before);
    // no other bundle (the code cache folder may appear: the launcher starts loading the emitter before the CLI reads its flags)
    expect(
      readdirSync(cache)
        .filter((name) => name !== "compile-cache")
        .sort(),
    ).toEqual([before.key, "current.json"].sort());
  });

  it("rebuilds when a recorded input no longer matches the recorded key, or is gone", () => {
    const good = current();
    writeFileSync(join(cache, "current.json"), JSON.stringify({ ...good, key: "0".repeat(32) }));
    expect(launch(["--help"]).stdout).toBe(USAGE);
    expect(current()).toEqual(good);

    writeFileSync(join(cache, "current.json"), JSON.stringify({ ...good, inputs: [...good.inputs, "generator/removed.ts"] }));
    expect(launch(["--help"]).stdout).toBe(USAGE);
    expect(current()).toEqual(good);
    expect(existsSync(join(cache, good.key, "main.mjs"))).toBe(true);
  });

  it("--check finds generated/ up to date when run from the bundle", () => {
    const result = launch(["--check"]);
    expect(result.status).toBe(0);
    const manifest = JSON.parse(readFileSync(join(repoRoot, "spec", "manifest.json"), "utf8")) as { generate: string[] };
    const files = readdirSync(join(repoRoot, "generated"), { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
    expect(result.stdout.split("\n")[0]).toBe(`generated is up to date (${files} files, API ${manifest.generate.join(", ")})`);
  });

  it("reports what the worker that reads the specs found: its warnings, then its error, as the CLI does in-process", async () => {
    const dir = mkdtempSync(join(cache, "bad-spec-"));
    const spec = writeWarnThenFailSpec(dir);
    const args = ["--spec", spec, "--out", join(dir, "out")];
    const result = launch([...args, "--verbose"]);
    const stdout: string[] = [];
    const stderr: string[] = [];
    const { run } = await import("../../generator/cli/main.js");
    const status = await run(
      [...args, "--verbose"],
      { ...process.env, ACS_SPECS_ROOT: specsRoot },
      {
        stdout: (text) => stdout.push(text),
        stderr: (text) => stderr.push(text),
      },
    );
    expect(status).toBe(1);
    expect(stderr.join("")).toBe(warnThenFailStderr);
    expect(result.status).toBe(status);
    expect(result.stderr).toBe(stderr.join(""));
    expect(result.stdout).toBe(stdout.join(""));
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("keeps V8's code cache of the packages each thread requires, written once", () => {
    // the --check run above: this thread loaded ts-morph (and Prettier when it formatted a file no worker
    // had started), the CLI's worker read the specs and loaded Prettier
    const cacheFiles = (thread: string): string[] => readdirSync(join(cache, "compile-cache", thread)).sort();
    const main = cacheFiles("main");
    const load = cacheFiles("load");
    const named = (files: string[], name: string): string[] =>
      files.filter((f) => new RegExp(`^${name}\\.js-[0-9a-f]{16}-[0-9a-f]{16}\\.bin$`).test(f));
    expect(named(main, "typescript")).toHaveLength(1);
    expect(named(load, "typescript")).toHaveLength(0);
    expect(named(load, "standalone")).toHaveLength(1);
    expect([...main, ...load].filter((f) => !f.endsWith(".bin"))).toEqual([]);
    const times = (thread: string, files: string[]): number[] =>
      files.map((f) => statSync(join(cache, "compile-cache", thread, f)).mtimeMs);
    const before = [...times("main", main), ...times("load", load)];
    const result = launch(["--check"]);
    expect(result.stderr.split("\n").filter((line) => line.startsWith("launch:"))).toEqual([]); // no fallback to tsx
    expect(result.status).toBe(0);
    // accepted, so not written again
    expect(cacheFiles("main")).toEqual(main);
    expect(cacheFiles("load")).toEqual(load);
    expect([...times("main", main), ...times("load", load)]).toEqual(before);
  });
});
