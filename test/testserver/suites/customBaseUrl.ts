/**
 * custom-baseUrl.json and custom-baseUrl-more-options.json against the /customUri routes. Their host
 * templates have several parameters (`{accountName}{host}`, `{vault}{secret}{dnsSuffix}`), so the client
 * takes the whole base URL as `endpoint` (generator/emit/endpoint.ts).
 */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { clientClass, insecure } from "./clientClass.js";
import { outcome } from "./normalize.js";

export function customBaseUrlSuite(harness: () => Harness): void {
  describe("custom-baseUrl", () => {
    it("CustomBaseUri: the client sends to the base URL it was given", async () => {
      const h = harness();
      const Client = clientClass(await h.load("custom-baseUrl.json"), "AutoRestParameterizedHostTestClient");
      const client = new Client(h.url, insecure);
      expect(client.endpoint).toBe(h.url);
      expect(await outcome(client["paths"]!["getEmpty"]!())).toStrictEqual({ value: undefined });
    });

    it("a base URL with nothing listening gives the transport's error", async () => {
      const h = harness();
      const m = await h.load("custom-baseUrl.json");
      const got = await outcome(m["pathsGetEmpty"]!({ ...h.context(), endpoint: "http://127.0.0.1:1" }));
      expect(got).toStrictEqual({ error: "RestError: connect ECONNREFUSED 127.0.0.1:1" });
    });

    it("CustomBaseUriMoreOptions: the client-level subscriptionId, the path's keyName and the optional keyVersion query", async () => {
      const h = harness();
      const Client = clientClass(await h.load("custom-baseUrl-more-options.json"), "AutoRestParameterizedCustomHostTestClient");
      const client = new Client(h.url, "test12", insecure);
      expect(await outcome(client["paths"]!["getEmpty"]!("key1", { keyVersion: "v1" }))).toStrictEqual({ value: undefined });
    });

    it("a missing subscriptionId is refused by the constructor", async () => {
      const h = harness();
      const Client = clientClass(await h.load("custom-baseUrl-more-options.json"), "AutoRestParameterizedCustomHostTestClient");
      expect(() => new Client(h.url, undefined, insecure)).toThrow(new TypeError("subscriptionId is required"));
    });
  });
}
