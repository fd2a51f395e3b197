import { spawnSync } from "node:child_process";
import {
  cpSync,
  lstatSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  symlinkSync,
  writeFileSync,
  appendFileSync,
  existsSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCliArgs, USAGE } from "../../generator/cli/args.js";
import { run } from "../../generator/cli/main.js";
import { cleanLeftovers, exchangeFolders, prepareExchange, withOutputMarker, writeAtomically } from "../../generator/cli/output.js";
import { identifierFromTitle, pinManifest, resolvePaths } from "../../generator/cli/pipeline.js";
import { formatManifest, readManifest } from "../../generator/load/manifest.js";
import { KNOWN_VERSIONS } from "../fixtures/manifestVersions.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const specsRoot = resolve(process.env["ACS_SPECS_ROOT"] || join(repoRoot, "..", "shared", "specs"));
const fixtures = join(repoRoot, "test", "fixtures", "load", "root");
const identity2021 = "specification/communication/data-plane/Identity/stable/2021-03-07/CommunicationIdentity.json";
const common2021 = "specification/communication/data-plane/Common/stable/2021-03-07/common.json";

// without --verbose, the 3 missing x-ms-examples files of 2021-03-07 are one summary line
const WARNINGS_2021 =
  "warning: 3 x-ms-examples references point to example files that do not exist (harmless: examples are not used for generation); run with --verbose to list them\n";
const WARNINGS_2021_VERBOSE = [
  `warning: ${identity2021}#/paths/~1identities~1{id}/delete/x-ms-examples/Delete an identity: example file "./examples/DeleteIdentity.json" does not exist\n`,
  `warning: ${identity2021}#/paths/~1identities~1{id}~1:revokeAccessTokens/post/x-ms-examples/Revoke access tokens: example file "./examples/RevokeAccessTokens.json" does not exist\n`,
  `warning: ${identity2021}#/paths/~1identities~1{id}~1:issueAccessToken/post/x-ms-examples/Issue an access token: example file "./examples/IssueAccessToken.json" does not exist\n`,
].join("");

