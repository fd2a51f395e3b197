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
    const res = await exchange(
      emu.port,
      `POST ${P} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ntransfer-encoding: chunked\r\n\r\n${chunked}`,
    );
    expect(res.headers.split("\r\n")[0]).toBe("HTTP/1.1 413 Payload Too Large");
    expect(res.body).toBe('{"error":{"code":"RequestEntityTooLarge","message":"The request body exceeds 1024 bytes."}}');
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
    expect(text.endsWith('{"error":{"code":"MalformedRequest","message":"The request line is not valid HTTP/1.1."}}')).toBe(true);
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

/**
 * Sends raw bytes in one write and resolves with the first complete response (status line, headers,
 * the body of its content-length), or with what arrived when the server closed.
 */
function exchange(port: number, data: string | Buffer): Promise<{ status: number; headers: string; body: string; error?: string }> {
  return new Promise((resolve) => {
    const socket = connect(port, "127.0.0.1");
    let received = Buffer.alloc(0);
    let done = false;
    const finish = (error?: string): void => {
      if (done) return;
      const text = received.toString("utf8");
      const end = text.indexOf("\r\n\r\n");
      const head = end === -1 ? text : text.slice(0, end);
      const length = Number(/\r\ncontent-length: (\d+)/i.exec(head)?.[1] ?? "-1");
      const body = end === -1 ? "" : text.slice(end + 4);
      if (error === undefined && (end === -1 || Buffer.byteLength(body) < length)) return; // not complete yet
      done = true;
      socket.destroy();
      resolve({ status: Number(head.split(" ")[1] ?? "0"), headers: head, body, ...(error === undefined ? {} : { error }) });
    };
    socket.on("data", (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      finish();
    });
    socket.on("error", (error: NodeJS.ErrnoException) => finish(error.code ?? "error"));
    socket.on("close", () => finish("closed"));
    socket.on("connect", () => socket.write(data));
  });
}

const error = (code: string, message: string) => JSON.stringify({ error: { code, message } });

describe("malformed HTTP gets a JSON error in the service's shape", () => {
  const get = (extra: string) => `GET /_emulator/health HTTP/1.1\r\nhost: 127.0.0.1\r\n${extra}\r\n`;

  it("both Content-Length and Transfer-Encoding → 400", async () => {
    const res = await exchange(
      emu.port,
      `POST ${P} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-length: 2\r\ntransfer-encoding: chunked\r\n\r\n0\r\n\r\n`,
    );
    expect(res.status).toBe(400);
    expect(res.headers).toContain("\r\ncontent-type: application/json\r\n");
    expect(res.headers).toContain("\r\nconnection: close");
    expect(res.body).toBe(error("MalformedRequest", "The request has both Content-Length and Transfer-Encoding."));
  });

  it("a control byte in a header name → 400", async () => {
    const res = await exchange(emu.port, get("x-a\x01b: 1\r\n"));
    expect(res.status).toBe(400);
    expect(res.body).toBe(error("MalformedRequest", "A request header name or value holds a character that is not allowed."));
  });

  it("an unknown method → 501, garbage instead of a request line → 400", async () => {
    const unknown = await exchange(emu.port, "FROB /_emulator/health HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n");
    expect(unknown.headers.split("\r\n")[0]).toBe("HTTP/1.1 501 Not Implemented");
    expect(unknown.body).toBe(error("MethodNotImplemented", "The request method is not recognized."));
    const garbage = await exchange(emu.port, "\x00\x01 not http at all\r\n\r\n");
    expect(garbage.status).toBe(400);
    expect(garbage.body).toBe(error("MalformedRequest", "The request line is not valid HTTP/1.1."));
  });

  it("a 100 KB URL → 414, 20 KB of headers → 431", async () => {
    const uri = await exchange(emu.port, `GET /${"a".repeat(100_000)} HTTP/1.1\r\nhost: 127.0.0.1\r\n\r\n`);
    expect(uri.headers.split("\r\n")[0]).toBe("HTTP/1.1 414 URI Too Long");
    expect(uri.body).toBe(error("RequestUriTooLong", "The request URI is too long."));
    const headers = await exchange(emu.port, get(`x-big: ${"a".repeat(20_000)}\r\n`));
    expect(headers.headers.split("\r\n")[0]).toBe("HTTP/1.1 431 Request Header Fields Too Large");
    expect(headers.body).toBe(error("RequestHeaderFieldsTooLarge", "The request headers are too large."));
  });

  it("a second Authorization header → 401, a second or missing Host → 400", async () => {
    const auth = await exchange(emu.port, get("authorization: Bearer a\r\nAuthorization: Bearer b\r\n"));
    expect(auth.status).toBe(401);
    expect(auth.body).toBe(error("Denied", "The request has more than one Authorization header."));
    const host = await exchange(emu.port, get("Host: 127.0.0.2\r\n"));
    expect(host.status).toBe(400);
    expect(host.body).toBe(error("InvalidHeader", "The request has more than one Host header."));
    const none = await exchange(emu.port, "GET /_emulator/health HTTP/1.1\r\n\r\n");
    expect(none.status).toBe(400);
    expect(none.body).toBe(error("InvalidHeader", "The request has no Host header."));
  });

  it("a 10 MB body in one write gets its 413, not a reset", async () => {
    const body = Buffer.alloc(10 * 1024 * 1024, 0x20);
    const head = `POST ${P} HTTP/1.1\r\nhost: 127.0.0.1\r\ncontent-type: application/json\r\ncontent-length: ${body.length}\r\n\r\n`;
    const res = await exchange(emu.port, Buffer.concat([Buffer.from(head), body]));
    expect(res.error).toBeUndefined();
    expect(res.status).toBe(413);
    expect(res.body).toBe(error("RequestEntityTooLarge", "The request body exceeds 1024 bytes."));
    // The same through Node's HTTP client, which writes the body while the answer arrives.
    const viaClient = await signedCall(emu, "POST", P, body);
    expect(viaClient.status).toBe(413);
    expect(viaClient.json).toEqual({ error: { code: "RequestEntityTooLarge", message: "The request body exceeds 1024 bytes." } });
  });
});

describe("JSON bodies are strict", () => {
  let big: RunningEmulator;
  beforeAll(async () => {
    big = await startEmulator({ accessKey: "random" });
  });
  afterAll(async () => {
    await big.close();
  });

  it("JSON nested 5,000 deep → 400", async () => {
    const res = await signedCall(big, "POST", P, `{"customId":${"[".repeat(5000)}${"]".repeat(5000)}}`);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: "InvalidRequestBody", message: "The request body is nested deeper than 64 levels." } });
    const shallow = await signedCall(big, "POST", P, `{"x":${"[".repeat(60)}${"]".repeat(60)}}`);
    expect(shallow.status).toBe(201);
  });

  it("invalid UTF-8 inside a string (customId) → 400, not U+FFFD", async () => {
    const body = Buffer.concat([Buffer.from('{"customId":"al'), Buffer.from([0xc3, 0x28]), Buffer.from('ice"}')]);
    const res = await signedCall(big, "POST", "/identities?api-version=2025-03-02-preview", body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual({ error: { code: "InvalidRequestBody", message: "The request body is not valid UTF-8." } });
    const stats = await signedCall(big, "GET", "/_emulator/stats");
    expect(stats.json.identities).toBe(1); // only the shallow one above
  });
});
