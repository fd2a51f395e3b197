/**
 * CI gate for the public API reports, one per package export (review/communication-identity.api.md
 * for ".", review/communication-identity-api.api.md for "./api"): build the declarations, run API
 * Extractor, and fail when a report differs (run `npm run api` and commit the reports).
 * One build (~10 s) serves every test here.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Project } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseApiReport } from "../../generator/diff/apiModel.js";
import {
  API_ENTRIES,
  API_REPORT_FILE,
  buildDeclarations,
  extractApiReport,
  staleReportMessage,
  type ApiReport,
} from "../../generator/diff/apiReport.js";
import { REPO_ROOT } from "./helpers.js";

const workDir = join(REPO_ROOT, ".tmp", `api-report-test-${process.pid}`);
const first = new Map<string, ApiReport>();
const second = new Map<string, ApiReport>();

beforeAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  buildDeclarations(REPO_ROOT, workDir);
  for (const entry of API_ENTRIES) {
    first.set(entry.exportPath, extractApiReport(REPO_ROOT, workDir, entry));
    second.set(entry.exportPath, extractApiReport(REPO_ROOT, workDir, entry));
  }
}, 120_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("public API reports", () => {
  it("cover every package export but ./package.json", () => {
    const pkg = JSON.parse(readFileSync(join(REPO_ROOT, "package.json"), "utf8")) as { exports: Record<string, unknown> };
    const exported = Object.keys(pkg.exports).filter((key) => key !== "./package.json");
    expect(API_ENTRIES.map((e) => e.exportPath)).toEqual(exported);
  });

  describe.each(API_ENTRIES.map((entry) => [entry.exportPath, entry] as const))("export %s", (exportPath, entry) => {
    it(`${entry.reportFile} is up to date (else run \`npm run api\` and commit it)`, () => {
      const checkedIn = readFileSync(join(REPO_ROOT, entry.reportFile), "utf8");
      const stale = staleReportMessage(checkedIn, first.get(exportPath)!.text, entry.reportFile);
      if (stale !== undefined) expect.fail(stale);
    });

    it("is deterministic: a second extraction gives the same bytes", () => {
      expect(second.get(exportPath)!.text).toBe(first.get(exportPath)!.text);
    });

    it("lists every name the entry's source exports", () => {
      const project = new Project({ tsConfigFilePath: join(REPO_ROOT, "tsconfig.json"), skipAddingFilesFromTsConfig: true });
      const index = project.addSourceFileAtPath(join(REPO_ROOT, entry.declaration.replace(/\.d\.ts$/, ".ts")));
      project.resolveSourceFileDependencies();
      const exported = [...index.getExportedDeclarations().keys()].sort();
      const reported = [...parseApiReport(first.get(exportPath)!.text, entry.reportFile).decls.keys()].sort();
      expect(reported).toEqual(exported);
    });
  });

  it("names the report and the command when stale or missing", () => {
    expect(staleReportMessage("a\nb\n", "a\nc\n")).toBe(
      `${API_REPORT_FILE} is stale (the public API changed): run \`npm run api\` and commit it.\n  first difference at line 2:\n  - b\n  + c`,
    );
    expect(staleReportMessage(undefined, "a\n", "review/x.api.md")).toBe("review/x.api.md is missing: run `npm run api` and commit it.");
    expect(staleReportMessage("a\n", "a\n")).toBeUndefined();
  });
});