async function cli(argv: string[], env: Record<string, string | undefined> = { ACS_SPECS_ROOT: specsRoot }) {
  let stdout = "";
  let stderr = "";
  const code = await run(argv, env, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

/** Every file under `dir` with its content, sorted by path. */
function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const entry of readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const p = join(d, entry.name);
      if (entry.isDirectory()) walk(p);
      else out[relative(dir, p).split("\\").join("/")] = readFileSync(p, "utf8");
    }
  };
  walk(dir);
  return out;
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "acs-cli-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe("command line", () => {
  it("--help prints the usage and exits 0 (real process)", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "generator/cli/main.ts"), "--help"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(USAGE);
    expect(result.stderr).toBe("");
  });

  it("an unknown flag is an error with exit code 2 (real process)", () => {
    const result = spawnSync(process.execPath, ["--import", "tsx", join(repoRoot, "generator/cli/main.ts"), "--frobnicate"], {
      cwd: repoRoot,
      encoding: "utf8",
    });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe("");
    expect(result.stderr).toBe('error: unknown option "--frobnicate" (see --help)\n');
  });

  it.each([
    [["--out"], 'error: option "--out" needs a value\n'],
    [["--check=yes"], 'error: option "--check" takes no value\n'],
    [["stray"], 'error: unexpected argument "stray" (see --help)\n'],
    [["-x"], 'error: unknown option "-x" (see --help)\n'],
    [
      ["--spec", "a.json", "--api-version", "2021-03-07"],
      "error: --spec and --api-version cannot be combined (--api-version picks from spec/manifest.json)\n",
    ],
  ])("rejects %j with exit code 2", async (argv, message) => {
    expect(await cli(argv)).toEqual({ code: 2, stdout: "", stderr: message });
  });

  it("an unknown API version names the known ones", async () => {
    const result = await cli(["--api-version", "2099-01-01", "--out", join(tmp, "never")]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: spec/manifest.json#/versions: no API version "2099-01-01" (known: ${KNOWN_VERSIONS.join(", ")})\n`,
    });
    expect(existsSync(join(tmp, "never"))).toBe(false);
  });

  it("the specs root comes from --specs-root, else ACS_SPECS_ROOT, else ../shared/specs", () => {
    expect(resolvePaths("/x/specs", { ACS_SPECS_ROOT: "/y/specs" }).specsRoot).toBe("/x/specs");
    expect(resolvePaths(undefined, { ACS_SPECS_ROOT: "/y/specs" }).specsRoot).toBe("/y/specs");
    expect(resolvePaths(undefined, {}).specsRoot).toBe(resolve(repoRoot, "..", "shared", "specs"));
  });

  it("parses repeated and comma-separated --api-version, and defaults", () => {
    expect(parseCliArgs(["--api-version", "2021-03-07,2022-06-01", "--api-version", " 2023-10-01 ", "--check"])).toEqual({
      help: false,
      apiVersions: ["2021-03-07", "2022-06-01", "2023-10-01"],
      out: "generated",
      allowRemoteRefs: false,
      check: true,
      pin: false,
      verbose: false,
      validateConstraints: false,
    });
    expect(parseCliArgs(["--spec", "x.yaml", "--root", "r", "--specs-root", "s", "--out", "o", "--allow-remote-refs"])).toEqual({
      help: false,
      spec: "x.yaml",
      root: "r",
      specsRoot: "s",
      apiVersions: [],
      out: "o",
      allowRemoteRefs: true,
      check: false,
      pin: false,
      verbose: false,
      validateConstraints: false,
    });
    expect(parseCliArgs(["--verbose"]).verbose).toBe(true);
    expect(parseCliArgs(["--validate-constraints"]).validateConstraints).toBe(true);
    expect(() => parseCliArgs(["--validate-constraints=false"])).toThrow('option "--validate-constraints" takes no value');
    expect(() => parseCliArgs(["--verbose=yes"])).toThrow('option "--verbose" takes no value');
  });

  it("makes a client name from info.title", () => {
    expect(identifierFromTitle("CommunicationIdentityClient")).toBe("CommunicationIdentityClient");
    expect(identifierFromTitle("Widget Service")).toBe("WidgetService");
    expect(identifierFromTitle("my-api v2 (beta)")).toBe("MyApiV2Beta");
    expect(identifierFromTitle("3d printer")).toBe("_3dPrinter");
    expect(identifierFromTitle("")).toBe("Client");
  });
});

