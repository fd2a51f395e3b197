/**
 * A checkout copied with `cp -a` (its .tmp/ bundle cache included) works on its own tree: `generate
 * -- --check` checks the copy, and `--pin` rewrites the copy's spec/manifest.json, never the original's.
 * The bundle in .tmp/generator-cli holds absolute paths; launch.mjs keys it by the checkout's location.
 */
import { spawnSync } from "node:child_process";
import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { formatManifest, readManifest } from "../../generator/load/manifest.js";
import { copyCheckout, generateIn, repoRoot, treeHashes, workspaceWithShared } from "../fixtures/checkout.js";

let parent: string;
let original: string;
let copy: string;
const realManifest = readFileSync(join(repoRoot, "spec", "manifest.json"), "utf8");
const bundleKey = (checkout: string): string =>
  (JSON.parse(readFileSync(join(checkout, ".tmp", "generator-cli", "current.json"), "utf8")) as { key: string }).key;

/** The manifest with the pins of its first version zeroed: --pin must restore them. */
function unpinned(): string {
  const manifest = readManifest(join(repoRoot, "spec", "manifest.json"));
  const [first, ...rest] = manifest.versions;
  const zeroed = Object.fromEntries(Object.keys(first!.sha256).map((file) => [file, "0".repeat(64)]));
  return formatManifest({ ...manifest, versions: [{ ...first!, sha256: zeroed }, ...rest] });
}

beforeAll(() => {
  parent = workspaceWithShared("acs-relocated-");
  original = join(parent, "original");
  copy = join(parent, "copy");
  copyCheckout(original, ["package.json", "tsconfig.json", ".prettierrc.json", "generator", "spec", "generated"]);
  // the original has its bundle cached, as after any `npm run generate`
  const built = generateIn(original, ["--help"], { ACS_GEN_DEBUG: "1" });
  expect(built.stderr).toBe("");
  expect(built.status).toBe(0);
  const cp = spawnSync("cp", ["-a", original, copy], { encoding: "utf8" });
  expect(cp.status).toBe(0);
});
afterAll(() => rmSync(parent, { recursive: true, force: true }));

describe("a checkout copied with cp -a", () => {
  it("generate -- --check checks the copy's generated/, with a bundle of its own", () => {
    const before = treeHashes(original);
    // the copy's manifest generates one version only: its generated/ (all versions) is then out of date
    const manifest = readManifest(join(copy, "spec", "manifest.json"));
    writeFileSync(join(copy, "spec", "manifest.json"), formatManifest({ ...manifest, generate: [manifest.versions[0]!.apiVersion] }));
    const result = generateIn(copy, ["--check"], { ACS_GEN_DEBUG: "1" });
    expect(result.stderr).toMatch(
      /(^|\n)generated is out of date:\n( {2}(stale|missing|extra): +\S+\n)+run `npm run generate` to update it\n$/,
    );
    expect(result.status).toBe(1);
    expect(bundleKey(copy)).not.toBe(bundleKey(original));
    expect(treeHashes(original)).toEqual(before);
  });

  it("generate -- --pin rewrites the copy's spec/manifest.json and leaves the original's alone", () => {
    writeFileSync(join(original, "spec", "manifest.json"), unpinned());
    writeFileSync(join(copy, "spec", "manifest.json"), unpinned());
    const before = treeHashes(original);
    const result = generateIn(copy, ["--pin"]);
    expect(result.status).toBe(0);
    const versions = readManifest(join(repoRoot, "spec", "manifest.json")).versions.length;
    expect(result.stdout).toMatch(new RegExp(`^pinned \\d+ files for ${versions} API versions in spec/manifest\\.json\n$`));
    expect(readFileSync(join(copy, "spec", "manifest.json"), "utf8")).toBe(realManifest);
    expect(treeHashes(original)).toEqual(before);
    expect(readFileSync(join(original, "spec", "manifest.json"), "utf8")).toBe(unpinned());
  });

  it("generate writes the copy's generated/ only", () => {
    const before = treeHashes(original);
    const result = generateIn(copy, []);
    expect(result.status).toBe(0);
    const count = Object.keys(treeHashes(join(repoRoot, "generated"))).length;
    expect(result.stdout.split("\n")[0]).toMatch(
      new RegExp(`^wrote ${count} files to generated \\(IdentityRestClient, API .*\\) in \\d+\\.\\d\\d s$`),
    );
    expect(treeHashes(join(copy, "generated"))).toEqual(treeHashes(join(repoRoot, "generated")));
    expect(treeHashes(original)).toEqual(before);
  });
});
