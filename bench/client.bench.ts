/**
 * Client overhead: getToken throughput and latency against the emulator on loopback, ours vs
 * @azure/communication-identity@1.3.1, same server, same concurrency, same run; and the
 * minified+gzipped size of an ESM bundle that calls createUserAndToken, ours vs official.
 *
 *   npm run bench -- client                                   (all three parts)
 *   npm run bench -- client-size | client-loopback | client-cpu  (one part)
 *
 * The emulator runs in a child process so the client process measures only the client's work.
 * Env: BENCH_REQUESTS (per round, default 2000), BENCH_CONCURRENCY (default 16), BENCH_ROUNDS (default 9),
 * BENCH_WARMUP (requests per client before measuring, default 1000).
 * CPU per request is reported for both processes: they share the machine's cores, so if the emulator
 * is busy the throughput ratio measures the server, not the clients.
 * Part "cpu": both clients run with a canned HttpClient (no network: a fixed 200 getToken response),
 * in this one process: the CPU per call of each client's own code and policies, without Node's http
 * and core-rest-pipeline's transport, which is far less noisy than the loopback numbers
 * (BENCH_OFFLINE_REQUESTS per round, default 5000). It runs twice: with tracing off (core-tracing's
 * default no-op instrumenter) and on (a recording instrumenter registered with
 * `useInstrumenter`, as an OpenTelemetry bridge would be), and reports the spans each client starts
 * per call, so a client that does not trace shows 0. Target (issue 9): ours <= 0.8x the official's.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { createHttpHeaders, type HttpClient } from "@azure/core-rest-pipeline";
import { useInstrumenter, type Instrumenter, type TracingContext, type TracingSpan } from "@azure/core-tracing";
import { CommunicationIdentityClient as Official } from "@azure/communication-identity";
import { CommunicationIdentityClient as Ours } from "../src/index.js";
import { bundleSize, classEntry, modularEntry } from "./bundle.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const REQUESTS = Number(process.env["BENCH_REQUESTS"] ?? 2000);
const CONCURRENCY = Number(process.env["BENCH_CONCURRENCY"] ?? 16);
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 9);
const OFFICIAL_API_VERSION = "2023-10-01";
const WARMUP = Number(process.env["BENCH_WARMUP"] ?? 1000);
const OFFLINE_REQUESTS = Number(process.env["BENCH_OFFLINE_REQUESTS"] ?? 5000);

interface Emulator {
  connectionString: string;
  child: ChildProcess;
  /** CPU time (user + system, µs) the emulator process has used so far. */
  cpuUs(): Promise<number>;
}