describe("generate", () => {
  it("writes the same bytes twice (deterministic), prints warnings and a summary", async () => {
    const a = join(tmp, "det-a");
    const b = join(tmp, "det-b");
    const first = await cli(["--api-version", "2021-03-07", "--out", a]);
    const second = await cli(["--api-version", "2021-03-07", "--out", b, "--verbose"]);
    const files = snapshot(a);
    const count = Object.keys(files).length;
    const wrote = (out: string) =>
      new RegExp(`^wrote ${count} files to ${out} \\(IdentityRestClient, API 2021-03-07\\) in \\d+\\.\\d\\d s\\n$`);
    expect(first.code).toBe(0);
    expect(first.stderr).toBe(WARNINGS_2021);
    expect(first.stdout).toMatch(wrote(a));
    expect(second.code).toBe(0);
    expect(second.stderr).toBe(WARNINGS_2021_VERBOSE);
    expect(second.stdout).toMatch(wrote(b));
    expect(snapshot(b)).toEqual(files);
    expect(files["src/index.ts"]).toContain("IdentityRestClient");
  });

  it("does not depend on where the specs root is", async () => {
    const copy = join(tmp, "specs-elsewhere");
    cpSync(specsRoot, copy, { recursive: true });
    const here = join(tmp, "root-default");
    const there = join(tmp, "root-copy");
    expect((await cli(["--out", here])).code).toBe(0);
    expect((await cli(["--out", there], { ACS_SPECS_ROOT: copy })).code).toBe(0);
    expect(snapshot(there)).toEqual(snapshot(here));
  });

  it("matches the checked-in generated/ folder", async () => {
    const result = await cli(["--check", "--out", join(repoRoot, "generated")]);
    const manifest = JSON.parse(readFileSync(join(repoRoot, "spec", "manifest.json"), "utf8")) as { generate: string[] };
    const summary = ` is up to date (${Object.keys(snapshot(join(repoRoot, "generated"))).length} files, API ${manifest.generate.join(", ")})`;
    expect(result.stdout.split("\n")[0]?.endsWith(summary)).toBe(true);
    expect(result.code).toBe(0);
  });

  it("--check: exit 0 when fresh, exit 1 listing stale, missing and extra files", async () => {
    const out = join(tmp, "check");
    expect((await cli(["--api-version", "2021-03-07", "--out", out])).code).toBe(0);
    const count = Object.keys(snapshot(out)).length;
    expect(await cli(["--api-version", "2021-03-07", "--check", "--out", out])).toEqual({
      code: 0,
      stdout: `${out} is up to date (${count} files, API 2021-03-07)\n`,
      stderr: WARNINGS_2021,
    });
    appendFileSync(join(out, "src/models.ts"), "// edited\n");
    rmSync(join(out, "README.md"));
    writeFileSync(join(out, "src/old.ts"), "export {};\n");
    mkdirSync(join(out, "src/gone"));
    writeFileSync(join(out, "src/gone/x.ts"), "export {};\n");
    expect(await cli(["--api-version", "2021-03-07", "--check", "--out", out])).toEqual({
      code: 1,
      stdout: "",
      stderr:
        WARNINGS_2021 +
        `${out} is out of date:\n` +
        "  stale:   src/models.ts\n" +
        "  missing: README.md\n" +
        "  extra:   src/gone/x.ts\n" +
        "  extra:   src/old.ts\n" +
        "run `npm run generate` to update it\n",
    });
  });

  it("summarises missing x-ms-examples files in one line, prints other warnings as they come; --verbose lists each", async () => {
    // a spec with 2 missing example files, 1 present one and 1 outside the root (another kind of warning)
    const root = join(tmp, "examples-spec");
    mkdirSync(join(root, "examples"), { recursive: true });
    writeFileSync(join(root, "examples", "Present.json"), "{}\n");
    const op = (operationId: string, examples: Record<string, string>) => ({
      operationId,
      responses: { "200": { description: "OK", schema: { type: "string" } } },
      "x-ms-examples": Object.fromEntries(Object.entries(examples).map(([name, ref]) => [name, { $ref: ref }])),
    });
    const spec = {
      swagger: "2.0",
      info: { title: "Gadget Service", version: "2024-05-01" },
      paths: {
        "/a": { get: op("Gadgets_GetA", { "Get A": "./examples/GetA.json", Present: "./examples/Present.json" }) },
        "/b": { get: op("Gadgets_GetB", { "Get B": "../elsewhere/GetB.json" }) },
        "/c": { get: op("Gadgets_GetC", { "Get C": "./examples/GetC.json" }) },
      },
    };
    writeFileSync(join(root, "spec.json"), JSON.stringify(spec, null, 2));
    const argv = ["--spec", join(root, "spec.json"), "--root", root];

    const quiet = await cli([...argv, "--out", join(tmp, "examples-quiet")]);
    expect(quiet.code).toBe(0);
    expect(quiet.stdout).toMatch(/^wrote \d+ files to .*examples-quiet \(GadgetService, API 2024-05-01\) in \d+\.\d\d s\n$/);
    expect(quiet.stderr.split("\n")).toEqual([
      'warning: spec.json#/paths/~1b/get/x-ms-examples/Get B: example file "../elsewhere/GetB.json" is outside the root folder; not checked',
      "warning: 2 x-ms-examples references point to example files that do not exist (harmless: examples are not used for generation); run with --verbose to list them",
      "",
    ]);

    const verbose = await cli([...argv, "--out", join(tmp, "examples-verbose"), "--verbose"]);
    expect(verbose.code).toBe(0);
    expect(verbose.stdout).toMatch(/^wrote \d+ files to .*examples-verbose \(GadgetService, API 2024-05-01\) in \d+\.\d\d s\n$/);
    expect(verbose.stderr.split("\n")).toEqual([
      'warning: spec.json#/paths/~1a/get/x-ms-examples/Get A: example file "./examples/GetA.json" does not exist',
      'warning: spec.json#/paths/~1b/get/x-ms-examples/Get B: example file "../elsewhere/GetB.json" is outside the root folder; not checked',
      'warning: spec.json#/paths/~1c/get/x-ms-examples/Get C: example file "./examples/GetC.json" does not exist',
      "",
    ]);
    expect(snapshot(join(tmp, "examples-verbose"))).toEqual(snapshot(join(tmp, "examples-quiet")));
  });

  it("--check on a missing folder lists every file as missing", async () => {
    const result = await cli(["--check", "--out", join(tmp, "absent")]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${join(tmp, "absent")} is out of date:\n  missing: .acs-gen-output.json\n  missing: README.md\n`);
  });

  it("generates from an arbitrary --spec, naming the client after info.title", async () => {
    const out = join(tmp, "widgets");
    const result = await cli(["--spec", join(fixtures, "api/spec.json"), "--root", fixtures, "--out", out]);
    expect(result.stderr).toBe(
      "warning: 1 x-ms-examples reference points to an example file that does not exist (harmless: examples are not used for generation); run with --verbose to list it\n",
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^wrote \d+ files to .* \(WidgetService, API 2024-01-01\) in \d+\.\d\d s\n$/);
    expect(snapshot(out)["src/index.ts"]).toContain("WidgetService");
  });
});

describe("atomic output", () => {
  it("a broken spec leaves the existing output folder byte-identical", async () => {
    const out = join(tmp, "atomic");
    mkdirSync(join(out, "src"), { recursive: true });
    writeFileSync(join(out, "README.md"), "previous output\n");
    writeFileSync(join(out, "src/index.ts"), "export const previous = true;\n");
    const before = snapshot(out);
    const result = await cli(["--spec", join(fixtures, "bad/missing-def.json"), "--root", fixtures, "--out", out]);
    expect(result).toEqual({
      code: 1,
      stdout: "",
      stderr:
        'error: bad/missing-def.json#/paths/~1widgets/get/responses/200/schema: $ref "#/definitions/Nope" does not resolve: no such definition\n',
    });
    expect(snapshot(out)).toEqual(before);
    expect(readdirSync(tmp).filter((n) => n.startsWith(".atomic."))).toEqual([]);
  });

  it("a failure while writing leaves the previous folder and no temporary folder behind", async () => {
    const parent = join(tmp, "write-fail");
    const out = join(parent, "out");
    const old = withOutputMarker([{ path: "keep.txt", content: "old\n" }]);
    await writeAtomically(out, old);
    // "a.txt" is written as a file, so "a.txt/b.txt" cannot be created: the write fails midway
    await expect(
      writeAtomically(out, [
        { path: "a.txt", content: "new\n" },
        { path: "a.txt/b.txt", content: "new\n" },
      ]),
    ).rejects.toThrow(/^EEXIST: file already exists, mkdir /);
    expect(snapshot(out)).toEqual(Object.fromEntries(old.map((f) => [f.path, f.content])));
    expect(readdirSync(parent)).toEqual(["out"]);
  });

  it("replaces the folder as a whole: files no longer emitted disappear", async () => {
    const out = join(tmp, "replace");
    await writeAtomically(out, withOutputMarker([{ path: "old.txt", content: "1" }]));
    await writeAtomically(out, withOutputMarker([{ path: "dir/new.txt", content: "2" }]));
    expect(Object.keys(snapshot(out))).toEqual([".acs-gen-output.json", "dir/new.txt"]);
    expect(snapshot(out)["dir/new.txt"]).toBe("2");
    expect(readdirSync(tmp).filter((n) => n.includes(".replace."))).toEqual([]);
  });

  it("refuses paths that would leave the output folder", async () => {
    await expect(writeAtomically(join(tmp, "evil"), [{ path: "../escape.txt", content: "" }])).rejects.toThrow(
      '(emit)#: refusing to write "../escape.txt": not a plain relative path',
    );
  });
});

describe("pins", () => {
  it("a changed spec file fails with the file and both hashes", async () => {
    const copy = join(tmp, "specs-copy");
    cpSync(specsRoot, copy, { recursive: true });
    const manifest = readManifest(join(repoRoot, "spec", "manifest.json"));
    const pinned = manifest.versions[0]!.sha256[common2021]!;
    appendFileSync(join(copy, common2021), "\n");
    const result = await cli(["--out", join(tmp, "never2")], { ACS_SPECS_ROOT: copy });
    expect(result.code).toBe(1);
    // the missing examples of the version loaded before the failure are still summarised, first
    expect(result.stderr.startsWith(WARNINGS_2021)).toBe(true);
    expect(result.stderr.split("\n").filter((l) => l.startsWith("error:"))).toEqual([
      expect.stringMatching(
        new RegExp(
          `^error: ${common2021}#: sha256 mismatch for API version 2021-03-07: expected ${pinned} \\(spec/manifest\\.json\\), actual [0-9a-f]{64} \\(run \`npm run generate -- --pin\` after reviewing the change\\)$`,
        ),
      ),
    ]);
    expect(existsSync(join(tmp, "never2"))).toBe(false);
  });

  it("--pin recomputes every version's hashes from what the loader reads", async () => {
    const real = readManifest(join(repoRoot, "spec", "manifest.json"));
    const manifestFile = join(tmp, "manifest.json");
    writeFileSync(manifestFile, formatManifest({ ...real, versions: real.versions.map((v) => ({ ...v, sha256: {} })) }));
    const paths = { ...resolvePaths(specsRoot, {}), manifestFile };
    const pinned = await pinManifest({ apiVersions: [], allowRemoteRefs: false }, paths, () => undefined);
    expect(pinned).toEqual(real);
  });
});

