/**
 * `npm run bump -- <api-version>`: from a new service spec to a reviewed change, in one command.
 *
 * 1. registers the version in spec/manifest.json when it is new: its entry spec where the layout
 *    puts it under the specs root (or `--spec`), pinned (sha256 of every file read), added to
 *    `generate`;
 * 2. regenerates generated/ (`npm run generate`), refreshes the API reports (`npm run api`) and the
 *    wire contract (the recording test against the emulator);
 * 3. diffs spec (`comparedWith` → new), API report and wire contract (before → after), checks which
 *    additions the handwritten client (src/) does not expose (./surface.ts), and writes it all to
 *    review/changes/<api-version>.md (and .json);
 * 4. adds the version's lines to the top unreleased section of CHANGELOG.md (./changelog.ts);
 * 5. prints a summary: what changed, how many breaking, the files written, what needs a person.
 *
 * Exit codes: 0 done; 1 failed (the checkout is left byte-identical: every file bump writes is
 * snapshotted first, generated/ copied aside, and all of it put back); 2 bad command line; 3 done,
 * but needs hand work (src/ does not expose something the version adds, or still calls an operation
 * it removed). `--dry-run` does all of it in a temporary copy of the working tree and prints the
 * same summary; the checkout is not touched. Nothing is committed.
 */
import { spawnSync } from "node:child_process";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  rmdirSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve, sep } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { resolveSpecsRoot } from "../cli/specsRoot.js";
import { compileMarkdownTemplate, escapeMarkdown } from "../markdown.js";
import { findVersion, formatManifest, readManifest } from "../load/manifest.js";
import { defaultApiVersion } from "../model/defaultApiVersion.js";
import type { Manifest } from "../load/types.js";
import type { Change, DiffResult } from "../diff/change.js";
import { loadReportTemplate, renderMarkdown } from "../diff/output.js";
import { diffCodeModels } from "../diff/spec/index.js";
import { loadSide } from "../diff/spec/load.js";
import { runApiDiff } from "../diff/apiCommand.js";
import { API_ENTRIES, API_REPORT_FILE } from "../diff/apiEntries.js";
import { runWireDiff } from "../diff/wireCommand.js";
import { addToUnreleased, changelogSections, nextReleaseVersion, renderChangelogIntro, type BumpDiffs } from "./changelog.js";
import { registerVersion } from "./register.js";
import { restoreSnapshot, takeSnapshot } from "./snapshot.js";
import { additionsOf, removalsOf, srcUsage, surfaceGaps, type Addition, type SurfaceGap } from "./surface.js";
import { workingTreeFiles } from "./workingTree.js";

export const USAGE = `Usage: npm run bump -- <api-version> [--spec <file>] [--specs-root <dir>] [--dry-run]

One command from a new service spec to a reviewed change:
  1. registers <api-version> in spec/manifest.json if it is new: its spec is found where the layout
     puts it (the previous version's path with the new version's folder, under stable/ or, for a
     name ending in -preview, preview/) under the specs root, or taken from --spec; every file it
     reads is pinned (sha256) and the version is added to "generate";
  2. regenerates generated/, refreshes the API reports (review/*.api.md) and the wire contract
     (review/wire-contract.json, recorded against the emulator);
  3. writes review/changes/<api-version>.md and .json: the spec, API and wire diffs (breaking
     first) and what the handwritten client (src/) does not expose yet;
  4. adds the version to the top unreleased section of CHANGELOG.md (created if missing);
  5. prints a summary: what changed, how many breaking, files written, what needs a person.
Nothing is committed: review the files, run npm test, commit.

Options:
  --spec <file>        the new version's entry spec (must lie under the specs root)
  --specs-root <dir>   specs root (default: $ACS_SPECS_ROOT, else ../shared/specs)
  --dry-run            do it all in a temporary copy and print the summary; write nothing here
  -h, --help           show this help

Exit codes: 0 done; 1 failed (nothing changed: every file is restored); 2 bad command line;
3 done, but needs hand work: src/ does not expose an operation, body field or option the version
adds, or still calls an operation it removed (listed in the summary and review/changes/<version>.md).
`;

const WIRE = "review/wire-contract.json";
/** Set in the temporary copy a --dry-run works in: the summary is written there for the parent. */
const SUMMARY_FILE_ENV = "ACS_BUMP_SUMMARY_FILE";