/** The emulator in its own process; it answers "cpu" on stdin with its process.cpuUsage(). */
async function startEmulatorProcess(): Promise<Emulator> {
  const script = `
    const { startEmulator } = await import(${JSON.stringify(join(root, "emulator", "index.ts"))});
    const e = await startEmulator();
    process.stdout.write(JSON.stringify({ connectionString: e.connectionString }) + "\\n");
    let pending = "";
    process.stdin.setEncoding("utf8");
    process.stdin.on("data", (chunk) => {
      pending += chunk;
      for (let i = pending.indexOf("\\n"); i >= 0; i = pending.indexOf("\\n")) {
        const line = pending.slice(0, i);
        pending = pending.slice(i + 1);
        if (line === "cpu") {
          const u = process.cpuUsage();
          process.stdout.write(JSON.stringify({ cpuUs: u.user + u.system }) + "\\n");
        }
      }
    });
    process.stdin.on("end", async () => { await e.close(); process.exit(0); });
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  const lines = createInterface({ input: child.stdout! })[Symbol.asyncIterator]();
  const nextLine = async (): Promise<string> => {
    const { value, done } = await lines.next();
    if (done) throw new Error("the emulator process exited early");
    return value as string;
  };
  const { connectionString } = JSON.parse(await nextLine()) as { connectionString: string };
  return {
    connectionString,
    child,
    async cpuUs() {
      child.stdin!.write("cpu\n");
      return (JSON.parse(await nextLine()) as { cpuUs: number }).cpuUs;
    },
  };
}

interface Stats {
  rps: number;
  p50: number;
  p99: number;
  /** CPU time of this (client) process per request, user + system, in microseconds. */
  cpuUs: number;
  /** CPU time of the emulator process per request, user + system, in microseconds. */
  serverCpuUs: number;
}

async function measure(call: () => Promise<unknown>, requests: number, concurrency: number, emulator: Emulator): Promise<Stats> {
  const latencies = new Float64Array(requests);
  let next = 0;
  const server0 = await emulator.cpuUs();
  const cpu0 = process.cpuUsage();
  const start = performance.now();
  const worker = async () => {
    while (next < requests) {
      const i = next++;
      const t0 = performance.now();
      await call();
      latencies[i] = performance.now() - t0;
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const elapsed = performance.now() - start;
  const cpu = process.cpuUsage(cpu0);
  const serverCpuUs = ((await emulator.cpuUs()) - server0) / requests;
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { rps: (requests / elapsed) * 1000, p50: pct(0.5), p99: pct(0.99), cpuUs: (cpu.user + cpu.system) / requests, serverCpuUs };
}

const CANNED_TOKEN = "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJiZW5jaCJ9.c2lnbmF0dXJl";

/** Answers every request with the same getToken response, so only the client's own work is measured. */
function cannedHttpClient(): HttpClient {
  const bodyAsText = JSON.stringify({ token: CANNED_TOKEN, expiresOn: "2026-11-24T03:00:00.000Z" });
  return {
    async sendRequest(request) {
      return { request, status: 200, headers: createHttpHeaders({ "content-type": "application/json; charset=utf-8" }), bodyAsText };
    },
  };
}

/** Client CPU per call (µs) with no server: `calls` calls at `concurrency`. */
async function offlineCpuUs(call: () => Promise<unknown>, calls: number, concurrency: number): Promise<number> {
  let next = 0;
  const cpu0 = process.cpuUsage();
  const worker = async () => {
    while (next < calls) {
      next += 1;
      await call();
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const cpu = process.cpuUsage(cpu0);
  return (cpu.user + cpu.system) / calls;
}

/** Same api-version on both sides when generated/ has it (the official 1.3.1 client sends 2023-10-01), so the emulator does the same work. */
function oursClientFor(connectionString: string): Ours {
  try {
    return new Ours(connectionString, { apiVersion: OFFICIAL_API_VERSION });
  } catch (error) {
    if (!(error instanceof RangeError)) throw error;
    const client = new Ours(connectionString);
    console.log(
      `  note: generated/ lacks api-version ${OFFICIAL_API_VERSION}; ours sends its default, the official sends ${OFFICIAL_API_VERSION}`,
    );
    return client;
  }
}

async function size(): Promise<void> {
  const ours = await bundleSize(classEntry("./src/index.ts"));
  const oursModular = await bundleSize(modularEntry);
  const official = await bundleSize(classEntry("@azure/communication-identity"));
  const percent = (size: { gzipped: number }) => `${((size.gzipped / official.gzipped) * 100).toFixed(1)}%`;
  console.log(`\nESM bundle calling createUserAndToken with a connection string (esbuild, minified, platform=browser):`);
  console.log(
    `  ours, modular API:  ${oursModular.minified} B minified, ${oursModular.gzipped} B gzipped, ${percent(oursModular)} of official (target <= 50%)`,
  );
  console.log(`  ours, client class: ${ours.minified} B minified, ${ours.gzipped} B gzipped, ${percent(ours)} of official`);
  console.log(`  official:           ${official.minified} B minified, ${official.gzipped} B gzipped`);
}

async function loopback(): Promise<void> {
  const emulator = await startEmulatorProcess();
  try {
    const oursClient = oursClientFor(emulator.connectionString);
    // The official client needs an explicit opt-in for plain http; ours allows it for loopback endpoints.
    const officialClient = new Official(emulator.connectionString, { allowInsecureConnection: true });
    const oursUser = await oursClient.createUser();
    const officialUser = await officialClient.createUser();
    const contenders = {
      ours: () => oursClient.getToken(oursUser, ["chat"]),
      official: () => officialClient.getToken(officialUser, ["chat"]),
    };
    // Warm-up: JIT, sockets of the keep-alive pool, imported keys.
    for (const call of Object.values(contenders)) await measure(call, WARMUP, CONCURRENCY, emulator);

    const results: Record<string, Stats[]> = { ours: [], official: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate the order so neither side always runs on a warmer or colder machine.
      const order = round % 2 === 0 ? (["ours", "official"] as const) : (["official", "ours"] as const);
      for (const name of order) results[name]!.push(await measure(contenders[name], REQUESTS, CONCURRENCY, emulator));
    }
    const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    console.log(`\ngetToken on loopback, ${REQUESTS} requests x ${ROUNDS} rounds, concurrency ${CONCURRENCY} (median of rounds):`);
    const summary: Record<string, Stats> = {};
    for (const name of ["ours", "official"] as const) {
      const s = results[name]!;
      summary[name] = {
        rps: median(s.map((x) => x.rps)),
        p50: median(s.map((x) => x.p50)),
        p99: median(s.map((x) => x.p99)),
        cpuUs: median(s.map((x) => x.cpuUs)),
        serverCpuUs: median(s.map((x) => x.serverCpuUs)),
      };
      const m = summary[name]!;
      console.log(
        `  ${name.padEnd(8)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms  ` +
          `CPU/request client ${m.cpuUs.toFixed(0)} us, emulator ${m.serverCpuUs.toFixed(0)} us   rounds: ${s.map((x) => x.rps.toFixed(0)).join(", ")} req/s`,
      );
    }
    // Each round runs both clients back to back, so a round's ratio compares them under the same background load.
    const pairedRatios = results["ours"]!.map((o, i) => o.rps / results["official"]![i]!.rps);
    console.log(
      `  throughput ratio ours/official: ${(summary["ours"]!.rps / summary["official"]!.rps).toFixed(2)}x of medians, ` +
        `${median(pairedRatios).toFixed(2)}x median of paired rounds (${pairedRatios.map((r) => r.toFixed(2)).join(", ")}) (target >= 1.5x)`,
    );
    console.log(`  client CPU per request ours/official: ${(summary["ours"]!.cpuUs / summary["official"]!.cpuUs).toFixed(2)}`);
    // Load-independent view: requests per CPU-second of client + emulator together (what 1 free core would serve).
    const capacity = (m: Stats) => 1e6 / (m.cpuUs + m.serverCpuUs);
    console.log(
      `  requests per CPU-second (client + emulator): ours ${capacity(summary["ours"]!).toFixed(0)}, ` +
        `official ${capacity(summary["official"]!).toFixed(0)}, ratio ${(capacity(summary["ours"]!) / capacity(summary["official"]!)).toFixed(2)}x`,
    );
  } finally {
    emulator.child.stdin!.end();
    await once(emulator.child, "exit");
  }
}

/** An immutable tracing context (what an instrumenter hands out and takes back). */
function tracingContext(values: ReadonlyMap<symbol, unknown> = new Map()): TracingContext {
  return {
    getValue: (key) => values.get(key),
    setValue: (key, value) => tracingContext(new Map(values).set(key, value)),
    deleteValue: (key) => {
      const next = new Map(values);
      next.delete(key);
      return tracingContext(next);
    },
  };
}

/**
 * "Tracing on": a recording instrumenter, as an OpenTelemetry bridge would register, kept cheap (it
 * stores attributes and status in memory, exports nothing) so the clients' own tracing work is
 * what it measures. `spans` counts the spans started.
 */
function recordingInstrumenter(counter: { spans: number }): Instrumenter {
  return {
    startSpan(name, spanOptions) {
      counter.spans += 1;
      const attributes: Record<string, unknown> = { ...spanOptions.spanAttributes };
      const span: TracingSpan = {
        setAttribute: (key, value) => void (attributes[key] = value),
        setStatus: (status) => void (attributes["status"] = status.status),
        end: () => void (attributes["ended"] = name),
        recordException: (exception) => void (attributes["exception"] = exception),
        isRecording: () => true,
        addEvent: () => undefined,
      };
      return { span, tracingContext: (spanOptions.tracingContext ?? tracingContext()).setValue(SPAN_KEY, span) };
    },
    withContext: (_context, callback, ...args) => callback(...args),
    parseTraceparentHeader: () => undefined,
    createRequestHeaders: () => ({ traceparent: "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-01" }),
  };
}
const SPAN_KEY = Symbol("bench span");

/** Client CPU per call for both clients, `ROUNDS` rounds (order alternating), medians and paired ratios. */
async function cpuRounds(contenders: Record<"ours" | "official", () => Promise<unknown>>, spans: { spans: number }) {
  const spansPerCall: Record<string, number> = {};
  for (const [name, call] of Object.entries(contenders)) {
    await offlineCpuUs(call, WARMUP, CONCURRENCY);
    spans.spans = 0;
    await offlineCpuUs(call, 100, 1);
    spansPerCall[name] = spans.spans / 100;
  }
  const results: Record<string, number[]> = { ours: [], official: [] };
  for (let round = 0; round < ROUNDS; round += 1) {
    const order = round % 2 === 0 ? (["ours", "official"] as const) : (["official", "ours"] as const);
    for (const name of order) results[name]!.push(await offlineCpuUs(contenders[name], OFFLINE_REQUESTS, CONCURRENCY));
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  for (const name of ["ours", "official"] as const) {
    console.log(
      `  ${name.padEnd(8)} ${median(results[name]!).toFixed(1).padStart(6)} us/call  spans/call ${spansPerCall[name]}   rounds: ${results[name]!.map((x) => x.toFixed(1)).join(", ")}`,
    );
  }
  const paired = results["ours"]!.map((o, i) => o / results["official"]![i]!);
  console.log(
    `  ratio ours/official: ${(median(results["ours"]!) / median(results["official"]!)).toFixed(2)}x of medians, ` +
      `${median(paired).toFixed(2)}x median of paired rounds (${paired.map((r) => r.toFixed(2)).join(", ")}) (target <= 0.80x)`,
  );
}

/** Both clients over a canned-response HttpClient: their own code and policies only (signing included). */
async function cpu(): Promise<void> {
  const connectionString = `endpoint=https://bench.communication.azure.com/;accesskey=${Buffer.alloc(64, 7).toString("base64")}`;
  const oursClient = new Ours(connectionString, { apiVersion: OFFICIAL_API_VERSION, httpClient: cannedHttpClient() });
  const officialClient = new Official(connectionString, { httpClient: cannedHttpClient() });
  const id = "8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000001";
  const contenders = {
    ours: () => oursClient.getToken({ communicationUserId: id }, ["chat"]),
    official: () => officialClient.getToken({ communicationUserId: id }, ["chat"]),
  };
  // Both must return the canned token, or the bench measures a failure path.
  const results = [await contenders.ours(), await contenders.official()].map((r) => r.token);
  if (results.some((token) => token !== CANNED_TOKEN))
    throw new Error(`a client did not return the canned token: ${JSON.stringify(results)}`);
  const spans = { spans: 0 };
  console.log(`
getToken over a canned HttpClient (no network), ${OFFLINE_REQUESTS} calls x ${ROUNDS} rounds, concurrency ${CONCURRENCY}, client CPU per call (median of rounds):`);
  console.log("tracing off (core-tracing's default no-op instrumenter):");
  await cpuRounds(contenders, spans);
  useInstrumenter(recordingInstrumenter(spans));
  console.log("tracing on (a recording instrumenter):");
  await cpuRounds(contenders, spans);
}

const PARTS: Record<string, () => Promise<void>> = { size, loopback, cpu };
const requested = process.argv.slice(2);
const unknown = requested.filter((part) => !(part in PARTS));
if (unknown.length > 0) {
  console.error(
    `bench/client.bench.ts: unknown part ${unknown.join(", ")}; parts: ${Object.keys(PARTS).join(", ")} (e.g. npm run bench -- client-cpu)`,
  );
  process.exit(1);
}
console.log(`machine: ${cpus()[0]?.model ?? "unknown"} x${cpus().length}, node ${process.version}, ${new Date().toISOString()}`);
for (const part of requested.length > 0 ? requested : Object.keys(PARTS)) await PARTS[part]!();
