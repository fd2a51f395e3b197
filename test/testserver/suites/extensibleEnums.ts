/** extensible-enums-swagger.json against the test server's /extensibleenums routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome, type Outcome } from "./normalize.js";

/**
 * Extensible enums (x-ms-enum modelAsString) are open: a value the spec does not list ("Weekend", an
 * IntEnum of "2.1") is read as it comes, and any value is sent as it is.
 */
const calls: Record<string, { operation: string; args: unknown[]; result: Outcome }> = {
  expectedEnum: {
    operation: "petGetByPetId",
    args: ["tommy"],
    result: { value: { name: "Tommy Tomson", daysOfWeek: "Monday", intEnum: "1" } },
  },
  unexpectedEnum: {
    operation: "petGetByPetId",
    args: ["casper"],
    result: { value: { name: "Casper Ghosty", daysOfWeek: "Weekend", intEnum: "2" } },
  },
  allowedValueEnum: {
    operation: "petGetByPetId",
    args: ["scooby"],
    result: { value: { name: "Scooby Scarface", daysOfWeek: "Thursday", intEnum: "2.1" } },
  },
  // The route echoes the pet it was sent (and answers 400 unless its name is "Retriever").
  roundTripEnum: {
    operation: "petAddPet",
    args: [{ petParam: { name: "Retriever", intEnum: "2", daysOfWeek: "Friday" } }],
    result: { value: { name: "Retriever", daysOfWeek: "Friday", intEnum: "2" } },
  },
};

export function extensibleEnumsSuite(harness: () => Harness): void {
  describe("extensible-enums-swagger", () => {
    it("values outside the enum are read and sent as they are", async () => {
      const h = harness();
      const m = await h.load("extensible-enums-swagger.json");
      const got: Record<string, Outcome> = {};
      for (const [scenario, { operation, args }] of Object.entries(calls)) {
        got[scenario] = await outcome(m[operation]!(h.context(), ...args));
      }
      expect(got).toStrictEqual(Object.fromEntries(Object.entries(calls).map(([scenario, { result }]) => [scenario, result])));
    });
  });
}
