import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator } from "../../emulator/index.js";
import { call, signedCall } from "./helpers.js";

const PREVIEW = "2025-03-02-preview";
let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "acs-emulator-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function stats(endpoint: string): Promise<{ identities: number; assignments: number }> {
  return (await call(endpoint, { method: "GET", path: "/_emulator/stats" })).json;
}

describe("200 concurrent requests", () => {
  it("never lose or duplicate an identity (journaled store, then restart)", async () => {
    const dataFile = join(dir, "concurrent.jsonl");
    const accessKey = Buffer.from("concurrency-key").toString("base64");
    const emu = await startEmulator({ dataFile, accessKey });
    const results = await Promise.all(
      Array.from({ length: 200 }, (_, i) =>
        signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, i % 2 === 0 ? {} : { createTokenWithScopes: ["chat"] }),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(Array(200).fill(201));
    const ids = new Set(results.map((r) => r.json.identity.id as string));
    expect(ids.size).toBe(200);
    expect(await stats(emu.endpoint)).toEqual({ identities: 200, assignments: 0 });

    const same = await Promise.all(
      Array.from({ length: 200 }, () => signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, { customId: "shared@contoso.com" })),
    );
    expect(same.map((r) => r.status)).toEqual(Array(200).fill(201));
    expect(new Set(same.map((r) => r.json.identity.id)).size).toBe(1);
    expect(await stats(emu.endpoint)).toEqual({ identities: 201, assignments: 0 });
    await emu.close();

    const restarted = await startEmulator({ dataFile, accessKey });
    try {
      expect(await stats(restarted.endpoint)).toEqual({ identities: 201, assignments: 0 });
    } finally {
      await restarted.close();
    }
  });
});
