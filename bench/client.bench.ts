/**
 * Client overhead: getToken throughput and latency against the emulator on loopback, ours vs
 * @azure/communication-identity@1.3.1, same server, same concurrency, same run; and the
 * minified+gzipped size of an ESM bundle that calls createUserAndToken, ours vs official.
 *
 *   npm run bench -- client
 *
 * The emulator runs in a child process so the client process measures only the client's work.
 * Env: BENCH_REQUESTS (per round, default 3000), BENCH_CONCURRENCY (default 16), BENCH_ROUNDS (default 3).
 */
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { gzipSync } from "node:zlib";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import { performance } from "node:perf_hooks";
import { build } from "esbuild";
import { CommunicationIdentityClient as Official } from "@azure/communication-identity";
import { CommunicationIdentityClient as Ours } from "../src/index.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const REQUESTS = Number(process.env["BENCH_REQUESTS"] ?? 3000);
const CONCURRENCY = Number(process.env["BENCH_CONCURRENCY"] ?? 16);
const ROUNDS = Number(process.env["BENCH_ROUNDS"] ?? 3);

interface Emulator {
  connectionString: string;
  child: ChildProcess;
}

async function startEmulatorProcess(): Promise<Emulator> {
  const script = `
    const { startEmulator } = await import(${JSON.stringify(join(root, "emulator", "index.ts"))});
    const e = await startEmulator();
    process.stdout.write(JSON.stringify({ connectionString: e.connectionString }) + "\\n");
    process.stdin.on("end", async () => { await e.close(); process.exit(0); });
    process.stdin.resume();
  `;
  const child = spawn(process.execPath, ["--import", "tsx", "--input-type=module", "-e", script], {
    cwd: root,
    stdio: ["pipe", "pipe", "inherit"],
  });
  let buffer = "";
  for await (const chunk of child.stdout!) {
    buffer += String(chunk);
    const line = buffer.split("\n")[0];
    if (buffer.includes("\n") && line) {
      return { connectionString: (JSON.parse(line) as { connectionString: string }).connectionString, child };
    }
  }
  throw new Error("the emulator process exited before reporting its connection string");
}

interface Stats {
  rps: number;
  p50: number;
  p99: number;
  /** CPU time of this (client) process per request, user + system, in microseconds. */
  cpuUs: number;
}

async function measure(call: () => Promise<unknown>, requests: number, concurrency: number): Promise<Stats> {
  const latencies = new Float64Array(requests);
  let next = 0;
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
  const sorted = Array.from(latencies).sort((a, b) => a - b);
  const pct = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!;
  return { rps: (requests / elapsed) * 1000, p50: pct(0.5), p99: pct(0.99), cpuUs: (cpu.user + cpu.system) / requests };
}

async function bundleSize(entry: string): Promise<{ minified: number; gzipped: number }> {
  const result = await build({
    stdin: { contents: entry, resolveDir: root, sourcefile: "entry.ts", loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0]!.contents;
  return { minified: code.byteLength, gzipped: gzipSync(code, { level: 9 }).byteLength };
}

const entry = (from: string) => `
  import { CommunicationIdentityClient } from ${JSON.stringify(from)};
  export async function run(connectionString: string) {
    return new CommunicationIdentityClient(connectionString).createUserAndToken(["chat"]);
  }
`;

async function main(): Promise<void> {
  console.log(`machine: ${cpus()[0]?.model ?? "unknown"} x${cpus().length}, node ${process.version}, ${new Date().toISOString()}`);

  const ours = await bundleSize(entry("./src/index.ts"));
  const official = await bundleSize(entry("@azure/communication-identity"));
  console.log(`\nESM bundle calling createUserAndToken (esbuild, minified, platform=browser):`);
  console.log(`  ours:     ${ours.minified} B minified, ${ours.gzipped} B gzipped`);
  console.log(`  official: ${official.minified} B minified, ${official.gzipped} B gzipped`);
  console.log(`  ratio (gzipped): ${((ours.gzipped / official.gzipped) * 100).toFixed(1)}% (target <= 50%)`);

  const emulator = await startEmulatorProcess();
  try {
    const oursClient = new Ours(emulator.connectionString);
    // The official client needs an explicit opt-in for plain http; ours allows it for loopback endpoints.
    const officialClient = new Official(emulator.connectionString, { allowInsecureConnection: true });
    const oursUser = await oursClient.createUser();
    const officialUser = await officialClient.createUser();
    const contenders = {
      ours: () => oursClient.getToken(oursUser, ["chat"]),
      official: () => officialClient.getToken(officialUser, ["chat"]),
    };
    for (const call of Object.values(contenders)) await measure(call, 300, CONCURRENCY); // warm-up

    const results: Record<string, Stats[]> = { ours: [], official: [] };
    for (let round = 0; round < ROUNDS; round += 1) {
      // Alternate the order so neither side always runs on a warmer or colder machine.
      const order = round % 2 === 0 ? (["ours", "official"] as const) : (["official", "ours"] as const);
      for (const name of order) results[name]!.push(await measure(contenders[name], REQUESTS, CONCURRENCY));
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
      };
      const m = summary[name]!;
      console.log(
        `  ${name.padEnd(8)} ${m.rps.toFixed(0).padStart(6)} req/s  p50 ${m.p50.toFixed(2)} ms  p99 ${m.p99.toFixed(2)} ms  ` +
          `client CPU ${m.cpuUs.toFixed(0)} us/request   rounds: ${s.map((x) => x.rps.toFixed(0)).join(", ")} req/s`,
      );
    }
    console.log(`  throughput ratio ours/official: ${(summary["ours"]!.rps / summary["official"]!.rps).toFixed(2)}x (target >= 1.5x)`);
    console.log(`  client CPU per request ours/official: ${(summary["ours"]!.cpuUs / summary["official"]!.cpuUs).toFixed(2)}`);
  } finally {
    emulator.child.stdin!.end();
    await once(emulator.child, "exit");
  }
}

await main();
