import { createHash, createHmac } from "node:crypto";
import { afterEach, describe, expect, it } from "vitest";
import { AzureKeyCredential } from "@azure/core-auth";
import { AzureLogger, getLogLevel, setLogLevel } from "@azure/logger";
import {
  createHttpHeaders,
  createPipelineRequest,
  type HttpClient,
  type PipelineRequest,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";
import { credentialPolicy } from "../../src/credentialPolicy.js";
import { createIdentityPipeline } from "../../src/pipeline.js";
import { SDK_VERSION } from "../../src/version.js";

const KEY = Buffer.from("pipeline test key").toString("base64");
const URL_TEXT = "http://127.0.0.1:9999/identities?api-version=2021-03-07";

/** Recomputes the signature of a captured request with node:crypto, independently of the policy. */
function expectedAuthorization(req: PipelineRequest, key: string): string {
  const url = new URL(req.url);
  const body = typeof req.body === "string" ? req.body : "";
  const hash = createHash("sha256").update(body, "utf8").digest("base64");
  expect(req.headers.get("x-ms-content-sha256")).toBe(hash);
  const toSign = `${req.method}\n${url.pathname}${url.search}\n${req.headers.get("x-ms-date")};${url.host};${hash}`;
  const sig = createHmac("sha256", Buffer.from(key, "base64")).update(toSign).digest("base64");
  return `HMAC-SHA256 SignedHeaders=x-ms-date;host;x-ms-content-sha256&Signature=${sig}`;
}

function recordingClient(statuses: number[]): { client: HttpClient; seen: Array<{ req: PipelineRequest; auth: string; body: unknown }> } {
  const seen: Array<{ req: PipelineRequest; auth: string; body: unknown }> = [];
  const client: HttpClient = {
    async sendRequest(req): Promise<PipelineResponse> {
      seen.push({ req, auth: req.headers.get("authorization") ?? "", body: req.body });
      const status = statuses[Math.min(seen.length - 1, statuses.length - 1)] ?? 200;
      return { request: req, status, headers: createHttpHeaders({ "x-ms-request-id": "rid-1" }), bodyAsText: "{}" };
    },
  };
  return { client, seen };
}

describe("createIdentityPipeline", () => {
  afterEach(() => {
    setLogLevel(undefined);
  });

  it("orders caller policies before signing, and logging after it", () => {
    const noop = (name: string) => ({
      name,
      sendRequest: (r: PipelineRequest, n: (r: PipelineRequest) => Promise<PipelineResponse>) => n(r),
    });
    const pipeline = createIdentityPipeline(URL_TEXT, credentialPolicy(new AzureKeyCredential(KEY)), {
      additionalPolicies: [
        { policy: noop("perRetryX"), position: "perRetry" },
        { policy: noop("perCallX"), position: "perCall" },
      ],
    });
    const names = pipeline.getOrderedPolicies().map((p) => p.name);
    const at = (name: string) => names.indexOf(name);
    expect(at("perCallX")).toBeGreaterThan(-1);
    expect(at("perCallX")).toBeLessThan(at("defaultRetryPolicy"));
    expect(at("perRetryX")).toBeGreaterThan(at("defaultRetryPolicy"));
    expect(at("redirectPolicy")).toBeLessThan(at("communicationHmacSha256AuthenticationPolicy"));
    expect(at("perRetryX")).toBeLessThan(at("communicationHmacSha256AuthenticationPolicy"));
    expect(names.slice(-2)).toEqual(["communicationHmacSha256AuthenticationPolicy", "logPolicy"]);
  });

  it("signs what a per-retry policy changed, and signs again on every retry", async () => {
    let attempt = 0;
    const pipeline = createIdentityPipeline(URL_TEXT, credentialPolicy(new AzureKeyCredential(KEY)), {
      retryOptions: { maxRetries: 2, retryDelayInMs: 1, maxRetryDelayInMs: 2 },
      additionalPolicies: [
        {
          position: "perRetry",
          policy: {
            name: "rewriteBodyPerAttempt",
            sendRequest(req, next) {
              attempt += 1;
              req.body = JSON.stringify({ attempt, text: "\u{1F600}" });
              req.url = `${URL_TEXT}&attempt=${attempt}`;
              return next(req);
            },
          },
        },
      ],
    });
    const { client, seen } = recordingClient([503, 503, 201]);
    const response = await pipeline.sendRequest(client, createPipelineRequest({ url: URL_TEXT, method: "POST", body: "{}" }));
    expect(response.status).toBe(201);
    expect(seen.map((s) => s.body)).toEqual([
      '{"attempt":1,"text":"\u{1F600}"}',
      '{"attempt":2,"text":"\u{1F600}"}',
      '{"attempt":3,"text":"\u{1F600}"}',
    ]);
    // The request object is reused across attempts: compare each recorded header with what the
    // attempt's body and URL require.
    const auths = seen.map((s) => s.auth);
    expect(new Set(auths).size).toBe(3);
    expect(auths[2]).toBe(expectedAuthorization(seen[2]!.req, KEY));
  });

  it("never logs the Authorization header, the signature or the key", async () => {
    const lines: string[] = [];
    const original = AzureLogger.log;
    AzureLogger.log = (...args: unknown[]) => {
      lines.push(args.map(String).join(" "));
    };
    setLogLevel("verbose");
    try {
      const pipeline = createIdentityPipeline(URL_TEXT, credentialPolicy(new AzureKeyCredential(KEY)), {
        loggingOptions: { additionalAllowedHeaderNames: ["Authorization", "x-ms-request-id"] },
      });
      const { client, seen } = recordingClient([200]);
      await pipeline.sendRequest(client, createPipelineRequest({ url: URL_TEXT, method: "POST", body: "{}" }));
      const signature = seen[0]!.auth.split("Signature=")[1]!;
      const text = lines.join("\n");
      expect(getLogLevel()).toBe("verbose");
      expect(text).toContain("communication-identity");
      expect(text).toMatch(/"authorization": "REDACTED"/i);
      expect(text).toContain('"x-ms-request-id": "rid-1"');
      expect(text).not.toContain(signature);
      expect(text).not.toContain(KEY);
      expect(text).not.toContain("HMAC-SHA256 SignedHeaders");
    } finally {
      AzureLogger.log = original;
    }
  });

  it("sends the user-agent prefix before the SDK's own", async () => {
    const pipeline = createIdentityPipeline(URL_TEXT, credentialPolicy(new AzureKeyCredential(KEY)), {
      userAgentOptions: { userAgentPrefix: "myapp/1.2" },
    });
    const { client, seen } = recordingClient([200]);
    await pipeline.sendRequest(client, createPipelineRequest({ url: URL_TEXT, method: "POST", body: "{}" }));
    expect(seen[0]!.req.headers.get("user-agent")).toMatch(
      new RegExp(`^myapp/1\\.2 azsdk-js-communication-identity-acsgen/${SDK_VERSION.replace(/\./g, "\\.")} core-rest-pipeline/`),
    );
  });
});
