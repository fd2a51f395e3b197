/** body-formdata-urlencoded.json against the test server's /formsdataurlencoded routes (its "optional" scenarios). */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome } from "./normalize.js";

export function bodyFormdataUrlencodedSuite(harness: () => Harness): void {
  describe("body-formdata-urlencoded", () => {
    it("form fields are sent urlencoded: required ones positional, optional ones from the options, constants written in", async () => {
      const h = harness();
      const m = await h.load("body-formdata-urlencoded.json");
      const ctx = h.context();
      const got = {
        updatePetWithForm: await outcome(m["formdataurlencodedUpdatePetWithForm"]!(ctx, 1, "dog", "meat", 42, { name: "Fido" })),
        partialConstantBody: await outcome(m["formdataurlencodedPartialConstantBody"]!(ctx, "bar", "foo")),
      };
      expect(got).toStrictEqual({ updatePetWithForm: { value: undefined }, partialConstantBody: { value: undefined } });
    });
  });
}
