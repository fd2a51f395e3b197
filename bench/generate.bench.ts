/**
 * Generator benchmark: wall time of the whole `generate` process (spawned as `npm run generate`
 * runs it, `node generator/cli/launch.mjs ...`, a new process per run; the first run rebuilds the
 * launcher's cached bundle when the generator sources changed) on the Identity
 * 2021-03-07 spec and on synthetic specs of 10, 100 and 1,000 operations, plus the time per phase
 * the CLI reports (ACS_GEN_TIMINGS=1). Optionally the same inputs through @hey-api/openapi-ts
 * when it is installed outside the repo (HEYAPI_DIR, default heyapi in os.tmpdir()).
 * Part "paired" (issue 13's target: ours <= 0.5x hey-api's wall time): the Identity 2023-10-01 spec
 * through `node generator/cli/launch.mjs --spec ... --out <folder>` and through
 * `openapi-ts -i ... -o <folder2> -c @hey-api/client-fetch`, one warm-up of each, then BENCH_PAIRS
 * pairs (default 16) run back to back, alternating which tool goes first; each output folder is kept
 * across runs (a regeneration, so our atomic replace of the folder is measured). hey-api is installed
 * into HEYAPI_DIR on demand at its pinned version (bench/pinnedTools.ts) when it is missing there.
 *
 *   npm run bench -- generate                           (both parts; BENCH_RUNS=5 by default)
 *   npm run bench -- generate-inputs | generate-paired  (one part)
 *
 * Prints Markdown tables (copy them into BENCHMARKS.md).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";
import { ensurePinnedTools, installedVersion, toolPins } from "./pinnedTools.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const specsRoot = resolve(process.env["ACS_SPECS_ROOT"] || join(repoRoot, "..", "shared", "specs"));
const runs = Math.max(5, Number(process.env["BENCH_RUNS"] ?? 5));
const heyapiDir = process.env["HEYAPI_DIR"] ?? join(tmpdir(), "heyapi");
const pairs = Math.max(1, Number(process.env["BENCH_PAIRS"] ?? 16));
const identity20231001 = join(specsRoot, "specification/communication/data-plane/Identity/stable/2023-10-01/CommunicationIdentity.json");

interface Input {
  name: string;
  operations: number;
  /** Arguments selecting the input for our CLI. */
  args: string[];
  /** Entry spec file (for other generators). */
  spec: string;
}

interface Run {
  seconds: number;
  /** user + system CPU seconds of the child (Linux: /proc/self/stat cutime + cstime). */
  cpu: number;
  code: number | null;
  /** The signal that ended the child, when one did. */
  signal: string | null;
  phases: Record<string, number>;
  files: number;
  stderrTail: string;
  /** First non-empty stderr line (or why the process could not start). */
  stderrFirst: string;
}