export interface BumpArgs {
  apiVersion: string;
  spec?: string;
  specsRoot: string;
  dryRun: boolean;
}

export interface BumpIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
}

const processIo: BumpIo = {
  stdout: (t) => process.stdout.write(t),
  stderr: (t) => process.stderr.write(t),
  env: process.env,
};

/** The default api-version of a client generated from `versions` (listed in `manifest`). */
export function defaultOf(manifest: Manifest, versions: readonly string[]): string {
  return defaultApiVersion(versions.map((v) => findVersion(manifest, v)));
}

/** Parsed arguments, or a usage error message. `undefined` for --help. */
export function parseBumpArgs(argv: string[], env: Record<string, string | undefined>): BumpArgs | undefined {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    strict: true,
    options: {
      spec: { type: "string" },
      "specs-root": { type: "string" },
      "dry-run": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  if (values.help === true) return undefined;
  if (positionals.length !== 1)
    throw new Error(positionals.length === 0 ? "missing <api-version>" : `unexpected argument ${JSON.stringify(positionals[1])}`);
  const apiVersion = positionals[0] as string;
  if (!/^\d{4}-\d{2}-\d{2}(-preview)?$/.test(apiVersion))
    throw new Error(`<api-version> is YYYY-MM-DD or YYYY-MM-DD-preview, not ${JSON.stringify(apiVersion)}`);
  return {
    apiVersion,
    // npm runs scripts in the package root; a relative --spec is the caller's (INIT_CWD).
    ...(values.spec !== undefined ? { spec: resolve(env["INIT_CWD"] ?? process.cwd(), values.spec) } : {}),
    specsRoot: resolveSpecsRoot(values["specs-root"], env),
    dryRun: values["dry-run"] === true,
  };
}

interface StepResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

function runStep(repoRoot: string, io: BumpIo, command: string, args: string[], env: Record<string, string> = {}): StepResult {
  // A bump run from a test must not look like a vitest worker to the vitest it starts.
  const inherited = Object.fromEntries(Object.entries(io.env).filter(([name]) => !name.startsWith("VITEST")));
  const result = spawnSync(command, args, { cwd: repoRoot, encoding: "utf8", env: { ...inherited, ...env }, maxBuffer: 64 * 1024 * 1024 });
  // Progress of the steps goes to stderr: stdout is the summary.
  if (result.stdout) io.stderr(result.stdout);
  if (result.stderr) io.stderr(result.stderr);
  return { status: result.status, stdout: result.stdout ?? "", stderr: result.stderr ?? "" };
}

function run(repoRoot: string, io: BumpIo, command: string, args: string[], env: Record<string, string> = {}): void {
  const result = runStep(repoRoot, io, command, args, env);
  if (result.status !== 0) throw new Error(`${command} ${args.join(" ")} failed (${result.status})`);
}

/**
 * `npm run api`; when src/ does not compile against the regenerated client (a new required request
 * field, say), the compiler's messages instead of an error: that is hand work, not a failed bump.
 */
function refreshApiReports(repoRoot: string, io: BumpIo): string[] | undefined {
  const result = runStep(repoRoot, io, process.platform === "win32" ? "npm.cmd" : "npm", ["run", "--silent", "api"]);
  if (result.status === 0) return undefined;
  const marker = "the package does not compile:";
  const at = result.stderr.indexOf(marker);
  if (result.status !== 2 || at < 0) throw new Error(`npm run --silent api failed (${result.status})`);
  return result.stderr
    .slice(at + marker.length)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l !== "" && !l.startsWith("npm "));
}

function npmRun(repoRoot: string, io: BumpIo, args: string[], env: Record<string, string> = {}): void {
  run(repoRoot, io, process.platform === "win32" ? "npm.cmd" : "npm", ["run", "--silent", ...args], env);
}

/**
 * What the emulator says about serving `apiVersion`: its `describeVersionSupport(version, { manifestFile,
 * specsRoot })` when it has one (an emulator that reads the manifest), else undefined. Rendered as
 * its `summary` line and one line per inherited behaviour; any other answer as JSON.
 */
