/** Command-line flags of `npm run generate`, parsed with node:util parseArgs. */
import { parseArgs } from "node:util";
import { DEFAULT_REMOTE_REF_MAX_BYTES, DEFAULT_REMOTE_REF_TIMEOUT_MS } from "../load/limits.js";

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
  /** --remote-ref-timeout / --remote-ref-max-bytes: limits per remote document (load defaults when absent). */
  remoteRefTimeoutMs?: number;
  remoteRefMaxBytes?: number;
  check: boolean;
  pin: boolean;
  /** Print every warning; without it, missing x-ms-examples files are summarised in one line. */
  verbose: boolean;
  /** Emit checks of the service's constraints (on even when the manifest's client.validateConstraints is false or absent). */
  validateConstraints: boolean;
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
  "remote-ref-timeout": { type: "string" },
  "remote-ref-max-bytes": { type: "string" },
  check: { type: "boolean" },
  pin: { type: "boolean" },
  verbose: { type: "boolean" },
  "validate-constraints": { type: "boolean" },
} as const;

export const USAGE = `Usage: npm run generate -- [options]

Generates the REST client into --out from the API versions listed in spec/manifest.json
("generate"), or from one arbitrary Swagger 2.0 or OpenAPI 3.0/3.1 spec with --spec.

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
  --remote-ref-timeout <ms>
                         time allowed per remote document, request to last byte
                         (default: ${DEFAULT_REMOTE_REF_TIMEOUT_MS})
  --remote-ref-max-bytes <n>
                         largest remote document accepted (default: ${DEFAULT_REMOTE_REF_MAX_BYTES}, 32 MiB)
  --check                generate in memory and compare with --out; exit 1 when stale
  --pin                  recompute the sha256 pins in spec/manifest.json and exit
  --verbose              print every warning: also list each missing x-ms-examples file
                         (by default they are counted in one line)
  --validate-constraints check the service's constraints (ranges, lengths, patterns,
                         required body properties) before sending; default: the
                         manifest's client.validateConstraints, else off
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
    validateConstraints: values["validate-constraints"] === true,
  };
  if (values.force === true) args.force = true;
  const spec = str(values.spec);
  if (spec !== undefined) args.spec = spec;
  const root = str(values.root);
  if (root !== undefined) args.root = root;
  const specsRoot = str(values["specs-root"]);
  if (specsRoot !== undefined) args.specsRoot = specsRoot;
  const remoteRefTimeoutMs = positiveInteger(values["remote-ref-timeout"], "--remote-ref-timeout");
  if (remoteRefTimeoutMs !== undefined) args.remoteRefTimeoutMs = remoteRefTimeoutMs;
  const remoteRefMaxBytes = positiveInteger(values["remote-ref-max-bytes"], "--remote-ref-max-bytes");
  if (remoteRefMaxBytes !== undefined) args.remoteRefMaxBytes = remoteRefMaxBytes;
  if (args.spec !== undefined && args.apiVersions.length > 0) {
    throw new UsageError(`--spec and --api-version cannot be combined (--api-version picks from spec/manifest.json)`);
  }
  if (args.pin && (args.spec !== undefined || args.check)) {
    throw new UsageError(`--pin cannot be combined with --spec or --check`);
  }
  return args;
}

/** The value of a numeric flag: digits only, at least 1. */
function positiveInteger(value: unknown, flag: string): number | undefined {
  if (typeof value !== "string") return undefined;
  const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
  if (!Number.isSafeInteger(n) || n < 1) throw new UsageError(`option "${flag}" needs a whole number of at least 1, not "${value}"`);
  return n;
}
