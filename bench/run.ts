/**
 * `npm run bench`: runs every `bench/*.bench.ts` in its own process, one after another
 * (benchmarks must not compete for the machine's cores), and prints their reports.
 * `npm run bench -- generate` runs only the files whose name contains "generate".
 * `npm run bench -- client-cpu` runs one part of a file: the part after the first "-" is passed to
 * the file whose name contains what comes before it (bench/client.bench.ts has size, loopback, cpu).
 * Arguments from the first one starting with "--" on are options, passed to every selected file:
 * `npm run bench -- openapiDirectory --limit 10`.
 */
import { readdirSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";

const benchDir = dirname(fileURLToPath(import.meta.url));
const optionsAt = process.argv.slice(2).findIndex((a) => a.startsWith("--"));
const filters = optionsAt < 0 ? process.argv.slice(2) : process.argv.slice(2, 2 + optionsAt);
const options = optionsAt < 0 ? [] : process.argv.slice(2 + optionsAt);
const all = readdirSync(benchDir)
  .filter((name) => name.endsWith(".bench.ts"))
  .sort();
/** File name -> parts to run ([] for all of it). */
const selected = new Map<string, string[]>();
for (const name of all) if (filters.length === 0 || filters.some((f) => name.includes(f))) selected.set(name, []);
for (const filter of filters) {
  const dash = filter.indexOf("-");
  if (dash <= 0 || all.some((name) => name.includes(filter))) continue;
  for (const name of all.filter((n) => n.includes(filter.slice(0, dash)))) {
    const parts = selected.get(name);
    if (parts === undefined) selected.set(name, [filter.slice(dash + 1)]);
    else if (parts.length > 0) parts.push(filter.slice(dash + 1));
  }
}
const files = [...selected.keys()];

if (files.length === 0) {
  console.error(`no benchmark matches ${filters.join(", ") || "bench/*.bench.ts"}`);
  process.exit(1);
}

let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const result = spawnSync(process.execPath, ["--import", "tsx", join(benchDir, file), ...selected.get(file)!, ...options], {
    stdio: "inherit",
  });
  if (result.status !== 0) {
    failed += 1;
    console.error(`${file} exited with ${result.status ?? result.signal}`);
  }
}
process.exit(failed === 0 ? 0 : 1);
