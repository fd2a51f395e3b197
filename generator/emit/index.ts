import { StructureKind, type SourceFileStructure, type StatementStructures } from "ts-morph";
import type { CodeModel } from "../model/types.js";
import { buildEmitContext } from "./buildContext.js";
import { functionNameOf, type EmitContext, type EmitSettings } from "./context.js";
import { loadEmitAssets, type EmitAssets } from "./assets.js";
import { needsAnonymousRuntime } from "./anonymous.js";
import { needsBodyRuntime } from "./bodies.js";
import { clientFileName, clientStatements } from "./clientFile.js";
import { typeScriptHeader } from "./header.js";
import { mappersStatements } from "./mappersFile.js";
import { typeScriptNames } from "./names.js";
import { modelsStatements } from "./modelsFile.js";
import { operationsStatements } from "./operationsFile.js";
import type { Formatter } from "./formatter.js";
import { createEmitProject, printSourceFile, type PrintStyle } from "./printer.js";
import { readmeData } from "./readme.js";
import { operationsClassName } from "./names.js";
import { operationsFileName } from "./signature.js";
import { validatorsStatements } from "./validatorsFile.js";
import { apiVersionsStatements } from "./versions.js";
import { hasXmlOperations, xmlModelsStatements } from "./xml.js";

export { loadEmitAssets, type EmitAssets } from "./assets.js";
export type { EmitSettings } from "./context.js";

/** One output file, path relative to `generated/` with POSIX separators. */
export interface GeneratedFile {
  path: string;
  content: string;
}

export interface EmitOptions extends EmitSettings {
  /** Folder holding the handlebars templates (`templates/`). */
  templatesDir: string;
}

/** Emits every file of `generated/` for a code model, sorted by path. Reads only the templates and the runtime source. */
export function emitClient(model: CodeModel, options: EmitOptions): GeneratedFile[] {
  return emitWithAssets(model, loadEmitAssets(options.templatesDir), settingsOf(options));
}

/** The emit settings among `options` (defaults left out). */
function settingsOf(options: EmitSettings): EmitSettings {
  return options.validateConstraints === true ? { validateConstraints: true } : {};
}

/** The pure part of {@link emitClient}: code model and loaded assets in, files out. */
export function emitWithAssets(codeModel: CodeModel, assets: EmitAssets, settings: EmitSettings = {}): GeneratedFile[] {
  const model = typeScriptNames(codeModel);
  const plan = planFiles(model, settings);
  const project = createEmitProject();
  return assembleFiles(
    model,
    assets,
    plan,
    plan.jobs.map((job) => printSourceFile(project, job.path, job.structure, plan.header)),
  );
}

/**
 * {@link emitClient} for the CLI. With a `formatter`, every TypeScript file the emitter prints is then
 * formatted with Prettier (the structure printer's text goes to it as it is: Prettier lays it out
 * anyway); each file is handed over as soon as it is printed, so formatting (on the formatter's
 * worker threads) overlaps printing, and once all are printed this thread formats those no worker has
 * started (`Formatter.helpHere`). runtime.ts and xml.ts are copied from sources in the repository
 * that Prettier already formats (`npm run lint`), so they are not formatted again.
 *
 * It can also print the TypeScript files on two threads: this one and a worker running
 * `printWorkerUrl` (./printWorker.ts, or its bundled copy). Same files, byte for byte; printing
 * (ts-morph's printer, TypeScript's parser and formatter) is nearly all of the emit time of a
 * large spec. Below `minOperations` operations, without a worker script, with one core, or when the
 * 1-minute load average leaves no core idle (unless `ignoreLoad`), it prints on this thread only.
 */