/** A Swagger 2.0 spec with `n` operations over several groups, a model pair per operation, shared models and a cross-file ref. */
export function writeSyntheticSpec(dir: string, n: number): string {
  const groups = Math.max(1, Math.min(10, Math.ceil(n / 10)));
  const methods = ["get", "put", "post", "delete"] as const;
  const paths: Record<string, object> = {};
  const definitions: Record<string, object> = {
    Shared: {
      type: "object",
      properties: {
        label: { type: "string", maxLength: 64 },
        kind: { $ref: "#/definitions/SharedKind" },
        children: { type: "array", items: { $ref: "#/definitions/Shared" } },
      },
    },
    SharedKind: { type: "string", enum: ["alpha", "beta", "gamma"], "x-ms-enum": { name: "SharedKind", modelAsString: true } },
  };
  for (let i = 0; i < n; i++) {
    const group = `Group${i % groups}`;
    const method = methods[i % methods.length]!;
    const hasBody = method === "put" || method === "post";
    definitions[`Op${i}Request`] = {
      type: "object",
      required: ["name"],
      properties: {
        name: { type: "string" },
        count: { type: "integer", format: "int32", minimum: 1, maximum: 100 },
        tags: { type: "array", items: { type: "string" } },
        shared: { $ref: "#/definitions/Shared" },
      },
    };
    definitions[`Op${i}Result`] = {
      type: "object",
      properties: {
        id: { type: "string", readOnly: true },
        createdAt: { type: "string", format: "date-time" },
        request: { $ref: `#/definitions/Op${i}Request` },
      },
    };
    paths[`/${group.toLowerCase()}/op${i}/{id}`] = {
      [method]: {
        operationId: `${group}_Op${i}`,
        produces: ["application/json"],
        ...(hasBody ? { consumes: ["application/json"] } : {}),
        parameters: [
          { name: "id", in: "path", required: true, type: "string" },
          { $ref: "../common/common.json#/parameters/ApiVersionParameter" },
          ...(hasBody ? [{ name: "body", in: "body", required: true, schema: { $ref: `#/definitions/Op${i}Request` } }] : []),
        ],
        responses: {
          [method === "delete" ? "204" : "200"]:
            method === "delete" ? { description: "Deleted" } : { description: "OK", schema: { $ref: `#/definitions/Op${i}Result` } },
          default: { description: "Error", schema: { $ref: "../common/common.json#/definitions/ErrorResponse" } },
        },
      },
    };
  }
  const common = {
    swagger: "2.0",
    info: { title: "Common", version: "2024-01-01" },
    paths: {},
    parameters: {
      ApiVersionParameter: { name: "api-version", in: "query", required: true, type: "string", "x-ms-parameter-location": "client" },
    },
    definitions: {
      ErrorResponse: { type: "object", required: ["error"], properties: { error: { $ref: "#/definitions/Error" } } },
      Error: {
        type: "object",
        required: ["code", "message"],
        properties: { code: { type: "string" }, message: { type: "string" }, innererror: { $ref: "#/definitions/Error" } },
      },
    },
  };
  const spec = {
    swagger: "2.0",
    info: { title: `Synthetic ${n}`, version: "2024-01-01" },
    "x-ms-parameterized-host": {
      hostTemplate: "{endpoint}",
      useSchemePrefix: false,
      parameters: [{ name: "endpoint", in: "path", required: true, type: "string", format: "url", "x-ms-skip-url-encoding": true }],
    },
    schemes: ["https"],
    paths,
    definitions,
  };
  mkdirSync(join(dir, "api"), { recursive: true });
  mkdirSync(join(dir, "common"), { recursive: true });
  writeFileSync(join(dir, "common", "common.json"), JSON.stringify(common, null, 2));
  writeFileSync(join(dir, "api", "spec.json"), JSON.stringify(spec, null, 2));
  return join(dir, "api", "spec.json");
}

function countFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { withFileTypes: true, recursive: true }).filter((e) => e.isFile()).length;
}

