/**
 * `npm run pack [-- --pack-destination <dir>]`: the package's tarball, as it would be published.
 *
 * `npm pack` in the repository would ship the repository's README.md (generator, emulator,
 * layout), which npm always includes. This script stages what the package is made of in a fresh
 * folder under .tmp/ and packs that instead:
 * - dist/esm and dist/commonjs (run `npm run build` first; `npm run pack` does);
 * - src/README.md as README.md: the README for app developers;
 * - LICENSE;
 * - package.json without what only the repository uses (scripts, devDependencies, the `imports`
 *   map for src/*.ts, the `browser` entries for src/; dist/ has its own package.json files).
 * The tarball is copied to the destination (default: the current directory) and never replaces a
 * file that is already there. The staging folder is removed afterwards.
 *
 * `node scripts/pack.mjs --prepack-guard` is the repository's `prepack` script: a plain `npm pack`
 * or `npm publish` in the repository stops with a pointer to `npm run pack`. (npm also runs
 * `prepack` before `npm run pack`, as its pre-script; the guard lets that through.)
 */
import { execFileSync } from "node:child_process";
import { constants, copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const PACKAGE_README = join("src", "README.md");

function fail(message) {
  console.error(`pack: ${message}`);
  process.exit(1);
}

let args;
try {
  args = parseArgs({ options: { "pack-destination": { type: "string" }, "prepack-guard": { type: "boolean" } }, strict: true }).values;
} catch (error) {
  fail(`${error.message}. Usage: npm run pack [-- --pack-destination <dir>]`);
}
if (args["prepack-guard"]) {
  if (["run", "run-script"].includes(process.env.npm_command ?? "")) process.exit(0);
  fail(
    `npm pack and npm publish are refused in the repository: they would ship the repository's README.md. ` +
      `Run \`npm run pack\`, which packs dist/ with ${PACKAGE_README} and LICENSE; publish the tarball it writes.`,
  );
}

const destination = resolve(process.env.INIT_CWD ?? process.cwd(), args["pack-destination"] ?? ".");
if (!existsSync(destination)) fail(`--pack-destination ${destination} does not exist.`);
for (const path of ["dist/esm/package.json", "dist/commonjs/package.json", PACKAGE_README, "LICENSE"]) {
  if (!existsSync(join(root, path)))
    fail(`${path} is missing${path.startsWith("dist/") ? ": run `npm run build` first (`npm run pack` does)" : ""}.`);
}

const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
const { scripts: _scripts, devDependencies: _dev, imports: _imports, ...published } = pkg;
if (published.browser) {
  published.browser = Object.fromEntries(Object.entries(published.browser).filter(([from]) => from.startsWith("./dist/")));
}

mkdirSync(join(root, ".tmp"), { recursive: true });
const stage = mkdtempSync(join(root, ".tmp", "pack-"));
try {
  for (const dir of ["dist/esm", "dist/commonjs"]) cpSync(join(root, dir), join(stage, dir), { recursive: true });
  copyFileSync(join(root, PACKAGE_README), join(stage, "README.md"));
  copyFileSync(join(root, "LICENSE"), join(stage, "LICENSE"));
  writeFileSync(join(stage, "package.json"), JSON.stringify(published, null, 2) + "\n");
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const output = execFileSync(npm, ["pack", "--json", "--ignore-scripts"], {
    cwd: stage,
    encoding: "utf8",
    shell: process.platform === "win32",
  });
  const [{ filename }] = JSON.parse(output);
  const target = join(destination, basename(filename));
  try {
    copyFileSync(join(stage, filename), target, constants.COPYFILE_EXCL);
    console.log(target);
  } catch (error) {
    if (error.code !== "EEXIST") throw error;
    console.error(`pack: ${target} already exists; it is left as it is. Move it away or pick another --pack-destination.`);
    process.exitCode = 1;
  }
} finally {
  rmSync(stage, { recursive: true, force: true });
}
