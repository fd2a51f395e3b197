/**
 * Starts the AutoRest test server (devDependency @microsoft.azure/autorest.testserver) in a child
 * process on 127.0.0.1 and a free port, and reads its coverage report.
 */
import { fork } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** [method, express uri, scenario] of every route of the package's newer (non-legacy) mocks. */
export type RouteRegistration = [method: string, uri: string, scenario: string];

export interface RunningTestServer {
  /** `http://127.0.0.1:<port>` */
  readonly url: string;
  readonly routes: RouteRegistration[];
  /** Stops the child process and removes its coverage folder. */
  stop(): Promise<void>;
}

/** The coverage categories the server reports (the package's "dpg" category is reported too). */
export const categories = ["vanilla", "azure", "optional", "dpg"] as const;
export type Category = (typeof categories)[number];
export type CoverageReport = Record<Category, Record<string, number>>;

const launcher = join(dirname(fileURLToPath(import.meta.url)), "launch.cjs");

export async function startTestServer(): Promise<RunningTestServer> {
  const coverageDir = mkdtempSync(join(tmpdir(), "acs-gen-testserver-coverage-"));
  const child = fork(launcher, [coverageDir], { stdio: ["ignore", "ignore", "pipe", "ipc"] });
  let stderr = "";
  child.stderr?.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const ready = await new Promise<{ port: number; routes: RouteRegistration[] }>((resolve, reject) => {
    child.once("message", (m) => resolve(m as { port: number; routes: RouteRegistration[] }));
    child.once("exit", (code) => reject(new Error(`the test server exited with code ${code} before listening: ${stderr}`)));
  });
  return {
    url: `http://127.0.0.1:${ready.port}`,
    routes: ready.routes,
    async stop() {
      if (child.connected) child.disconnect();
      await exited;
      rmSync(coverageDir, { recursive: true, force: true });
    },
  };
}

/** GET /report/<category> for every category. */
export async function readCoverage(url: string): Promise<CoverageReport> {
  const entries = await Promise.all(
    categories.map(async (c) => {
      const response = await fetch(`${url}/report/${c}`);
      if (response.status !== 200) throw new Error(`GET /report/${c}: status ${response.status}`);
      return [c, (await response.json()) as Record<string, number>] as const;
    }),
  );
  return Object.fromEntries(entries) as CoverageReport;
}
