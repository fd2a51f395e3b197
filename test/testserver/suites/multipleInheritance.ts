/** multiple-inheritance.json against the test server's /multipleInheritance routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome, type Outcome } from "./normalize.js";

/**
 * A model with two parents (Cat: Pet and Feline) reads and writes the properties of both. Each GET gives
 * the server's model; each PUT sends the one the route expects and returns the route's JSON string.
 */
const calls: Record<string, { args: unknown[]; result: Outcome }> = {
  getPet: { args: [], result: { value: { name: "Peanut" } } },
  putPet: { args: [{ name: "Butter" }], result: { value: "Pet was correct!" } },
  getHorse: { args: [], result: { value: { name: "Fred", isAShowHorse: true } } },
  putHorse: { args: [{ name: "General", isAShowHorse: false }], result: { value: "Horse was correct!" } },
  getFeline: { args: [], result: { value: { meows: true, hisses: true } } },
  putFeline: { args: [{ meows: false, hisses: true }], result: { value: "Feline was correct!" } },
  getCat: { args: [], result: { value: { name: "Whiskers", likesMilk: true, meows: true, hisses: true } } },
  putCat: { args: [{ name: "Boots", likesMilk: false, meows: true, hisses: false }], result: { value: "Cat was correct!" } },
  getKitten: { args: [], result: { value: { name: "Gatito", likesMilk: true, meows: true, hisses: true, eatsMiceYet: false } } },
  putKitten: {
    args: [{ name: "Kitty", likesMilk: false, meows: true, hisses: false, eatsMiceYet: true }],
    result: { value: "Kitten was correct!" },
  },
};

export function multipleInheritanceSuite(harness: () => Harness): void {
  describe("multiple-inheritance", () => {
    it("models with several parents read and write every inherited property", async () => {
      const h = harness();
      const m = await h.load("multiple-inheritance.json");
      const got: Record<string, Outcome> = {};
      for (const [name, { args }] of Object.entries(calls)) {
        got[name] = await outcome(m[name]!(h.context(), ...args));
      }
      expect(got).toStrictEqual(Object.fromEntries(Object.entries(calls).map(([name, { result }]) => [name, result])));
    });
  });
}
