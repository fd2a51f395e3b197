/**
 * `npm run bump -- <api-version>`: add a service API version to what generated/ is built from, and
 * show exactly what that changes.
 *
 * 1. adds the version to `generate` in spec/manifest.json (it must already be pinned in `versions`);
 * 2. regenerates generated/ (`npm run generate`), refreshes the API report (`npm run api`) and the
 *    wire contract (the recording test against the emulator);
 * 3. diffs spec (see `comparedWith` below → new), API report and wire contract (before → after), and
 *    writes them to review/changes/<api-version>.md (and .json for machines);
 * 4. bumps the package's minor version and prepends a CHANGELOG.md entry rendered from
 *    templates/changelog-entry.md.hbs.
 *
 * Any failure before step 3 restores the manifest, the report and the wire contract (generated/ is
 * written atomically by the generator, so a failed generation never touches it). Nothing is committed:
 * review the diff, run `npm test`, commit.
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { compileMarkdownTemplate } from "../markdown.js";
import { addVersion } from "../load/addVersion.js";
import { findVersion, formatManifest, readManifest } from "../load/manifest.js";
import { defaultApiVersion } from "../model/defaultApiVersion.js";
import type { Manifest } from "../load/types.js";
import type { DiffResult } from "../diff/change.js";
import { loadReportTemplate, renderMarkdown } from "../diff/output.js";
import { runSpecDiff } from "../diff/spec/command.js";
import { runApiDiff } from "../diff/apiCommand.js";
import { API_ENTRIES, API_REPORT_FILE } from "../diff/apiEntries.js";
import { runWireDiff } from "../diff/wireCommand.js";
import { nextMinorVersion, prependChangelogEntry, renderChangelogEntry, type BumpDiffs } from "./changelog.js";

const USAGE = `Usage: npm run bump -- <api-version> [--date YYYY-MM-DD] [--specs-root <dir>]

Adds <api-version> (pinned in spec/manifest.json "versions") to the versions generated/ is built
from, regenerates, refreshes review/communication-identity.api.md and review/wire-contract.json,
writes review/changes/<api-version>.md and prepends a CHANGELOG.md entry.

Options:
  --date <YYYY-MM-DD>   date of the changelog entry (default: today, UTC)
  --specs-root <dir>    specs root (default: $ACS_SPECS_ROOT, else ../shared/specs)
  -h, --help            show this help
`;

const REPORT = API_REPORT_FILE;
const WIRE = "review/wire-contract.json";

/** The default api-version of a client generated from `versions` (listed in `manifest`). */
export function defaultOf(manifest: Manifest, versions: readonly string[]): string {
  return defaultApiVersion(versions.map((v) => findVersion(manifest, v)));
}