async function emulatorSupport(repoRoot: string, apiVersion: string, specsRoot: string): Promise<string | undefined> {
  // The answer goes into a committed file: no machine paths in it.
  const relativePaths = (text: string): string =>
    text
      .split(specsRoot)
      .join("<specs root>")
      .split(repoRoot + sep)
      .join("")
      .split(repoRoot)
      .join(".");
  const answer = await askEmulator(repoRoot, apiVersion, specsRoot);
  return answer === undefined ? undefined : relativePaths(answer);
}

async function askEmulator(repoRoot: string, apiVersion: string, specsRoot: string): Promise<string | undefined> {
  const file = join(repoRoot, "emulator", "index.ts");
  if (!existsSync(file)) return undefined;
  let describe: ((version: string, options: { manifestFile: string; specsRoot: string }) => unknown) | undefined;
  try {
    describe = ((await import(pathToFileURL(file).href)) as { describeVersionSupport?: typeof describe }).describeVersionSupport;
  } catch {
    return undefined;
  }
  if (typeof describe !== "function") return undefined;
  try {
    const answer = (await describe(apiVersion, { manifestFile: join(repoRoot, "spec", "manifest.json"), specsRoot })) as
      { summary?: unknown; inherited?: unknown; unservedOperations?: unknown } | string | null | undefined;
    if (answer === undefined || answer === null) return undefined;
    if (typeof answer === "string") return answer.trim();
    if (typeof answer.summary !== "string") return JSON.stringify(answer, null, 2);
    const lines = [answer.summary];
    if (Array.isArray(answer.inherited)) {
      for (const i of answer.inherited as Array<{ behaviour?: unknown; from?: unknown }>)
        lines.push(`inherited: ${String(i.behaviour)} from ${String(i.from)}`);
    }
    return lines.join("\n");
  } catch (err) {
    return `(the emulator's describeVersionSupport failed: ${(err as Error).message})`;
  }
}

interface Outcome {
  apiVersion: string;
  preview: boolean;
  comparedWith: string;
  previousDefault: string;
  newDefault: string;
  registered?: string;
  pinned: number;
  diffs: BumpDiffs;
  additions: Addition[];
  gaps: SurfaceGap[];
  emulator?: string;
  written: string[];
}

const count = (d: DiffResult): string => `${d.changes.length} (${d.changes.filter((c) => c.breaking).length} breaking)`;
const breakingFirst = (changes: readonly Change[]): Change[] => [
  ...changes.filter((c) => c.breaking),
  ...changes.filter((c) => !c.breaking),
];

/** What a person still has to do, one line each. */
function needsPerson(o: Outcome): string[] {
  const verb = { "does-not-compile": "fix src/", "not-exposed": "expose in src/", "still-used": "decide in src/" } as const;
  const out = o.gaps.map((g) => `${verb[g.kind]}: ${g.message}`);
  const breaking = [o.diffs.spec, o.diffs.api, o.diffs.wire].reduce((n, d) => n + d.changes.filter((c) => c.breaking).length, 0);
  if (breaking > 0) out.push(`review the ${breaking} breaking change${breaking === 1 ? "" : "s"} in review/changes/${o.apiVersion}.md`);
  if (o.emulator === undefined) out.push(`check that the emulator serves ${o.apiVersion} (it has no describeVersionSupport to ask)`);
  out.push("review the CHANGELOG.md entry, run npm test, commit");
  return out;
}

