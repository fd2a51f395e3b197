import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { mintFromArgs } from "../../emulator/mintCli.js";
import { runCli, spawnEmulator, killHard } from "./child.js";
import { decodeJwtPayload, signedCall } from "./helpers.js";

/** `npm run emulator -- mint-entra-token`: a test Entra token from the command line, exchanged for real. */

const APP = "2c3e1e83-8fd7-4615-ad2b-b8c1229845ac";
const USER = "32c0a5db-05ec-78ea-51ab-3f06b329397e";
const TENANT = "c70d068c-2f32-484d-9455-73070cd5aadd";
const EXCHANGE = "/teamsUser/:exchangeAccessToken?api-version=2023-10-01";
const USAGE =
  "usage: npm run emulator -- mint-entra-token --app-id ID --user-id ID [--tenant-id ID] [--expires-in-minutes N] [--signing-key KEY]";

let emu: RunningEmulator;
let keyed: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ accessKey: "random" });
  keyed = await startEmulator({ accessKey: "random", entraSigningKey: "team-signing-key" });
});
afterAll(async () => {
  await emu.close();
  await keyed.close();
});

describe("mint-entra-token", () => {
  it("prints a token (and nothing else) that the emulator exchanges", async () => {
    const before = Math.floor(Date.now() / 1000);
    const run = await runCli(["mint-entra-token", "--app-id", APP, "--user-id", USER, "--tenant-id", TENANT, "--expires-in-minutes", "30"]);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe("");
    expect(run.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+\n$/);
    const token = run.stdout.trim();
    const claims = decodeJwtPayload(token);
    expect(claims).toMatchObject({ appid: APP, oid: USER, tid: TENANT });
    const lifetime = (claims.exp as number) - before;
    expect(lifetime >= 30 * 60 - 60 && lifetime <= 30 * 60 + 60).toBe(true);
    const res = await signedCall(emu, "POST", EXCHANGE, { token, appId: APP, userId: USER });
    expect(res.status).toBe(200);
    expect(decodeJwtPayload(res.json.token).sub).toBe(`8:orgid:${USER}`);
    expect(Date.parse(res.json.expiresOn)).toBe((claims.exp as number) * 1000);
  });

  it("signs with --signing-key or ACS_EMULATOR_ENTRA_SIGNING_KEY, matching the emulator's entraSigningKey", async () => {
    const flag = await runCli(["mint-entra-token", "--app-id", APP, "--user-id", USER, "--signing-key", "team-signing-key"]);
    const env = await runCli(["mint-entra-token", "--app-id", APP, "--user-id", USER], {
      ACS_EMULATOR_ENTRA_SIGNING_KEY: "team-signing-key",
    });
    for (const run of [flag, env]) {
      const token = run.stdout.trim();
      expect((await signedCall(keyed, "POST", EXCHANGE, { token, appId: APP, userId: USER })).status).toBe(200);
      const wrongKey = await signedCall(emu, "POST", EXCHANGE, { token, appId: APP, userId: USER });
      expect(wrongKey.status).toBe(401);
      expect(wrongKey.json).toEqual({ error: { code: "InvalidAccessToken", message: "Provided access token is not valid." } });
    }
  });

  it("an emulator started from the CLI with ACS_EMULATOR_ENTRA_SIGNING_KEY accepts the CLI's tokens", async () => {
    const key = Buffer.from("mint-cli-test-access-key-0123456789").toString("base64");
    const child = await spawnEmulator(["--access-key", key], { ACS_EMULATOR_ENTRA_SIGNING_KEY: "team-signing-key" });
    try {
      const token = (
        await runCli(["mint-entra-token", "--app-id", APP, "--user-id", USER, "--signing-key", "team-signing-key"])
      ).stdout.trim();
      const res = await signedCall({ endpoint: child.endpoint, accessKey: key }, "POST", EXCHANGE, { token, appId: APP, userId: USER });
      expect(res.status).toBe(200);
    } finally {
      await killHard(child);
    }
  });

  it("a negative lifetime (--expires-in-minutes=-5) mints an expired token, which the exchange refuses", async () => {
    const now = Date.now();
    const result = mintFromArgs(["--app-id", APP, "--user-id", USER, "--expires-in-minutes=-5"], {}, now);
    if (result.ok !== true) throw new Error("expected a token");
    expect(decodeJwtPayload(result.token).exp).toBe(Math.floor((now - 300_000) / 1000));
    const res = await signedCall(emu, "POST", EXCHANGE, { token: result.token, appId: APP, userId: USER });
    expect(res.status).toBe(401);
    expect(res.json).toEqual({ error: { code: "InvalidAccessToken", message: "Provided access token is not valid." } });
  });

  it("usage errors exit 2 and name the flag", async () => {
    const missing = await runCli(["mint-entra-token", "--app-id", APP]);
    expect(missing).toEqual({ code: 2, stdout: "", stderr: `--user-id: required (the token's oid claim)\n${USAGE}\n` });
    const bad = await runCli(["mint-entra-token", "--app-id", APP, "--user-id", USER, "--expires-in-minutes", "soon"]);
    expect(bad).toEqual({
      code: 2,
      stdout: "",
      stderr: `--expires-in-minutes: expected a number of minutes within ten years (negative for an expired token), got 'soon'\n${USAGE}\n`,
    });
    expect(mintFromArgs(["--help"], {}, 0)).toEqual({ ok: "help" });
    expect(mintFromArgs(["--app-id", APP, "--user-id", USER, "--tenant"], {}, 0)).toEqual({
      ok: false,
      error: "Unknown option '--tenant'",
    });
  });
});
