/** subscriptionId-apiVersion.json against /subscriptions: a client-level subscriptionId in the path, the api-version query. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { clientClass, insecure } from "./clientClass.js";
import { outcome } from "./normalize.js";

export function subscriptionIdApiVersionSuite(harness: () => Harness): void {
  describe("subscriptionId-apiVersion", () => {
    it("SubscriptionIdAndApiVersion: the resource group is read with the client's subscriptionId and api-version 2014-04-01-preview", async () => {
      const h = harness();
      const Client = clientClass(await h.load("subscriptionId-apiVersion.json"), "MicrosoftAzureTestUrl");
      const client = new Client(h.url, "1234-5678-9012-3456", insecure);
      expect(await outcome(client["group"]!["getSampleResourceGroup"]!("testgroup101"))).toStrictEqual({
        value: { name: "testgroup101", location: "West US" },
      });
    });
  });
}
