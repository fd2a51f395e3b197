/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process, one after another
 * (benchmarks must not compete for the machine's cores), and prints their reports.
 * `npm run bench -- generate` runs only the files whose name contains "generate".
 */
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const benchDir = dirname(fileURLToPath(import.meta.url));
const filters = process.argv.slice(2);
const files = readdirSync(benchDir)
  .filter((name) => name.endsWith(".bench.ts"))
  .filter((name) => filters.length === 0 || filters.some((f) => name.includes(f)))
  .sort();

if (files.length === 0) {
  console.error(`no benchmark matches ${filters.join(", ") || "bench/*.bench.ts"}`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(benchDir, file)], { stdio: "inherit" });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${file} exited with ${result.status ?? result.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
