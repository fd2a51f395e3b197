/** client-enum.json against /clientEnum: a client-level single-value enum header. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { clientClass, insecure } from "./clientClass.js";
import { outcome } from "./normalize.js";

export function clientEnumSuite(harness: () => Harness): void {
  describe("client-enum", () => {
    it("ClientWithEnumParam: the x-ms-enum header is the enum's only value, not taken from the caller", async () => {
      const h = harness();
      const Client = clientClass(await h.load("client-enum.json"), "ClientWithEnum");
      expect(await outcome(new Client(h.url, insecure)["operations"]!["head"]!())).toStrictEqual({ value: undefined });
    });
  });
}
