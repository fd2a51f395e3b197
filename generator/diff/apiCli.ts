/**
 * `npm run api`: build the declarations, run API Extractor, write review/communication-identity.api.md.
 * `npm run api -- --check`: the same, but only compare; exit 1 naming the report when it is stale.
 *
 * Exit codes: 0 written / current, 1 stale (with --check), 2 bad command line or the build failed.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { GeneratorError } from "../errors.js";
import { API_REPORT_FILE, generateApiReport, staleReportMessage } from "./apiReport.js";
import type { Io } from "./cli.js";

const USAGE = `Usage: npm run api [-- --check]

Builds the package's declarations (tsconfig.build.esm.json) into .tmp/, runs API Extractor
(api-extractor.json) on src/index.d.ts and writes ${API_REPORT_FILE}.

Options:
  --check     do not write; exit 1 when ${API_REPORT_FILE} is stale
  -h, --help  show this help
`;

export async function runApi(argv: string[], repoRoot: string, io: Io): Promise<number> {
  let check: boolean;
  try {
    const { values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: { check: { type: "boolean" }, help: { type: "boolean", short: "h" } },
    });
    if (values.help === true) {
      io.stdout(USAGE);
      return 0;
    }
    check = values.check === true;
  } catch (err) {
    io.stderr(`error: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  let text: string;
  try {
    const report = generateApiReport(repoRoot);
    text = report.text;
    for (const w of report.warnings) io.stderr(`warning: ${w}\n`);
  } catch (err) {
    if (!(err instanceof GeneratorError)) throw err;
    io.stderr(`error: ${err.message}\n`);
    return 2;
  }
  const file = join(repoRoot, API_REPORT_FILE);
  const checkedIn = existsSync(file) ? readFileSync(file, "utf8") : undefined;
  if (check) {
    const stale = staleReportMessage(checkedIn, text);
    if (stale !== undefined) {
      io.stderr(`${stale}\n`);
      return 1;
    }
    io.stdout(`${API_REPORT_FILE} is up to date.\n`);
    return 0;
  }
  if (checkedIn === text) {
    io.stdout(`${API_REPORT_FILE} unchanged.\n`);
  } else {
    writeFileSync(file, text);
    io.stdout(`wrote ${API_REPORT_FILE}\n`);
  }
  return 0;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runApi(process.argv.slice(2), repoRoot, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}
