import { readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSpec } from "../../generator/load/index.js";
import { checkPins, formatManifest, hashesRelativeTo, readManifest, validateManifest } from "../../generator/load/manifest.js";
import type { Manifest } from "../../generator/load/types.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const specsRoot = resolve(process.env["ACS_SPECS_ROOT"] || join(repoRoot, "..", "shared", "specs"));
const manifestFile = join(repoRoot, "spec", "manifest.json");

const valid = (): Manifest => ({
  client: { clientName: "IdentityRestClient" },
  generate: ["2021-03-07"],
  versions: [{ apiVersion: "2021-03-07", status: "stable", path: "a/spec.json", sha256: { "a/spec.json": "0".repeat(64) } }],
});

describe("spec/manifest.json", () => {
  it("is well formed, lists the seven published versions first and generates IdentityRestClient from 2021-03-07 on, in date order", () => {
    const manifest = readManifest(manifestFile);
    expect(manifest.client.clientName).toBe("IdentityRestClient");
    expect(manifest.generate[0]).toBe("2021-03-07");
    expect(manifest.generate).toEqual([...manifest.generate].sort());
    // Versions added by `npm run bump` come after these; the history never changes.
    expect(manifest.versions.slice(0, 7).map((v) => `${v.apiVersion} ${v.status}`)).toEqual([
      "2021-03-07 stable",
      "2022-06-01 stable",
      "2022-10-01 stable",
      "2023-10-01 stable",
      "2025-03-02-preview preview",
      "2025-06-30 stable",
      "2026-09-23 stable",
    ]);
    expect(formatManifest(manifest)).toBe(readFileSync(manifestFile, "utf8"));
  });

  it("pins exactly the files the loader reads for each version", async () => {
    const manifest = readManifest(manifestFile);
    for (const version of manifest.versions) {
      const spec = await loadSpec(join(specsRoot, version.path), { specsRoot });
      expect(hashesRelativeTo(spec, specsRoot)).toEqual(version.sha256);
      expect(() => checkPins(version, spec, specsRoot)).not.toThrow();
    }
  });

  it("a sha256 mismatch names the file and both hashes", async () => {
    const manifest = readManifest(manifestFile);
    const version = manifest.versions[0]!;
    const spec = await loadSpec(join(specsRoot, version.path), { specsRoot });
    const common = "specification/communication/data-plane/Common/stable/2021-03-07/common.json";
    const actual = version.sha256[common]!;
    const tampered = { ...version, sha256: { ...version.sha256, [common]: "ab".repeat(32) } };
    expect(() => checkPins(tampered, spec, specsRoot)).toThrow(
      `${common}#: sha256 mismatch for API version 2021-03-07: expected ${"ab".repeat(32)} (spec/manifest.json), actual ${actual} (run \`npm run generate -- --pin\` after reviewing the change)`,
    );
    const unpinned = { ...version, sha256: { [version.path]: version.sha256[version.path]! } };
    expect(() => checkPins(unpinned, spec, specsRoot)).toThrow(
      `${common}#: read for API version 2021-03-07 but not pinned in spec/manifest.json (run \`npm run generate -- --pin\` after reviewing the change)`,
    );
    const extra = { ...version, sha256: { ...version.sha256, "x/y.json": "cd".repeat(32) } };
    expect(() => checkPins(extra, spec, specsRoot)).toThrow(
      "x/y.json#: pinned for API version 2021-03-07 in spec/manifest.json but not read (run `npm run generate -- --pin` after reviewing the change)",
    );
  });
});

describe("validateManifest", () => {
  it("accepts a valid manifest", () => {
    expect(validateManifest(valid())).toEqual(valid());
  });

  it.each([
    [(m: Manifest) => ({ ...m, client: {} }), 'spec/manifest.json#/client: invalid manifest: missing required property "clientName"'],
    [
      (m: Manifest) => ({ ...m, versions: [{ ...m.versions[0]!, status: "beta" }] }),
      'spec/manifest.json#/versions/0/status: invalid manifest: must be one of "stable", "preview"',
    ],
    [
      (m: Manifest) => ({ ...m, versions: [{ ...m.versions[0]!, sha256: { "a/spec.json": "xyz" } }] }),
      "spec/manifest.json#/versions/0/sha256/a~1spec.json: invalid manifest: must match the pattern ^[0-9a-f]{64}$",
    ],
    [(m: Manifest) => ({ ...m, extra: 1 }), 'spec/manifest.json#: invalid manifest: unexpected property "extra"'],
    [
      (m: Manifest) => ({ ...m, generate: ["2099-01-01"] }),
      'spec/manifest.json#/generate/0: invalid manifest: API version "2099-01-01" is not in "versions"',
    ],
    [
      (m: Manifest) => ({ ...m, versions: [m.versions[0]!, m.versions[0]!] }),
      'spec/manifest.json#/versions/1/apiVersion: invalid manifest: API version "2021-03-07" is listed twice',
    ],
  ])("rejects a malformed manifest (%#)", (mutate, message) => {
    expect(() => validateManifest(mutate(valid()))).toThrow(message);
  });
});
