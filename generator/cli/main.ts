/**
 * `npm run generate -- [options]`: specs → generated/ (see ./args.ts for the flags).
 * Exit codes: 0 done (or --check up to date), 1 bad input / stale output, 2 bad command line.
 */
import { writeFile } from "node:fs/promises";
import { relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import type { Formatter } from "../emit/formatter.js";
import { GeneratorError } from "../errors.js";
import type { Diagnostic } from "../load/types.js";
import { parseCliArgs, USAGE, UsageError } from "./args.js";
import { formatWorkerFrom, startFormatter, type StartedFormatter } from "./formatting.js";
import { checkOutputTarget, compareWithDisk, OutputRefusedError, withOutputMarker, writeAtomically, type OutputGuard } from "./output.js";
import { resolvePaths } from "./paths.js";
import type { LoadedModel } from "./pipeline.js";
import { repoRoot } from "./specsRoot.js";

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

const processIo: Io = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
};

/** Milliseconds per phase since the previous call (ACS_GEN_TIMINGS=1 prints them). */
function phaseTimer(): ((name: string) => void) & { report: () => string } {
  let last = performance.now();
  const phases: string[] = [`startup ${last.toFixed(0)} ms`];
  const mark = (name: string): void => {
    const now = performance.now();
    phases.push(`${name} ${(now - last).toFixed(0)} ms`);
    last = now;
  };
  return Object.assign(mark, { report: () => phases.join(", ") });
}

/** The one line that stands for `count` x-ms-examples refs to missing files (without --verbose; a file referenced twice counts twice). */
export function missingExamplesSummary(count: number): string {
  const what =
    count === 1 ? "reference points to an example file that does not exist" : "references point to example files that do not exist";
  return `warning: ${count} x-ms-examples ${what} (harmless: examples are not used for generation); run with --verbose to list ${count === 1 ? "it" : "them"}\n`;
}

/**
 * Prints each load warning as `warning: <file>#<pointer>: <message>` as it comes, except the
 * `missing-example` ones: the published specs reference example files that are not shipped, so
 * unless `verbose` those are only counted, and `flush` prints one summary line for them.
 */
export function warningReporter(io: Io, verbose: boolean): { warn: (d: Diagnostic) => void; flush: () => void } {
  let missingExamples = 0;
  return {
    warn: (d) => {
      if (d.code === "missing-example" && !verbose) missingExamples++;
      else io.stderr(`warning: ${d.file}#${d.pointer}: ${d.message}\n`);
    },
    flush: () => {
      if (missingExamples > 0) io.stderr(missingExamplesSummary(missingExamples));
      missingExamples = 0;
    },
  };
}

/**
 * Fault injection for tests (test/generator/output-kill.test.ts): with ACS_GEN_TEST_KILL_AT_STEP=<k>,
 * the process kills itself with SIGKILL at the k-th step of writing the output (see WriteOptions.step).
 */
function killAtStep(value: string | undefined): ((name: string) => void) | undefined {
  const at = Number(value);
  if (value === undefined || !Number.isInteger(at) || at < 1) return undefined;
  let count = 0;
  return () => {
    count += 1;
    if (count === at) process.kill(process.pid, "SIGKILL");
  };
}

/**
 * What the launcher (generator/cli/launch.mjs) started before importing the CLI, for a run that
 * generates: the formatter, whose first worker reads the specs and builds the code model. `run` closes
 * it when it uses it; otherwise the launcher's exit ends it.
 */
export interface Started {
  formatter?: Promise<StartedFormatter>;
}

