// Issue 11: Markdown escapes belong in Markdown files only (not in what `npm run diff` prints), and
// a value that merely starts with digits and a dot (a version, "1.0.0") is not a list marker.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { run as generate } from "../../generator/cli/main.js";
import type { DiffResult } from "../../generator/diff/change.js";
import { run } from "../../generator/diff/cli.js";
import { loadReportTemplate, renderJson, renderMarkdown } from "../../generator/diff/output.js";
import { escapeMarkdown } from "../../generator/markdown.js";
import { REPO_ROOT, SPECS_ROOT } from "./helpers.js";

const tmp = mkdtempSync(join(tmpdir(), "diff-escaping-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function diffCli(...argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, { ACS_SPECS_ROOT: SPECS_ROOT }, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) }, REPO_ROOT);
  return { code, stdout, stderr };
}

const widened: DiffResult = {
  kind: "api",
  old: { label: "old.api.md" },
  new: { label: "new.api.md" },
  changes: [
    {
      breaking: false,
      rule: "property-type-widened-input",
      message: "Type of apiVersion in input type CommunicationIdentityClientOptions was widened from string to ApiVersion | (string & {}).",
      concerns: { kind: "property", path: "CommunicationIdentityClientOptions.apiVersion" },
    },
  ],
};

const isRow = (line: string): boolean => line.startsWith("| `property-type-widened-input`");

describe("npm run diff prints no Markdown escapes; Markdown files keep them", () => {
  it("spec 2025-03-02-preview 2025-06-30: operationIds with underscores as they are", async () => {
    const { code, stdout, stderr } = await diffCli("spec", "2025-03-02-preview", "2025-06-30");
    expect([code, stderr]).toEqual([0, ""]);
    expect(stdout).toContain(
      "| `operation-renamed` | `DELETE /identities/{id}` | operationId CommunicationIdentity_Delete renamed to IdentityOperations_Delete (same method and path, same wire) |\n",
    );
    expect(stdout).not.toContain("\\");
  });

  it("the same report for a file (as bump writes review/changes/*.md) is escaped; unescaped for the terminal", () => {
    expect(
      renderMarkdown(widened, loadReportTemplate(join(REPO_ROOT, "templates")))
        .split("\n")
        .find(isRow),
    ).toBe(
      "| `property-type-widened-input` | `CommunicationIdentityClientOptions.apiVersion` | Type of apiVersion in input type CommunicationIdentityClientOptions was widened from string to ApiVersion \\| (string \\& {}). |",
    );
    expect(
      renderMarkdown(widened, loadReportTemplate(join(REPO_ROOT, "templates"), { escape: false }))
        .split("\n")
        .find(isRow),
    ).toBe(
      "| `property-type-widened-input` | `CommunicationIdentityClientOptions.apiVersion` | Type of apiVersion in input type CommunicationIdentityClientOptions was widened from string to ApiVersion | (string & {}). |",
    );
  });

  it("--json carries the message unescaped", () => {
    expect((JSON.parse(renderJson(widened)) as DiffResult).changes[0]?.message).toBe(
      "Type of apiVersion in input type CommunicationIdentityClientOptions was widened from string to ApiVersion | (string & {}).",
    );
  });
});

describe("escapeMarkdown at the start of a value", () => {
  it("leaves a version number alone; escapes a real ordered-list marker by its dot or parenthesis", () => {
    expect(["1.0.0", "2025-06-30", "1.", "1. first", "12) twelfth", "# title", "- item", "+ item"].map(escapeMarkdown)).toEqual([
      "1.0.0",
      "2025-06-30",
      "1\\.",
      "1\\. first",
      "12\\) twelfth",
      "\\# title",
      "\\- item",
      "\\+ item",
    ]);
  });

  it("the generated README shows info.version 1.0.0 as 1.0.0 (was \\1.0.0)", async () => {
    const spec = join(tmp, "versioned.json");
    writeFileSync(
      spec,
      JSON.stringify({
        swagger: "2.0",
        info: { title: "Versioned", version: "1.0.0" },
        paths: { "/a": { get: { operationId: "A_Get", responses: { "204": { description: "ok" } } } } },
      }),
    );
    let stderr = "";
    const code = await generate(["--spec", spec, "--out", join(tmp, "out")], {}, { stdout: () => {}, stderr: (t) => (stderr += t) });
    expect([code, stderr]).toEqual([0, ""]);
    const readme = readFileSync(join(tmp, "out", "README.md"), "utf8");
    expect(readme).toContain("| 1.0.0 | stable | `versioned.json` |\n");
    expect(readme).toContain("Files read for 1.0.0:\n");
    expect(readme).not.toContain("\\1");
  });
});
