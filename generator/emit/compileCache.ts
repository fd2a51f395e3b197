/**
 * V8's code cache in a worker thread (the main thread's is enabled by generator/cli/launch.mjs, which
 * says why): Node >= 22.1's built-in compile cache, else the v8-compile-cache package's require hook,
 * in `<ACS_GEN_COMPILE_CACHE>/<name>` (each thread saves its own cache file when it exits). Nothing
 * when ACS_GEN_COMPILE_CACHE is unset (tests, the tsx fallback) or neither is available.
 */
import module, { createRequire } from "node:module";
import { join } from "node:path";

export function enableWorkerCompileCache(name: string): void {
  const root = process.env["ACS_GEN_COMPILE_CACHE"];
  if (root === undefined || root === "") return;
  const enable = (module as { enableCompileCache?: (dir: string) => unknown }).enableCompileCache;
  if (typeof enable === "function") {
    enable(root);
    return;
  }
  process.env["V8_COMPILE_CACHE_CACHE_DIR"] = join(root, name);
  try {
    createRequire(import.meta.url)("v8-compile-cache");
  } catch {
    // not installed: no cache
  }
}
