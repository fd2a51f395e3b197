/** additionalProperties.json against the test server's /additionalProperties routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome, type Outcome } from "./normalize.js";

const picture = Buffer.from([255, 255, 255, 255, 254]).toString("base64");

/**
 * Each PUT sends a pet with properties its model does not declare, next to the declared ones (under
 * their wire names: `odataLocation` is `@odata.location`); a property named `additionalProperties` is
 * an ordinary property. The route answers 400 unless the body is exactly the one it expects, else
 * echoes it with the read-only `status: true`, read back with the extra properties kept as they came.
 */
const creates: Record<string, { body: Record<string, unknown>; result: Outcome }> = {
  petsCreateAPTrue: {
    body: { id: 1, name: "Puppy", birthdate: "2017-12-13T02:29:51Z", complexProperty: { color: "Red" } },
    result: { value: { id: 1, name: "Puppy", birthdate: "2017-12-13T02:29:51Z", complexProperty: { color: "Red" }, status: true } },
  },
  petsCreateCatAPTrue: {
    body: { id: 1, name: "Lisa", friendly: true, birthdate: "2017-12-13T02:29:51Z", complexProperty: { color: "Red" } },
    result: {
      value: { id: 1, name: "Lisa", friendly: true, birthdate: "2017-12-13T02:29:51Z", complexProperty: { color: "Red" }, status: true },
    },
  },
  petsCreateAPObject: {
    body: {
      id: 2,
      name: "Hira",
      siblings: [{ id: 1, name: "Puppy", birthdate: "2017-12-13T02:29:51Z", complexProperty: { color: "Red" } }],
      picture,
    },
    result: {
      value: {
        id: 2,
        name: "Hira",
        siblings: [{ id: 1, name: "Puppy", birthdate: "2017-12-13T02:29:51Z", complexProperty: { color: "Red" } }],
        picture,
        status: true,
      },
    },
  },
  petsCreateAPString: {
    body: { id: 3, name: "Tommy", color: "red", weight: "10 kg", city: "Bombay" },
    result: { value: { id: 3, name: "Tommy", color: "red", weight: "10 kg", city: "Bombay", status: true } },
  },
  petsCreateAPInProperties: {
    body: { id: 4, name: "Bunny", additionalProperties: { height: 5.61, weight: 599, footsize: 11.5 } },
    result: { value: { id: 4, name: "Bunny", additionalProperties: { height: 5.61, weight: 599, footsize: 11.5 }, status: true } },
  },
  petsCreateAPInPropertiesWithAPString: {
    body: {
      id: 5,
      name: "Funny",
      odataLocation: "westus",
      additionalProperties: { height: 5.61, weight: 599, footsize: 11.5 },
      color: "red",
      city: "Seattle",
      food: "tikka masala",
    },
    result: {
      value: {
        id: 5,
        name: "Funny",
        odataLocation: "westus",
        additionalProperties: { height: 5.61, weight: 599, footsize: 11.5 },
        color: "red",
        city: "Seattle",
        food: "tikka masala",
        status: true,
      },
    },
  },
};

export function additionalPropertiesSuite(harness: () => Harness): void {
  describe("additionalProperties", () => {
    it("undeclared properties are sent and read back next to the declared ones", async () => {
      const h = harness();
      const m = await h.load("additionalProperties.json");
      const got: Record<string, Outcome> = {};
      for (const [name, { body }] of Object.entries(creates)) {
        got[name] = await outcome(m[name]!(h.context(), body));
      }
      expect(got).toStrictEqual(Object.fromEntries(Object.entries(creates).map(([name, { result }]) => [name, result])));
    });
  });
}
