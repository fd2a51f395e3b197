import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { writeSyntheticSpec } from "../../bench/generate.bench.js";
import { loadSources, resolvePaths } from "../../generator/cli/pipeline.js";
import { emitClient, emitClientInParallel } from "../../generator/emit/index.js";
import { readCodeModel } from "../../generator/input/index.js";
import type { CodeModel } from "../../generator/model/types.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const templatesDir = resolvePaths(undefined, {}).templatesDir;

let work: string;
let workerShim: string;
let model: CodeModel;
beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "acs-emit-parallel-"));
  const spec = writeSyntheticSpec(work, 24);
  const { sources, config } = await loadSources(
    { spec, root: work, apiVersions: [], allowRemoteRefs: false },
    resolvePaths(undefined, {}),
    () => undefined,
  );
  model = readCodeModel(sources, config);
  // the worker runs printWorker.ts through tsx here (the CLI runs the launcher's bundled copy);
  // the shim sits in the repo so that it finds tsx
  mkdirSync(join(repoRoot, ".tmp"), { recursive: true });
  workerShim = join(repoRoot, ".tmp", `print-worker-test-${process.pid}.mjs`);
  const printWorker = pathToFileURL(join(repoRoot, "generator", "emit", "printWorker.ts")).href;
  writeFileSync(workerShim, `import { register } from "tsx/esm/api";\nregister();\nawait import(${JSON.stringify(printWorker)});\n`);
});
afterAll(() => {
  rmSync(work, { recursive: true, force: true });
  rmSync(workerShim, { force: true });
});

describe("emitClientInParallel", () => {
  it("prints the same files, byte for byte, with part of them printed by the worker (validators.ts too, with validateConstraints)", async () => {
    const expected = emitClient(model, { templatesDir, validateConstraints: true });
    expect(expected.map((f) => f.path)).toEqual(
      [
        "README.md",
        "src/apiVersions.ts",
        "src/mappers.ts",
        "src/models.ts",
        "src/operations/group0.ts",
        "src/operations/group1.ts",
        "src/operations/group2.ts",
        "src/runtime.ts",
        "src/synthetic24.ts",
        "src/validators.ts",
        "src/index.ts",
      ].sort(),
    );
    const parallel = await emitClientInParallel(model, {
      templatesDir,
      validateConstraints: true,
      printWorkerUrl: pathToFileURL(workerShim),
      minOperations: 0,
      ignoreLoad: true,
    });
    expect(parallel).toEqual(expected);
    const unchecked = emitClient(model, { templatesDir });
    expect(unchecked.map((f) => f.path)).toEqual(expected.map((f) => f.path).filter((p) => p !== "src/validators.ts"));
    expect(
      await emitClientInParallel(model, { templatesDir, printWorkerUrl: pathToFileURL(workerShim), minOperations: 0, ignoreLoad: true }),
    ).toEqual(unchecked);
  });

  it("prints on this thread below minOperations (no worker is started: the bad script is never loaded)", async () => {
    const files = await emitClientInParallel(model, {
      templatesDir,
      printWorkerUrl: pathToFileURL(join(work, "missing.mjs")),
      minOperations: 25,
      ignoreLoad: true,
    });
    expect(files).toEqual(emitClient(model, { templatesDir }));
  });

  it("a worker that fails rejects with its error", async () => {
    const broken = join(work, "broken.mjs");
    writeFileSync(broken, 'throw new Error("worker broke");\n');
    await expect(
      emitClientInParallel(model, { templatesDir, printWorkerUrl: pathToFileURL(broken), minOperations: 0, ignoreLoad: true }),
    ).rejects.toThrow("worker broke");
  });
});
