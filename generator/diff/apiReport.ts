/**
 * The public API reports, one per package export: review/communication-identity.api.md for `.`
 * (`src/index.d.ts`) and review/communication-identity-api.api.md for `./api`, the modular API
 * (`src/api/index.d.ts`). Build the package's declarations into a private folder, run API
 * Extractor on each export's entry, and hand back the report texts. Nothing here touches `dist/` (other work may be using it) or review/;
 * the caller decides whether to write the report or compare it.
 */
import { mkdirSync, readFileSync, rmSync } from "node:fs";
import { randomBytes } from "node:crypto";
import { basename, join, relative } from "node:path";
import { ConsoleMessageId, Extractor, ExtractorConfig, ExtractorLogLevel, type ExtractorMessage } from "@microsoft/api-extractor";
import ts from "typescript";
import { GeneratorError } from "../errors.js";
import { API_ENTRIES, API_REPORT_FILE, type ApiEntry } from "./apiEntries.js";

export { API_ENTRIES, API_REPORT_FILE, type ApiEntry } from "./apiEntries.js";

/** The API Extractor config, relative to the repository root. */
export const API_EXTRACTOR_CONFIG = "api-extractor.json";
/** The tsconfig `npm run build` uses for the ESM build (whose `src/index.d.ts` is the `.` export's types). */
export const BUILD_TSCONFIG = "tsconfig.build.esm.json";

export interface ApiReport {
  /** The report, LF line endings, exactly as API Extractor wrote it. */
  text: string;
  /** API Extractor / compiler warnings, `file:line: text` (paths relative to the build folder). */
  warnings: string[];
}

function formatDiagnostics(diagnostics: ReadonlyArray<ts.Diagnostic>, root: string): string {
  return diagnostics
    .slice(0, 10)
    .map((d) => {
      const text = ts.flattenDiagnosticMessageText(d.messageText, "\n");
      if (d.file === undefined || d.start === undefined) return text;
      const { line } = d.file.getLineAndCharacterOfPosition(d.start);
      return `${relative(root, d.file.fileName)}:${line + 1}: ${text}`;
    })
    .join("\n");
}

/**
 * Emit declarations only, with the options of {@link BUILD_TSCONFIG}, into `outDir`
 * (so `outDir/src/index.d.ts` is what `dist/esm/src/index.d.ts` would be). Type errors fail.
 */
