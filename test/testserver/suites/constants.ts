/** constants.json's client-level constants against /constants/clientConstants (no route checks the other operations). */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { clientClass, insecure } from "./clientClass.js";
import { outcome } from "./normalize.js";

export function constantsSuite(harness: () => Harness): void {
  describe("constants", () => {
    it("ConstantClientProperties: the header, query and path constants are sent without the caller passing them", async () => {
      const h = harness();
      const Client = clientClass(await h.load("constants.json"), "AutoRestSwaggerConstantService");
      const client = new Client(h.url, insecure);
      expect(Object.keys(client).filter((k) => k.endsWith("Constant"))).toStrictEqual([]);
      expect(await outcome(client["contants"]!["putClientConstants"]!())).toStrictEqual({ value: undefined });
    });
  });
}
