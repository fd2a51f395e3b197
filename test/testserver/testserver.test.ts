/**
 * The generator against the AutoRest test server: every Swagger file of the package is generated and
 * typechecked strict, the scenario suites call generated operations against the server on 127.0.0.1,
 * and the last block compares the server's coverage report with the committed baseline
 * (UPDATE_TESTSERVER_COVERAGE=1, i.e. `npm run testserver:coverage`, rewrites baseline.json and COVERAGE.md).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import * as prettier from "prettier";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { repoRoot } from "../fixtures/emit/compile.js";
import { attributeScenarios } from "./attribution.js";
import { generateAll, listSpecs, swaggerDir, type SpecResult } from "./generateAll.js";
import { createHarness, type Harness } from "./harness.js";
import { baselineOf, renderCoverage, reportedCategories, type Baseline } from "./report.js";
import { readCoverage, startTestServer, type RunningTestServer } from "./server.js";
import { scenarioSuites } from "./suites/index.js";

const here = dirname(fileURLToPath(import.meta.url));
const baselineFile = join(here, "baseline.json");
const coverageFile = join(here, "COVERAGE.md");
const update = process.env["UPDATE_TESTSERVER_COVERAGE"] === "1";

let server: RunningTestServer;
let generatedDir: string;
let results: SpecResult[];
let harness: Harness;

beforeAll(async () => {
  server = await startTestServer();
  // Inside the repository (gitignored .tmp/) so the generated imports of @azure/* resolve.
  generatedDir = mkdtempSync(join(repoRoot, ".tmp", "testserver-"));
  results = await generateAll(listSpecs(), generatedDir);
  harness = createHarness(server.url, generatedDir);
}, 180_000);

afterAll(async () => {
  await server?.stop();
  if (generatedDir !== undefined) rmSync(generatedDir, { recursive: true, force: true });
});

describe("every Swagger file of the test server", () => {
  it("is generated into a temporary folder and typechecked strict, per file", () => {
    expect(results.map((r) => r.spec)).toEqual(listSpecs());
    expect(results).toHaveLength(74);
  });

  it("writes every TypeScript file as Prettier prints it with the repository's settings (.prettierrc.json)", async () => {
    const config = await prettier.resolveConfig(join(repoRoot, "generated", "src", "index.ts"));
    const files = readdirSync(generatedDir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts"));
    expect(files.length).toBeGreaterThan(400);
    const dirty: string[] = [];
    for (const file of files.sort()) {
      const text = readFileSync(join(generatedDir, file), "utf8");
      if (!(await prettier.check(text, { ...config, filepath: join(generatedDir, file) }))) dirty.push(file);
    }
    expect(dirty).toEqual([]);
  });
});

for (const suite of scenarioSuites) {
  suite(() => harness);
}

describe("coverage", () => {
  it("matches or exceeds the committed baseline (generation, typecheck, scenarios)", async () => {
    const coverage = await readCoverage(server.url);
    const current = baselineOf(results, coverage);
    if (update) {
      const scenarios = reportedCategories.flatMap((c) => Object.keys(coverage[c]));
      const attribution = attributeScenarios(swaggerDir, listSpecs(), server.routes, scenarios);
      writeFileSync(coverageFile, renderCoverage(results, coverage, attribution));
      writeFileSync(baselineFile, `${JSON.stringify(current, null, 2)}\n`);
    }
    const committed = JSON.parse(readFileSync(baselineFile, "utf8")) as Baseline;
    expect(committed.generated.filter((s) => !current.generated.includes(s))).toEqual([]);
    expect(committed.typecheckClean.filter((s) => !current.typecheckClean.includes(s))).toEqual([]);
    for (const c of reportedCategories) {
      expect({ category: c, lost: committed.covered[c].filter((s) => !current.covered[c].includes(s)) }).toEqual({ category: c, lost: [] });
    }
  });
});
