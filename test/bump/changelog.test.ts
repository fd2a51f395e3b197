import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { collapse, nextMinorVersion, prependChangelogEntry, renderChangelogEntry, type ChangelogEntryInput } from "../../generator/bump/changelog.js";
import { defaultOf } from "../../generator/bump/main.js";
import { addVersion } from "../../generator/load/addVersion.js";
import type { Change, DiffResult } from "../../generator/diff/change.js";
import { compileMarkdownTemplate } from "../../generator/markdown.js";
import type { Manifest } from "../../generator/load/types.js";

const template = compileMarkdownTemplate(readFileSync(new URL("../../templates/changelog-entry.md.hbs", import.meta.url), "utf8"));

function change(rule: string, breaking: boolean, message: string, path = "POST /x"): Change {
  return { rule, breaking, message, concerns: { kind: "operation", path } };
}
function result(kind: string, changes: Change[]): DiffResult {
  return { kind, old: { label: "a" }, new: { label: "b" }, changes };
}

const input: ChangelogEntryInput = {
  packageVersion: "0.3.0",
  date: "2026-11-23",
  apiVersion: "2023-10-01",
  preview: false,
  comparedWith: "2022-10-01",
  defaultApiVersion: "2023-10-01",
  previousDefaultApiVersion: "2022-10-01",
  diffs: {
    spec: result("spec", [
      change("enum-value-added-extensible", false, "Value chat.join added to the extensible enum."),
      change("constraint-added", true, "constraints added: minimum 60, maximum 1440", "POST /identities body.expiresInMinutes"),
      change("default-added", false, "default 1440 added", "POST /identities body.expiresInMinutes"),
    ]),
    api: result("api", [
      change("export-added", false, "Export `KnownScope` added."),
      { rule: "const-value-changed", breaking: false, message: "Value of SDK_VERSION changed.", concerns: { kind: "export", path: "SDK_VERSION" } },
    ]),
    wire: result("wire", []),
  },
};

describe("changelog entry", () => {
  it("sorts diff findings into the Azure SDK sections, with the version to pin for service breaks", () => {
    expect(renderChangelogEntry(input, template)).toBe(
      [
        "## 0.3.0 (2026-11-23)",
        "",
        "Service API version `2023-10-01` added; the service changes below are relative to `2022-10-01`. Default api-version: `2023-10-01`. Full diffs: [review/changes/2023-10-01.md](review/changes/2023-10-01.md).",
        "",
        "### Features Added",
        "",
        "- API: Export \\`KnownScope\\` added.",
        "- Service 2023-10-01: Value chat.join added to the extensible enum.",
        "",
        "### Breaking Changes",
        "",
        '- Service 2023-10-01: POST /identities body.expiresInMinutes: constraints added: minimum 60, maximum 1440 (pin `apiVersion: "2022-10-01"` to keep the previous behaviour)',
        "",
        "### Other Changes",
        "",
        "- The default api-version is now `2023-10-01` (was `2022-10-01`).",
        "- Service 2023-10-01: POST /identities body.expiresInMinutes: default 1440 added",
        "",
      ].join("\n"),
    );
  });

  it("keeps service breaks of a preview (not the default) out of Breaking Changes", () => {
    const preview = { ...input, apiVersion: "2025-03-02-preview", preview: true, defaultApiVersion: "2023-10-01", previousDefaultApiVersion: "2023-10-01" };
    const text = renderChangelogEntry(preview, template);
    expect(text).toContain("### Breaking Changes\n\n- None.\n");
    expect(text).toContain('- The default api-version stays `2023-10-01`; pin `apiVersion: "2025-03-02-preview"` to use the new version.\n');
    expect(text).toContain("- Service 2025-03-02-preview: POST /identities body.expiresInMinutes: constraints added: minimum 60, maximum 1440\n");
    expect(text).toContain("Service API version `2025-03-02-preview` (preview) added");
  });

  it("prepends under the title, newest first", () => {
    expect(prependChangelogEntry(undefined, "## 0.2.0 (d)\n\nA\n")).toBe("# Release History\n\n## 0.2.0 (d)\n\nA\n");
    expect(prependChangelogEntry("# Release History\n\n## 0.2.0 (d)\n\nA\n", "## 0.3.0 (e)\n\nB\n")).toBe(
      "# Release History\n\n## 0.3.0 (e)\n\nB\n\n## 0.2.0 (d)\n\nA\n",
    );
  });

  it("collapses repeated findings into one line with a count", () => {
    expect(collapse(["a", "b", "a", "a"])).toEqual(["a (×3)", "b"]);
  });

  it("bumps the minor version", () => {
    expect(nextMinorVersion("0.1.0")).toBe("0.2.0");
    expect(nextMinorVersion("1.9.3")).toBe("1.10.0");
    expect(() => nextMinorVersion("next")).toThrow('package.json version "next" is not semver');
  });
});

describe("manifest for a bump", () => {
  const manifest: Manifest = {
    client: { clientName: "C" },
    generate: ["2021-03-07"],
    versions: [
      { apiVersion: "2021-03-07", status: "stable", path: "a", sha256: {} },
      { apiVersion: "2025-03-02-preview", status: "preview", path: "b", sha256: {} },
      { apiVersion: "2023-10-01", status: "stable", path: "c", sha256: {} },
    ],
  };

  it("adds the version in date order and picks the newest stable as default", () => {
    const next = addVersion(addVersion(manifest, "2025-03-02-preview"), "2023-10-01");
    expect(next.generate).toEqual(["2021-03-07", "2023-10-01", "2025-03-02-preview"]);
    expect(defaultOf(next, next.generate)).toBe("2023-10-01");
  });

  it("refuses unknown and already generated versions", () => {
    expect(() => addVersion(manifest, "2030-01-01")).toThrow(
      'spec/manifest.json#/versions: no API version "2030-01-01" (known: 2021-03-07, 2025-03-02-preview, 2023-10-01)',
    );
    expect(() => addVersion(manifest, "2021-03-07")).toThrow('spec/manifest.json#/generate: API version "2021-03-07" is already generated');
  });
});
