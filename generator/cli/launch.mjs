// `npm run generate` starts here: plain JavaScript, so node runs it without a TypeScript loader.
//
// It runs generator/cli/main.ts from an esbuild bundle cached in .tmp/generator-cli/<key>/ (gitignored),
// where <key> hashes the content of every generator source the bundle was built from (taken from
// esbuild's metafile), this file, the esbuild version and the checkout's location. When any of them
// changes, or on a fresh clone, the bundle is rebuilt first (~0.2 s), so the run always reflects the
// current sources. current.json also records each hashed file's size and modification time: while
// none changed, the key is not recomputed (see fileStats). The location is part of the key because
// the bundle holds absolute paths (see import.meta.url below): a checkout copied or moved with its
// .tmp/ (cp -a) must not run a bundle that reads and writes the original tree; it rebuilds its own.
// Running through tsx instead cost ~0.3 s per run (its loader hooks and worker thread).
//
// `import.meta.url` keeps the value of the source file it is written in (each file is transformed
// with it defined), so paths the generator resolves from its own location stay the same.
// CommonJS packages listed in `requiredPackages` are loaded with `require` from a small bundled
// module instead of `import`: importing CommonJS from ESM makes Node scan the package's source for
// export names (cjs-module-lexer), ~0.1-0.2 s per run for ts-morph.
// If esbuild cannot be loaded or fails, the CLI runs through tsx as before.
import { createHash, randomBytes } from "node:crypto";
import module, { createRequire } from "node:module";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const self = fileURLToPath(import.meta.url);
const repoRoot = resolve(dirname(self), "..", "..");
const entry = join(repoRoot, "generator", "cli", "main.ts");
const printWorkerEntry = join(repoRoot, "generator", "emit", "printWorker.ts");
const formatWorkerEntry = join(repoRoot, "generator", "emit", "formatWorker.ts");
const cliWorkerEntry = join(repoRoot, "generator", "cli", "worker.ts");
const emittingEntry = join(repoRoot, "generator", "cli", "emitting.ts");
const compileCacheEntry = join(repoRoot, "generator", "emit", "compileCache.ts");
const formattingEntry = join(repoRoot, "generator", "cli", "formatting.ts");
// ACS_GEN_BUNDLE_DIR: another cache folder (tests); it must be inside the repo, as the bundle
// imports its packages from the repo's node_modules
const cacheRoot = resolve(process.env["ACS_GEN_BUNDLE_DIR"] || join(repoRoot, ".tmp", "generator-cli"));
const currentFile = join(cacheRoot, "current.json");
const requiredPackages = ["ts-morph"];
/** V8's code cache for the CommonJS packages the generator requires (see enableCompileCache). */
const compileCacheDir = join(cacheRoot, "compile-cache");
/** Bundles not current and older than this are removed when a new one is built. */
const pruneAfterMs = 24 * 60 * 60 * 1000;

/** Key of a build: esbuild version, this launcher, and each input's path and content. */
function buildKey(esbuildVersion, inputs) {
  const hash = createHash("sha256");
  hash.update(`esbuild ${esbuildVersion}\0root ${repoRoot}\0`);
  hash.update(readFileSync(self));
  const require = createRequire(entry);
  for (const name of requiredPackages) hash.update(`\0${name} ${require(`${name}/package.json`).version}`);
  for (const input of [...inputs].sort()) {
    hash.update(`\0${input}\0`);
    hash.update(readFileSync(join(repoRoot, input)));
  }
  return hash.digest("hex").slice(0, 32);
}

/**
 * Size and modification time of each file the key hashes (this launcher, the inputs): while they are
 * all unchanged, the bundle is current without reading and hashing every source (~10-30 ms per run).
 * Any change (an edit, a checkout, a copy: git and cp set new times) makes the launcher hash them again.
 */
function fileStats(inputs) {
  const stats = {};
  const packages = requiredPackages.map((name) => createRequire(entry).resolve(`${name}/package.json`));
  for (const file of [self, ...packages, ...inputs.map((input) => join(repoRoot, input))]) {
    const stat = statSync(file);
    stats[file] = `${stat.size} ${stat.mtimeMs}`;
  }
  return stats;
}

