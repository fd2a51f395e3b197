/** non-string-enum.json against the test server's /nonStringEnums routes: integer and number enums. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome, type Outcome } from "./normalize.js";

/** An integer or number enum is a JSON number both ways; the PUT routes answer with a JSON string. */
const calls: Record<string, { args: unknown[]; result: Outcome }> = {
  intPut: { args: [{ input: 200 }], result: { value: "Nice job posting an int enum" } },
  intGet: { args: [], result: { value: 429 } },
  floatPut: { args: [{ input: 200.4 }], result: { value: "Nice job posting a float enum" } },
  floatGet: { args: [], result: { value: 429.1 } },
};

export function nonStringEnumSuite(harness: () => Harness): void {
  describe("non-string-enum", () => {
    it("integer and number enum values go both ways as numbers", async () => {
      const h = harness();
      const m = await h.load("non-string-enum.json");
      const got: Record<string, Outcome> = {};
      for (const [name, { args }] of Object.entries(calls)) {
        got[name] = await outcome(m[name]!(h.context(), ...args));
      }
      expect(got).toStrictEqual(Object.fromEntries(Object.entries(calls).map(([name, { result }]) => [name, result])));
    });
  });
}