function run(repoRoot: string, command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  const result = spawnSync(command, args, { cwd: repoRoot, stdio: "inherit", env: { ...process.env, ...env } });
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status ?? result.signal})`);
}

function renderDiffs(diffs: BumpDiffs, repoRoot: string): string {
  const template = loadReportTemplate(join(repoRoot, "templates"));
  return [diffs.spec, diffs.api, diffs.wire].map((d: DiffResult) => renderMarkdown(d, template).trimEnd()).join("\n\n") + "\n";
}

function setPackageVersion(repoRoot: string, version: string): void {
  const pkgFile = join(repoRoot, "package.json");
  const pkg = JSON.parse(readFileSync(pkgFile, "utf8")) as { version: string };
  pkg.version = version;
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + "\n");
  const lockFile = join(repoRoot, "package-lock.json");
  const lock = JSON.parse(readFileSync(lockFile, "utf8")) as { version?: string; packages?: Record<string, { version?: string }> };
  lock.version = version;
  const root = lock.packages?.[""];
  if (root !== undefined) root.version = version;
  writeFileSync(lockFile, JSON.stringify(lock, null, 2) + "\n");
  const versionFile = join(repoRoot, "src", "version.ts");
  const source = readFileSync(versionFile, "utf8");
  const updated = source.replace(/export const SDK_VERSION = "[^"]*";/, `export const SDK_VERSION = "${version}";`);
  if (updated === source && !source.includes(`"${version}"`)) throw new Error("src/version.ts has no SDK_VERSION constant to update");
  writeFileSync(versionFile, updated);
}

export async function bump(argv: string[], repoRoot: string): Promise<number> {
  let apiVersion: string;
  let date: string;
  let specsRoot: string;
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { date: { type: "string" }, "specs-root": { type: "string" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help === true) {
      process.stdout.write(USAGE);
      return 0;
    }
    if (positionals.length !== 1) throw new Error(positionals.length === 0 ? "missing <api-version>" : `unexpected argument ${JSON.stringify(positionals[1])}`);
    apiVersion = positionals[0] as string;
    date = values.date ?? new Date().toISOString().slice(0, 10);
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error(`--date takes YYYY-MM-DD, not ${JSON.stringify(date)}`);
    specsRoot = resolve(values["specs-root"] ?? (process.env["ACS_SPECS_ROOT"] || join(repoRoot, "..", "shared", "specs")));
  } catch (err) {
    process.stderr.write(`error: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }

  const manifestFile = join(repoRoot, "spec", "manifest.json");
  const manifestText = readFileSync(manifestFile, "utf8");
  const manifest = readManifest(manifestFile);
  const next = addVersion(manifest, apiVersion);
  const previousApiVersion = manifest.generate[manifest.generate.length - 1] ?? "";
  const preview = findVersion(next, apiVersion).status === "preview";
  const previousDefault = defaultOf(manifest, manifest.generate);
  const newDefault = defaultOf(next, next.generate);
  // A stable version is compared with the previous default (the newest stable): that is what callers
  // who do not pin apiVersion had, whatever preview came in between. A preview is compared with the
  // newest version before it.
  const comparedWith = preview ? previousApiVersion : previousDefault;

  const work = join(repoRoot, ".tmp", "bump", apiVersion);
  mkdirSync(work, { recursive: true });
  const oldReportText = readFileSync(join(repoRoot, REPORT), "utf8");
  // Every export's report (the root's and the modular API's), to restore if the bump fails.
  const oldReports = API_ENTRIES.map((e) => [e.reportFile, readFileSync(join(repoRoot, e.reportFile), "utf8")] as const);
  const oldWireText = readFileSync(join(repoRoot, WIRE), "utf8");
  writeFileSync(join(work, "before.api.md"), oldReportText);
  writeFileSync(join(work, "before.wire-contract.json"), oldWireText);

  const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
  const packageVersion = nextMinorVersion(pkg.version);
  const versionFiles = ["package.json", "package-lock.json", join("src", "version.ts")].map((f) => [f, readFileSync(join(repoRoot, f), "utf8")] as const);

  writeFileSync(manifestFile, formatManifest(next));
  // Before the API report: the package version is part of the public surface (SDK_VERSION).
  setPackageVersion(repoRoot, packageVersion);
  try {
    const specsEnv = { ACS_SPECS_ROOT: specsRoot };
    console.log(`bump: generating from ${next.generate.join(", ")}`);
    run(repoRoot, "npm", ["run", "--silent", "generate"], specsEnv);
    console.log("bump: refreshing the API report");
    run(repoRoot, "npm", ["run", "--silent", "api"]);
    console.log("bump: recording the wire contract against the emulator");
    run(repoRoot, "npx", ["vitest", "run", "test/wire/contract.test.ts"], { UPDATE_WIRE_CONTRACT: "1" });
  } catch (err) {
    writeFileSync(manifestFile, manifestText);
    for (const [file, text] of oldReports) writeFileSync(join(repoRoot, file), text);
    writeFileSync(join(repoRoot, WIRE), oldWireText);
    for (const [file, text] of versionFiles) writeFileSync(join(repoRoot, file), text);
    // generated/ may already hold the new version: rebuild it from the restored manifest.
    const restored = spawnSync("npm", ["run", "--silent", "generate"], { cwd: repoRoot, stdio: "inherit", env: process.env });
    const generatedNote = restored.status === 0 ? "generated/ rebuilt from it" : "generated/ could NOT be rebuilt: run npm run generate";
    process.stderr.write(`error: ${(err as Error).message}; spec/manifest.json, the API reports, ${WIRE} and the package version restored, ${generatedNote}\n`);
    return 1;
  }

  const diffs: BumpDiffs = {
    spec: await runSpecDiff(comparedWith, apiVersion, { specsRoot, manifestFile, cwd: repoRoot }),
    // repository-relative paths: they are the labels written to review/changes/ (committed)
    api: runApiDiff(`.tmp/bump/${apiVersion}/before.api.md`, REPORT, repoRoot),
    wire: runWireDiff(`.tmp/bump/${apiVersion}/before.wire-contract.json`, WIRE, repoRoot),
  };
  const changesDir = join(repoRoot, "review", "changes");
  mkdirSync(changesDir, { recursive: true });
  writeFileSync(join(changesDir, `${apiVersion}.md`), renderDiffs(diffs, repoRoot));
  writeFileSync(join(changesDir, `${apiVersion}.json`), JSON.stringify(diffs, null, 2) + "\n");

  const template = compileMarkdownTemplate(readFileSync(join(repoRoot, "templates", "changelog-entry.md.hbs"), "utf8"));
  const entry = renderChangelogEntry(
    {
      packageVersion,
      date,
      apiVersion,
      preview,
      comparedWith,
      defaultApiVersion: newDefault,
      previousDefaultApiVersion: previousDefault,
      diffs,
    },
    template,
  );
  const changelogFile = join(repoRoot, "CHANGELOG.md");
  writeFileSync(changelogFile, prependChangelogEntry(existsSync(changelogFile) ? readFileSync(changelogFile, "utf8") : undefined, entry));

  const count = (d: DiffResult): string => `${d.changes.length} (${d.changes.filter((c) => c.breaking).length} breaking)`;
  console.log(
    `bump: ${apiVersion} added; package ${pkg.version} -> ${packageVersion}; default api-version ${newDefault}\n` +
      `  spec changes ${count(diffs.spec)}, API changes ${count(diffs.api)}, wire changes ${count(diffs.wire)}\n` +
      `  wrote review/changes/${apiVersion}.md, CHANGELOG.md. Review, run npm test, then commit.`,
  );
  return 0;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    process.exitCode = await bump(process.argv.slice(2), repoRoot);
  } catch (err) {
    process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 2;
  }
}
