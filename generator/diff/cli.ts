/**
 * `npm run diff -- <subcommand> <old> <new> [options]`: a small dispatcher. Each subcommand turns
 * its two arguments into a {@link DiffResult}; printing (Markdown or `--json`) and the exit code
 * (`--fail-on breaking`) are shared. `spec` is here; `api` and `wire` register the same way.
 *
 * Exit codes: 0 done, 1 a breaking change was found and `--fail-on breaking` was given,
 * 2 bad command line or bad input (unknown version, missing file, invalid spec).
 */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { GeneratorError } from "../errors.js";
import type { DiffResult } from "./change.js";
import { exitCodeFor, loadReportTemplate, renderJson, renderMarkdown, type FailOn } from "./output.js";
import { runSpecDiff } from "./spec/command.js";
import { runApiDiff } from "./apiCommand.js";
import { runWireDiff } from "./wireCommand.js";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

/** What every subcommand gets: resolved folders and the environment. */
export interface CommandContext {
  repoRoot: string;
  specsRoot: string;
  cwd: string;
}

export interface Subcommand {
  /** One line for the usage text. */
  summary: string;
  run: (oldArg: string, newArg: string, ctx: CommandContext) => Promise<DiffResult>;
}

export const SUBCOMMANDS: Record<string, Subcommand> = {
  spec: {
    summary: "compare two Swagger specs (api-versions from spec/manifest.json, or spec file paths)",
    run: (oldArg, newArg, ctx) =>
      runSpecDiff(oldArg, newArg, { specsRoot: ctx.specsRoot, manifestFile: join(ctx.repoRoot, "spec", "manifest.json"), cwd: ctx.cwd }),
  },
  api: {
    summary: "compare two API reports (*.api.md, as `npm run api` writes review/communication-identity.api.md)",
    run: async (oldArg, newArg, ctx) => runApiDiff(oldArg, newArg, ctx.cwd),
  },
  wire: {
    summary: "compare two wire contract files (e.g. review/wire-contract.json and a new recording)",
    run: async (oldArg, newArg, ctx) => runWireDiff(oldArg, newArg, ctx.cwd),
  },
};

export function usage(): string {
  const width = Math.max(...Object.keys(SUBCOMMANDS).map((k) => k.length));
  const lines = Object.entries(SUBCOMMANDS).map(([name, s]) => `  ${name.padEnd(width)}  ${s.summary}`);
  return `Usage: npm run diff -- <subcommand> <old> <new> [options]

Subcommands:
${lines.join("\n")}

Options:
  --json                 print {"old", "new", "changes"} as JSON instead of Markdown
  --fail-on breaking     exit with code 1 when any breaking change is found
  --specs-root <dir>     specs root (default: $ACS_SPECS_ROOT, else ../shared/specs)
  -h, --help             show this help

Exit codes: 0 done, 1 breaking changes with --fail-on breaking, 2 bad command line or input.
`;
}

class UsageError extends Error {}

interface Parsed {
  help: boolean;
  subcommand?: string;
  oldArg?: string;
  newArg?: string;
  json: boolean;
  failOn: FailOn;
  specsRoot?: string;
}

function parse(argv: string[]): Parsed {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        json: { type: "boolean" },
        "fail-on": { type: "string" },
        "specs-root": { type: "string" },
        help: { type: "boolean", short: "h" },
      },
    });
  } catch (err) {
    throw new UsageError((err as Error).message);
  }
  const { values, positionals } = parsed;
  if (values.help === true) return { help: true, json: false, failOn: "never" };
  const failOn = values["fail-on"];
  if (failOn !== undefined && failOn !== "breaking" && failOn !== "never") {
    throw new UsageError(`--fail-on takes "breaking" (or "never"), not ${JSON.stringify(failOn)}`);
  }
  const [subcommand, oldArg, newArg, ...rest] = positionals;
  if (subcommand === undefined) throw new UsageError("missing subcommand");
  if (!Object.prototype.hasOwnProperty.call(SUBCOMMANDS, subcommand)) {
    throw new UsageError(`unknown subcommand ${JSON.stringify(subcommand)} (known: ${Object.keys(SUBCOMMANDS).join(", ")})`);
  }
  if (oldArg === undefined || newArg === undefined) throw new UsageError(`${subcommand} needs <old> and <new>`);
  if (rest.length > 0) throw new UsageError(`unexpected argument ${JSON.stringify(rest[0])}`);
  return {
    help: false,
    subcommand,
    oldArg,
    newArg,
    json: values.json === true,
    failOn: failOn ?? "never",
    ...(values["specs-root"] !== undefined ? { specsRoot: values["specs-root"] } : {}),
  };
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Run the CLI; resolves to the exit code. */
export async function run(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  io: Io = processIo,
  cwd: string = process.cwd(),
): Promise<number> {
  let args: Parsed;
  try {
    args = parse(argv);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(`error: ${err.message}\n\n${usage()}`);
    return 2;
  }
  if (args.help || args.subcommand === undefined || args.oldArg === undefined || args.newArg === undefined) {
    io.stdout(usage());
    return 0;
  }
  const specsRoot = resolve(cwd, args.specsRoot ?? (env["ACS_SPECS_ROOT"] || join(repoRoot, "..", "shared", "specs")));
  const command = SUBCOMMANDS[args.subcommand] as Subcommand;
  let result: DiffResult;
  try {
    result = await command.run(args.oldArg, args.newArg, { repoRoot, specsRoot, cwd });
  } catch (err) {
    // Exit code 1 means "breaking changes found", so every failure, expected or not, is 2.
    const message =
      err instanceof GeneratorError ? err.message : `internal error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}`;
    io.stderr(`error: ${message}\n`);
    return 2;
  }
  io.stdout(args.json ? renderJson(result) : renderMarkdown(result, loadReportTemplate(join(repoRoot, "templates"), { escape: false })));
  return exitCodeFor(result, args.failOn);
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await run(process.argv.slice(2));
}
