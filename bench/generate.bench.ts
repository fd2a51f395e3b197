/**
 * Generator benchmark: wall time of the whole `generate` process (spawned as `npm run generate`
 * runs it, `node generator/cli/launch.mjs ...`, a new process per run; the first run rebuilds the
 * launcher's cached bundle when the generator sources changed) on the Identity
 * 2021-03-07 spec and on synthetic specs of 10, 100 and 1,000 operations, plus the time per phase
 * the CLI reports (ACS_GEN_TIMINGS=1). Optionally the same inputs through @hey-api/openapi-ts
 * when it is installed outside the repo (HEYAPI_DIR, default heyapi in os.tmpdir()).
 *
 *   npm run bench -- generate          (BENCH_RUNS=5 by default)
 *
 * Prints Markdown tables (copy them into BENCHMARKS.md).
 */
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { stripVTControlCharacters } from "node:util";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const specsRoot = resolve(process.env["ACS_SPECS_ROOT"] || join(repoRoot, "..", "shared", "specs"));
const runs = Math.max(5, Number(process.env["BENCH_RUNS"] ?? 5));
const heyapiDir = process.env["HEYAPI_DIR"] ?? join(tmpdir(), "heyapi");

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
  phases: Record<string, number>;
  files: number;
  stderrTail: string;
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

/** `cwd` defaults to the repo; hey-api runs elsewhere because it writes error logs into its working folder. */
function timeProcess(command: string, args: string[], out: string, env: Record<string, string> = {}, cwd: string = repoRoot): Run {
  rmSync(out, { recursive: true, force: true });
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
  return { seconds, cpu, code: result.status, phases, files: countFiles(out), stderrTail: tail };
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

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();

function main(): void {
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
        spec: join(specsRoot, "specification/communication/data-plane/Identity/stable/2023-10-01/CommunicationIdentity.json"),
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
