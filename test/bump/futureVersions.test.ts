/**
 * `npm run bump` on versions nobody has seen: synthetic specs built from the newest one, each a
 * single change on top of the one before, bumped one after the other in a temporary copy of the
 * working tree (../shared beside it, an extra specs root holding the synthetic specs):
 *
 *   2027-01-01          enum value added           exit 0
 *   2027-02-01          optional request property  exit 3 (src/ does not pass it)
 *   2027-03-01          operation added            exit 3 (src/ never calls it)
 *   2027-04-01          operation removed          exit 3 (breaking; src/ still calls it)
 *   2027-05-01-preview  a preview after a stable   exit 0 (default unchanged)
 *   2027-06-01          required request property  exit 3 (breaking; src/ does not pass it, and no
 *                       longer compiles against the regenerated client: bumped last, then reset)
 *
 * After the first bump, the tests whose facts are "the newest", "the default" or "every version"
 * (AFTER_BUMP_TESTS) pass in the copy as they are: they read spec/manifest.json, not a literal list.
 *
 * Also: --dry-run prints the same summary and writes nothing; a bump whose spec fails to generate
 * (after the manifest was written) leaves the tree byte-identical; `generate --check` and
 * `api --check` are clean afterwards; CHANGELOG.md has one unreleased section collecting them all.
 *
 * Slow (every bump regenerates, runs API Extractor and records the wire contract: about 25 s each,
 * 7 bumps and a dry run): runs only with ACS_BUMP_E2E=1.
 */
import { spawnSync, type SpawnSyncReturns } from "node:child_process";
import {
  chmodSync,
  cpSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative, sep } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveSpecsRoot } from "../../generator/cli/specsRoot.js";
import { copyEnv, generateIn, repoRoot, treeHashes, workingTreeFiles, workspaceWithShared } from "../fixtures/checkout.js";

const RUN = process.env["ACS_BUMP_E2E"] === "1";
const IDENTITY = "specification/communication/data-plane/Identity";
const BASE = "2026-09-23";

type Spec = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let parent: string;
let clone: string;
let specsRoot: string;
let hasEmulatorSupport = false;

function env(): NodeJS.ProcessEnv {
  const e = copyEnv();
  for (const name of Object.keys(e)) if (name.startsWith("VITEST")) delete e[name];
  return { ...e, NO_COLOR: "1" };
}

function git(...args: string[]): string {
  const r = spawnSync("git", ["-c", "user.email=bump@test", "-c", "user.name=bump test", ...args], { cwd: clone, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`git ${args.join(" ")}: ${r.stderr}`);
  return r.stdout;
}

function bumpIn(...args: string[]): SpawnSyncReturns<string> {
  return spawnSync(
    process.execPath,
    [join(clone, "node_modules", "tsx", "dist", "cli.mjs"), "generator/bump/main.ts", ...args, "--specs-root", specsRoot],
    {
      cwd: clone,
      encoding: "utf8",
      env: env(),
      maxBuffer: 64 * 1024 * 1024,
    },
  );
}

/**
 * Every file of the copy but .git, node_modules and V8's compile cache, by path. The launcher's compile
 * cache (.tmp/generator-cli/compile-cache/, gitignored) is rewritten by V8 whenever it has newer compiled
 * code, on any run that loads the generator, so it is not part of what a bump must leave as it was.
 */
function tree(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(treeHashes(clone)).filter(
      ([path]) => !path.startsWith(".git/") && !path.startsWith(".tmp/generator-cli/compile-cache/"),
    ),
  );
}

function readSpec(version: string): Spec {
  const folder = version.endsWith("-preview") ? "preview" : "stable";
  return JSON.parse(readFileSync(join(specsRoot, IDENTITY, folder, version, "CommunicationIdentity.json"), "utf8")) as Spec;
}

