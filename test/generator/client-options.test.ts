/**
 * A generated client's pipeline options (generator/emit/clientOptions.ts): the generated Identity client
 * built from options only (no hand-built pipeline), against a real HTTP server on 127.0.0.1.
 */
import type { IncomingHttpHeaders } from "node:http";
import { createPipelineFromOptions, type PipelinePolicy } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultApiVersion, IdentityRestClient } from "../../generated/src/index.js";
import { pipelineBuildingOptions, userAgentToken } from "../../generator/emit/clientOptions.js";
import type { CodeModel } from "../../generator/model/types.js";
import { startLoopbackServer, type LoopbackServer } from "../fixtures/loopbackServer.js";
import { rejection } from "../fixtures/rejection.js";

let server: LoopbackServer;
let endpoint = "";
let recorded: Array<{ url: string; headers: IncomingHttpHeaders }> = [];
let statuses: number[] = [];

beforeAll(async () => {
  server = await startLoopbackServer((request, response) => {
    request.resume();
    request.on("end", () => {
      recorded.push({ url: request.url ?? "", headers: request.headers });
      response.writeHead(statuses.shift() ?? 500);
      response.end();
    });
  });
  endpoint = server.url;
});

afterAll(() => server.close());

beforeEach(() => {
  recorded = [];
  statuses = [];
});

/** A policy that counts the requests it sees. */
function counter(name: string): PipelinePolicy & { count: number } {
  const policy = {
    name,
    count: 0,
    sendRequest: (request: Parameters<PipelinePolicy["sendRequest"]>[0], next: Parameters<PipelinePolicy["sendRequest"]>[1]) => {
      policy.count += 1;
      return next(request);
    },
  };
  return policy;
}

const fastRetry = { retryDelayInMs: 1, maxRetryDelayInMs: 1 };

describe("generated client options (Azure CommonClientOptions)", () => {
  it("without allowInsecureConnection an http endpoint is refused before anything is sent", async () => {
    const error = await rejection(new IdentityRestClient(endpoint).communicationIdentity.delete("u1"));
    expect((error as Error).message).toBe(
      `Cannot connect to ${endpoint}/identities/u1?api-version=${defaultApiVersion} while allowInsecureConnection is false.`,
    );
    expect(recorded).toEqual([]);
  });

  it("allowInsecureConnection: true reaches the http endpoint; the user agent is the caller's prefix, the generator's token, then core's", async () => {
    statuses.push(204);
    const client = new IdentityRestClient(endpoint, { allowInsecureConnection: true, userAgentOptions: { userAgentPrefix: "my-app/1.0" } });
    await expect(client.communicationIdentity.delete("u1")).resolves.toBeUndefined();
    expect(recorded.map((r) => r.url)).toEqual([`/identities/u1?api-version=${defaultApiVersion}`]);
    const agent = recorded[0]?.headers["user-agent"] ?? "";
    expect(agent.startsWith("my-app/1.0 acs-gen-identity-rest-client/2026-09-23 core-rest-pipeline/")).toBe(true);
  });

  it("without a prefix the user agent starts with the generator's token", async () => {
    statuses.push(204);
    await new IdentityRestClient(endpoint, { allowInsecureConnection: true }).communicationIdentity.delete("u1");
    expect(recorded[0]?.headers["user-agent"]?.split(" core-rest-pipeline/")[0]).toBe("acs-gen-identity-rest-client/2026-09-23");
  });

  it("retryOptions apply: maxRetries 1 gives up after two attempts, and the 503 reaches the caller", async () => {
    statuses.push(503, 503, 204);
    const client = new IdentityRestClient(endpoint, { allowInsecureConnection: true, retryOptions: { ...fastRetry, maxRetries: 1 } });
    const error = (await rejection(client.communicationIdentity.delete("u1"))) as { statusCode?: number };
    expect(error.statusCode).toBe(503);
    expect(recorded.length).toBe(2);
  });

  it("additionalPolicies: a perCall policy runs once per operation, a perRetry policy on every attempt", async () => {
    statuses.push(503, 503, 204);
    const perCall = counter("perCallCounter");
    const perRetry = counter("perRetryCounter");
    const client = new IdentityRestClient(endpoint, {
      allowInsecureConnection: true,
      retryOptions: { ...fastRetry, maxRetries: 2 },
      additionalPolicies: [
        { policy: perCall, position: "perCall" },
        { policy: perRetry, position: "perRetry" },
      ],
    });
    await expect(client.communicationIdentity.delete("u1")).resolves.toBeUndefined();
    expect([perCall.count, perRetry.count, recorded.length]).toEqual([1, 3, 3]);
  });

  it("a given pipeline is used as is; options that build a pipeline are refused next to it, named in order", () => {
    const pipeline = createPipelineFromOptions({});
    expect(new IdentityRestClient(endpoint, { pipeline }).pipeline).toBe(pipeline);
    expect(
      () => new IdentityRestClient(endpoint, { pipeline, additionalPolicies: [], allowInsecureConnection: false, retryOptions: {} }),
    ).toThrow(
      new TypeError(
        "options.retryOptions, options.allowInsecureConnection, options.additionalPolicies cannot be combined with options.pipeline: " +
          "they configure the pipeline the client builds; configure the given pipeline instead",
      ),
    );
  });

  it("the refused options are PipelineOptions' own plus allowInsecureConnection and additionalPolicies", () => {
    expect(pipelineBuildingOptions).toEqual([
      "retryOptions",
      "proxyOptions",
      "agent",
      "tlsOptions",
      "redirectOptions",
      "userAgentOptions",
      "telemetryOptions",
      "allowInsecureConnection",
      "additionalPolicies",
    ]);
  });

  it("the user-agent token is acs-gen-<client name in kebab case>/<default api-version>, token characters only", () => {
    const model = (name: string, apiVersion?: string, versions: string[] = ["1.0.0"]): CodeModel =>
      ({
        client: { name, ...(apiVersion !== undefined ? { apiVersion: { serializedName: "api-version", defaultValue: apiVersion } } : {}) },
        apiVersions: versions.map((v) => ({ apiVersion: v })),
      }) as unknown as CodeModel;
    expect(userAgentToken(model("IdentityRestClient", "2026-09-23"))).toBe("acs-gen-identity-rest-client/2026-09-23");
    expect(userAgentToken(model("AutoRestURLTestService", "2014-04-01 preview"))).toBe(
      "acs-gen-auto-rest-url-test-service/2014-04-01-preview",
    );
    expect(userAgentToken(model("LROWithParamaterizedEndpoints", undefined, ["0.9", "1.0.0"]))).toBe(
      "acs-gen-lro-with-paramaterized-endpoints/1.0.0",
    );
  });
});
