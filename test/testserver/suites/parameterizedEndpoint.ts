/** parameterized-endpoint.json (host template `{endpoint}`) against /parameterizedEndpoint. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { clientClass, insecure } from "./clientClass.js";
import { outcome } from "./normalize.js";

export function parameterizedEndpointSuite(harness: () => Harness): void {
  describe("parameterized-endpoint", () => {
    it("GetParameterizedHostWithNameEndpoint: the endpoint is the template's only parameter, used as given", async () => {
      const h = harness();
      const Client = clientClass(await h.load("parameterized-endpoint.json"), "ParmaterizedEndpointClient");
      const client = new Client(h.url, insecure);
      expect(client.endpoint).toBe(h.url);
      expect(await outcome(client["operations"]!["get"]!())).toStrictEqual({ value: undefined });
    });
  });
}