/** Writes `spec` as `version` where the layout puts it (stable/ or preview/ by the name). */
function writeSpec(version: string, spec: Spec): void {
  const folder = version.endsWith("-preview") ? "preview" : "stable";
  const file = join(specsRoot, IDENTITY, folder, version, "CommunicationIdentity.json");
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify({ ...spec, info: { ...spec["info"], version } }, null, 2) + "\n");
}

function derive(from: string, to: string, change: (spec: Spec) => void): void {
  const spec = readSpec(from);
  change(spec);
  writeSpec(to, spec);
}

function makeWritable(dir: string): void {
  chmodSync(dir, 0o755);
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) makeWritable(path);
    else chmodSync(path, 0o644);
  }
}

function changes(version: string): { spec: string[][]; api: string[][]; surface: { gaps: Array<{ kind: string; message: string }> } } {
  const json = JSON.parse(readFileSync(join(clone, "review", "changes", `${version}.json`), "utf8")) as {
    spec: { changes: Array<{ rule: string; breaking: boolean; concerns: { path: string } }> };
    api: { changes: Array<{ rule: string; breaking: boolean; concerns: { path: string } }> };
    surface: { gaps: Array<{ kind: string; message: string }> };
  };
  const rows = (d: { changes: Array<{ rule: string; breaking: boolean; concerns: { path: string } }> }): string[][] =>
    d.changes.map((c) => [c.breaking ? "breaking" : "-", c.rule, c.concerns.path]);
  return { spec: rows(json.spec), api: rows(json.api), surface: json.surface };
}

