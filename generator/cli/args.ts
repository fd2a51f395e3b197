/** Command-line flags of `npm run generate`, parsed with node:util parseArgs. */
import { parseArgs } from "node:util";

export interface CliArgs {
  help: boolean;
  spec?: string;
  apiVersions: string[];
  out: string;
  /** Replace a non-empty --out folder the generator did not write (see output.ts). */
  force?: true;
  root?: string;
  specsRoot?: string;
  allowRemoteRefs: boolean;
  check: boolean;
  pin: boolean;
  /** Print every warning; without it, missing x-ms-examples files are summarised in one line. */
  verbose: boolean;
}

/** Bad command line: printed as `error: <message>`, exit code 2. */
export class UsageError extends Error {
  override readonly name = "UsageError";
}

const OPTIONS = {
  help: { type: "boolean", short: "h" },
  spec: { type: "string" },
  "api-version": { type: "string", multiple: true },
  out: { type: "string" },
  force: { type: "boolean" },
  root: { type: "string" },
  "specs-root": { type: "string" },
  "allow-remote-refs": { type: "boolean" },
  check: { type: "boolean" },
  pin: { type: "boolean" },
  verbose: { type: "boolean" },
} as const;

export const USAGE = `Usage: npm run generate -- [options]

Generates the REST client into --out from the API versions listed in spec/manifest.json
("generate"), or from one arbitrary Swagger 2.0 spec with --spec.

Options:
  --spec <file>          generate from this spec instead of the manifest
                         (client name: the spec's info.title made an identifier)
  --api-version <v>      manifest version(s) to generate; repeatable or comma-separated
                         (default: the manifest's "generate" list)
  --out <dir>            output folder (default: generated); replaced only when missing,
                         empty, or written by the generator (it lists its files in
                         .acs-gen-output.json there)
  --force                also replace a non-empty --out folder the generator did not write
                         (deletes its files; never a file, nor a folder holding the inputs)
  --root <dir>           folder $refs may not leave (default: the specs root when the
                         spec lies in it, else the spec's folder)
  --specs-root <dir>     specs root (default: $ACS_SPECS_ROOT, else ../shared/specs
                         from the repository root)
  --allow-remote-refs    follow http(s) $refs (refused by default)
  --check                generate in memory and compare with --out; exit 1 when stale
  --pin                  recompute the sha256 pins in spec/manifest.json and exit
  --verbose              print every warning: also list each missing x-ms-examples file
                         (by default they are counted in one line)
  -h, --help             show this help

Environment: ACS_SPECS_ROOT (specs root), ACS_GEN_TIMINGS=1 (print time per phase).
`;

/** @throws UsageError on an unknown flag, a missing value or a stray argument. */
export function parseCliArgs(argv: string[]): CliArgs {
  const { values, tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === "positional") throw new UsageError(`unexpected argument "${token.value}" (see --help)`);
    if (token.kind !== "option") continue;
    const def = (OPTIONS as Record<string, { type: "string" | "boolean" }>)[token.name];
    if (def === undefined) throw new UsageError(`unknown option "${token.rawName}" (see --help)`);
    if (def.type === "string" && token.value === undefined) throw new UsageError(`option "${token.rawName}" needs a value`);
    if (def.type === "boolean" && token.value !== undefined) throw new UsageError(`option "${token.rawName}" takes no value`);
  }
  const str = (v: unknown): string | undefined => (typeof v === "string" ? v : undefined);
  const apiVersions = ((values["api-version"] ?? []) as string[])
    .flatMap((v) => v.split(","))
    .map((v) => v.trim())
    .filter((v) => v !== "");
  const args: CliArgs = {
    help: values.help === true,
    apiVersions,
    out: str(values.out) ?? "generated",
    allowRemoteRefs: values["allow-remote-refs"] === true,
    check: values.check === true,
    pin: values.pin === true,
    verbose: values.verbose === true,
  };
  if (values.force === true) args.force = true;
  const spec = str(values.spec);
  if (spec !== undefined) args.spec = spec;
  const root = str(values.root);
  if (root !== undefined) args.root = root;
  const specsRoot = str(values["specs-root"]);
  if (specsRoot !== undefined) args.specsRoot = specsRoot;
  if (args.spec !== undefined && args.apiVersions.length > 0) {
    throw new UsageError(`--spec and --api-version cannot be combined (--api-version picks from spec/manifest.json)`);
  }
  if (args.pin && (args.spec !== undefined || args.check)) {
    throw new UsageError(`--pin cannot be combined with --spec or --check`);
  }
  return args;
}
