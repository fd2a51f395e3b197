import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Runs the emulator CLI in a child process (so tests can kill -9 it). */

const CLI = fileURLToPath(new URL("../../emulator/cli.ts", import.meta.url));

export interface ChildEmulator {
  readonly process: ChildProcess;
  readonly endpoint: string;
  readonly stdout: string;
  /** What the emulator wrote to stderr before it was ready (e.g. journal problems). */
  readonly stderr: string;
}

export function spawnEmulator(args: string[], env: Record<string, string> = {}): Promise<ChildEmulator> {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => {
      stdout += data.toString("utf8");
      const match = /connection string: (\S+)/.exec(stdout);
      const endpoint = /listening on (\S+)/.exec(stdout)?.[1];
      // With --https the last line printed is the NODE_EXTRA_CA_CERTS hint.
      const complete = !endpoint?.startsWith("https:") || stdout.includes("NODE_EXTRA_CA_CERTS=");
      if (match && endpoint && complete && stdout.endsWith("\n")) resolve({ process: child, endpoint, stdout, stderr });
    });
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString("utf8")));
    child.on("exit", (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
  });
}

export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs the emulator CLI to completion (e.g. `mint-entra-token`). */
export function runCli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], {
    stdio: ["ignore", "pipe", "pipe"],
    env: { ...process.env, ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (data: Buffer) => (stdout += data.toString("utf8")));
  child.stderr.on("data", (data: Buffer) => (stderr += data.toString("utf8")));
  return new Promise((resolve, reject) => {
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

export function killHard(child: ChildEmulator): Promise<void> {
  return new Promise((resolve) => {
    child.process.once("exit", () => resolve());
    child.process.kill("SIGKILL");
  });
}
