/**
 * multiapi-v1-custom-base-url.json and multiapi-v2-custom-base-url.json (host template
 * `{Endpoint}/multiapiCustomBaseUrl/v1` and `/v2`) against /multiapiCustomBaseUrl: the client fills the
 * template in, so the fixed part after the endpoint is sent (optional scenarios).
 */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { clientClass, insecure } from "./clientClass.js";
import { outcome } from "./normalize.js";

export function multiapiCustomBaseUrlSuite(harness: () => Harness): void {
  describe("multiapi custom base url", () => {
    for (const [spec, version, id, scenario] of [
      ["multiapi-v1-custom-base-url.json", "v1", 1, "MultiapiCustomBaseUrlApiVersionOne"],
      ["multiapi-v2-custom-base-url.json", "v2", 2, "MultiapiCustomBaseUrlApiVersionTwo"],
    ] as const) {
      it(`${scenario}: requests go to <endpoint>/multiapiCustomBaseUrl/${version}, a trailing slash of the endpoint dropped`, async () => {
        const h = harness();
        const Client = clientClass(await h.load(spec), "MultiapiCustomBaseUrlServiceClient");
        const client = new Client(`${h.url}/`, insecure);
        expect(client.endpoint).toBe(`${h.url}/multiapiCustomBaseUrl/${version}`);
        expect(await outcome(client["operations"]!["test"]!(id))).toStrictEqual({ value: undefined });
      });
    }
  });
}