describe("--out replaces only what the generator wrote", () => {
  // a one-operation spec in its own folder
  const tinySpec = `${JSON.stringify(
    {
      swagger: "2.0",
      info: { title: "Tiny Service", version: "2024-02-01" },
      paths: { "/a": { get: { operationId: "Tiny_Get", responses: { "200": { description: "OK", schema: { type: "string" } } } } } },
    },
    null,
    2,
  )}\n`;
  let specDir: string;
  let specFile: string;
  let reference: Record<string, string>;
  beforeAll(async () => {
    specDir = join(tmp, "tiny");
    specFile = join(specDir, "spec.json");
    mkdirSync(specDir);
    writeFileSync(specFile, tinySpec);
    const out = join(tmp, "tiny-reference");
    expect((await cli(["--spec", specFile, "--out", out])).code).toBe(0);
    reference = snapshot(out);
  });
  const generate = (out: string, ...extra: string[]) => cli(["--spec", specFile, "--out", out, ...extra]);

  it("--force is a flag, off unless given", () => {
    expect(parseCliArgs(["--force"]).force).toBe(true);
    expect("force" in parseCliArgs([])).toBe(false);
    expect(() => parseCliArgs(["--force=yes"])).toThrow('option "--force" takes no value');
  });

  it("writes a marker listing the files it wrote (deterministic)", () => {
    const listed = Object.keys(reference).filter((p) => p !== ".acs-gen-output.json");
    expect(listed.length).toBeGreaterThan(3);
    expect(JSON.parse(reference[".acs-gen-output.json"]!)).toEqual({
      generator: "acs-gen (npm run generate)",
      note: "The files the generator wrote to this folder. --out replaces a non-empty folder only when it holds this file and no file it does not list.",
      files: listed,
    });
  });

  it("--out set to the spec's own folder is refused, even with --force; the spec stays", async () => {
    for (const extra of [[], ["--force"]]) {
      expect(await generate(specDir, ...extra)).toEqual({
        code: 1,
        stdout: "",
        stderr: `error: --out "${specDir}" holds the input file ${specFile}; refusing to replace it (input files are never deleted)\n`,
      });
      expect(snapshot(specDir)).toEqual({ "spec.json": tinySpec });
    }
  });

  it("--out holding the input folder, or inside it, is refused", async () => {
    expect(await generate(tmp)).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: --out "${tmp}" holds the input file ${specFile}; refusing to replace it (input files are never deleted)\n`,
    });
    const inside = join(specDir, "gen");
    expect(await generate(inside, "--root", specDir, "--force")).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: --out "${inside}" is inside the input folder ${specDir}; refusing to write there\n`,
    });
    expect(existsSync(inside)).toBe(false);
    const inSpecsRoot = join(specsRoot, "never-written");
    expect((await cli(["--check", "--out", inSpecsRoot])).code).toBe(1); // --check reads only
    expect(await cli(["--api-version", "2021-03-07", "--out", inSpecsRoot])).toEqual({
      code: 1,
      stdout: "",
      stderr: `${WARNINGS_2021}error: --out "${inSpecsRoot}" is inside the input folder ${specsRoot}; refusing to write there\n`,
    });
    expect(existsSync(inSpecsRoot)).toBe(false);
    expect(snapshot(specDir)).toEqual({ "spec.json": tinySpec });
  });

  it("a folder holding a user's file (thesis.txt) is refused; --force replaces it", async () => {
    const out = join(tmp, "thesis");
    mkdirSync(out);
    writeFileSync(join(out, "thesis.txt"), "chapter 1\n");
    expect(await generate(out)).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: --out "${out}" is not empty and was not written by the generator (no .acs-gen-output.json; it holds thesis.txt); refusing to replace it (--force replaces it, deleting those files)\n`,
    });
    expect(snapshot(out)).toEqual({ "thesis.txt": "chapter 1\n" });
    const forced = await generate(out, "--force");
    expect(forced.code).toBe(0);
    expect(forced.stdout).toMatch(
      new RegExp(`^wrote ${Object.keys(reference).length} files to ${out} \\(TinyService, API 2024-02-01\\) in \\d+\\.\\d\\d s\\n$`),
    );
    expect(snapshot(out)).toEqual(reference);
  });

  it("a generated folder with a file the generator did not write is refused; --force replaces it", async () => {
    const out = join(tmp, "added");
    expect((await generate(out)).code).toBe(0);
    mkdirSync(join(out, "notes"));
    writeFileSync(join(out, "notes", "thesis.txt"), "chapter 1\n");
    expect(await generate(out)).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: --out "${out}" holds files the generator did not write (notes/thesis.txt); refusing to replace it (move them away, or --force deletes them)\n`,
    });
    expect(snapshot(out)).toEqual({ ...reference, "notes/thesis.txt": "chapter 1\n" });
    expect((await generate(out, "--force")).code).toBe(0);
    expect(snapshot(out)).toEqual(reference);
  });

  it("a regular file is refused, even with --force, and kept", async () => {
    const out = join(tmp, "a-file.txt");
    writeFileSync(out, "keep me\n");
    for (const extra of [[], ["--force"]]) {
      expect(await generate(out, ...extra)).toEqual({
        code: 1,
        stdout: "",
        stderr: `error: --out "${out}" is a file, not a folder; refusing to replace it\n`,
      });
      expect(readFileSync(out, "utf8")).toBe("keep me\n");
    }
    expect(await cli(["--spec", specFile, "--check", "--out", out])).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: --out "${out}" is not a folder\n`,
    });
  });

  it("a symbolic link is refused, even with --force; the folder it points to is kept", async () => {
    const target = join(tmp, "link-target");
    mkdirSync(target);
    writeFileSync(join(target, "mine.txt"), "mine\n");
    const out = join(tmp, "a-link");
    symlinkSync(target, out);
    for (const extra of [[], ["--force"]]) {
      expect(await generate(out, ...extra)).toEqual({
        code: 1,
        stdout: "",
        stderr: `error: --out "${out}" is a symbolic link; refusing to replace it (give the folder itself)\n`,
      });
    }
    expect(snapshot(target)).toEqual({ "mine.txt": "mine\n" });
    expect(lstatSync(out).isSymbolicLink()).toBe(true);
  });

  it("an empty or missing folder, or its own earlier output, is fine", async () => {
    const empty = join(tmp, "empty");
    mkdirSync(join(empty, "sub"), { recursive: true }); // folders only: no file is lost
    expect((await generate(empty)).code).toBe(0);
    expect(snapshot(empty)).toEqual(reference);
    expect((await generate(empty)).code).toBe(0);
    expect(snapshot(empty)).toEqual(reference);
    const missing = join(tmp, "missing", "deeper");
    expect((await generate(missing)).code).toBe(0);
    expect(snapshot(missing)).toEqual(reference);
    expect(readdirSync(tmp).filter((n) => n.startsWith(".empty.") || n.startsWith(".missing."))).toEqual([]);
  });
});

describe("leftovers of a killed run", () => {
  const deadPid = 4194305; // above Linux's highest pid_max: no such process
  const files = withOutputMarker([{ path: "a.txt", content: "old\n" }]);

  it("the two-rename fallback: a kill between the renames is repaired by the next run (old folder back)", async () => {
    const parent = join(tmp, "fallback");
    const out = join(parent, "out");
    await writeAtomically(out, files);
    const interrupted = writeAtomically(out, withOutputMarker([{ path: "a.txt", content: "new\n" }]), {
      exchange: () => false,
      step: (name) => {
        if (name === "between renames") throw new Error("killed");
      },
    });
    await expect(interrupted).rejects.toThrow("killed");
    const names = readdirSync(parent).sort();
    expect(names.map((n) => n.replace(/-\d+-[0-9a-f]{8}$/, "-<tag>"))).toEqual([".out.old-<tag>", ".out.tmp-<tag>"]);
    // as if the process that left them were gone
    for (const name of names) renameSync(join(parent, name), join(parent, name.replace(/-\d+-/, `-${deadPid}-`)));
    await cleanLeftovers(out);
    expect(readdirSync(parent)).toEqual(["out"]);
    expect(snapshot(out)).toEqual(Object.fromEntries(files.map((f) => [f.path, f.content])));
  });

  it("removes only the generator's own names of processes that are gone", async () => {
    const parent = join(tmp, "leftovers");
    const out = join(parent, "out");
    await writeAtomically(out, files);
    const mine = [`.out.tmp-${deadPid}-0123abcd`, `.out.old-${deadPid}-89abcdef`];
    const kept = [`.out.tmp-${process.pid}-0123abcd`, ".out.tmp-x", `.other.tmp-${deadPid}-0123abcd`, "thesis.txt"];
    for (const name of [...mine, ...kept]) mkdirSync(join(parent, name));
    await cleanLeftovers(out);
    expect(readdirSync(parent).sort()).toEqual(["out", ...kept].sort());
    expect(snapshot(out)).toEqual(Object.fromEntries(files.map((f) => [f.path, f.content])));
  });

  it.runIf(process.platform === "linux" && ["x64", "arm64"].includes(process.arch))(
    "swaps two folders in one call (renameat2 RENAME_EXCHANGE)",
    async () => {
      const a = join(tmp, "swap-a");
      const b = join(tmp, "swap-b");
      mkdirSync(a);
      mkdirSync(b);
      writeFileSync(join(a, "f"), "a");
      writeFileSync(join(b, "f"), "b");
      expect(await exchangeFolders(a, b)).toBe(true);
      expect([readFileSync(join(a, "f"), "utf8"), readFileSync(join(b, "f"), "utf8")]).toEqual(["b", "a"]);
      await expect(exchangeFolders(a, join(tmp, "swap-none"))).rejects.toThrow(`cannot swap ${a} and ${join(tmp, "swap-none")}: ENOENT`);
      // prepared, then cancelled: nothing is swapped
      await prepareExchange(a, b).cancel();
      expect([readFileSync(join(a, "f"), "utf8"), readFileSync(join(b, "f"), "utf8")]).toEqual(["b", "a"]);
    },
  );
});
