import { createHash, createHmac } from "node:crypto";
import { describe, expect, it } from "vitest";
import { AzureKeyCredential } from "@azure/core-auth";
import { createHttpHeaders, createPipelineRequest, type PipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import { hmacSigner as platformSigner } from "#hmacSigner";
import { CommunicationIdentityClient } from "../../src/index.js";
import { hmacAuthenticationPolicy, hmacAuthenticationPolicyWith } from "../../src/hmacAuthenticationPolicy.js";
import type { HmacSigner } from "../../src/hmacSigner.js";
import { hmacSigner as nodeSigner } from "../../src/nodeCryptoSigner.js";
import { hmacSigner as webSigner } from "../../src/webCryptoSigner.js";

// Independent reference values: node:crypto, literal strings; nothing from the code under test.
const KEY = Buffer.from("a fixed test key, not a secret").toString("base64");
const DATE = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
const DATE_TEXT = "Tue, 02 Jan 2024 03:04:05 GMT";

const sha256 = (body: string | Buffer) => createHash("sha256").update(body).digest("base64");
const sign = (key: string, text: string) => createHmac("sha256", Buffer.from(key, "base64")).update(text, "utf8").digest("base64");

const authorization = (key: string, text: string) =>
  `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${sign(key, text)}`;

/** Every test below runs with each signer: same vectors, same expected bytes. */
describe.each([
  ["node:crypto", nodeSigner],
  ["Web Crypto", webSigner],
] as const)("hmacAuthenticationPolicy with the %s signer", (name, signer: HmacSigner) => {
  async function signed(request: PipelineRequest, key = KEY): Promise<PipelineRequest> {
    const policy = hmacAuthenticationPolicyWith(signer, new AzureKeyCredential(key), { now: () => DATE });
    let seen: PipelineRequest | undefined;
    await policy.sendRequest(request, async (req) => {
      seen = req;
      return { request: req, status: 200, headers: createHttpHeaders() } satisfies PipelineResponse;
    });
    if (!seen) throw new Error("policy did not call next");
    return seen;
  }

  it("is the signer it claims to be", () => {
    expect(signer.name).toBe(name);
  });

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

  it("hashes byte bodies (Uint8Array, DataView, ArrayBuffer) as the bytes given", async () => {
    const bytes = new Uint8Array([0, 1, 2, 250, 255]);
    const expected = sha256(Buffer.from(bytes));
    for (const body of [bytes, new DataView(bytes.buffer), bytes.buffer.slice(0)]) {
      const out = await signed(createPipelineRequest({ url: "https://h.example/x", method: "PUT", body }));
      expect(out.headers.get("x-ms-content-sha256")).toBe(expected);
    }
  });

  it("reads the key on every request, so credential.update() applies to the next one", async () => {
    const credential = new AzureKeyCredential(KEY);
    const policy = hmacAuthenticationPolicyWith(signer, credential, { now: () => DATE });
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

  it("refuses a streamed, Blob, form-data or multipart body with a clear error", async () => {
    const url = "https://h.example/x";
    for (const request of [
      createPipelineRequest({ url, method: "POST", body: () => new ReadableStream() }),
      createPipelineRequest({ url, method: "POST", body: new Blob(["{}"]) }),
      createPipelineRequest({ url, method: "POST", formData: { a: "b" } }),
      createPipelineRequest({ url, method: "POST", multipartBody: { parts: [] } }),
    ]) {
      await expect(signed(request)).rejects.toThrow(new Error("HMAC cannot sign a stream, Blob or form body."));
    }
  });

  it("hashes a view on a SharedArrayBuffer as the bytes it shows", async () => {
    const shared = new Uint8Array(new SharedArrayBuffer(6));
    shared.set([9, 0, 1, 2, 250, 9]);
    const out = await signed(createPipelineRequest({ url: "https://h.example/x", method: "PUT", body: shared.subarray(1, 5) }));
    expect(out.headers.get("x-ms-content-sha256")).toBe(sha256(Buffer.from([0, 1, 2, 250])));
  });

  it("sets the host header to the signed host: with a non-default port, without the scheme's default one", async () => {
    const hosts: (string | undefined)[] = [];
    for (const url of [
      "https://h.example:8443/identities",
      "https://h.example:443/identities",
      "http://127.0.0.1:54321/identities",
      "http://h.example:80/x",
    ]) {
      hosts.push((await signed(createPipelineRequest({ url, method: "POST", body: "{}" }))).headers.get("host"));
    }
    expect(hosts).toEqual(["h.example:8443", "h.example", "127.0.0.1:54321", "h.example"]);
  });

  it('decodes non-canonical access keys as Buffer.from(key, "base64") does', async () => {
    const url = "https://h.example/identities?api-version=2021-03-07";
    const toSign = `POST\n/identities?api-version=2021-03-07\n${DATE_TEXT};h.example;${sha256("{}")}`;
    for (const key of NON_CANONICAL_KEYS) {
      const out = await signed(createPipelineRequest({ url, method: "POST", body: "{}" }), key);
      expect(out.headers.get("authorization"), JSON.stringify(key)).toBe(authorization(key, toSign));
    }
  });
});

/**
 * Keys that are not canonical base64, each with what Node decodes it to (checked below, so the list
 * documents the decoding): the expected signatures use Buffer.from(key, "base64") through sign().
 */
const NON_CANONICAL_KEYS = [
  "banana", // 6 characters, no padding, non-zero spare bits: 4 bytes
  "a2V5IGJ5dGVz", // canonical, for reference
  "a2V5IGJ5dGU", // padding left out
  "a2V5IGJ5dG", // padding left out, 1 byte short
  "a2V5\nIGJ5 dGVz\t", // whitespace inside and around
  "-_-_", // base64url alphabet
  "+/+/", // the same bytes, standard alphabet
  "YQ==YmM=", // data after the padding is ignored
  "a2V5!IGJ5@dGVz", // other characters are skipped
  "Y", // one character: no bytes (an empty HMAC key)
  "==", // no bytes either (AzureKeyCredential refuses "")
  "YWJj\u00e9\u0141", // non-ASCII: Node reads the low byte of each code unit (\u0141 is "A")
];

describe("access key decoding", () => {
  it("the NON_CANONICAL_KEYS decode as documented", () => {
    expect(NON_CANONICAL_KEYS.map((key) => Buffer.from(key, "base64").toString("hex"))).toEqual([
      "6da9da9d",
      "6b6579206279746573",
      "6b65792062797465",
      "6b657920627974",
      "6b6579206279746573",
      "fbffbf",
      "fbffbf",
      "61",
      "6b6579206279746573",
      "",
      "",
      "616263",
    ]);
  });
});

describe("the platform signer (#hmacSigner)", () => {
  it('is node:crypto under Node (package.json imports, condition "node")', () => {
    expect(platformSigner.name).toBe("node:crypto");
  });

  it("is what hmacAuthenticationPolicy signs with", async () => {
    const request = createPipelineRequest({ url: "https://h.example/x", method: "GET" });
    const policy = hmacAuthenticationPolicy(new AzureKeyCredential("banana"), { now: () => DATE });
    let seen: PipelineRequest | undefined;
    await policy.sendRequest(request, async (req) => ((seen = req), { request: req, status: 200, headers: createHttpHeaders() }));
    expect(seen?.headers.get("authorization")).toBe(authorization("banana", `GET\n/x\n${DATE_TEXT};h.example;${sha256("")}`));
  });
});

describe("the client's requests, as a custom HttpClient receives them", () => {
  it("carry host (with the port), x-ms-date, x-ms-content-sha256 and a signature over them, with a lenient key", async () => {
    const seen: PipelineRequest[] = [];
    const httpClient = {
      async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
        seen.push(request);
        return { request, status: 201, headers: createHttpHeaders(), bodyAsText: JSON.stringify({ identity: { id: "8:acs:user" } }) };
      },
    };
    const client = new CommunicationIdentityClient("https://h.example:8443/", new AzureKeyCredential("banana"), { httpClient });
    expect(await client.createUser()).toEqual({ communicationUserId: "8:acs:user" });
    const [request] = seen;
    const headers = request!.headers;
    const url = new URL(request!.url);
    const toSign = `POST\n${url.pathname}${url.search}\n${headers.get("x-ms-date")};h.example:8443;${headers.get("x-ms-content-sha256")}`;
    expect(headers.get("host")).toBe("h.example:8443");
    expect(headers.get("x-ms-content-sha256")).toBe(sha256(typeof request!.body === "string" ? request!.body : ""));
    expect(headers.get("authorization")).toBe(authorization("banana", toSign));
  });
});
