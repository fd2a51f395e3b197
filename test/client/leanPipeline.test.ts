import { createHash, createHmac } from "node:crypto";
import { Agent } from "node:http";
import { describe, expect, it } from "vitest";
import { AzureKeyCredential } from "@azure/core-auth";
import { createHttpHeaders, createPipelineRequest, type PipelineRequest, type PipelineResponse } from "@azure/core-rest-pipeline";
import { hmacAuthenticationPolicy } from "../../src/hmacAuthenticationPolicy.js";
import { credentialPolicy } from "../../src/credentialPolicy.js";
import { createIdentityPipeline } from "../../src/pipeline.js";

const KEY = Buffer.from("lean pipeline test key").toString("base64");
const DATE = new Date(Date.UTC(2026, 10, 23, 2, 30, 0));
const DATE_TEXT = "Mon, 23 Nov 2026 02:30:00 GMT";
const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("base64");
const authorization = (key: string, toSign: string) =>
  `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${createHmac("sha256", Buffer.from(key, "base64")).update(toSign).digest("base64")}`;

describe("createIdentityPipeline (composed on an empty pipeline)", () => {
  it("has exactly the policies the client needs, in order, and none of the default pipeline's extras", () => {
    const names = createIdentityPipeline("https://r.communication.azure.com/", credentialPolicy(new AzureKeyCredential(KEY)), {})
      .getOrderedPolicies()
      .map((p) => p.name);
    expect(names).toEqual([
      "proxyPolicy",
      "decompressResponsePolicy",
      "userAgentPolicy",
      "setClientRequestIdPolicy",
      "defaultRetryPolicy",
      "tracingPolicy",
      "redirectPolicy",
      "communicationHmacSha256AuthenticationPolicy",
      "logPolicy",
    ]);
  });

  it("adds the TLS and agent policies only when their options are given, and plain http only for loopback", () => {
    const names = createIdentityPipeline("http://localhost:8080/", credentialPolicy(new AzureKeyCredential(KEY)), {
      tlsOptions: { ca: "x" },
      agent: new Agent(),
    })
      .getOrderedPolicies()
      .map((p) => p.name);
    expect(names.slice(0, 4)).toEqual(["agentPolicy", "tlsPolicy", "proxyPolicy", "decompressResponsePolicy"]);
    expect(names).toContain("communicationIdentityAllowInsecureConnectionPolicy");
  });

  it("allows plain http without opting in exactly for loopback hosts, whatever the URL's case", () => {
    const insecure = (endpoint: string) =>
      createIdentityPipeline(endpoint, credentialPolicy(new AzureKeyCredential(KEY)), {})
        .getOrderedPolicies()
        .some((p) => p.name === "communicationIdentityAllowInsecureConnectionPolicy");
    const endpoints = [
      "HTTP://LOCALHOST:8080",
      "http://127.0.0.1:1",
      "http://[::1]:2",
      "http://10.0.0.1",
      "https://localhost",
      "http://localhost.example",
    ];
    expect(endpoints.filter(insecure)).toEqual(["HTTP://LOCALHOST:8080", "http://127.0.0.1:1", "http://[::1]:2"]);
  });
});

describe("hmacAuthenticationPolicy over many bodies and key rotation", () => {
  async function sign(
    policy: ReturnType<typeof hmacAuthenticationPolicy>,
    path: string,
    body: string | undefined,
  ): Promise<PipelineRequest> {
    const request = createPipelineRequest({ url: `https://h.example${path}`, method: "POST", ...(body === undefined ? {} : { body }) });
    const next = async (req: PipelineRequest): Promise<PipelineResponse> => ({ request: req, status: 200, headers: createHttpHeaders() });
    return (await policy.sendRequest(request, next)).request;
  }

  it("signs repeated and interleaved bodies exactly as a fresh hash would", async () => {
    const policy = hmacAuthenticationPolicy(new AzureKeyCredential(KEY), { now: () => DATE });
    const bodies = Array.from({ length: 20 }, (_, i) => JSON.stringify({ scopes: ["chat"], n: i }));
    const order = [...bodies, ...bodies.slice().reverse(), bodies[0]!, bodies[0]!, "x".repeat(2000)];
    for (const [i, body] of order.entries()) {
      const out = await sign(policy, `/identities/u${i}:issueAccessToken`, body);
      expect(out.headers.get("x-ms-content-sha256")).toBe(sha256(body));
      expect(out.headers.get("authorization")).toBe(
        authorization(KEY, `POST\n/identities/u${i}:issueAccessToken\n${DATE_TEXT};h.example;${sha256(body)}`),
      );
    }
  });

  it("applies a rotated key on the next request with the same body", async () => {
    const credential = new AzureKeyCredential(KEY);
    const policy = hmacAuthenticationPolicy(credential, { now: () => DATE });
    const body = '{"scopes":["chat"]}';
    const toSign = `POST\n/x\n${DATE_TEXT};h.example;${sha256(body)}`;
    expect((await sign(policy, "/x", body)).headers.get("authorization")).toBe(authorization(KEY, toSign));
    const rotated = Buffer.from("rotated").toString("base64");
    credential.update(rotated);
    expect((await sign(policy, "/x", body)).headers.get("authorization")).toBe(authorization(rotated, toSign));
  });

  it("refuses a form-data request even when it also carries a string body", async () => {
    const policy = hmacAuthenticationPolicy(new AzureKeyCredential(KEY), { now: () => DATE });
    const request = createPipelineRequest({ url: "https://h.example/x", method: "POST", body: "{}", formData: { a: "b" } });
    await expect(policy.sendRequest(request, async (r) => ({ request: r, status: 200, headers: createHttpHeaders() }))).rejects.toThrow(
      "HMAC cannot sign a stream, Blob or form body.",
    );
  });
});
