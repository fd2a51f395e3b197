/** any-type.json against the test server's /anything routes: bodies of any JSON type. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome, type Outcome } from "./normalize.js";

/** A schema-less body is `unknown`: read as the JSON sent, written with JSON.stringify (a string too). */
const calls: Record<string, { args: unknown[]; result: Outcome }> = {
  getString: { args: [], result: { value: "anything" } },
  putString: { args: ["anything"], result: { value: undefined } },
  getObject: { args: [], result: { value: { message: "An object was successfully returned" } } },
  putObject: { args: [{ foo: "bar" }], result: { value: undefined } },
  getArray: { args: [], result: { value: ["foo", "bar"] } },
  putArray: { args: [["foo", "bar"]], result: { value: undefined } },
};

export function anyTypeSuite(harness: () => Harness): void {
  describe("any-type", () => {
    it("a string, an object and an array go both ways as JSON", async () => {
      const h = harness();
      const m = await h.load("any-type.json");
      const got: Record<string, Outcome> = {};
      for (const [name, { args }] of Object.entries(calls)) {
        got[name] = await outcome(m[name]!(h.context(), ...args));
      }
      expect(got).toStrictEqual(Object.fromEntries(Object.entries(calls).map(([name, { result }]) => [name, result])));
    });
  });
}
