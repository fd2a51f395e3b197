/** lro-parameterized-endpoints.json against /lroParameterizedEndpoints and /lroConstantParameterizedEndpoints. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { clientClass, insecure } from "./clientClass.js";
import { outcome } from "./normalize.js";

type Poller = { pollUntilDone(): Promise<unknown> };

export function lroParameterizedEndpointsSuite(harness: () => Harness): void {
  describe("lro-parameterized-endpoints", () => {
    it('LROParameterizedEndpoint, LROConstantParameterizedPost and LROConstantParameterizedGet: both polled to "success"', async () => {
      const h = harness();
      const Client = clientClass(await h.load("lro-parameterized-endpoints.json"), "LROWithParamaterizedEndpoints");
      const operations = new Client(h.url, insecure)["operations"]!;
      const run = async (name: string): Promise<unknown> =>
        ((await operations[name]!({ updateIntervalInMs: 1 })) as Poller).pollUntilDone();
      expect({
        pollWithParameterizedEndpoints: await outcome(run("pollWithParameterizedEndpoints")),
        pollWithConstantParameterizedEndpoints: await outcome(run("pollWithConstantParameterizedEndpoints")),
      }).toStrictEqual({
        pollWithParameterizedEndpoints: { value: "success" },
        pollWithConstantParameterizedEndpoints: { value: "success" },
      });
    });
  });
}
