import { spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { DiffResult } from "../../generator/diff/change.js";
import { run } from "../../generator/diff/cli.js";
import { exitCodeFor, loadReportTemplate, renderJson, renderMarkdown } from "../../generator/diff/output.js";
import { KNOWN_VERSIONS } from "../fixtures/manifestVersions.js";
import { REPO_ROOT, SPECS_ROOT } from "./helpers.js";

async function cli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { ACS_SPECS_ROOT: SPECS_ROOT }, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, REPO_ROOT);
  return { code, stdout, stderr };
}

const KNOWN = KNOWN_VERSIONS.join(", ");
const tmp = mkdtempSync(join(tmpdir(), "diff-cli-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("npm run diff -- spec (in process)", () => {
  it("prints the report for the terminal: Markdown layout, no Markdown escapes", async () => {
    const { code, stdout, stderr } = await cli("spec", "2021-03-07", "2022-06-01");
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toBe(
      [
        "# Spec diff: 2021-03-07 → 2022-06-01",
        "",
        "1 change: 0 breaking, 1 non-breaking.",
        "",
        "## Breaking changes",
        "",
        "None.",
        "",
        "## Other changes",
        "",
        "| Rule | What | Message |",
        "| --- | --- | --- |",
        "| `operation-added` | `POST /teamsUser/:exchangeAccessToken` | operation CommunicationIdentity_ExchangeTeamsUserAccessToken (POST /teamsUser/:exchangeAccessToken) added |",
        "",
      ].join("\n"),
    );
  });

  it("--json prints exactly old, new and the sorted changes", async () => {
    const { code, stdout } = await cli("spec", "2022-06-01", "2022-10-01", "--json");
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as DiffResult;
    expect(Object.keys(parsed)).toEqual(["old", "new", "changes"]);
    expect(parsed.old).toEqual({
      label: "2022-06-01",
      apiVersion: "2022-06-01",
      file: "specification/communication/data-plane/Identity/stable/2022-06-01/CommunicationIdentity.json",
    });
    expect(parsed.changes.map((c) => [c.rule, c.breaking, c.concerns.path])).toEqual([
      ["request-property-added-optional", false, "POST /identities body.expiresInMinutes"],
      ["request-property-added-optional", false, "POST /identities/{id}/:issueAccessToken body.expiresInMinutes"],
    ]);
    expect(stdout.endsWith("}\n")).toBe(true);
  });

  it("--fail-on breaking: 1 with a breaking change, 0 without", async () => {
    expect((await cli("spec", "2022-10-01", "2023-10-01", "--fail-on", "breaking")).code).toBe(1);
    expect((await cli("spec", "2022-10-01", "2023-10-01")).code).toBe(0);
    expect((await cli("spec", "2023-10-01", "2025-06-30", "--fail-on", "breaking", "--json")).code).toBe(0);
  });

  it("accepts a spec file path on either side (outside the specs root too)", async () => {
    const copy = join(tmp, "copy.json");
    const source = join(SPECS_ROOT, "specification/communication/data-plane/Identity/stable/2025-06-30/CommunicationIdentity.json");
    writeFileSync(copy, readFileSync(source));
    const { code, stdout } = await cli("spec", copy, "2025-06-30", "--json");
    expect(code).toBe(0);
    const parsed = JSON.parse(stdout) as DiffResult;
    expect(parsed.old).toEqual({ label: copy, apiVersion: "2025-06-30", file: "copy.json" });
    expect(parsed.changes).toEqual([]);
  });

  it("unknown version, missing file: exit 2 and the reason", async () => {
    expect(await cli("spec", "2099-01-01", "2022-06-01")).toEqual({
      code: 2,
      stdout: "",
      stderr: `error: spec/manifest.json#/versions: no API version "2099-01-01" (known: ${KNOWN})\n`,
    });
    expect(await cli("spec", "2022-06-01", "nope/missing.json")).toEqual({
      code: 2,
      stdout: "",
      stderr: "error: nope/missing.json#: spec file does not exist\n",
    });
  });

  it("an invalid spec file: exit 2 naming the file", async () => {
    const bad = join(tmp, "bad.json");
    writeFileSync(bad, '{ "swagger": "2.0", ');
    const { code, stdout, stderr } = await cli("spec", bad, "2022-06-01");
    expect([code, stdout]).toEqual([2, ""]);
    expect(stderr).toMatch(/^error: bad\.json#: cannot parse JSON: /);
  });

  it("bad command lines: exit 2 with the usage", async () => {
    for (const [argv, message] of [
      [["frob", "a", "b"], 'unknown subcommand "frob" (known: spec, api, wire)'],
      [["spec", "2022-06-01"], "spec needs <old> and <new>"],
      [["spec", "a", "b", "c"], 'unexpected argument "c"'],
      [["spec", "a", "b", "--fail-on", "always"], '--fail-on takes "breaking" (or "never"), not "always"'],
      [[], "missing subcommand"],
    ] as const) {
      const { code, stdout, stderr } = await cli(...argv);
      expect([code, stdout, stderr.split("\n")[0]]).toEqual([2, "", `error: ${message}`]);
      expect(stderr).toContain("Usage: npm run diff -- <subcommand> <old> <new> [options]");
    }
    const help = await cli("--help");
    expect([help.code, help.stdout.split("\n")[0]]).toEqual([0, "Usage: npm run diff -- <subcommand> <old> <new> [options]"]);
  });
});

describe("output layer", () => {
  const result: DiffResult = {
    kind: "spec",
    old: { label: "a.json", apiVersion: "1" },
    new: { label: "2" },
    changes: [
      {
        breaking: true,
        rule: "type-changed",
        message: "type of a|b changed\nfrom *x* to `y` <z>",
        concerns: { kind: "property", path: "GET /x|y body.`q`" },
      },
    ],
  };
  it("escapes Markdown table cells (pipes, emphasis, code, HTML, line breaks)", () => {
    const text = renderMarkdown(result, loadReportTemplate(join(REPO_ROOT, "templates")));
    expect(text).toBe(
      [
        "# Spec diff: a.json (1) → 2",
        "",
        "1 change: 1 breaking, 0 non-breaking.",
        "",
        "## Breaking changes",
        "",
        "| Rule | What | Message |",
        "| --- | --- | --- |",
        "| `type-changed` | `` GET /x\\|y body.`q` `` | type of a\\|b changed from \\*x\\* to \\`y\\` \\<z\\> |",
        "",
        "## Other changes",
        "",
        "None.",
        "",
      ].join("\n"),
    );
  });
  it("JSON and exit codes", () => {
    expect(renderJson({ ...result, changes: [] })).toBe(
      '{\n  "old": {\n    "label": "a.json",\n    "apiVersion": "1"\n  },\n  "new": {\n    "label": "2"\n  },\n  "changes": []\n}\n',
    );
    expect([exitCodeFor(result, "breaking"), exitCodeFor(result, "never"), exitCodeFor({ ...result, changes: [] }, "breaking")]).toEqual([
      1, 0, 0,
    ]);
  });
});

describe("npm run diff (a real process)", () => {
  it("spec 2022-10-01 2023-10-01 --json --fail-on breaking exits 1 and prints the findings", () => {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", join(REPO_ROOT, "generator/diff/cli.ts"), "spec", "2022-10-01", "2023-10-01", "--json", "--fail-on", "breaking"],
      {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...process.env, ACS_SPECS_ROOT: SPECS_ROOT },
      },
    );
    expect([r.status, r.stderr]).toEqual([1, ""]);
    const parsed = JSON.parse(r.stdout) as DiffResult;
    expect(parsed.changes.filter((c) => c.breaking).map((c) => c.rule)).toEqual(["constraint-added"]);
    expect(parsed.changes).toHaveLength(5);
  });
  it("an unknown version exits 2", () => {
    const r = spawnSync(
      process.execPath,
      ["--import", "tsx", join(REPO_ROOT, "generator/diff/cli.ts"), "spec", "2099-01-01", "2023-10-01"],
      {
        cwd: REPO_ROOT,
        encoding: "utf8",
        env: { ...process.env, ACS_SPECS_ROOT: SPECS_ROOT },
      },
    );
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      "",
      `error: spec/manifest.json#/versions: no API version "2099-01-01" (known: ${KNOWN})\n`,
    ]);
  });
});