/** The summary printed at the end (plain text). */
export function renderSummary(o: Outcome, dryRun: boolean): string {
  const lines: string[] = [];
  lines.push(`bump ${o.apiVersion}${o.preview ? " (preview)" : ""}${dryRun ? " (dry run: nothing was written)" : ""}`);
  if (o.registered !== undefined) lines.push(`  registered ${o.registered} (${o.pinned} file${o.pinned === 1 ? "" : "s"} pinned)`);
  lines.push(
    `  default api-version: ${o.newDefault}${o.newDefault !== o.previousDefault ? ` (was ${o.previousDefault})` : " (unchanged)"}; service changes relative to ${o.comparedWith}`,
  );
  lines.push(`  changes: spec ${count(o.diffs.spec)}, API ${count(o.diffs.api)}, wire ${count(o.diffs.wire)}`);
  // Service and API findings one by one, breaking first; wire findings counted by rule (the
  // contract repeats a change for every case and api-version; the full list is in the review file).
  const findings = [o.diffs.spec, o.diffs.api].flatMap((d) => d.changes.map((c) => ({ d: d.kind, c })));
  for (const { d, c } of [...findings.filter((x) => x.c.breaking), ...findings.filter((x) => !x.c.breaking)]) {
    lines.push(`    ${c.breaking ? "BREAKING " : ""}${d} ${c.rule} ${c.concerns.path}: ${c.message}`);
  }
  const byRule = new Map<string, { breaking: boolean; n: number }>();
  for (const c of o.diffs.wire.changes) byRule.set(c.rule, { breaking: c.breaking, n: (byRule.get(c.rule)?.n ?? 0) + 1 });
  for (const [rule, { breaking, n }] of [...byRule].sort((x, y) => Number(y[1].breaking) - Number(x[1].breaking))) {
    lines.push(`    ${breaking ? "BREAKING " : ""}wire ${rule}: ${n} case${n === 1 ? "" : "s"} (review/changes/${o.apiVersion}.md)`);
  }
  const exposed = o.additions.length - o.gaps.filter((g) => g.kind === "not-exposed").length;
  lines.push(`  new surface: ${o.additions.length} addition${o.additions.length === 1 ? "" : "s"}, ${exposed} exposed by src/`);
  if (o.emulator !== undefined) {
    lines.push("  emulator:");
    for (const l of o.emulator.split("\n")) lines.push(`    ${l}`);
  }
  lines.push(`  ${dryRun ? "would write" : "wrote"}: ${o.written.join(", ")}`);
  lines.push("  needs a person:");
  for (const l of needsPerson(o)) lines.push(`    - ${l}`);
  return lines.join("\n") + "\n";
}

/** review/changes/<version>.md: the three diffs (breaking first), then what needs a person. */
function renderReview(o: Outcome, repoRoot: string): string {
  const template = loadReportTemplate(join(repoRoot, "templates"));
  const diffs = [o.diffs.spec, o.diffs.api, o.diffs.wire].map((d) => renderMarkdown(d, template).trimEnd()).join("\n\n");
  const surface: string[] = ["## What the handwritten client does not expose yet", ""];
  const notExposed = o.gaps.filter((g) => g.kind === "not-exposed");
  const stillUsed = o.gaps.filter((g) => g.kind === "still-used");
  if (o.additions.length === 0) surface.push("The version adds no operation, request-body field or option.");
  else if (notExposed.length === 0)
    surface.push(`Every addition (${o.additions.length}) reaches \`CommunicationIdentityClient\` and \`./api\`.`);
  else for (const g of notExposed) surface.push(`- ${escapeMarkdown(g.message)}`);
  for (const g of o.gaps.filter((x) => x.kind === "does-not-compile")) surface.push("", escapeMarkdown(g.message));
  if (stillUsed.length > 0)
    surface.push("", "Removed, but still called by src/:", "", ...stillUsed.map((g) => `- ${escapeMarkdown(g.message)}`));
  const emulator = o.emulator === undefined ? [] : ["", "## Emulator", "", "```text", o.emulator, "```"];
  return `${diffs}\n\n${surface.join("\n")}\n${emulator.join("\n")}${emulator.length > 0 ? "\n" : ""}`;
}

