import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AzureKeyCredential } from "@azure/core-auth";
import { createHttpHeaders, createPipelineRequest, type PipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import { hmacAuthenticationPolicy } from "../../src/hmacAuthenticationPolicy.js";

// Independent reference values: node:crypto, literal strings; nothing from the code under test.
const KEY = Buffer.from("a fixed test key, not a secret").toString("base64");
const DATE = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
const DATE_TEXT = "Tue, 02 Jan 2024 03:04:05 GMT";

const sha256 = (body: string | Buffer) => createHash("sha256").update(body).digest("base64");
const sign = (key: string, text: string) => createHmac("sha256", Buffer.from(key, "base64")).update(text, "utf8").digest("base64");

async function signed(request: PipelineRequest, key = KEY): Promise<PipelineRequest> {
  const policy = hmacAuthenticationPolicy(new AzureKeyCredential(key), { now: () => DATE });
  let seen: PipelineRequest | undefined;
  await policy.sendRequest(request, async (req) => {
    seen = req;
    return { request: req, status: 200, headers: createHttpHeaders() } satisfies PipelineResponse;
  });
  if (!seen) throw new Error("policy did not call next");
  return seen;
}

describe("hmacAuthenticationPolicy", () => {
  it("signs a JSON POST with a non-default port and a query string", async () => {
    const body = '{"scopes":["chat"]}';
    const request = createPipelineRequest({
      url: "https://contoso.communication.azure.com:8443/identities/8%3Aacs%3Aabc/:issueAccessToken?api-version=2021-03-07",
      method: "POST",
      body,
    });
    const out = await signed(request);
    const hash = sha256(body);
    const toSign =
      "POST\n/identities/8%3Aacs%3Aabc/:issueAccessToken?api-version=2021-03-07\n" +
      `${DATE_TEXT};contoso.communication.azure.com:8443;${hash}`;
    expect(out.headers.get("x-ms-date")).toBe(DATE_TEXT);
    expect(out.headers.get("x-ms-content-sha256")).toBe(hash);
    expect(out.headers.get("authorization")).toBe(
      `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${sign(KEY, toSign)}`,
    );
  });

  it("hashes an emoji / non-BMP body as UTF-8 bytes", async () => {
    const body = '{"name":"caf\u00e9 \u{1F600} \u{20BB7}"}';
    const out = await signed(createPipelineRequest({ url: "https://h.example/identities?api-version=2021-03-07", method: "POST", body }));
    const hash = createHash("sha256").update(Buffer.from(body, "utf8")).digest("base64");
    expect(out.headers.get("x-ms-content-sha256")).toBe(hash);
    const toSign = `POST\n/identities?api-version=2021-03-07\n${DATE_TEXT};h.example;${hash}`;
    expect(out.headers.get("authorization")).toBe(
      `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${sign(KEY, toSign)}`,
    );
  });

  it("hashes the empty string when there is no body, and drops the default port from host", async () => {
    const out = await signed(
      createPipelineRequest({ url: "https://h.example:443/identities/u1?api-version=2021-03-07", method: "DELETE" }),
    );
    const emptyHash = "47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU=";
    expect(sha256("")).toBe(emptyHash);
    expect(out.headers.get("x-ms-content-sha256")).toBe(emptyHash);
    const toSign = `DELETE\n/identities/u1?api-version=2021-03-07\n${DATE_TEXT};h.example;${emptyHash}`;
    expect(out.headers.get("authorization")).toBe(
      `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${sign(KEY, toSign)}`,
    );
  });

  it("keeps the port of a loopback http URL in host", async () => {
    const out = await signed(
      createPipelineRequest({ url: "http://127.0.0.1:54321/identities?api-version=2021-03-07", method: "POST", body: "{}" }),
    );
    const toSign = `POST\n/identities?api-version=2021-03-07\n${DATE_TEXT};127.0.0.1:54321;${sha256("{}")}`;
    expect(out.headers.get("authorization")).toBe(
      `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${sign(KEY, toSign)}`,
    );
  });

  it("hashes byte bodies (Uint8Array, ArrayBuffer, Blob) as the bytes given", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const expected = sha256(Buffer.from(bytes));
    for (const body of [bytes, bytes.buffer.slice(0), new Blob([bytes])]) {
      const out = await signed(createPipelineRequest({ url: "https://h.example/x", method: "PUT", body }));
      expect(out.headers.get("x-ms-content-sha256")).toBe(expected);
    }
  });

  it("reads the key on every request, so credential.update() applies to the next one", async () => {
    const credential = new AzureKeyCredential(KEY);
    const policy = hmacAuthenticationPolicy(credential, { now: () => DATE });
    const auths: string[] = [];
    const next = async (req: PipelineRequest): Promise<PipelineResponse> => {
      auths.push(req.headers.get("authorization") ?? "");
      return { request: req, status: 200, headers: createHttpHeaders() };
    };
    const url = "https://h.example/identities?api-version=2021-03-07";
    await policy.sendRequest(createPipelineRequest({ url, method: "POST", body: "{}" }), next);
    const newKey = Buffer.from("the rotated key").toString("base64");
    credential.update(newKey);
    await policy.sendRequest(createPipelineRequest({ url, method: "POST", body: "{}" }), next);
    const toSign = `POST\n/identities?api-version=2021-03-07\n${DATE_TEXT};h.example;${sha256("{}")}`;
    expect(auths).toEqual([
      `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${sign(KEY, toSign)}`,
      `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${sign(newKey, toSign)}`,
    ]);
  });

  it("refuses a streamed body with a clear error", async () => {
    const request = createPipelineRequest({ url: "https://h.example/x", method: "POST", body: () => new ReadableStream() });
    await expect(signed(request)).rejects.toThrow(
      new Error("HMAC signing cannot hash a streamed request body; send the body as a string or bytes."),
    );
  });
});
