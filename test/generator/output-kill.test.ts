/**
 * Fault injection: `generate` is killed with SIGKILL at seeded random steps of writing its output
 * (ACS_GEN_TEST_KILL_AT_STEP, see generator/cli/main.ts). After every kill the output folder holds
 * the complete old or the complete new output (compared file by file), and the next run succeeds
 * and removes what the killed run left. Needs the atomic folder exchange (Linux x64/arm64); where the
 * generator falls back to two renames, a kill between them is repaired by the next run instead
 * (tested in cli.test.ts).
 */
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { run } from "../../generator/cli/main.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const launcher = join(repoRoot, "generator", "cli", "launch.mjs");
const RUNS = 24;
const SEED = 20261201;

/** mulberry32: a small seeded generator, so a failing run can be repeated exactly. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher-Yates with the seeded generator. */
function shuffle<T>(items: T[], next: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(next() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true })) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out[relative(dir, p).split("\\").join("/")] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

const op = (operationId: string) => ({ operationId, responses: { "200": { description: "OK", schema: { type: "string" } } } });
const specs = {
  a: { swagger: "2.0", info: { title: "Kill Service", version: "2024-01-01" }, paths: { "/a": { get: op("Alpha_Get") } } },
  b: {
    swagger: "2.0",
    info: { title: "Kill Service", version: "2024-06-01" },
    paths: { "/a": { get: op("Alpha_Get") }, "/b": { get: op("Beta_Get"), put: op("Beta_Put") } },
  },
};
type Name = keyof typeof specs;

let tmp: string;
let parent: string;
let out: string;
const specFile = (name: Name): string => join(tmp, "specs", name, "spec.json");
const reference: Record<Name, Record<string, string>> = { a: {}, b: {} };

async function generateInProcess(name: Name, dir: string): Promise<number> {
  return run(["--spec", specFile(name), "--out", dir], {}, { stdout: () => undefined, stderr: () => undefined });
}

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), "acs-kill-"));
  for (const name of ["a", "b"] as const) {
    mkdirSync(dirname(specFile(name)), { recursive: true });
    writeFileSync(specFile(name), JSON.stringify(specs[name], null, 2));
    expect(await generateInProcess(name, join(tmp, "reference", name))).toBe(0);
    reference[name] = snapshot(join(tmp, "reference", name));
  }
  parent = join(tmp, "work");
  out = join(parent, "out");
  expect(await generateInProcess("a", out)).toBe(0);
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.runIf(process.platform === "linux" && ["x64", "arm64"].includes(process.arch))(
  "generate killed at random steps of writing",
  () => {
    it("the two outputs differ in files and content (so a mix would show)", () => {
      expect(Object.keys(reference.b).length).toBeGreaterThan(Object.keys(reference.a).length);
      expect(reference.a["src/index.ts"]).not.toBe(reference.b["src/index.ts"]);
    });

    it(`${RUNS} seeded kills: the output is always the complete old or new one; the next run cleans up`, async () => {
      const next = random(SEED);
      let current: Name = "a";
      const pending: Record<Name, number[]> = { a: [], b: [] };
      const outcomes: string[] = [];
      for (let i = 0; i < RUNS; i++) {
        const target: Name = current === "a" ? "b" : "a";
        // steps: "clean", one "write <file>" per file, "swap", "remove old", "done"
        const steps = Object.keys(reference[target]).length + 4;
        // each target's steps in a seeded random order, each once before any repeats
        if (pending[target].length === 0)
          pending[target] = shuffle(
            Array.from({ length: steps }, (_, k) => k + 1),
            next,
          );
        const step = pending[target].shift()!;
        const killed = spawnSync(process.execPath, [launcher, "--spec", specFile(target), "--out", out], {
          cwd: repoRoot,
          encoding: "utf8",
          env: { ...process.env, ACS_GEN_TEST_KILL_AT_STEP: String(step) },
        });
        expect(killed.signal, `run ${i}, step ${step}: ${killed.stderr}`).toBe("SIGKILL");
        const after = snapshot(out);
        // killed before the swap ("swap" is step files + 2): old output; after it: new output
        const expected = step <= steps - 2 ? current : target;
        expect(after, `run ${i}: killed at step ${step} of ${steps}`).toEqual(reference[expected]);
        outcomes.push(`${step}/${steps}:${expected === target ? "new" : "old"}`);
        const leftovers = readdirSync(parent).filter((n) => n !== "out");
        expect(
          leftovers.every((n) => /^\.out\.tmp-\d+-[0-9a-f]{8}$/.test(n)),
          leftovers.join(", "),
        ).toBe(true);

        expect(await generateInProcess(target, out)).toBe(0);
        expect(snapshot(out)).toEqual(reference[target]);
        expect(readdirSync(parent)).toEqual(["out"]);
        current = target;
      }
      // both outcomes occurred
      expect(outcomes.some((o) => o.endsWith(":old"))).toBe(true);
      expect(outcomes.some((o) => o.endsWith(":new"))).toBe(true);
    });
  },
);