/** The bump itself, in `repoRoot` (the checkout, or the temporary copy of a --dry-run). */
async function bumpHere(args: BumpArgs, repoRoot: string, io: BumpIo): Promise<{ outcome: Outcome; exitCode: number }> {
  const { apiVersion, specsRoot } = args;
  const manifestFile = join(repoRoot, "spec", "manifest.json");
  const manifest = readManifest(manifestFile);
  const { manifest: next, registered } = await registerVersion(manifest, apiVersion, specsRoot, args.spec);
  const preview = findVersion(next, apiVersion).status === "preview";
  const previousNewest =
    [...manifest.generate]
      .sort()
      .filter((v) => v < apiVersion)
      .pop() ??
    manifest.generate[manifest.generate.length - 1] ??
    "";
  const previousDefault = defaultOf(manifest, manifest.generate);
  const newDefault = defaultOf(next, next.generate);
  // A stable version is compared with the previous default (the newest stable): that is what callers
  // who do not pin apiVersion had, whatever preview came in between. A preview is compared with the
  // newest version before it.
  const comparedWith = preview ? previousNewest : previousDefault;

  const changesMd = `review/changes/${apiVersion}.md`;
  const changesJson = `review/changes/${apiVersion}.json`;
  const written = [
    "spec/manifest.json",
    "generated/",
    ...API_ENTRIES.map((e) => e.reportFile),
    WIRE,
    changesMd,
    changesJson,
    "CHANGELOG.md",
  ];
  const files = ["spec/manifest.json", ...API_ENTRIES.map((e) => e.reportFile), WIRE, changesMd, changesJson, "CHANGELOG.md"];
  const tmpExisted = existsSync(join(repoRoot, ".tmp"));
  const work = join(repoRoot, ".tmp", `bump-${apiVersion}-${process.pid}`);
  mkdirSync(work, { recursive: true });
  const snapshot = takeSnapshot(repoRoot, files, ["generated"], join(work, "snapshot"));
  const before = { api: join(work, "before.api.md"), wire: join(work, "before.wire-contract.json") };
  writeFileSync(before.api, readFileSync(join(repoRoot, API_REPORT_FILE)));
  writeFileSync(before.wire, readFileSync(join(repoRoot, WIRE)));
  const cleanUp = (): void => {
    rmSync(work, { recursive: true, force: true });
    if (!tmpExisted && existsSync(join(repoRoot, ".tmp")) && readdirSync(join(repoRoot, ".tmp")).length === 0)
      rmdirSync(join(repoRoot, ".tmp"));
  };

  try {
    writeFileSync(manifestFile, formatManifest(next));
    const specsEnv = { ACS_SPECS_ROOT: specsRoot };
    io.stderr(`bump: generating from ${next.generate.join(", ")}\n`);
    npmRun(repoRoot, io, ["generate"], specsEnv);
    io.stderr("bump: refreshing the API reports\n");
    const compileErrors = refreshApiReports(repoRoot, io);
    io.stderr("bump: recording the wire contract against the emulator\n");
    run(repoRoot, io, process.execPath, [join(repoRoot, "node_modules", "vitest", "vitest.mjs"), "run", "test/wire/contract.test.ts"], {
      UPDATE_WIRE_CONTRACT: "1",
      ...specsEnv,
    });

    const paths = { specsRoot, manifestFile, cwd: repoRoot };
    const oldSide = await loadSide(comparedWith, paths);
    const newSide = await loadSide(apiVersion, paths);
    const spec: DiffResult = { kind: "spec", old: oldSide.side, new: newSide.side, changes: diffCodeModels(oldSide.model, newSide.model) };
    const api = runApiDiff(before.api, API_REPORT_FILE, repoRoot);
    const wire = runWireDiff(before.wire, WIRE, repoRoot);
    // Repository-relative labels only: these files are committed.
    const diffs: BumpDiffs = {
      spec,
      api: {
        ...api,
        old: { label: `${API_REPORT_FILE} (before)`, file: API_REPORT_FILE },
        new: { label: API_REPORT_FILE, file: API_REPORT_FILE },
      },
      wire: { ...wire, old: { label: `${WIRE} (before)` }, new: { label: WIRE } },
    };
    const additions = additionsOf(spec.changes, newSide.model);
    const gaps = surfaceGaps(apiVersion, additions, removalsOf(spec.changes, oldSide.model), srcUsage(repoRoot));
    if (compileErrors !== undefined) {
      gaps.unshift({
        kind: "does-not-compile",
        path: "src/",
        rule: "src-does-not-compile",
        functionName: "",
        message: `src/ does not compile against the regenerated client, so the API reports were not refreshed (change src/, then npm run api): ${compileErrors.join("; ")}`,
      });
    }
    const emulator = await emulatorSupport(repoRoot, apiVersion, specsRoot);
    const outcome: Outcome = {
      apiVersion,
      preview,
      comparedWith,
      previousDefault,
      newDefault,
      ...(registered !== undefined ? { registered: registered.path } : {}),
      pinned: registered === undefined ? 0 : Object.keys(registered.sha256).length,
      diffs,
      additions,
      gaps,
      ...(emulator !== undefined ? { emulator } : {}),
      written: compileErrors === undefined ? written : written.filter((f) => !API_ENTRIES.some((e) => e.reportFile === f)),
    };

    mkdirSync(join(repoRoot, "review", "changes"), { recursive: true });
    writeFileSync(join(repoRoot, changesMd), renderReview(outcome, repoRoot));
    const json = {
      spec: { ...spec, changes: breakingFirst(spec.changes) },
      api: { ...diffs.api, changes: breakingFirst(diffs.api.changes) },
      wire: { ...diffs.wire, changes: breakingFirst(diffs.wire.changes) },
      surface: { additions, gaps },
      ...(emulator !== undefined ? { emulator } : {}),
    };
    writeFileSync(join(repoRoot, changesJson), JSON.stringify(json, null, 2) + "\n");

    const input = {
      apiVersion,
      preview,
      comparedWith,
      defaultApiVersion: newDefault,
      previousDefaultApiVersion: previousDefault,
      diffs,
      notExposed: new Map(gaps.filter((g) => g.kind === "not-exposed").map((g) => [g.path, g.functionName] as const)),
    };
    const template = compileMarkdownTemplate(readFileSync(join(repoRoot, "templates", "changelog-entry.md.hbs"), "utf8"));
    const changelogFile = join(repoRoot, "CHANGELOG.md");
    const existing = existsSync(changelogFile) ? readFileSync(changelogFile, "utf8") : undefined;
    const pkg = JSON.parse(readFileSync(join(repoRoot, "package.json"), "utf8")) as { version: string };
    writeFileSync(
      changelogFile,
      addToUnreleased(existing, renderChangelogIntro(input, template), changelogSections(input), nextReleaseVersion(pkg.version, existing)),
    );
    cleanUp();
    return { outcome, exitCode: gaps.length > 0 ? 3 : 0 };
  } catch (err) {
    try {
      restoreSnapshot(repoRoot, snapshot);
    } finally {
      cleanUp();
    }
    throw err;
  }
}

