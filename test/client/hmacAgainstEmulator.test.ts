import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AzureKeyCredential } from "@azure/core-auth";
import {
  createDefaultHttpClient,
  createEmptyPipeline,
  createPipelineRequest,
  type PipelinePolicy,
  type PipelineRequest,
} from "@azure/core-rest-pipeline";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { hmacAuthenticationPolicyWith } from "../../src/hmacAuthenticationPolicy.js";
import type { HmacSigner } from "../../src/hmacSigner.js";
import { hmacSigner as nodeSigner } from "../../src/nodeCryptoSigner.js";
import { hmacSigner as webSigner } from "../../src/webCryptoSigner.js";

/**
 * The signing policy against the emulator's verifier (an independent implementation), and
 * tamper tests: a policy placed after signing changes one signed part, and the server refuses.
 * Everything runs with each signer (node:crypto and Web Crypto).
 */
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

const httpClient = createDefaultHttpClient();

describe.each([
  ["node:crypto", nodeSigner],
  ["Web Crypto", webSigner],
] as const)("HMAC signing with the %s signer against the emulator", (_name, signer: HmacSigner) => {
  async function send(tamper?: (req: PipelineRequest) => void, body = '{"createTokenWithScopes":["chat"]}', key = emulator.accessKey) {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(hmacAuthenticationPolicyWith(signer, new AzureKeyCredential(key)), { phase: "Sign" });
    if (tamper) {
      const policy: PipelinePolicy = { name: "tamper", sendRequest: (req, next) => (tamper(req), next(req)) };
      pipeline.addPolicy(policy, { afterPhase: "Sign" });
    }
    const url = new URL("identities?api-version=2021-03-07", emulator.endpoint).href;
    const request = createPipelineRequest({ url, method: "POST", body, allowInsecureConnection: true });
    request.headers.set("content-type", "application/json");
    const response = await pipeline.sendRequest(httpClient, request);
    return { status: response.status, body: response.bodyAsText ? (JSON.parse(response.bodyAsText) as unknown) : undefined };
  }

  it("is accepted untampered, including a non-BMP body and a non-default port", async () => {
    expect(new URL(emulator.endpoint).port).not.toBe("");
    const result = await send();
    expect(result.status).toBe(201);
    const unicode = await send(undefined, '{"createTokenWithScopes":["chat"],"x":"\u{1F600}\u00e9"}');
    // A field no api-version has is ignored by the emulator; what matters is the signature check.
    expect(unicode.status).toBe(201);
  });

  it('is accepted with non-canonical spellings of the key (decoded as Buffer.from(key, "base64"))', async () => {
    const key = emulator.accessKey;
    const bytes = Buffer.from(key, "base64");
    expect(bytes.toString("base64")).toBe(key); // the emulator's own key is canonical
    const spellings = [key.replace(/=+$/, ""), bytes.toString("base64url"), key.replace(/(.{8})/g, "$1\n "), `${key}=not key material`];
    const statuses = [];
    for (const spelling of spellings) statuses.push((await send(undefined, undefined, spelling)).status);
    expect(statuses).toEqual([201, 201, 201, 201]);
  });

  it("fails verification when the body changes after signing", async () => {
    const result = await send((req) => {
      req.body = '{"createTokenWithScopes":["voip"]}';
    });
    expect(result).toEqual({
      status: 401,
      body: { error: { code: "Denied", message: "The x-ms-content-sha256 header does not match the request body." } },
    });
  });

  it("fails verification when the path changes after signing", async () => {
    const result = await send((req) => {
      req.url = req.url.replace("/identities?", "/identities/?");
    });
    expect(result).toEqual({ status: 401, body: { error: { code: "Denied", message: "The request signature is not valid." } } });
  });

  it("fails verification when the query changes after signing", async () => {
    const result = await send((req) => {
      req.url = req.url.replace("2021-03-07", "2022-06-01");
    });
    expect(result).toEqual({ status: 401, body: { error: { code: "Denied", message: "The request signature is not valid." } } });
  });

  it("fails verification when the date changes after signing", async () => {
    const result = await send((req) => {
      const date = new Date(Date.parse(req.headers.get("x-ms-date")!) + 1000).toUTCString();
      req.headers.set("x-ms-date", date);
    });
    expect(result).toEqual({ status: 401, body: { error: { code: "Denied", message: "The request signature is not valid." } } });
  });

  it("fails verification with another key", async () => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(hmacAuthenticationPolicyWith(signer, new AzureKeyCredential(Buffer.from("another key").toString("base64"))), {
      phase: "Sign",
    });
    const request = createPipelineRequest({
      url: new URL("identities?api-version=2021-03-07", emulator.endpoint).href,
      method: "POST",
      body: "{}",
      allowInsecureConnection: true,
    });
    request.headers.set("content-type", "application/json");
    const response = await pipeline.sendRequest(httpClient, request);
    expect(response.status).toBe(401);
    expect(JSON.parse(response.bodyAsText!)).toEqual({ error: { code: "Denied", message: "The request signature is not valid." } });
  });
});
