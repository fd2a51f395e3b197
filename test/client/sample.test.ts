import { execFile } from "node:child_process";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

describe("samples/quickstart.ts", () => {
  it("creates a user, gets a token, revokes and deletes against an in-process emulator", async () => {
    const env = { ...process.env };
    delete env["COMMUNICATION_SERVICES_CONNECTION_STRING"];
    const { stdout } = await run(process.execPath, ["--import", "tsx", join(root, "samples", "quickstart.ts")], { cwd: root, env });
    const lines = stdout.trim().split("\n");
    const id = "8:acs:[0-9a-f-]{36}_[0-9a-f-]{36}";
    expect(lines).toHaveLength(5);
    expect(lines[0]).toMatch(/^Started the Identity emulator at http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(lines[1]).toMatch(new RegExp(`^Created user ${id}$`));
    expect(lines[2]).toMatch(/^Issued a chat\+voip token \(\d+ characters\) expiring \d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(lines[3]).toBe("Revoked the user's tokens");
    expect(lines[4]).toBe(lines[1]!.replace("Created", "Deleted"));
  });
});