function sameStats(recorded, inputs) {
  if (recorded === null || typeof recorded !== "object") return false;
  const now = fileStats(inputs);
  const files = Object.keys(now);
  return files.length === Object.keys(recorded).length && files.every((file) => recorded[file] === now[file]);
}

/** The folder of an up-to-date bundle, or undefined. */
function currentBundle() {
  try {
    const current = JSON.parse(readFileSync(currentFile, "utf8"));
    const stale = current.root !== repoRoot || !sameStats(current.stats, current.inputs);
    if (stale || !existsSync(join(cacheRoot, current.key, "main.mjs"))) {
      if (buildKey(current.esbuild, current.inputs) !== current.key) return undefined;
      writeCurrent({ ...current, root: repoRoot, stats: fileStats(current.inputs) }); // hashed once; stats from now on
    }
    return join(cacheRoot, current.key);
  } catch {
    return undefined; // no bundle yet, or an input was removed
  }
}

/** Replaces current.json atomically. */
function writeCurrent(current) {
  const tmp = `${currentFile}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(current, null, 2)}\n`);
  renameSync(tmp, currentFile);
}

async function rebuild() {
  const esbuild = await import("esbuild");
  const tsconfig = JSON.parse(readFileSync(join(repoRoot, "tsconfig.json"), "utf8"));
  mkdirSync(cacheRoot, { recursive: true });
  const staging = join(cacheRoot, `build-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    const result = await esbuild.build({
      absWorkingDir: repoRoot,
      entryPoints: {
        main: entry,
        printWorker: printWorkerEntry,
        formatWorker: formatWorkerEntry,
        worker: cliWorkerEntry,
        emitting: emittingEntry,
        compileCache: compileCacheEntry,
        formatting: formattingEntry,
      },
      bundle: true,
      splitting: true, // the CLI's dynamic imports (pipeline, model and emit stages) stay lazy
      format: "esm",
      platform: "node",
      target: "node20",
      packages: "external",
      outdir: staging,
      outExtension: { ".js": ".mjs" },
      metafile: true,
      logLevel: "silent",
      plugins: [
        {
          name: "require-commonjs-packages",
          setup(build) {
            const filter = new RegExp(`^(?:${requiredPackages.map((n) => n.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")).join("|")})$`);
            build.onResolve({ filter }, (args) => ({ path: args.path, namespace: "required-package" }));
            build.onLoad({ filter: /.*/, namespace: "required-package" }, (args) => {
              const names = Object.keys(createRequire(entry)(args.path)).filter((n) => /^[A-Za-z_$][\w$]*$/.test(n) && n !== "default");
              return {
                contents: [
                  'import module, { createRequire } from "node:module";',
                  `const m = createRequire(${JSON.stringify(pathToFileURL(entry).href)})(${JSON.stringify(args.path)});`,
                  "export default m;",
                  `export const { ${names.join(", ")} } = m;`,
                ].join("\n"),
                loader: "js",
              };
            });
          },
        },
        {
          name: "source-import-meta-url",
          setup(build) {
            build.onLoad({ filter: /\.(?:[cm]?ts|[cm]?js)$/ }, async (args) => {
              const source = await readFile(args.path, "utf8");
              const out = await esbuild.transform(source, {
                loader: /ts$/.test(args.path) ? "ts" : "js",
                format: "esm",
                target: "node20",
                sourcefile: args.path,
                tsconfigRaw: { compilerOptions: tsconfig.compilerOptions },
                define: { "import.meta.url": JSON.stringify(pathToFileURL(args.path).href) },
              });
              return { contents: out.code, loader: "js" };
            });
          },
        },
      ],
    });
    // files only (not the generated modules of requiredPackages, "required-package:<name>")
    const inputs = Object.keys(result.metafile.inputs).filter((input) => !input.startsWith("required-package:"));
    const key = buildKey(esbuild.version, inputs);
    const target = join(cacheRoot, key);
    try {
      renameSync(staging, target);
    } catch {
      rmSync(staging, { recursive: true, force: true }); // built at the same time by another run
    }
    writeCurrent({ key, esbuild: esbuild.version, inputs, root: repoRoot, stats: fileStats(inputs) });
    prune(key);
    return target;
  } catch (err) {
    rmSync(staging, { recursive: true, force: true });
    throw err;
  }
}