/** The top section of CHANGELOG.md, and every section heading. */
function changelog(): { headings: string[]; top: string } {
  const text = readFileSync(join(clone, "CHANGELOG.md"), "utf8");
  const headings = [...text.matchAll(/^## .*$/gm)].map((m) => m[0]);
  const start = text.indexOf("\n## ") + 1;
  const end = text.indexOf("\n## ", start + 1);
  return { headings, top: text.slice(start, end < 0 ? undefined : end) };
}

/** The bullets of `### <title>` in the top section. */
function bullets(title: string): string[] {
  const { top } = changelog();
  const start = top.indexOf(`### ${title}\n`);
  const rest = top.slice(start + title.length + 5);
  const end = rest.indexOf("\n### ");
  return (end < 0 ? rest : rest.slice(0, end)).split("\n").filter((l) => l.startsWith("- "));
}

/** The tests that hard-coded the newest version or the list of seven before reading the manifest. */
const AFTER_BUMP_TESTS = [
  "test/client/apiVersions.test.ts",
  "test/client/client.test.ts",
  "test/client/modular.test.ts",
  "test/client/onResponse.test.ts",
  "test/client/previewFeatures.test.ts",
  "test/client/tracing.test.ts",
  "test/compat/communicationCommon.test.ts",
  "test/compat/communicationIdentityClient.mocked.test.ts",
  "test/diff/cli.test.ts",
  "test/emulator/newVersion.test.ts",
  "test/emulator/versions.test.ts",
  "test/generator/cli.test.ts",
  "test/generator/constraints.test.ts",
  "test/generator/functions.test.ts",
  "test/generator/load-manifest.test.ts",
  "test/wire/recordGuard.test.ts",
];

/**
 * Runs `run` with the copy's ../shared/specs holding the synthetic specs of the versions its
 * manifest lists (as a maintainer's checkout has the new spec after pulling it), then puts the
 * link to the real specs' folder back.
 */
function withBumpedShared<T>(run: () => T): T {
  const manifest = JSON.parse(readFileSync(join(clone, "spec", "manifest.json"), "utf8")) as { versions: Array<{ apiVersion: string }> };
  const listed = new Set(manifest.versions.map((v) => v.apiVersion));
  const shared = join(parent, "shared");
  const real = realpathSync(shared);
  rmSync(shared);
  try {
    cpSync(specsRoot, join(shared, "specs"), {
      recursive: true,
      filter: (src) => {
        const version = /^specification\/communication\/data-plane\/Identity\/(?:stable|preview)\/([^/]+)$/.exec(
          relative(specsRoot, src).split(sep).join("/"),
        );
        return version === null || listed.has(version[1]!);
      },
    });
    return run();
  } finally {
    rmSync(shared, { recursive: true, force: true });
    symlinkSync(real, shared);
  }
}

const API_LIST_ADDED = (_version: string): string[] => ["-", "const-list-member-added", "apiVersions"];

describe.skipIf(!RUN)("npm run bump on synthetic future versions", () => {
  beforeAll(async () => {
    parent = workspaceWithShared("acs-bump-");
    clone = join(parent, "checkout");
    for (const file of workingTreeFiles()) {
      mkdirSync(dirname(join(clone, file)), { recursive: true });
      cpSync(join(repoRoot, file), join(clone, file), { verbatimSymlinks: true });
    }
    symlinkSync(join(repoRoot, "node_modules"), join(clone, "node_modules"));
    git("init", "-q");
    git("add", "-A");
    git("commit", "-qm", "base");
    specsRoot = join(parent, "specs");
    cpSync(resolveSpecsRoot(undefined, process.env), specsRoot, { recursive: true });
    makeWritable(specsRoot);

    derive(BASE, "2027-01-01", (s) => {
      const scope = s["definitions"]["CommunicationIdentityTokenScope"];
      scope["enum"].push("chat.admin");
      scope["x-ms-enum"]["values"].push({ name: "chatAdmin", value: "chat.admin", description: "Chat administration." });
    });
    derive("2027-01-01", "2027-02-01", (s) => {
      s["definitions"]["CommunicationIdentityCreateRequest"]["properties"]["displayName"] = {
        type: "string",
        description: "A display name.",
      };
    });
    derive("2027-02-01", "2027-03-01", (s) => {
      const revoke = structuredClone(s["paths"]["/identities/{id}/:revokeAccessTokens"]);
      revoke["post"]["operationId"] = "IdentityOperations_Suspend";
      delete revoke["post"]["x-ms-examples"];
      s["paths"]["/identities/{id}/:suspend"] = revoke;
    });
    derive("2027-03-01", "2027-04-01", (s) => {
      delete s["paths"]["/identities/{id}/:revokeAccessTokens"];
    });
    derive("2027-04-01", "2027-05-01-preview", () => undefined);
    derive("2027-04-01", "2027-06-01", (s) => {
      const request = s["definitions"]["CommunicationIdentityAccessTokenRequest"];
      request["properties"]["purpose"] = { type: "string", description: "Why the token is issued." };
      request["required"] = [...(request["required"] ?? []), "purpose"];
    });
    derive(BASE, "2027-07-01", (s) => {
      // Loads (valid Swagger), fails in the generator's model stage: after bump wrote the manifest.
      s["paths"]["/identities/{id}/:issueAccessToken"]["post"]["operationId"] = s["paths"]["/identities/{id}"]["delete"]["operationId"];
    });
    hasEmulatorSupport =
      typeof ((await import("../../emulator/index.js")) as Record<string, unknown>)["describeVersionSupport"] === "function";
  }, 120_000);
  afterAll(() => {
    if (parent !== undefined) rmSync(parent, { recursive: true, force: true });
  });

  let summary01 = "";

  it("--dry-run prints the summary and writes nothing", () => {
    const before = tree();
    const result = bumpIn("2027-01-01", "--dry-run");
    expect(result.stderr).not.toContain("error:");
    expect(result.status).toBe(0);
    expect(tree()).toEqual(before);
    summary01 = result.stdout;
    expect(summary01.split("\n")[0]).toBe("bump 2027-01-01 (dry run: nothing was written)");
    expect(summary01).toContain(
      "  would write: spec/manifest.json, generated/, review/communication-identity.api.md, review/communication-identity-api.api.md, review/wire-contract.json, review/changes/2027-01-01.md, review/changes/2027-01-01.json, CHANGELOG.md\n",
    );
  }, 300_000);

  it("(d) enum value added: exit 0, the same summary as the dry run, one unreleased section", () => {
    const result = bumpIn("2027-01-01");
    expect(result.stderr).not.toContain("error:");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(summary01.replace(" (dry run: nothing was written)", "").replace("  would write: ", "  wrote: "));
    expect(result.stdout).toContain(
      "  registered specification/communication/data-plane/Identity/stable/2027-01-01/CommunicationIdentity.json (1 file pinned)\n",
    );
    expect(result.stdout).toContain("  default api-version: 2027-01-01 (was 2026-09-23); service changes relative to 2026-09-23\n");
    const c = changes("2027-01-01");
    expect(c.spec).toEqual([["-", "enum-value-added-extensible", "POST /identities body.createTokenWithScopes[]"]]);
    expect(c.api).toEqual([API_LIST_ADDED("2027-01-01")]);
    expect(c.surface.gaps).toEqual([]);
    const { headings } = changelog();
    expect(headings.slice(0, 2)).toEqual(["## 0.8.0 (Unreleased)", "## 0.7.0 (2026-11-23)"]);
    expect(bullets("Features Added").slice(-2)).toEqual([
      '- Service 2027-01-01: value "chat.admin" added to extensible enum CommunicationIdentityTokenScope',
      '- API: Value "2027-01-01" was added to apiVersions.',
    ]);
    git("add", "-A");
    git("commit", "-qm", "2027-01-01");
  }, 300_000);

  it("the emulator serves the new version and the wire contract check is clean (needs manifest-driven emulator)", (ctx) => {
    if (!hasEmulatorSupport) ctx.skip("needs manifest-driven emulator");
    expect(summary01).toContain("  emulator:\n    the emulator serves 2027-01-01 with rules inherited from 2026-09-23\n");
    const wire = spawnSync(process.execPath, [join(clone, "node_modules", "vitest", "vitest.mjs"), "run", "test/wire/contract.test.ts"], {
      cwd: clone,
      encoding: "utf8",
      env: { ...env(), ACS_SPECS_ROOT: specsRoot }, // the emulator reads the new version's spec there
    });
    expect(wire.status, wire.stdout.slice(-3000)).toBe(0);
    const json = JSON.parse(readFileSync(join(clone, "review", "changes", "2027-01-01.json"), "utf8")) as {
      wire: { changes: Array<{ breaking: boolean }> };
    };
    expect(json.wire.changes.filter((c) => c.breaking)).toEqual([]);
  }, 300_000);

  it("after the bump, the tests about the newest, the default and every version pass unchanged in the copy", () => {
    const result = withBumpedShared(() =>
      spawnSync(process.execPath, [join(clone, "node_modules", "vitest", "vitest.mjs"), "run", ...AFTER_BUMP_TESTS], {
        cwd: clone,
        encoding: "utf8",
        env: env(), // no ACS_SPECS_ROOT: ../shared/specs, as in a real checkout
        maxBuffer: 64 * 1024 * 1024,
      }),
    );
    expect(result.status, result.stdout.slice(-5000)).toBe(0);
    expect(result.stdout).toMatch(new RegExp(`Test Files {2}${AFTER_BUMP_TESTS.length} passed \\(${AFTER_BUMP_TESTS.length}\\)`));
    expect(git("status", "--porcelain")).toBe("");
  }, 900_000);

  it("(a) optional request property added: exit 3, the gap said in the summary, the review file and the changelog", () => {
    const result = bumpIn("2027-02-01");
    expect(result.stderr).not.toContain("error:");
    expect(result.status).toBe(3);
    const gap =
      "body field displayName of POST /identities (2027-02-01): src/ calls communicationIdentityCreate (src/api/users.ts) but never passes body.displayName";
    expect(result.stdout).toContain(`  needs a person:\n    - expose in src/: ${gap}\n`);
    const c = changes("2027-02-01");
    expect(c.spec).toEqual([["-", "request-property-added-optional", "POST /identities body.displayName"]]);
    expect(c.api).toEqual([API_LIST_ADDED("2027-02-01")]);
    expect(c.surface.gaps).toEqual([
      {
        kind: "not-exposed",
        path: "POST /identities body.displayName",
        rule: "request-property-added-optional",
        functionName: "communicationIdentityCreate",
        message: gap,
      },
    ]);
    expect(readFileSync(join(clone, "review", "changes", "2027-02-01.md"), "utf8")).toContain(
      "## What the handwritten client does not expose yet\n\n- body field displayName of POST /identities (2027-02-01): src/ calls communicationIdentityCreate (src/api/users.ts) but never passes body.displayName\n",
    );
    expect(bullets("Features Added")).toContain(
      "- Service 2027-02-01: optional property displayName (string) added to request model CommunicationIdentityCreateRequest (generated client only: `communicationIdentityCreate`; `CommunicationIdentityClient` and `./api` do not expose it yet)",
    );
    git("add", "-A");
    git("commit", "-qm", "2027-02-01");
  }, 300_000);

  it("(c) operation added: exit 3, src/ never calls it", () => {
    const result = bumpIn("2027-03-01");
    expect(result.stderr).not.toContain("error:");
    expect(result.status).toBe(3);
    const c = changes("2027-03-01");
    expect(c.spec).toEqual([["-", "operation-added", "POST /identities/{id}/:suspend"]]);
    expect(c.surface.gaps.map((g) => g.message)).toEqual([
      "operation POST /identities/{id}/:suspend (2027-03-01): src/ never calls identityOperationsSuspend",
    ]);
    expect(c.api[0]).toEqual(API_LIST_ADDED("2027-03-01"));
    git("add", "-A");
    git("commit", "-qm", "2027-03-01");
  }, 300_000);

  it("(b) operation removed: exit 3, the removal is the first breaking change, src/ still calls it", () => {
    const result = bumpIn("2027-04-01");
    expect(result.stderr).not.toContain("error:");
    expect(result.status).toBe(3);
    const c = changes("2027-04-01");
    expect(c.spec).toEqual([["breaking", "operation-removed", "POST /identities/{id}/:revokeAccessTokens"]]);
    expect(c.api).toEqual([API_LIST_ADDED("2027-04-01")]);
    expect(c.surface.gaps.map((g) => g.kind)).toEqual(["still-used"]);
    expect(result.stdout.split("\n")[4]).toBe(
      "    BREAKING spec operation-removed POST /identities/{id}/:revokeAccessTokens: operation IdentityOperations_RevokeAccessTokens (POST /identities/{id}/:revokeAccessTokens) removed",
    );
    expect(bullets("Breaking Changes")[0]).toBe(
      '- Service 2027-04-01: operation IdentityOperations\\_RevokeAccessTokens (POST /identities/{id}/:revokeAccessTokens) removed (pin `apiVersion: "2027-03-01"` to keep the previous behaviour)',
    );
    git("add", "-A");
    git("commit", "-qm", "2027-04-01");
  }, 300_000);

  it("(f) a preview after a stable: exit 0, the default stays", () => {
    const result = bumpIn("2027-05-01-preview");
    expect(result.stderr).not.toContain("error:");
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(
      "  registered specification/communication/data-plane/Identity/preview/2027-05-01-preview/CommunicationIdentity.json (1 file pinned)\n",
    );
    expect(result.stdout).toContain("  default api-version: 2027-04-01 (unchanged); service changes relative to 2027-04-01\n");
    expect(changes("2027-05-01-preview").spec).toEqual([]);
    expect(bullets("Other Changes")).toContain(
      '- The default api-version stays `2027-04-01`; pin `apiVersion: "2027-05-01-preview"` to use the new version.',
    );
    const manifest = JSON.parse(readFileSync(join(clone, "spec", "manifest.json"), "utf8")) as {
      generate: string[];
      versions: Array<{ apiVersion: string; status: string }>;
    };
    expect(manifest.generate.slice(-5)).toEqual(["2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01", "2027-05-01-preview"]);
    expect(manifest.versions.find((v) => v.apiVersion === "2027-05-01-preview")?.status).toBe("preview");
    git("add", "-A");
    git("commit", "-qm", "2027-05-01-preview");
  }, 300_000);

  it("after five: one unreleased section with every version, breaking first; generate --check and api --check clean", () => {
    const { headings, top } = changelog();
    expect(headings.filter((h) => h.startsWith("## 0.8.0"))).toEqual(["## 0.8.0 (Unreleased)"]);
    expect(new Set(headings.map((h) => h.split(" ")[1])).size).toBe(headings.length);
    const order = [...top.matchAll(/^### (.*)$/gm)].map((m) => m[1]);
    expect(order).toEqual(["Breaking Changes", "Features Added", "Other Changes"]);
    for (const v of ["2027-01-01", "2027-02-01", "2027-03-01", "2027-04-01", "2027-05-01-preview"]) {
      expect(top).toContain(`Full diffs: [review/changes/${v}.md](review/changes/${v}.md).`);
    }
    const check = generateIn(clone, ["--check", "--specs-root", specsRoot]);
    expect(check.stdout.split("\n")[0]).toMatch(/^generated is up to date \(\d+ files, API 2021-03-07, .*, 2027-05-01-preview\)$/);
    expect(check.status).toBe(0);
    const api = spawnSync(
      process.execPath,
      [join(clone, "node_modules", "tsx", "dist", "cli.mjs"), "generator/diff/apiCli.ts", "--check"],
      { cwd: clone, encoding: "utf8", env: env() },
    );
    expect(api.status).toBe(0);
  }, 300_000);

  it("(e) new required request property: exit 3, breaking first, src/ no longer compiles and says so", () => {
    const result = bumpIn("2027-06-01");
    expect(result.stderr).not.toContain("failed");
    expect(result.status).toBe(3);
    const c = changes("2027-06-01");
    expect(c.spec).toEqual([["breaking", "request-property-added-required", "POST /identities/{id}/:issueAccessToken body.purpose"]]);
    expect(c.surface.gaps.map((g) => g.kind)).toEqual(["does-not-compile", "not-exposed"]);
    expect(c.surface.gaps[0]?.message).toMatch(
      /^src\/ does not compile against the regenerated client, so the API reports were not refreshed \(change src\/, then npm run api\): src\/api\/tokens\.ts:\d+: .*purpose/,
    );
    expect(c.surface.gaps[1]?.message).toBe(
      "body field purpose of POST /identities/{id}/:issueAccessToken (2027-06-01): src/ calls communicationIdentityIssueAccessToken (src/api/tokens.ts) but never passes body.purpose",
    );
    expect(result.stdout).toContain("    - fix src/: src/ does not compile against the regenerated client");
    expect(result.stdout).not.toContain("review/communication-identity.api.md");
    expect(bullets("Breaking Changes")[0]).toBe(
      '- Service 2027-06-01: required property purpose (string) added to request model CommunicationIdentityAccessTokenRequest (pin `apiVersion: "2027-04-01"` to keep the previous behaviour)',
    );
  }, 300_000);

  it("a bump whose spec fails to generate leaves the tree byte-identical, exit 1", () => {
    git("reset", "-q", "--hard");
    git("clean", "-fdq");
    const before = tree();
    const result = bumpIn("2027-07-01");
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'error: specification/communication/data-plane/Identity/stable/2027-07-01/CommunicationIdentity.json#/paths/~1identities~1{id}~1:issueAccessToken/post: duplicate operationId "IdentityOperations_Delete" (also at /paths/~1identities~1{id}/delete)\n',
    );
    expect(result.stderr).toContain("bump 2027-07-01 failed; every file it wrote was restored, the checkout is as it was.\n");
    expect(tree()).toEqual(before);
    expect(git("status", "--porcelain")).toBe("");
  }, 300_000);
});