export async function emitClientInParallel(
  codeModel: CodeModel,
  options: EmitOptions & { printWorkerUrl?: URL; minOperations?: number; ignoreLoad?: boolean; formatter?: Formatter },
): Promise<GeneratedFile[]> {
  const model = typeScriptNames(codeModel);
  const assets = loadEmitAssets(options.templatesDir);
  const formatter = options.formatter;
  const style: PrintStyle = formatter !== undefined ? "raw" : "typescript";
  const format = (path: string, text: string): Promise<string> =>
    formatter !== undefined ? formatter.format(path, text) : Promise.resolve(text);
  const operations = model.operationGroups.reduce((n, g) => n + g.operations.length, 0);
  const { availableParallelism, loadavg } = await import("node:os");
  // a second thread only pays when a core is free: on a saturated machine it just adds the
  // worker's own start-up (~0.8 s CPU at 1,000 operations)
  const idleCore = availableParallelism() >= 2 && (options.ignoreLoad === true || loadavg()[0]! < availableParallelism() - 0.5);
  if (options.printWorkerUrl === undefined || operations < (options.minOperations ?? 100) || !idleCore) {
    const plan = planFiles(model, settingsOf(options));
    const project = createEmitProject();
    const texts: Array<Promise<string>> = new Array<Promise<string>>(plan.jobs.length);
    for (const i of printOrder(plan.jobs)) {
      const job = plan.jobs[i]!;
      texts[i] = format(job.path, printSourceFile(project, job.path, job.structure, plan.header, style));
    }
    return assembleFiles(model, assets, plan, await helpThenCollect(formatter, texts));
  }
  const { Worker } = await import("node:worker_threads");
  const worker = new Worker(options.printWorkerUrl); // loads ts-morph while this thread plans
  try {
    const plan = planFiles(model, settingsOf(options));
    const { mine, theirs } = splitJobs(plan.jobs);
    const request: PrintRequest = { header: plan.header, style, jobs: theirs.map((i) => plan.jobs[i]!) };
    const reply = new Promise<string[]>((resolve, reject) => {
      worker.once("message", (texts: string[]) => resolve(texts));
      worker.once("error", reject);
      worker.once("exit", (code) => reject(new Error(`the print worker exited with code ${code}`)));
    });
    worker.postMessage(request);
    const texts: Array<Promise<string>> = new Array<Promise<string>>(plan.jobs.length);
    const project = createEmitProject();
    for (const i of mine) {
      const job = plan.jobs[i]!;
      texts[i] = format(job.path, printSourceFile(project, job.path, job.structure, plan.header, style));
    }
    const theirTexts = await reply;
    theirs.forEach((i, k) => (texts[i] = format(plan.jobs[i]!.path, theirTexts[k]!)));
    return assembleFiles(model, assets, plan, await helpThenCollect(formatter, texts));
  } finally {
    void worker.terminate();
  }
}

/**
 * The formatted texts, once this thread has helped format them (all are printed): the results are
 * collected first, so that a file that fails while this thread formats others is not an unhandled
 * rejection; its error is the one thrown.
 */
async function helpThenCollect(formatter: Formatter | undefined, texts: Array<Promise<string>>): Promise<string[]> {
  const all = Promise.all(texts);
  all.catch(() => undefined); // awaited below
  await formatter?.helpHere();
  return all;
}

/**
 * The order to print `jobs` in (indexes) when each file is formatted as soon as it is printed: the
 * operation files first, then the client, which hold most of the code (and most of the formatting),
 * so the formatter starts on them while the smaller files print; then models and mappers, then the
 * rest. Only the time changes: the files are the same in any order.
 */
export function printOrder(jobs: ReadonlyArray<PrintJob>): number[] {
  const rank = (path: string): number => {
    if (path.startsWith("src/operations/")) return 0;
    if (/^src\/(?:models|mappers|validators|xmlModels)\.ts$/.test(path)) return 2;
    if (path === "src/apiVersions.ts" || path === "src/index.ts") return 3;
    return 1; // the client
  };
  return jobs
    .map((job, i) => ({ i, rank: rank(job.path) }))
    .sort((a, b) => a.rank - b.rank || a.i - b.i)
    .map((entry) => entry.i);
}

/** One TypeScript file to print. */
export interface PrintJob {
  path: string;
  structure: SourceFileStructure;
}

/** What a print worker receives: files to print with the header; it replies with their texts, in order. */
export interface PrintRequest {
  header: string;
  style: PrintStyle;
  jobs: PrintJob[];
}

interface FilePlan {
  header: string;
  jobs: PrintJob[];
  /** runtime.ts carries the constraint helpers too. */
  validateConstraints: boolean;
  /** The client has XML operations: src/xml.ts (the XML helpers) is added. */
  xml: boolean;
}

/** The TypeScript files of `generated/` as structures, in the order they were always emitted. */
function planFiles(model: CodeModel, settings: EmitSettings): FilePlan {
  const context = buildEmitContext(model, settings);
  const header = typeScriptHeader(model);
  const jobs: PrintJob[] = [];
  const emitTs = (path: string, statements: StatementStructures[]): void => {
    jobs.push({ path, structure: { kind: StructureKind.SourceFile, statements } });
  };

  const clientFile = clientFileName(context);
  // A spec without models (no definitions, no optional parameters) gets no models.ts, and index.ts does not re-export one.
  const models = modelsStatements(context);
  if (models.length > 0) {
    emitTs("src/models.ts", models);
  }
  const mappers = mappersStatements(context);
  if (mappers !== undefined) {
    emitTs("src/mappers.ts", mappers);
  }
  const validators = validatorsStatements(context);
  if (validators !== undefined) {
    emitTs("src/validators.ts", validators);
  }
  const xml = hasXmlOperations(context);
  if (xml) {
    emitTs("src/xmlModels.ts", xmlModelsStatements(context));
  }
  for (const group of model.operationGroups) {
    emitTs(`src/operations/${operationsFileName(group, model)}.ts`, operationsStatements(group, context, `../${clientFile}.js`));
  }
  emitTs("src/apiVersions.ts", apiVersionsStatements(model));
  emitTs(`src/${clientFile}.ts`, clientStatements(context));
  emitTs("src/index.ts", indexStatements(context, clientFile, models.length > 0));
  return { header, jobs, validateConstraints: context.validateConstraints, xml };
}