/** Run the CLI; resolves to the exit code. */
export async function run(
  argv: string[],
  env: Record<string, string | undefined> = process.env,
  io: Io = processIo,
  started: Started = {},
): Promise<number> {
  let warnings: ReturnType<typeof warningReporter> | undefined;
  let formatter: Formatter | undefined;
  try {
    const args = parseCliArgs(argv);
    if (args.help) {
      io.stdout(USAGE);
      return 0;
    }
    const paths = resolvePaths(args.specsRoot, env);
    warnings = warningReporter(io, args.verbose);
    const warn = warnings.warn;

    if (args.pin) {
      const [{ formatManifest }, { loadRequestFrom, pinManifest }] = await Promise.all([
        import("../load/manifest.js"),
        import("./pipeline.js"),
      ]);
      const manifest = await pinManifest(loadRequestFrom(args), paths, warn);
      warnings.flush();
      await writeFile(paths.manifestFile, formatManifest(manifest));
      const count = manifest.versions.reduce((n, v) => n + Object.keys(v.sha256).length, 0);
      io.stdout(`pinned ${count} files for ${manifest.versions.length} API versions in ${relative(process.cwd(), paths.manifestFile)}\n`);
      return 0;
    }

    const phase = phaseTimer();
    const startedFormatter = await (started.formatter ?? startFormatter(repoRoot, formatWorkerFrom(env)));
    formatter = startedFormatter.formatter;
    // the emitter (ts-morph): the launcher started loading it; it evaluates while the specs load
    const emitting = import("./emitting.js");
    emitting.catch(() => undefined); // awaited below
    let loaded: LoadedModel;
    if (startedFormatter.loaded !== undefined) {
      // the worker reads the specs and builds the model while this thread loads the emitter
      await emitting;
      phase("import emit");
      const outcome = await startedFormatter.loaded;
      outcome.diagnostics.forEach(warn);
      if ("error" in outcome) throw outcome.error;
      loaded = outcome.loaded;
    } else {
      const { loadModel, loadRequestFrom } = await import("./pipeline.js");
      loaded = await loadModel(loadRequestFrom(args), paths, args.validateConstraints, warn);
    }
    warnings.flush(); // the summary goes where the individual warnings would have been
    phase("load+model");
    // what --out may not hold or lie in: every spec file read, the manifest, transforms and templates
    const guard: OutputGuard = {
      ...(args.force === true ? { force: true } : {}),
      inputFiles: [...loaded.sources.flatMap((s) => s.inputFiles), paths.manifestFile, paths.transformsFile],
      inputFolders: [paths.specsRoot, paths.templatesDir, ...(args.root !== undefined ? [resolve(args.root)] : [])],
    };
    if (!args.check) await checkOutputTarget(args.out, guard); // fail before the slow part; checked again when writing
    const { emitModel } = await emitting;
    const files = withOutputMarker(await emitModel(loaded.model, loaded.config, paths, formatter));
    phase("emit");
    const versions = loaded.sources.map((s) => s.apiVersion).join(", ");
    const transformLines = loaded.sources.flatMap((s) =>
      s.transforms.map((t) => `  transform #${t.index} (${s.apiVersion}) ${t.kind} ${t.file}#${t.pointer}: ${t.change} -- ${t.reason}\n`),
    );

    if (args.check) {
      const diff = await compareWithDisk(args.out, files);
      const problems = [
        ...diff.stale.map((f) => `  stale:   ${f}\n`),
        ...diff.missing.map((f) => `  missing: ${f}\n`),
        ...diff.extra.map((f) => `  extra:   ${f}\n`),
      ];
      if (problems.length === 0) {
        io.stdout(`${args.out} is up to date (${files.length} files, API ${versions})\n${transformLines.join("")}`);
        return 0;
      }
      io.stderr(`${args.out} is out of date:\n${problems.join("")}run \`npm run generate\` to update it\n`);
      return 1;
    }

    const step = killAtStep(env["ACS_GEN_TEST_KILL_AT_STEP"]);
    await writeAtomically(args.out, files, { ...guard, ...(step !== undefined ? { step } : {}) });
    phase("write");
    if (env["ACS_GEN_TIMINGS"]) io.stderr(`timings: ${phase.report()}\n`);
    const seconds = (performance.now() / 1000).toFixed(2); // since the process started
    io.stdout(`wrote ${files.length} files to ${args.out} (${loaded.config.clientName}, API ${versions}) in ${seconds} s\n`);
    if (transformLines.length > 0) io.stdout(`applied ${transformLines.length} spec transform(s):\n${transformLines.join("")}`);
    return 0;
  } catch (err) {
    warnings?.flush(); // what was loaded before the failure
    if (err instanceof UsageError) {
      io.stderr(`error: ${err.message}\n`);
      return 2;
    }
    if (err instanceof GeneratorError || err instanceof OutputRefusedError) {
      io.stderr(`error: ${err.message}\n`);
      return 1;
    }
    io.stderr(`error: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
    return 1;
  } finally {
    await formatter?.close();
    // one the launcher started for a run that turned out not to generate (its flags were wrong) is left
    // to the launcher, which exits at once (closing it would let the worker write its cache half-loaded)
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  // exit at once: on an early error, do not wait for the model/emit import still in flight
  // (stdout and stderr are synchronous for files and pipes on POSIX, so nothing is lost)
  process.exit(await run(process.argv.slice(2)));
}
