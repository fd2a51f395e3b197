/** Where bump looks for a new version's spec, how it names its status, and its command line. */
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { parseBumpArgs } from "../../generator/bump/main.js";
import { expectedSpecPath, locateSpec, registerVersion, statusOf } from "../../generator/bump/register.js";
import type { Manifest } from "../../generator/load/types.js";

const ID = "specification/communication/data-plane/Identity";
const manifest: Manifest = {
  client: { clientName: "C" },
  generate: ["2025-06-30"],
  versions: [
    {
      apiVersion: "2025-03-02-preview",
      status: "preview",
      path: `${ID}/preview/2025-03-02-preview/CommunicationIdentity.json`,
      sha256: {},
    },
    { apiVersion: "2025-06-30", status: "stable", path: `${ID}/stable/2025-06-30/CommunicationIdentity.json`, sha256: {} },
  ],
};
const root = mkdtempSync(join(tmpdir(), "acs-bump-register-"));
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("a new version's spec", () => {
  it("is the previous version's path with the new version's folder, stable/ or preview/ by its name", () => {
    expect(statusOf("2027-01-01")).toBe("stable");
    expect(statusOf("2027-01-01-preview")).toBe("preview");
    expect(expectedSpecPath(manifest, "2027-01-01")).toBe(`${ID}/stable/2027-01-01/CommunicationIdentity.json`);
    expect(expectedSpecPath(manifest, "2027-02-01-preview")).toBe(`${ID}/preview/2027-02-01-preview/CommunicationIdentity.json`);
    expect(expectedSpecPath(manifest, "2025-04-01")).toBe(`${ID}/stable/2025-04-01/CommunicationIdentity.json`);
  });

  it("missing: the error names the path, the specs root and the ways out", () => {
    expect(() => locateSpec(manifest, "2027-01-01", root, undefined)).toThrow(
      `${ID}/stable/2027-01-01/CommunicationIdentity.json#: no spec for API version 2027-01-01 under the specs root ${root} (put it there, pass --specs-root <dir>, or give --spec <file>)`,
    );
  });

  it("--spec must lie under the specs root", () => {
    const outside = join(tmpdir(), "elsewhere.json");
    expect(() => locateSpec(manifest, "2027-01-01", root, outside)).toThrow(
      `${outside}#: --spec must lie under the specs root ${root} (spec/manifest.json pins paths relative to it); copy it there or pass --specs-root`,
    );
    const inside = join(root, "x", "spec.json");
    mkdirSync(join(root, "x"));
    writeFileSync(inside, "{}");
    expect(locateSpec(manifest, "2027-01-01", root, inside)).toEqual({ path: "x/spec.json", file: inside });
  });

  it("an already generated version is refused; a listed one is only added to generate", async () => {
    await expect(registerVersion(manifest, "2025-06-30", root, undefined)).rejects.toThrow(
      'spec/manifest.json#/generate: API version "2025-06-30" is already generated',
    );
    const { manifest: next, registered } = await registerVersion(manifest, "2025-03-02-preview", root, undefined);
    expect(registered).toBeUndefined();
    expect(next.generate).toEqual(["2025-03-02-preview", "2025-06-30"]);
  });
});

describe("bump's command line", () => {
  it("takes a version, --spec, --specs-root and --dry-run", () => {
    expect(parseBumpArgs(["2027-01-01", "--dry-run", "--specs-root", root], {})).toEqual({
      apiVersion: "2027-01-01",
      specsRoot: root,
      dryRun: true,
    });
    expect(parseBumpArgs(["2027-01-01"], { ACS_SPECS_ROOT: root })).toEqual({ apiVersion: "2027-01-01", specsRoot: root, dryRun: false });
    expect(parseBumpArgs(["--help"], {})).toBeUndefined();
    expect(() => parseBumpArgs([], {})).toThrow("missing <api-version>");
    expect(() => parseBumpArgs(["v3"], {})).toThrow('<api-version> is YYYY-MM-DD or YYYY-MM-DD-preview, not "v3"');
  });
});
