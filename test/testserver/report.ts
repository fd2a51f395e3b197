/**
 * Turns generation results and the server's coverage report into COVERAGE.md and the committed
 * baseline (baseline.json) that the test compares against.
 */
import type { SpecResult } from "./generateAll.js";
import type { Category, CoverageReport } from "./server.js";
import { uncoveredReasons } from "./uncovered.js";

/** The categories of the issue's 830 scenarios; the package's "dpg" category is listed after them. */
export const reportedCategories: Category[] = ["vanilla", "azure", "optional", "dpg"];

export interface Baseline {
  /** Specs that generate. */
  generated: string[];
  /** Specs that generate and typecheck strict with no diagnostics. */
  typecheckClean: string[];
  /** Covered scenarios per category. */
  covered: Record<Category, string[]>;
}

export function baselineOf(results: SpecResult[], coverage: CoverageReport): Baseline {
  const generated = results.filter((r) => r.status === "generated");
  return {
    generated: generated.map((r) => r.spec),
    typecheckClean: generated.filter((r) => r.typeErrors.length === 0).map((r) => r.spec),
    covered: Object.fromEntries(
      reportedCategories.map((c) => [
        c,
        Object.entries(coverage[c])
          .filter(([, n]) => n > 0)
          .map(([name]) => name)
          .sort(),
      ]),
    ) as Record<Category, string[]>,
  };
}

const cell = (text: string): string => text.replaceAll("|", "\\|").replaceAll("\n", " ");

export function renderCoverage(results: SpecResult[], coverage: CoverageReport, attribution: Map<string, string[]>): string {
  const base = baselineOf(results, coverage);
  const lines: string[] = [
    "# AutoRest test server: generation and scenario coverage",
    "",
    "Written by `npm run testserver:coverage` (do not edit by hand). `test/testserver/testserver.test.ts`",
    "generates every Swagger file of `@microsoft.azure/autorest.testserver`, typechecks the output strict,",
    "runs the scenario suites against the test server on 127.0.0.1 and reads its coverage report",
    "(`GET /report/<category>`). The test fails when a spec that generated (or typechecked) no longer",
    "does, or a covered scenario is no longer covered (`baseline.json`).",
    "",
    "## Generation",
    "",
    `${base.generated.length} of ${results.length} Swagger files generate; ${base.typecheckClean.length} of them typecheck strict.`,
    "",
    "| Swagger file | Result | Strict typecheck |",
    "| --- | --- | --- |",
  ];
  for (const r of results) {
    const result = r.status === "generated" ? "generated" : `refused: ${cell(r.error ?? "")}`;
    const typecheck =
      r.status === "refused"
        ? "—"
        : r.typeErrors.length === 0
          ? "clean"
          : `${r.typeErrors.length} error(s), first: ${cell(r.typeErrors[0]!)}`;
    lines.push(`| ${r.spec} | ${result} | ${typecheck} |`);
  }
  lines.push("", "## Coverage per report", "", "| Report | Covered | Total |", "| --- | --- | --- |");
  for (const c of reportedCategories) {
    lines.push(`| ${c} | ${base.covered[c].length} | ${Object.keys(coverage[c]).length} |`);
  }
  lines.push(
    "",
    "The issue counts 830 scenarios (vanilla 642, azure 145, optional 43). Totals are what the server reports:",
    "the scenarios it registers at start-up plus those it adds when first exercised (required-optional's",
    "`Optional…` names), so a total can grow as suites are added. `dpg` is the package's fourth report.",
    "",
    "## Coverage per suite",
    "",
    "A suite is the Swagger file (or files) whose paths the scenario's mock route serves; scenarios the",
    "attribution cannot place (legacy routes mounted at `/`, names built at run time) are listed under",
    "*unattributed*. Each scenario not covered is listed with the reason (`uncovered.ts`).",
    "",
  );
  const suites = new Map<string, Array<{ category: Category; name: string; covered: boolean }>>();
  for (const c of reportedCategories) {
    for (const [name, count] of Object.entries(coverage[c])) {
      const key = (attribution.get(name) ?? []).join(", ") || "unattributed";
      suites.set(key, [...(suites.get(key) ?? []), { category: c, name, covered: count > 0 }]);
    }
  }
  const keys = [...suites.keys()].sort((a, b) => (a === "unattributed" ? 1 : b === "unattributed" ? -1 : a.localeCompare(b)));
  for (const key of keys) {
    const scenarios = suites.get(key)!;
    const counts = reportedCategories
      .map((c) => [c, scenarios.filter((s) => s.category === c)] as const)
      .filter(([, s]) => s.length > 0)
      .map(([c, s]) => `${c} ${s.filter((x) => x.covered).length}/${s.length}`);
    lines.push(`### ${key}`, "", `Covered: ${counts.join(", ")}.`, "");
    const missing = scenarios.filter((s) => !s.covered);
    if (missing.length > 0) {
      lines.push("Not covered:", "");
      for (const s of missing) {
        lines.push(
          `- \`${s.name}\`${s.category === "vanilla" ? "" : ` (${s.category})`}: ${uncoveredReasons[s.name] ?? "not yet exercised"}.`,
        );
      }
      lines.push("");
    }
  }
  return `${lines.join("\n").trimEnd()}\n`;
}