export function buildDeclarations(repoRoot: string, outDir: string): void {
  const configFile = join(repoRoot, BUILD_TSCONFIG);
  const host: ts.ParseConfigFileHost = {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new GeneratorError(BUILD_TSCONFIG, "", ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  };
  const parsed = ts.getParsedCommandLineOfConfigFile(
    configFile,
    { outDir, noEmit: false, declaration: true, emitDeclarationOnly: true, declarationMap: false, incremental: false },
    host,
  );
  if (parsed === undefined) throw new GeneratorError(BUILD_TSCONFIG, "", "cannot be read");
  if (parsed.errors.length > 0) throw new GeneratorError(BUILD_TSCONFIG, "", formatDiagnostics(parsed.errors, repoRoot));
  const program = ts.createProgram({ rootNames: parsed.fileNames, options: parsed.options });
  const diagnostics = ts.getPreEmitDiagnostics(program);
  if (diagnostics.length > 0) {
    throw new GeneratorError(BUILD_TSCONFIG, "", `the package does not compile:\n${formatDiagnostics(diagnostics, repoRoot)}`);
  }
  const emitted = program.emit();
  if (emitted.diagnostics.length > 0) {
    throw new GeneratorError(BUILD_TSCONFIG, "", `declaration emit failed:\n${formatDiagnostics(emitted.diagnostics, repoRoot)}`);
  }
}

/** Run API Extractor on `<declRoot>/<entry.declaration>`, writing its report only under `declRoot`. */
export function extractApiReport(repoRoot: string, declRoot: string, entry: ApiEntry = API_ENTRIES[0]!): ApiReport {
  const configPath = join(repoRoot, API_EXTRACTOR_CONFIG);
  const configObject = ExtractorConfig.loadFile(configPath);
  const reportDir = join(declRoot, "api-report");
  const reportTempDir = join(declRoot, "api-report-temp");
  mkdirSync(reportDir, { recursive: true });
  mkdirSync(reportTempDir, { recursive: true });
  const reportFileName = basename(entry.reportFile, ".api.md");
  configObject.projectFolder = repoRoot;
  configObject.mainEntryPointFilePath = join(declRoot, entry.declaration);
  configObject.apiReport = {
    ...configObject.apiReport,
    enabled: true,
    reportFileName,
    reportFolder: reportDir,
    reportTempFolder: reportTempDir,
  };
  const config = ExtractorConfig.prepare({
    configObject,
    configObjectFullPath: configPath,
    packageJsonFullPath: join(repoRoot, "package.json"),
  });
  const warnings: string[] = [];
  const errors: string[] = [];
  const result = Extractor.invoke(config, {
    localBuild: true,
    showVerboseMessages: false,
    messageCallback: (message: ExtractorMessage) => {
      message.handled = true;
      // The report is always new in a fresh folder; the caller compares it with review/.
      if (message.messageId === ConsoleMessageId.ApiReportCreated) return;
      const where =
        message.sourceFilePath !== undefined ? `${relative(declRoot, message.sourceFilePath)}:${message.sourceFileLine ?? 0}: ` : "";
      const line = `${where}${message.text}`;
      if (message.logLevel === ExtractorLogLevel.Error) errors.push(line);
      else if (message.logLevel === ExtractorLogLevel.Warning) warnings.push(line);
    },
  });
  if (!result.succeeded || errors.length > 0) {
    throw new GeneratorError(API_EXTRACTOR_CONFIG, "", `API Extractor failed:\n${errors.join("\n")}`);
  }
  // The `complete` variant's file: <reportFileName>.api.md.
  return { text: readFileSync(join(reportDir, `${reportFileName}.api.md`), "utf8"), warnings };
}

/**
 * Build and extract in a fresh folder under `<repo>/.tmp/` (inside the repository so the
 * declarations resolve `@azure/*` from its node_modules), removed afterwards.
 */
export function generateApiReports(repoRoot: string): Array<ApiReport & { entry: ApiEntry }> {
  const workDir = join(repoRoot, ".tmp", `api-report-${process.pid}-${randomBytes(4).toString("hex")}`);
  mkdirSync(workDir, { recursive: true });
  try {
    buildDeclarations(repoRoot, workDir);
    return API_ENTRIES.map((entry) => ({ entry, ...extractApiReport(repoRoot, workDir, entry) }));
  } finally {
    rmSync(workDir, { recursive: true, force: true });
  }
}

/** The first line where two texts differ, 1-based, or undefined when equal. */
export function firstDifferentLine(a: string, b: string): { line: number; old: string; new: string } | undefined {
  if (a === b) return undefined;
  const left = a.split("\n");
  const right = b.split("\n");
  for (let i = 0; i < Math.max(left.length, right.length); i++) {
    if (left[i] !== right[i]) return { line: i + 1, old: left[i] ?? "(end of file)", new: right[i] ?? "(end of file)" };
  }
  return undefined;
}

/** The message `--check` prints when the checked-in report is stale, or undefined when it is current. */
export function staleReportMessage(checkedIn: string | undefined, fresh: string, reportFile: string = API_REPORT_FILE): string | undefined {
  if (checkedIn === undefined) return `${reportFile} is missing: run \`npm run api\` and commit it.`;
  const diff = firstDifferentLine(checkedIn, fresh);
  if (diff === undefined) return undefined;
  return (
    `${reportFile} is stale (the public API changed): run \`npm run api\` and commit it.\n` +
    `  first difference at line ${diff.line}:\n  - ${diff.old}\n  + ${diff.new}`
  );
}
