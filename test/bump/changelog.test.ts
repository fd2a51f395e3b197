import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  addToUnreleased,
  changelogSections,
  changelogVersions,
  collapse,
  nextMinorVersion,
  nextReleaseVersion,
  renderChangelogIntro,
  type ChangelogEntryInput,
} from "../../generator/bump/changelog.js";
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
      change(
        "request-property-added-optional",
        false,
        "optional property note (string) added to request model R",
        "POST /identities body.note",
      ),
    ]),
    api: result("api", [
      change("export-added", false, "Export `KnownScope` added."),
      {
        rule: "const-value-changed",
        breaking: false,
        message: "Value of SDK_VERSION changed.",
        concerns: { kind: "export", path: "SDK_VERSION" },
      },
    ]),
    wire: result("wire", [
      change("wire-outcome-now-error", true, "getToken now fails: A", "[default] getToken scopes=[chat] outcome"),
      change("wire-outcome-now-error", true, "getToken now fails: B", "[default] getToken scopes=[voip] outcome"),
      change("wire-default-api-version-changed", false, "The default api-version changed.", "[default] createUser #0 query api-version"),
      change(
        "wire-default-api-version-changed",
        false,
        "The default api-version changed.",
        "[default] createUser keyCredential #0 query api-version",
      ),
    ]),
  },
  notExposed: new Map([["POST /identities body.note", "communicationIdentityCreate"]]),
};

describe("changelog lines", () => {
  it("sorts findings into sections, service first, wire grouped by rule and method, unexposed additions said", () => {
    expect(changelogSections(input)).toEqual({
      breaking: [
        'Service 2023-10-01: POST /identities body.expiresInMinutes: constraints added: minimum 60, maximum 1440 (pin `apiVersion: "2022-10-01"` to keep the previous behaviour)',
        "Wire: getToken now fails: A (and 1 more `wire-outcome-now-error` for \\[default\\] getToken)",
      ],
      features: [
        "Service 2023-10-01: Value chat.join added to the extensible enum.",
        "Service 2023-10-01: optional property note (string) added to request model R (generated client only: `communicationIdentityCreate`; `CommunicationIdentityClient` and `./api` do not expose it yet)",
        "API: Export \\`KnownScope\\` added.",
      ],
      other: [
        "The default api-version is now `2023-10-01` (was `2022-10-01`).",
        "Service 2023-10-01: POST /identities body.expiresInMinutes: default 1440 added",
        "Wire: The default api-version changed. (×2)",
      ],
    });
    expect(renderChangelogIntro(input, template)).toBe(
      "Service API version `2023-10-01` added; the service changes below are relative to `2022-10-01`. Default api-version: `2023-10-01`. Full diffs: [review/changes/2023-10-01.md](review/changes/2023-10-01.md).",
    );
  });

  it("keeps service breaks of a preview (not the default) out of Breaking Changes", () => {
    const preview = {
      ...input,
      apiVersion: "2025-03-02-preview",
      preview: true,
      defaultApiVersion: "2023-10-01",
      previousDefaultApiVersion: "2023-10-01",
    };
    const sections = changelogSections(preview);
    expect(sections.breaking).toEqual(["Wire: getToken now fails: A (and 1 more `wire-outcome-now-error` for \\[default\\] getToken)"]);
    expect(sections.other.slice(0, 2)).toEqual([
      'The default api-version stays `2023-10-01`; pin `apiVersion: "2025-03-02-preview"` to use the new version.',
      "Service 2025-03-02-preview: POST /identities body.expiresInMinutes: constraints added: minimum 60, maximum 1440",
    ]);
    expect(renderChangelogIntro(preview, template)).toContain("Service API version `2025-03-02-preview` (preview) added");
  });

  const sections = { breaking: ["B1"], features: ["F1"], other: [] };

  it("creates the unreleased section (breaking first) above the released ones", () => {
    expect(addToUnreleased("# Release History\n\n## 0.2.0 (2026-01-01)\n\nA\n", "Intro.", sections, "0.3.0")).toBe(
      "# Release History\n\n## 0.3.0 (Unreleased)\n\nIntro.\n\n### Breaking Changes\n\n- B1\n\n### Features Added\n\n- F1\n\n### Other Changes\n\n- None.\n\n## 0.2.0 (2026-01-01)\n\nA\n",
    );
    expect(addToUnreleased(undefined, "Intro.", sections, "0.1.0")).toBe(
      "# Release History\n\n## 0.1.0 (Unreleased)\n\nIntro.\n\n### Breaking Changes\n\n- B1\n\n### Features Added\n\n- F1\n\n### Other Changes\n\n- None.\n",
    );
  });

  it("adds to the top unreleased section: one section per version, placeholders dropped, breaking first", () => {
    const existing = [
      "# Release History",
      "",
      "## 0.8.0 (Unreleased)",
      "",
      "Handwritten intro.",
      "",
      "### Features Added",
      "",
      "- F0",
      "  continued",
      "",
      "### Breaking Changes",
      "",
      "- None. Two types were widened.",
      "",
      "### Other Changes",
      "",
      "- None.",
      "",
      "## 0.7.0 (2026-11-23)",
      "",
      "Old.",
      "",
    ].join("\n");
    const once = addToUnreleased(existing, "Intro 1.", sections, "0.8.0");
    const twice = addToUnreleased(once, "Intro 2.", { breaking: ["B2"], features: [], other: ["O2"] }, "0.8.0");
    expect(twice).toBe(
      [
        "# Release History",
        "",
        "## 0.8.0 (Unreleased)",
        "",
        "Handwritten intro.",
        "",
        "Intro 1.",
        "",
        "Intro 2.",
        "",
        "### Breaking Changes",
        "",
        "- B2",
        "- B1",
        "- Two types were widened.",
        "",
        "### Features Added",
        "",
        "- F0",
        "  continued",
        "- F1",
        "",
        "### Other Changes",
        "",
        "- O2",
        "",
        "## 0.7.0 (2026-11-23)",
        "",
        "Old.",
        "",
      ].join("\n"),
    );
    expect(changelogVersions(twice)).toEqual(["0.8.0", "0.7.0"]);
  });

  it("collapses repeated findings into one line with a count", () => {
    expect(collapse(["a", "b", "a", "a"])).toEqual(["a (×3)", "b"]);
  });

  it("names a new section after the newer of package.json and the newest released section", () => {
    expect(nextMinorVersion("0.1.0")).toBe("0.2.0");
    expect(nextMinorVersion("1.9.3")).toBe("1.10.0");
    expect(() => nextMinorVersion("next")).toThrow('package.json version "next" is not semver');
    expect(nextReleaseVersion("0.7.0", "# Release History\n\n## 0.7.0 (2026-11-23)\n")).toBe("0.8.0");
    expect(nextReleaseVersion("0.7.0", "# Release History\n\n## 0.9.0 (2026-12-01)\n\n## 0.7.0 (2026-11-23)\n")).toBe("0.10.0");
    expect(nextReleaseVersion("0.7.0", undefined)).toBe("0.8.0");
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
      'spec/manifest.json#/versions: no API version "2030-01-01" (known: 2021-03-07, 2025-03-02-preview, 2023-10-01); `npm run bump -- 2030-01-01` registers and pins a new one',
    );
    expect(() => addVersion(manifest, "2021-03-07")).toThrow('spec/manifest.json#/generate: API version "2021-03-07" is already generated');
  });
});