function prune(keep) {
  const now = Date.now();
  for (const name of readdirSync(cacheRoot)) {
    if (name === keep || name === "current.json" || name === "compile-cache") continue;
    const path = join(cacheRoot, name);
    try {
      if (now - statSync(path).mtimeMs > pruneAfterMs) rmSync(path, { recursive: true, force: true });
    } catch {
      // removed by another run
    }
  }
}

/**
 * Lets V8 reuse the code it compiled for the big CommonJS packages (ts-morph and its 9 MB TypeScript)
 * instead of compiling them again on every run: Node >= 22.1 has a compile cache built in
 * (module.enableCompileCache); before it, the bundled generator/emit/compileCache.ts installs a require
 * hook that keeps V8's code cache, taken at the end of a run (see there why not a package).
 * Kept in .tmp/generator-cli/compile-cache/ (a folder per thread: the format worker has its own,
 * see generator/emit/formatWorker.ts); without either, runs just compile as before.
 */
async function enableCompileCache(dir) {
  process.env["ACS_GEN_COMPILE_CACHE"] ??= compileCacheDir;
  if (typeof module.enableCompileCache === "function") {
    module.enableCompileCache(compileCacheDir);
    return;
  }
  const { installCodeCache } = await import(pathToFileURL(join(dir, "compileCache.mjs")).href);
  installCodeCache(join(compileCacheDir, "main"));
}

/**
 * Starts the CLI's first worker from the bundle before the CLI itself is imported, for a run that
 * generates (not --help or --pin; a run that fails on its flags just exits): it reads the specs and
 * builds the code model (generator/cli/worker.ts) while this thread loads the emitter (ts-morph, the
 * slowest thing a run loads), then formats. Every millisecond it starts earlier is one less on the
 * critical path. Handed to `run`, which formats on this thread and loads the specs itself when given none.
 */
function prestartFormatter(dir, argv) {
  if (argv.some((arg) => arg === "--help" || arg === "-h" || arg === "--pin")) return undefined;
  const worker = process.env["ACS_GEN_FORMAT_WORKER"] || join(dir, "formatWorker.mjs");
  const formatter = import(pathToFileURL(join(dir, "formatting.mjs")).href).then((m) =>
    m.startFormatter(repoRoot, worker, { workerUrl: join(dir, "worker.mjs"), argv }),
  );
  formatter.catch(() => undefined); // run() reports it when it awaits it
  return formatter;
}

async function loadCli(argv) {
  try {
    const dir = currentBundle() ?? (await rebuild());
    await enableCompileCache(dir);
    const formatter = prestartFormatter(dir, argv);
    if (formatter !== undefined) {
      // once the worker has started (not before: evaluating the emitter blocks this thread), the emitter
      // (ts-morph) loads here while the worker reads the specs; the CLI's import of it gets this one
      await formatter.catch(() => undefined);
      import(pathToFileURL(join(dir, "emitting.mjs")).href).catch(() => undefined); // run() reports a failure
    }
    const cli = await import(pathToFileURL(join(dir, "main.mjs")).href);
    // with ACS_GEN_PRINT_THREADS=2, large specs are printed on two threads; the worker runs the
    // bundled printWorker.ts
    process.env["ACS_GEN_PRINT_WORKER"] ??= join(dir, "printWorker.mjs");
    // Prettier formats the generated files on a worker thread running the bundled formatWorker.ts
    process.env["ACS_GEN_FORMAT_WORKER"] ??= join(dir, "formatWorker.mjs");
    return { run: cli.run, ...(formatter !== undefined ? { started: { formatter } } : {}) };
  } catch (err) {
    if (process.env["ACS_GEN_DEBUG"])
      process.stderr.write(`launch: bundle unavailable, using tsx: ${err instanceof Error ? err.message : String(err)}\n`);
    const { register } = await import("tsx/esm/api");
    register();
    return await import(pathToFileURL(entry).href);
  }
}

const argv = process.argv.slice(2);
const { run, started } = await loadCli(argv);
// exit at once, as main.ts does when run directly
process.exit(await run(argv, process.env, undefined, started));
