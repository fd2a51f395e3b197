/**
 * `npm run build`: the ESM build (dist/esm) and the CommonJS build (dist/commonjs) of src/ and
 * generated/src, each with a package.json of its own that gives its module type and its `imports`
 * map. Node and bundlers resolve a `#...` import through the package.json nearest the importing
 * file, so a built file resolves `#hmacSigner` to a built file next to it, while the root
 * package.json's `imports` (which point at src/*.ts) serve tsx, vitest and bundlers working from
 * source. Since bundlers also read `sideEffects` and the `browser` map from the nearest
 * package.json (webpack does), those are copied in too, re-rooted at the build's folder.
 * dist/ is this script's output only: it is deleted and rebuilt.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");
const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));

rmSync(join(root, "dist"), { recursive: true, force: true });
for (const [format, tsconfig] of [
  ["module", "tsconfig.build.esm.json"],
  ["commonjs", "tsconfig.build.cjs.json"],
]) {
  execFileSync(process.execPath, [tsc, "-p", tsconfig], { cwd: root, stdio: "inherit" });
  const folder = format === "module" ? "esm" : "commonjs";
  const outDir = join(root, "dist", folder);
  mkdirSync(outDir, { recursive: true });
  const own = {
    type: format,
    sideEffects: pkg.sideEffects,
    browser: builtBrowserMap(pkg.browser ?? {}, `./dist/${folder}/`),
    imports: builtImports(pkg.imports ?? {}),
  };
  writeFileSync(join(outDir, "package.json"), JSON.stringify(own, null, 2) + "\n");
}

/** The root `browser` entries for files under `prefix` (e.g. ./dist/esm/), relative to that folder. */
function builtBrowserMap(browser, prefix) {
  const reroot = (path) => `./${path.slice(prefix.length)}`;
  return Object.fromEntries(
    Object.entries(browser)
      .filter(([from, to]) => from.startsWith(prefix) && typeof to === "string" && to.startsWith(prefix))
      .map(([from, to]) => [reroot(from), reroot(to)]),
  );
}

/** The root `imports` map with each source target (`./src/x.ts`) replaced by its built file (`./src/x.js`). */
function builtImports(imports) {
  const rewrite = (key, target) => {
    if (typeof target === "string") {
      if (!/^\.\/(src|generated\/src)\/.+\.ts$/.test(target)) {
        throw new Error(
          `package.json imports["${key}"]: target ${JSON.stringify(target)} is not a .ts file under ./src or ./generated/src, so the build has no file for it.`,
        );
      }
      return target.replace(/\.ts$/, ".js");
    }
    return Object.fromEntries(Object.entries(target).map(([condition, value]) => [condition, rewrite(key, value)]));
  };
  return Object.fromEntries(Object.entries(imports).map(([key, target]) => [key, rewrite(key, target)]));
}
