import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { call, signedCall, signHeaders } from "./helpers.js";

const PATH = "/identities?api-version=2023-10-01";
let emu: RunningEmulator;

beforeAll(async () => {
  emu = await startEmulator({ accessKey: "random", trustedBearerTokens: ["trusted-bearer-token"] });
});
afterAll(async () => {
  await emu.close();
});

function denied(message: string): unknown {
  return { error: { code: "Denied", message } };
}

describe("HMAC-SHA256 authentication", () => {
  it("accepts a correctly signed request", async () => {
    const res = await signedCall(emu, "POST", PATH, {});
    expect(res.status).toBe(201);
  });

  it("accepts the date header in place of x-ms-date", async () => {
    const res = await call(emu.endpoint, {
      method: "POST",
      path: PATH,
      body: {},
      sign: { key: emu.accessKey, useDateHeader: true },
    });
    expect(res.status).toBe(201);
  });

  it("rejects a signature made with another key", async () => {
    const res = await call(emu.endpoint, {
      method: "POST",
      path: PATH,
      body: {},
      sign: { key: Buffer.from("not the key").toString("base64") },
    });
    expect(res.status).toBe(401);
    expect(res.headers["content-type"]).toBe("application/json");
    expect(res.json).toEqual(denied("The request signature is not valid."));
  });

  it("rejects a tampered body (hash of another body)", async () => {
    const res = await call(emu.endpoint, {
      method: "POST",
      path: PATH,
      body: { createTokenWithScopes: ["chat"] },
      sign: { key: emu.accessKey, signedBody: "{}" },
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(denied("The x-ms-content-sha256 header does not match the request body."));
  });

  it("rejects a date older than 15 minutes", async () => {
    const stale = new Date(Date.now() - 16 * 60_000).toUTCString();
    const res = await call(emu.endpoint, { method: "POST", path: PATH, body: {}, sign: { key: emu.accessKey, date: stale } });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(denied("The x-ms-date header is more than 15 minutes away from the server time."));
  });

  it("accepts a date 14 minutes old and rejects one 16 minutes ahead", async () => {
    const ok = await call(emu.endpoint, {
      method: "POST",
      path: PATH,
      body: {},
      sign: { key: emu.accessKey, date: new Date(Date.now() - 14 * 60_000).toUTCString() },
    });
    expect(ok.status).toBe(201);
    const ahead = await call(emu.endpoint, {
      method: "POST",
      path: PATH,
      body: {},
      sign: { key: emu.accessKey, date: new Date(Date.now() + 16 * 60_000).toUTCString() },
    });
    expect(ahead.status).toBe(401);
  });

  it("rejects a signature over another host (the port is part of the host)", async () => {
    const res = await call(emu.endpoint, {
      method: "POST",
      path: PATH,
      body: {},
      sign: { key: emu.accessKey, signedHost: "127.0.0.1" },
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(denied("The request signature is not valid."));
  });

  it("rejects a signature over another path or query", async () => {
    const res = await call(emu.endpoint, {
      method: "POST",
      path: PATH,
      body: {},
      sign: { key: emu.accessKey, signedPath: "/identities?api-version=2022-10-01" },
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(denied("The request signature is not valid."));
  });

  it("rejects a signature over another method", async () => {
    const res = await call(emu.endpoint, {
      method: "POST",
      path: PATH,
      body: {},
      headers: signHeaders("PUT", PATH, new URL(emu.endpoint).host, Buffer.from("{}"), { key: emu.accessKey }),
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(denied("The request signature is not valid."));
  });

  it("rejects a request without credentials and never echoes a credential", async () => {
    const res = await call(emu.endpoint, { method: "POST", path: PATH, body: {} });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(denied("The request has no Authorization header."));
    const bad = await call(emu.endpoint, {
      method: "POST",
      path: PATH,
      body: {},
      headers: { authorization: "Bearer secret-value-123" },
    });
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual(denied("The bearer token is not trusted by the emulator."));
    expect(bad.text).not.toContain("secret-value-123");
  });

  it("accepts a trusted bearer token", async () => {
    const res = await call(emu.endpoint, {
      method: "POST",
      path: PATH,
      body: {},
      headers: { authorization: "Bearer trusted-bearer-token" },
    });
    expect(res.status).toBe(201);
  });

  it("rejects a malformed Authorization header", async () => {
    const res = await call(emu.endpoint, {
      method: "POST",
      path: PATH,
      body: {},
      headers: { authorization: "HMAC-SHA256 Signature=abc" },
    });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(denied("The Authorization header must carry SignedHeaders and Signature."));
  });
});
