import { connect } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { call, signedCall } from "./helpers.js";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ accessKey: "random", maxBodyBytes: 1024, bodyTimeoutMs: 300 });
});
afterAll(async () => {
  await emu.close();
});

const P = "/identities?api-version=2023-10-01";

/** Raw bytes over TCP; resolves with everything the server sent before closing (or after waitMs). */
function raw(chunks: string[], gapMs: number, waitMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(emu.port, "127.0.0.1");
    let received = "";
    socket.on("data", (data) => (received += data.toString("utf8")));
    socket.on("error", reject);
    socket.on("close", () => resolve(received));
    setTimeout(() => {
      socket.destroy();
      resolve(received);
    }, waitMs);
    socket.on("connect", async () => {
      for (const chunk of chunks) {
        socket.write(chunk);
        await new Promise((r) => setTimeout(r, gapMs));
      }
    });
  });
}

describe("bad input gets a 4xx, never a crash", () => {
  it("malformed JSON → 400", async () => {
    const res = await signedCall(emu, "POST", P, "{not json");
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: "InvalidRequestBody", message: "The request body is not valid JSON." } });
  });

  it("wrong content type → 415", async () => {
    const res = await signedCall(emu, "POST", P, "{}", { "content-type": "text/plain" });
    expect(res.status).toBe(415);
    expect(res.json).toEqual({
      error: { code: "UnsupportedMediaType", message: "The request body must be sent as application/json." },
    });
  });

  it("a JSON body that is not an object → 400", async () => {
    const res = await signedCall(emu, "POST", P, "[1,2]");
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: "ValidationError", message: "The request body must be a JSON object." } });
  });

  it("oversized body (declared) → 413", async () => {
    const res = await signedCall(emu, "POST", P, { customId: "x".repeat(2000) });
    expect(res.status).toBe(413);
    expect(res.json).toEqual({
      error: { code: "RequestEntityTooLarge", message: "The request body exceeds 1024 bytes." },
    });
  });

  it("oversized body (chunked, no length) → 413", async () => {
    const body = "x".repeat(3000);
    const chunked = `${body.length.toString(16)}\r\n${body}\r\n0\r\n\r\n`;
    const text = await raw(
      [`POST ${P} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n`, chunked],
      10,
      2000,
    );
    expect(text.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
  });

  it("a slow client → 408 with a service-shaped body", async () => {
    const text = await raw(
      [`POST ${P} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: 10\r\n\r\n`, "{"],
      10,
      3000,
    );
    expect(text.split("\r\n")[0]).toBe("HTTP/1.1 408 Request Timeout");
    expect(text).toContain('{"error":{"code":"RequestTimeout","message":"The request body was not received in time."}}');
  });

  it("unknown path → 404, wrong method → 405", async () => {
    const missing = await signedCall(emu, "GET", "/nothing/here?api-version=2023-10-01");
    expect(missing.status).toBe(404);
    expect(missing.json).toEqual({ error: { code: "NotFound", message: "The requested resource was not found." } });
    const method = await signedCall(emu, "PUT", P, {});
    expect(method.status).toBe(405);
    expect(method.headers.allow).toBe("POST");
    expect(method.json).toEqual({ error: { code: "MethodNotAllowed", message: "The PUT method is not allowed here." } });
  });

  it("broken percent-encoding → 400", async () => {
    const res = await signedCall(emu, "DELETE", "/identities/%E0%A4%A?api-version=2023-10-01");
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("InvalidRequestUri");
  });

  it("garbage on the wire → 400, and the server keeps serving", async () => {
    const text = await raw(["\x00\x01 not http at all\r\n\r\n"], 10, 1000);
    expect(text.split("\r\n")[0]).toBe("HTTP/1.1 400 Bad Request");
    const health = await call(emu.endpoint, { method: "GET", path: "/_emulator/health" });
    expect(health.status).toBe(200);
    expect(health.json).toMatchObject({ status: "ok", resourceId: emu.resourceId });
  });

  it("a body that looks like an internal reply is treated as a body", async () => {
    const res = await signedCall(emu, "POST", P, { status: 200, body: { hijacked: true } });
    expect(res.status).toBe(201);
    expect(Object.keys(res.json)).toEqual(["identity"]);
  });

  it("wrongly typed fields → 400, not 500", async () => {
    const created = await signedCall(emu, "POST", P, {});
    const id = encodeURIComponent(created.json.identity.id);
    const cases: unknown[] = [
      { scopes: "chat" },
      { scopes: [1, 2] },
      { scopes: ["chat"], expiresInMinutes: "sixty" },
      { scopes: ["chat"], expiresInMinutes: 90.5 },
    ];
    for (const body of cases) {
      const res = await signedCall(emu, "POST", `/identities/${id}/:issueAccessToken?api-version=2023-10-01`, body);
      expect(res.status).toBe(400);
      expect(res.json.error.code).toBe("ValidationError");
    }
  });
});
