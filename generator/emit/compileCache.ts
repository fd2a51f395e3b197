/**
 * V8's code cache for the CommonJS packages the generator requires on each thread (ts-morph with its
 * 9 MB TypeScript on the main thread, Prettier's standalone build and plugins on the format worker),
 * kept in `<ACS_GEN_COMPILE_CACHE>/<thread>/` (.tmp/generator-cli/compile-cache/, set by
 * generator/cli/launch.mjs). Nothing when ACS_GEN_COMPILE_CACHE is unset (tests, the tsx fallback).
 *
 * Why not a package: the v8-compile-cache package (used before) and Node >= 22.1's
 * `module.enableCompileCache` both take the cache when a file is compiled, which holds only the code V8
 * compiles eagerly (a module's top level); every function the run calls is still compiled on its first
 * call. Prettier's standalone build is minified into a few functions, so its cache was 4 KB and saved
 * nothing, and formatting Identity's files is mostly lazy compilation. Here the cache is taken after
 * the run (`vm.Script#createCachedData` at exit), so it holds every function the run compiled. It is
 * written only when it was missing or V8 rejected it (another Node version or V8 flags), not on every
 * run (v8-compile-cache hashed every file's source on every run, made a new cache for each file and
 * wrote its 9 MB blob at every exit).
 *
 * A cache file is named after the source file's path, size and modification time: installing a package
 * again gives it a new name (older ones for the same path are removed when it is written). V8 itself
 * rejects data made by another V8 version or with other flags; the file is then made again.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import Module from "node:module";
import { basename, dirname, join } from "node:path";
import vm from "node:vm";

interface CompilingModule {
  exports: unknown;
  require(id: string): unknown;
}

type Compile = (this: CompilingModule, content: string, filename: string, ...rest: unknown[]) => unknown;

interface ModuleInternals {
  prototype: { _compile: Compile };
  wrap(script: string): string;
  _resolveFilename(request: string, parent: unknown, isMain: boolean, options?: unknown): string;
  _extensions: unknown;
  _cache: unknown;
}

const internals = Module as unknown as ModuleInternals;

/** The cache file for `filename` as it is now: `<name>-<hash of the path>-<hash of size and mtime>.bin`. */
function cacheName(filename: string): { prefix: string; name: string } {
  const stat = statSync(filename);
  const pathHash = createHash("sha256").update(filename).digest("hex").slice(0, 16);
  const versionHash = createHash("sha256").update(`${stat.size} ${stat.mtimeMs}`).digest("hex").slice(0, 16);
  const prefix = `${basename(filename).replace(/[^\w.-]/g, "_")}-${pathHash}-`;
  return { prefix, name: `${prefix}${versionHash}.bin` };
}

/** Whether the thread has code cache to write when it exits (it then must exit by itself, not be terminated). */
export type CachePending = () => boolean;

/**
 * Compiles the CommonJS files this thread requires from now on with the code cache in `dir`, and
 * writes the cache of those that had none (or a rejected one) when the thread exits.
 */
export function installCodeCache(dir: string): CachePending {
  const proto = internals.prototype;
  const original = proto._compile;
  if (typeof original !== "function" || typeof internals.wrap !== "function") return () => false;
  const fresh: Array<{ prefix: string; name: string; script: vm.Script }> = [];
  // `import()` in those files loads as it would from the file itself (Node >= 20.12; before, it fails as in any vm.Script)
  const importModuleDynamically = (vm.constants as unknown as { USE_MAIN_CONTEXT_DEFAULT_LOADER?: unknown } | undefined)
    ?.USE_MAIN_CONTEXT_DEFAULT_LOADER;

  proto._compile = function compile(this: CompilingModule, content: string, filename: string, ...rest: unknown[]): unknown {
    // only plain CommonJS .js/.cjs files (Node 22+ passes a format for require(esm) and TypeScript)
    if ((rest[0] !== undefined && rest[0] !== "commonjs") || !/\.c?js$/.test(filename) || content.startsWith("#!")) {
      return original.call(this, content, filename, ...rest);
    }
    let file: { prefix: string; name: string };
    try {
      file = cacheName(filename);
    } catch {
      return original.call(this, content, filename, ...rest);
    }
    let cachedData: Buffer | undefined;
    try {
      cachedData = readFileSync(join(dir, file.name));
    } catch {
      // none yet
    }
    const script = new vm.Script(internals.wrap(content), {
      filename,
      ...(cachedData !== undefined ? { cachedData } : {}),
      ...(importModuleDynamically !== undefined ? { importModuleDynamically } : {}),
    } as vm.ScriptOptions);
    if (cachedData === undefined || script.cachedDataRejected === true) fresh.push({ ...file, script });
    const wrapper = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => unknown;
    // the `require` Node gives a module (makeRequireFunction), from the public Module API
    const require = Object.assign((id: string) => this.require(id), {
      resolve: Object.assign((request: string, options?: unknown) => internals._resolveFilename(request, this, false, options), {
        paths: (request: string) =>
          (Module as unknown as { _resolveLookupPaths(r: string, p: unknown): unknown })._resolveLookupPaths(request, this),
      }),
      main: (process as { mainModule?: unknown }).mainModule,
      extensions: internals._extensions,
      cache: internals._cache,
    });
    return wrapper.call(this.exports, this.exports, require, this, filename, dirname(filename));
  };

  process.once("exit", () => {
    for (const { prefix, name, script } of fresh) {
      try {
        mkdirSync(dir, { recursive: true });
        // other runs may read it meanwhile: write a temporary file, then rename it into place
        const tmp = join(dir, `${name}.${process.pid}.tmp`);
        writeFileSync(tmp, script.createCachedData());
        renameSync(tmp, join(dir, name));
        for (const other of readdirSync(dir)) {
          if (other.startsWith(prefix) && other !== name && other.endsWith(".bin")) rmSync(join(dir, other), { force: true });
        }
      } catch {
        // a cache is only a speed-up: a read-only or full disk just means compiling next time too
      }
    }
  });
  return () => fresh.length > 0;
}

/**
 * On a worker thread: the code cache in `<ACS_GEN_COMPILE_CACHE>/<name>` (see installCodeCache), or Node
 * >= 22.1's built-in compile cache there. Nothing when ACS_GEN_COMPILE_CACHE is unset.
 */
export function enableWorkerCompileCache(name: string): CachePending {
  const root = process.env["ACS_GEN_COMPILE_CACHE"];
  if (root === undefined || root === "") return () => false;
  const enable = (Module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (typeof enable === "function") {
    enable(root);
    return () => true; // Node writes it at exit when it has new entries: let the thread exit by itself
  }
  return installCodeCache(join(root, name));
}