/** --dry-run: the same bump in a temporary copy of the working tree; its summary is printed here. */
function dryRun(args: BumpArgs, repoRoot: string, io: BumpIo): number {
  const parent = realpathSync(mkdtempSync(join(tmpdir(), "acs-bump-dry-run-")));
  try {
    const copy = join(parent, "checkout");
    for (const file of workingTreeFiles(repoRoot)) {
      mkdirSync(dirname(join(copy, file)), { recursive: true });
      cpSync(join(repoRoot, file), join(copy, file), { verbatimSymlinks: true });
    }
    symlinkSync(join(repoRoot, "node_modules"), join(copy, "node_modules"));
    const summaryFile = join(parent, "summary.txt");
    const argv = [args.apiVersion, "--specs-root", args.specsRoot, ...(args.spec !== undefined ? ["--spec", args.spec] : [])];
    const result = spawnSync(
      process.execPath,
      [join(copy, "node_modules", "tsx", "dist", "cli.mjs"), join(copy, "generator", "bump", "main.ts"), ...argv],
      {
        cwd: copy,
        encoding: "utf8",
        env: { ...io.env, [SUMMARY_FILE_ENV]: summaryFile },
      },
    );
    io.stderr(result.stderr);
    if (existsSync(summaryFile)) io.stdout(readFileSync(summaryFile, "utf8"));
    return result.status ?? 1;
  } finally {
    rmSync(parent, { recursive: true, force: true });
  }
}

export async function bump(argv: string[], repoRoot: string, io: BumpIo = processIo): Promise<number> {
  let args: BumpArgs | undefined;
  try {
    args = parseBumpArgs(argv, io.env);
  } catch (err) {
    io.stderr(`error: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  if (args === undefined) {
    io.stdout(USAGE);
    return 0;
  }
  if (args.dryRun) return dryRun(args, repoRoot, io);
  const summaryFile = io.env[SUMMARY_FILE_ENV];
  // Ctrl-C reaches the step running (same process group), which fails; the snapshot is then put
  // back before exiting, instead of this process dying with the checkout half-bumped.
  const interrupted = (): void => io.stderr("bump: interrupted; restoring the checkout\n");
  process.on("SIGINT", interrupted);
  try {
    const { outcome, exitCode } = await bumpHere(args, repoRoot, io);
    const summary = renderSummary(outcome, summaryFile !== undefined);
    if (summaryFile !== undefined) writeFileSync(summaryFile, summary);
    else io.stdout(summary);
    return exitCode;
  } catch (err) {
    io.stderr(
      `error: ${err instanceof Error ? err.message : String(err)}\nbump ${args.apiVersion} failed; every file it wrote was restored, the checkout is as it was.\n`,
    );
    return 1;
  } finally {
    process.off("SIGINT", interrupted);
  }
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await bump(process.argv.slice(2), repoRoot);
}
