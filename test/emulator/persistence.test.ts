import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { call, signedCall } from "./helpers.js";
import { killHard, spawnEmulator } from "./child.js";

const KEY = Buffer.from("persistence-test-key-0123456789abcdef").toString("base64");
const PREVIEW = "2025-03-02-preview";
let dir: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "acs-emulator-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("--data FILE survives kill -9", () => {
  it("keeps identities, customIds, revocations and assignments across a hard kill and restart", async () => {
    const file = join(dir, "state.jsonl");
    const args = ["--port", "0", "--data", file, "--access-key", KEY];
    const first = await spawnEmulator(args);
    expect(first.stdout).toContain(`connection string: endpoint=${first.endpoint};accesskey=${KEY}`);
    const emu = { endpoint: first.endpoint, accessKey: KEY };

    const alice = await signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, {
      customId: "alice",
      createTokenWithScopes: ["chat"],
    });
    expect(alice.status).toBe(201);
    const aliceId: string = alice.json.identity.id;
    const oldToken: string = alice.json.accessToken.token;
    const path = (id: string, action = "") => `/identities/${encodeURIComponent(id)}${action}?api-version=${PREVIEW}`;
    expect((await signedCall(emu, "POST", path(aliceId, "/:revokeAccessTokens"))).status).toBe(204);
    const fresh = await signedCall(emu, "POST", path(aliceId, "/:issueAccessToken"), { scopes: ["voip"] });
    const freshToken: string = fresh.json.token;
    const bob = await signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, {});
    const bobId: string = bob.json.identity.id;
    expect((await signedCall(emu, "DELETE", path(bobId))).status).toBe(204);
    const assignment =
      "/access/teamsExtension/tenants/c70d068c-2f32-484d-9455-73070cd5aadd/assignments/b27b64b9-39d2-44a3-869d-67700b74e805?api-version=2026-09-23";
    expect((await signedCall(emu, "PUT", assignment, { principalType: "user" })).status).toBe(201);

    // Fire a burst and kill -9 the moment the 20th answer arrives, while the rest are in flight:
    // every acknowledged create must survive.
    const acknowledged: string[] = [];
    const exited = new Promise<void>((resolve) => first.process.once("exit", () => resolve()));
    const burst = Array.from({ length: 150 }, () =>
      signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, {})
        .then((res) => {
          if (res.status !== 201) return;
          acknowledged.push(res.json.identity.id);
          if (acknowledged.length === 20) first.process.kill("SIGKILL");
        })
        .catch(() => undefined),
    );
    await Promise.all(burst);
    await exited;
    expect(acknowledged.length).toBeGreaterThanOrEqual(20);

    const second = await spawnEmulator(args);
    const emu2 = { endpoint: second.endpoint, accessKey: KEY };
    try {
      const got = await signedCall(emu2, "GET", path(aliceId));
      expect(got.status).toBe(200);
      expect(got.json.customId).toBe("alice");
      const again = await signedCall(emu2, "POST", `/identities?api-version=${PREVIEW}`, { customId: "alice" });
      expect(again.json.identity.id).toBe(aliceId);
      expect((await signedCall(emu2, "GET", path(bobId))).status).toBe(404);
      const introspect = async (token: string) =>
        (await call(emu2.endpoint, { method: "POST", path: "/_emulator/introspect", body: { token } })).json;
      expect(await introspect(oldToken)).toMatchObject({ active: false, reason: "revoked" });
      expect(await introspect(freshToken)).toMatchObject({ active: true });
      expect((await signedCall(emu2, "GET", assignment)).json.principalType).toBe("user");
      for (const id of acknowledged) expect((await signedCall(emu2, "GET", path(id))).status).toBe(200);
      // The restart compacted the journal: the sequence counter, then one line per identity
      // (alice and every durable create of the burst, at least the acknowledged ones) and per
      // assignment, so that damage to one line loses one record.
      const kinds = (await readFile(file, "utf8"))
        .split("\n")
        .filter((l) => l !== "")
        .map((l) => JSON.parse(l).t);
      const identityLines = kinds.length - 2;
      expect(identityLines).toBeGreaterThanOrEqual(acknowledged.length + 1);
      expect(kinds).toEqual(["seq", ...Array.from({ length: identityLines }, () => "identity"), "assignmentPut"]);
    } finally {
      await killHard(second);
    }
  });
});
