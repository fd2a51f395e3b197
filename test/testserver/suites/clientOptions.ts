/**
 * A generated client class built from options only (no test pipeline): httpInfrastructure.json's client
 * with `allowInsecureConnection`, `retryOptions` and `additionalPolicies` against the /http routes.
 */
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import { loopbackCookies, type Harness } from "../harness.js";
import { clientClass as classOf, type ClientClass } from "./clientClass.js";
import { outcome } from "./normalize.js";

/** A policy counting the requests it sees. */
function counter(name: string): PipelinePolicy & { count: number } {
  const policy: PipelinePolicy & { count: number } = {
    name,
    count: 0,
    sendRequest(request, next) {
      policy.count += 1;
      return next(request);
    },
  };
  return policy;
}

/** No back-off, so the retry scenarios do not wait seconds. */
const fastRetry = { retryDelayInMs: 1, maxRetryDelayInMs: 1 };

export function clientOptionsSuite(harness: () => Harness): void {
  describe("client options (httpInfrastructure.json's client class)", () => {
    async function clientClass(): Promise<ClientClass> {
      return classOf(await harness().load("httpInfrastructure.json"), "AutoRestHttpInfrastructureTestService");
    }

    it("allowInsecureConnection: true reaches the http test server with no test policy; without it http is refused", async () => {
      const Client = await clientClass();
      const url = harness().url;
      const allowed = new Client(url, { allowInsecureConnection: true });
      expect(await outcome(allowed["httpSuccess"]!["get200"]!())).toStrictEqual({ value: true });
      expect(await outcome(new Client(url)["httpSuccess"]!["get200"]!())).toStrictEqual({
        error: `Error: Cannot connect to ${url}/http/success/200 while allowInsecureConnection is false.`,
      });
    });

    it("retryOptions and additionalPolicies apply: the /http/retry scenarios pass with a fast retry and a perRetry cookie policy", async () => {
      const Client = await clientClass();
      const perCall = counter("perCallCounter");
      const perRetry = counter("perRetryCounter");
      const client = new Client(harness().url, {
        allowInsecureConnection: true,
        retryOptions: fastRetry,
        additionalPolicies: [
          { policy: perCall, position: "perCall" },
          // the server's retry scenarios succeed when the retry sends back the cookie the first answer set
          { policy: loopbackCookies(), position: "perRetry" },
          { policy: perRetry, position: "perRetry" },
        ],
      });
      const retry = client["httpRetry"]!;
      const got = {
        head408: await outcome(retry["head408"]!()),
        put500: await outcome(retry["put500"]!()),
        patch504: await outcome(retry["patch504"]!()),
      };
      expect(got).toStrictEqual({ head408: { value: undefined }, put500: { value: undefined }, patch504: { value: undefined } });
      expect([perCall.count, perRetry.count]).toStrictEqual([3, 6]);
    });

    it("retryOptions.maxRetries 0: the first 502 reaches the caller", async () => {
      const Client = await clientClass();
      const client = new Client(harness().url, { allowInsecureConnection: true, retryOptions: { ...fastRetry, maxRetries: 0 } });
      expect(await outcome(client["httpRetry"]!["get502"]!())).toStrictEqual({
        error: "RestError 502: The service responded with status 502",
      });
    });

    it("a given pipeline with options that build one is refused, naming them", async () => {
      const Client = await clientClass();
      const pipeline = harness().context().pipeline;
      expect(() => new Client(harness().url, { pipeline, allowInsecureConnection: true })).toThrow(
        new TypeError(
          "options.allowInsecureConnection cannot be combined with options.pipeline: they configure the pipeline the client builds; configure the given pipeline instead",
        ),
      );
    });
  });
}