/** CPU seconds used by waited-for children so far (NaN where /proc is missing). */
function childrenCpuSeconds(): number {
  try {
    const stat = readFileSync("/proc/self/stat", "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // fields[0] is field 3 (state); cutime and cstime are fields 16 and 17, in clock ticks (100 Hz)
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return NaN;
  }
}

/**
 * `cwd` defaults to the repo; hey-api runs elsewhere because it writes error logs into its working folder.
 * `fresh`: delete `out` first (a first generation); false keeps it (a regeneration over an earlier output).
 */
function timeProcess(
  command: string,
  args: string[],
  out: string,
  env: Record<string, string> = {},
  cwd: string = repoRoot,
  fresh = true,
): Run {
  if (fresh) rmSync(out, { recursive: true, force: true });
  const cpuBefore = childrenCpuSeconds();
  const started = process.hrtime.bigint();
  const result = spawnSync(command, args, { cwd, encoding: "utf8", env: { ...process.env, ...env } });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const cpu = childrenCpuSeconds() - cpuBefore;
  const phases: Record<string, number> = {};
  const timings = /^timings: (.*)$/m.exec(result.stderr ?? "")?.[1] ?? "";
  for (const part of timings.split(", ")) {
    const m = /^(.+) (\d+) ms$/.exec(part);
    if (m) phases[m[1]!] = Number(m[2]);
  }
  const tail = (result.stderr ?? "")
    .split("\n")
    .filter((l) => /error/i.test(l))
    .slice(0, 1)
    .join(" ")
    .slice(0, 160);
  const stderrLines = stripVTControlCharacters(result.stderr ?? "")
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
  // hey-api prints "[Job 1] ❌ Failed with the message:" and the message on the next line
  const stderrFirst =
    result.error?.message ??
    (stderrLines[0]?.endsWith(":") && stderrLines[1] !== undefined ? `${stderrLines[0]} ${stderrLines[1]}` : stderrLines[0]) ??
    "(no stderr)";
  return {
    seconds,
    cpu,
    code: result.status,
    signal: result.signal,
    phases,
    files: countFiles(out),
    stderrTail: tail,
    stderrFirst: stderrFirst.slice(0, 200),
  };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};

function measure(label: string, run: () => Run, count = runs): { first: Run; rest: Run[] } {
  process.stderr.write(`${label}: `);
  const first = run();
  const rest: Run[] = [];
  for (let i = 0; i < count; i++) {
    rest.push(run());
    process.stderr.write(".");
  }
  process.stderr.write("\n");
  return { first, rest };
}

/** Every input, each tool on its own: the first run, then `runs` measured runs. */
function inputsPart(): void {
  const work = mkdtempSync(join(tmpdir(), "acs-bench-gen-"));
  const inputs: Input[] = [
    {
      name: "Identity 2021-03-07 (one version)",
      operations: 4,
      args: ["--api-version", "2021-03-07"],
      spec: join(specsRoot, "specification/communication/data-plane/Identity/stable/2021-03-07/CommunicationIdentity.json"),
    },
    {
      name: "Identity, manifest (all 7 versions merged)",
      operations: 10,
      args: [],
      spec: join(specsRoot, "specification/communication/data-plane/Identity/stable/2026-09-23/CommunicationIdentity.json"),
    },
  ];
  for (const n of [10, 100, 1000]) {
    const dir = join(work, `synthetic-${n}`);
    const spec = writeSyntheticSpec(dir, n);
    inputs.push({ name: `synthetic ${n} ops`, operations: n, args: ["--spec", spec, "--root", dir], spec });
  }

  const cli = join(repoRoot, "generator", "cli", "launch.mjs");
  const rows: string[] = [];
  const phaseRows: string[] = [];
  const phaseNames = ["startup", "import emit", "load+model", "emit", "write"];
  for (const input of inputs) {
    const out = join(work, "out");
    const { first, rest } = measure(input.name, () =>
      timeProcess(process.execPath, [cli, ...input.args, "--out", out], out, { ACS_GEN_TIMINGS: "1", ACS_SPECS_ROOT: specsRoot }),
    );
    const ok = [first, ...rest].every((r) => r.code === 0);
    const secs = rest.map((r) => r.seconds);
    rows.push(
      `| ${input.name} | ${input.operations} | ${ok ? rest[0]!.files : `failed: ${first.stderrTail}`} | **${median(secs).toFixed(2)}** | ${Math.min(...secs).toFixed(2)} | ${Math.max(...secs).toFixed(2)} | ${median(rest.map((r) => r.cpu)).toFixed(2)} | ${first.seconds.toFixed(2)} |`,
    );
    phaseRows.push(`| ${input.name} | ${phaseNames.map((p) => String(median(rest.map((r) => r.phases[p] ?? NaN)))).join(" | ")} |`);
  }
  {
    // the same identity run as developers and CI type it (adds npm's own start-up)
    const out = join(work, "out");
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const { first, rest } = measure("npm run generate", () =>
      timeProcess(npm, ["run", "-s", "generate", "--", "--out", out], out, { ACS_SPECS_ROOT: specsRoot }),
    );
    const secs = rest.map((r) => r.seconds);
    const ok = [first, ...rest].every((r) => r.code === 0);
    rows.push(
      `| \`npm run generate\` (manifest, all 7 versions) | 10 | ${ok ? rest[0]!.files : `failed: ${first.stderrTail}`} | ${median(secs).toFixed(2)} | ${Math.min(...secs).toFixed(2)} | ${Math.max(...secs).toFixed(2)} | ${median(rest.map((r) => r.cpu)).toFixed(2)} | ${first.seconds.toFixed(2)} |`,
    );
  }

  const heyapiBin = join(heyapiDir, "node_modules", ".bin", "openapi-ts");
  const heyRows: string[] = [];
  if (existsSync(heyapiBin)) {
    const heyInputs: Array<{ name: string; spec: string; operations?: number }> = [
      { name: "Identity 2021-03-07", spec: inputs[0]!.spec },
      {
        name: "Identity 2023-10-01",
        spec: identity20231001,
      },
      ...inputs.slice(1).map((i) => ({ name: i.name, spec: i.spec, operations: i.operations })),
    ];
    for (const input of heyInputs) {
      const out = join(work, "hey-out");
      // about a minute per run at 1,000 operations: measured once
      const count = (input.operations ?? 0) >= 1000 ? 1 : runs;
      const { first, rest } = measure(
        `hey-api ${input.name}`,
        () => timeProcess(heyapiBin, ["-i", input.spec, "-o", out, "-c", "@hey-api/client-fetch"], out, {}, dirname(out)),
        count,
      );
      const all = [first, ...rest];
      const ok = all.every((r) => r.code === 0);
      const secs = rest.map((r) => r.seconds);
      heyRows.push(
        `| ${input.name} | ${ok ? `ok, ${rest[0]!.files} files` : `exit ${String(first.code)}: ${stripVTControlCharacters(first.stderrTail).replace(/\|/g, "/")}`} | ${median(secs).toFixed(2)} | ${median(rest.map((r) => r.cpu)).toFixed(2)} |`,
      );
    }
  }

  rmSync(work, { recursive: true, force: true });

  const cpuModel = cpus()[0]?.model ?? "unknown CPU";
  const load = loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
  console.log(
    `Machine: ${cpus().length} CPUs (${cpuModel}), node ${process.version}, ${new Date().toISOString().slice(0, 10)}; ${runs} runs per input after one first run; load average at the end ${load}.\n`,
  );
  console.log("| input | operations | files | median wall (s) | min (s) | max (s) | median CPU (s) | first run (s) |");
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  rows.forEach((r) => console.log(r));
  console.log(
    `\nTime per phase, median ms (ACS_GEN_TIMINGS=1; startup = node + launcher (bundle check, starting the worker that reads the specs) + CLI imports; import emit = loading ts-morph on the main thread meanwhile; load+model = what is left of the wait for the worker):\n`,
  );
  console.log(`| input | ${phaseNames.join(" | ")} |`);
  console.log(`| --- |${phaseNames.map(() => " ---: |").join("")}`);
  phaseRows.forEach((r) => console.log(r));
  if (heyRows.length > 0) {
    console.log(
      `\n@hey-api/openapi-ts (${heyapiDir}), same inputs, median of ${runs} runs after one first run (1,000 ops: one run after the first):\n`,
    );
    console.log("| input | result | median wall (s) | median CPU (s) |");
    console.log("| --- | --- | ---: | ---: |");
    heyRows.forEach((r) => console.log(r));
  } else {
    console.log(`\n@hey-api/openapi-ts not found in ${heyapiDir}; skipped.`);
  }
}

/** The hey-api CLI script in HEYAPI_DIR, installed there at its pinned version when missing; undefined (with why, printed) when it cannot be. */
function heyapiCli(): string | undefined {
  const bin = join(heyapiDir, "node_modules", ".bin", "openapi-ts");
  if (!existsSync(bin)) {
    try {
      ensurePinnedTools(heyapiDir, ["@hey-api/openapi-ts", "typescript"]);
    } catch (error) {
      console.log(
        `\n@hey-api/openapi-ts is not in ${heyapiDir} and could not be installed there, so the paired part is skipped: ${error instanceof Error ? error.message : String(error)}`,
      );
      return undefined;
    }
    if (!existsSync(bin)) {
      console.log(`\nnpm installed @hey-api/openapi-ts into ${heyapiDir} but ${bin} is missing, so the paired part is skipped.`);
      return undefined;
    }
  }
  return realpathSync(bin);
}

type Tool = "ours" | "hey-api";

/** Identity 2023-10-01, ours against hey-api in back-to-back pairs (issue 13's target: median of pair ratios <= 0.5). */
function pairedPart(): void {
  const heyCli = heyapiCli();
  if (heyCli === undefined) return;
  const heyVersion = installedVersion(heyapiDir, "@hey-api/openapi-ts") ?? "?";
  const pinned = toolPins["@hey-api/openapi-ts"];
  const work = mkdtempSync(join(tmpdir(), "acs-bench-paired-"));
  const oursOut = join(work, "ours-out");
  const heyScratch = join(work, "hey");
  const heyOut = join(heyScratch, "out");
  mkdirSync(heyScratch);
  const cli = join(repoRoot, "generator", "cli", "launch.mjs");
  // Both through this process's Node; output folders kept between runs (fresh = false), as a user regenerating has them.
  const tools: Record<Tool, () => Run> = {
    ours: () => timeProcess(process.execPath, [cli, "--spec", identity20231001, "--out", oursOut], oursOut, {}, repoRoot, false),
    "hey-api": () =>
      timeProcess(
        process.execPath,
        [heyCli, "-i", identity20231001, "-o", heyOut, "-c", "@hey-api/client-fetch"],
        heyOut,
        {},
        heyScratch,
        false,
      ),
  };
  const failures: string[] = [];
  const ok = (tool: Tool, label: string, run: Run): boolean => {
    if (run.code === 0) return true;
    failures.push(`- ${tool}, ${label}: exit ${run.code ?? `by signal ${String(run.signal)}`}; first stderr line: ${run.stderrFirst}`);
    return false;
  };

  const loadBefore = loadavg();
  const startedAt = new Date();
  process.stderr.write("paired, Identity 2023-10-01: ");
  const warmOurs = tools.ours();
  const warmHey = tools["hey-api"]();
  const warmOk = [ok("ours", "warm-up run", warmOurs), ok("hey-api", "warm-up run", warmHey)].every(Boolean);
  const measured: Array<Record<Tool, Run>> = [];
  for (let i = 0; warmOk && i < pairs; i++) {
    const order: Tool[] = i % 2 === 0 ? ["ours", "hey-api"] : ["hey-api", "ours"];
    const pair = {} as Record<Tool, Run>;
    for (const tool of order) pair[tool] = tools[tool]();
    if (!order.map((tool) => ok(tool, `pair ${i + 1} of ${pairs}`, pair[tool])).every(Boolean)) break;
    measured.push(pair);
    process.stderr.write(".");
  }
  process.stderr.write("\n");
  const loadAfter = loadavg();
  const files = { ours: countFiles(oursOut), "hey-api": countFiles(heyOut) };
  rmSync(work, { recursive: true, force: true });

  const load = (l: number[]): string => l.map((x) => x.toFixed(2)).join(" ");
  console.log(
    `\nPaired: Identity 2023-10-01, ours (\`node generator/cli/launch.mjs --spec ... --out ...\`, ${files.ours} files) against @hey-api/openapi-ts ${heyVersion}${heyVersion === pinned ? "" : ` (pinned: ${String(pinned)})`} (${heyapiDir}, ${files["hey-api"]} files), whole process each, output folders kept between runs; one warm-up run of each, then ${pairs} pair${pairs === 1 ? "" : "s"}, alternating which tool runs first.`,
  );
  console.log(
    `Machine: ${cpus().length} CPUs (${cpus()[0]?.model ?? "unknown CPU"}), node ${process.version}, started ${startedAt.toISOString().slice(0, 19).replace("T", " ")} UTC.\n`,
  );
  if (failures.length > 0) {
    console.log("**Not measured**: a tool exited with an error, so no ratio is given.\n");
    failures.forEach((f) => console.log(f));
    process.exitCode = 1;
    return;
  }
  const wall = (tool: Tool) => median(measured.map((p) => p[tool].seconds));
  const cpu = (tool: Tool) => median(measured.map((p) => p[tool].cpu));
  const ratios = measured.map((p) => p.ours.seconds / p["hey-api"].seconds);
  const pairRatio = median(ratios);
  console.log(
    "| input | pairs | ours median wall (s) | ours median CPU (s) | hey-api median wall (s) | hey-api median CPU (s) | ratio of medians | median of pair ratios | min pair ratio | max pair ratio | load before | load after |",
  );
  console.log("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |");
  console.log(
    `| Identity 2023-10-01 | ${measured.length} | ${wall("ours").toFixed(3)} | ${cpu("ours").toFixed(2)} | ${wall("hey-api").toFixed(3)} | ${cpu("hey-api").toFixed(2)} | ${(wall("ours") / wall("hey-api")).toFixed(3)}x | **${pairRatio.toFixed(3)}x** | ${Math.min(...ratios).toFixed(3)}x | ${Math.max(...ratios).toFixed(3)}x | ${load(loadBefore)} | ${load(loadAfter)} |`,
  );
  console.log(
    `\nMedian of pair ratios: in each pair ours' wall time is divided by hey-api's (the two runs back to back, so both meet the same machine load), and the median of those ${measured.length} ratios is taken; the target (issue 13) is <= 0.5, so this run ${pairRatio <= 0.5 ? "meets" : "misses"} it.`,
  );
}

const PARTS: Record<string, () => void> = { inputs: inputsPart, paired: pairedPart };

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // bench/run.ts passes the parts, then any "--" options (none used here)
  const args = process.argv.slice(2);
  const optionsAt = args.findIndex((a) => a.startsWith("--"));
  const requested = optionsAt < 0 ? args : args.slice(0, optionsAt);
  const unknown = requested.filter((part) => !(part in PARTS));
  if (unknown.length > 0) {
    console.error(
      `bench/generate.bench.ts: unknown part ${unknown.join(", ")}; parts: ${Object.keys(PARTS).join(", ")} (e.g. npm run bench -- generate-paired)`,
    );
    process.exit(1);
  }
  for (const part of requested.length > 0 ? requested : Object.keys(PARTS)) PARTS[part]!();
}
