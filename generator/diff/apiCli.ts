/**
 * `npm run api`: build the declarations, run API Extractor on each package export, write its report
 * (review/communication-identity.api.md for ".", review/communication-identity-api.api.md for "./api").
 * `npm run api -- --check`: the same, but only compare; exit 1 naming each report that is stale.
 *
 * Exit codes: 0 written / current, 1 stale (with --check), 2 bad command line or the build failed.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { GeneratorError } from "../errors.js";
import { API_ENTRIES, generateApiReports, staleReportMessage } from "./apiReport.js";
import type { Io } from "./cli.js";

const USAGE = `Usage: npm run api [-- --check]

Builds the package's declarations (tsconfig.build.esm.json) into .tmp/, runs API Extractor
(api-extractor.json) on each package export and writes its report:
${API_ENTRIES.map((e) => `  ${e.exportPath.padEnd(6)} ${e.declaration.padEnd(20)} -> ${e.reportFile}`).join("\n")}

Options:
  --check     do not write; exit 1 when a report is stale
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
  let reports: ReturnType<typeof generateApiReports>;
  try {
    reports = generateApiReports(repoRoot);
    for (const w of reports.flatMap((r) => r.warnings)) io.stderr(`warning: ${w}\n`);
  } catch (err) {
    if (!(err instanceof GeneratorError)) throw err;
    io.stderr(`error: ${err.message}\n`);
    return 2;
  }
  let exitCode = 0;
  for (const { entry, text } of reports) {
    const file = join(repoRoot, entry.reportFile);
    const checkedIn = existsSync(file) ? readFileSync(file, "utf8") : undefined;
    if (check) {
      const stale = staleReportMessage(checkedIn, text, entry.reportFile);
      if (stale !== undefined) {
        io.stderr(`${stale}\n`);
        exitCode = 1;
      } else {
        io.stdout(`${entry.reportFile} is up to date.\n`);
      }
    } else if (checkedIn === text) {
      io.stdout(`${entry.reportFile} unchanged.\n`);
    } else {
      writeFileSync(file, text);
      io.stdout(`wrote ${entry.reportFile}\n`);
    }
  }
  return exitCode;
}

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  process.exitCode = await runApi(process.argv.slice(2), repoRoot, {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
  });
}