/** Indexes of the jobs to print here and in the worker, balanced by structure size (largest first). */
function splitJobs(jobs: PrintJob[]): { mine: number[]; theirs: number[] } {
  const sizes = jobs.map((job) => JSON.stringify(job.structure).length);
  const order = jobs.map((_, i) => i).sort((a, b) => sizes[b]! - sizes[a]! || a - b);
  const mine: number[] = [];
  const theirs: number[] = [];
  let mineSize = 0;
  let theirSize = 0;
  for (const i of order) {
    // the worker starts later (it loads ts-morph first): give it the smaller share on ties
    if (theirSize + sizes[i]! < mineSize) {
      theirs.push(i);
      theirSize += sizes[i]!;
    } else {
      mine.push(i);
      mineSize += sizes[i]!;
    }
  }
  return { mine, theirs };
}

/** The printed TypeScript texts (in job order) plus runtime.ts and README.md, sorted by path. */
function assembleFiles(model: CodeModel, assets: EmitAssets, plan: FilePlan, texts: string[]): GeneratedFile[] {
  const files: GeneratedFile[] = plan.jobs.map((job, i) => ({ path: job.path, content: texts[i]! }));
  // the constraint helpers only when constraints are checked: no dead code in a client that leaves them to the service
  const runtime = [
    assets.runtimeSource,
    ...(plan.validateConstraints ? [assets.constraintsSource] : []),
    // binary, form and multi-media-type bodies, streamed responses: only for specs that have them
    ...(needsBodyRuntime(model) ? [assets.bodiesSource] : []),
    // operations that allow anonymous requests in a client with a credential
    ...(needsAnonymousRuntime(model) ? [assets.anonymousSource] : []),
  ].join("\n");
  files.push({ path: "src/runtime.ts", content: `${plan.header}\n${runtime}` });
  if (plan.xml) {
    files.push({ path: "src/xml.ts", content: `${plan.header}\n${assets.xmlSource}` });
  }

  const paths = [...files.map((f) => f.path), "README.md"].sort();
  files.push({ path: "README.md", content: assets.readme(readmeData(model, paths)) });
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

function indexStatements(context: EmitContext, clientFile: string, hasModels: boolean): StatementStructures[] {
  const { model } = context;
  return [
    ...(hasModels ? [{ kind: StructureKind.ExportDeclaration as const, moduleSpecifier: "./models.js" }] : []),
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: `./${clientFile}.js`,
      namedExports: [
        model.client.name,
        `type ${model.client.name}Options`,
        `${model.client.name}Core`,
        `type ${model.client.name}CoreOptions`,
      ],
    },
    ...model.operationGroups.map((g) => ({
      kind: StructureKind.ExportDeclaration as const,
      moduleSpecifier: `./operations/${operationsFileName(g, model)}.js`,
      // the class, then one function per operation (src/ can import just the functions it calls)
      namedExports: [operationsClassName(g), ...g.operations.map((o) => functionNameOf(context, o))],
    })),
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "./apiVersions.js",
      namedExports: ["apiVersions", "type ApiVersion", "defaultApiVersion", "resolveApiVersion"],
    },
    {
      kind: StructureKind.ExportDeclaration,
      moduleSpecifier: "./runtime.js",
      namedExports: [
        "ApiVersionMismatchError",
        "type OperationContext",
        "type OperationOptions",
        // the options of x-ms-long-running-operation operations (their poller types are @azure/core-lro's)
        ...(model.operationGroups.some((g) => g.operations.some((o) => o.longRunning !== undefined)) ? ["type LroOperationOptions"] : []),
        // binary bodies and form files, streamed binary responses
        ...(needsBodyRuntime(model) ? ["type BinaryBody", "type BinaryResponse"] : []),
        // the iterator type of x-ms-pageable operations
        ...(model.operationGroups.some((g) => g.operations.some((o) => o.paging !== undefined))
          ? ["type PagedAsyncIterableIterator", "type PageSettings"]
          : []),
      ],
    },
  ];
}
