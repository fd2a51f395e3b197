import { spawn, type ChildProcess } from "node:child_process";
import { fileURLToPath } from "node:url";

/** Runs the emulator CLI in a child process (so tests can kill -9 it). */

const CLI = fileURLToPath(new URL("../../emulator/cli.ts", import.meta.url));

export interface ChildEmulator {
  readonly process: ChildProcess;
  readonly endpoint: string;
  readonly stdout: string;
}

export function spawnEmulator(args: string[]): Promise<ChildEmulator> {
  const child = spawn(process.execPath, ["--import", "tsx", CLI, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  return new Promise((resolve, reject) => {
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (data: Buffer) => {
      stdout += data.toString("utf8");
      const match = /connection string: (\S+)/.exec(stdout);
      const endpoint = /listening on (\S+)/.exec(stdout)?.[1];
      if (match && endpoint) resolve({ process: child, endpoint, stdout });
    });
    child.stderr.on("data", (data: Buffer) => (stderr += data.toString("utf8")));
    child.on("exit", (code) => reject(new Error(`emulator exited with ${code}: ${stderr}`)));
  });
}

export function killHard(child: ChildEmulator): Promise<void> {
  return new Promise((resolve) => {
    child.process.once("exit", () => resolve());
    child.process.kill("SIGKILL");
  });
}
