/**
 * CI gate for the public API report: build the declarations, run API Extractor, and fail when
 * review/communication-identity.api.md differs (run `npm run api` and commit the report).
 * One build (~10 s) serves every test here.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { Project } from "ts-morph";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseApiReport } from "../../generator/diff/apiModel.js";
import { API_REPORT_FILE, buildDeclarations, extractApiReport, staleReportMessage, type ApiReport } from "../../generator/diff/apiReport.js";
import { REPO_ROOT } from "./helpers.js";

const workDir = join(REPO_ROOT, ".tmp", `api-report-test-${process.pid}`);
let first: ApiReport;
let second: ApiReport;

beforeAll(() => {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  buildDeclarations(REPO_ROOT, workDir);
  first = extractApiReport(REPO_ROOT, workDir);
  second = extractApiReport(REPO_ROOT, workDir);
}, 120_000);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

describe("public API report", () => {
  it(`${API_REPORT_FILE} is up to date (else run \`npm run api\` and commit it)`, () => {
    const checkedIn = readFileSync(join(REPO_ROOT, API_REPORT_FILE), "utf8");
    const stale = staleReportMessage(checkedIn, first.text);
    if (stale !== undefined) expect.fail(stale);
  });

  it("is deterministic: a second extraction gives the same bytes", () => {
    expect(second.text).toBe(first.text);
  });

  it("lists every name src/index.ts exports", () => {
    const project = new Project({ tsConfigFilePath: join(REPO_ROOT, "tsconfig.json"), skipAddingFilesFromTsConfig: true });
    const index = project.addSourceFileAtPath(join(REPO_ROOT, "src", "index.ts"));
    project.resolveSourceFileDependencies();
    const exported = [...index.getExportedDeclarations().keys()].sort();
    const reported = [...parseApiReport(first.text, API_REPORT_FILE).decls.keys()].sort();
    expect(reported).toEqual(exported);
  });

  it("names the report and the command when stale or missing", () => {
    expect(staleReportMessage("a\nb\n", "a\nc\n")).toBe(
      `${API_REPORT_FILE} is stale (the public API changed): run \`npm run api\` and commit it.\n  first difference at line 2:\n  - b\n  + c`,
    );
    expect(staleReportMessage(undefined, "a\n")).toBe(`${API_REPORT_FILE} is missing: run \`npm run api\` and commit it.`);
    expect(staleReportMessage("a\n", "a\n")).toBeUndefined();
  });
});
