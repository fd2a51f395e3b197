/** object-type.json against the test server's /objectType routes: a model with no properties. */
import { describe, expect, it } from "vitest";
import { RestError } from "@azure/core-rest-pipeline";
import type { Harness } from "../harness.js";
import { outcome } from "./normalize.js";

export function objectTypeSuite(harness: () => Harness): void {
  describe("object-type", () => {
    it("an object without declared properties is read and sent whole", async () => {
      const h = harness();
      const m = await h.load("object-type.json");
      expect(await outcome(m["get"]!(h.context()))).toStrictEqual({ value: { message: "An object was successfully returned" } });
      expect(await outcome(m["put"]!(h.context(), { foo: "bar" }))).toStrictEqual({ value: undefined });
    });

    // Anything but {"foo": "bar"} is a 400 whose body (the spec's default response, an object) is the
    // error's details.
    it("the 400 for another object is a RestError carrying the service's body", async () => {
      const h = harness();
      const m = await h.load("object-type.json");
      const error = await m["put"]!(h.context(), { foo: "baz" }).then(
        () => undefined,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(RestError);
      const restError = error as RestError;
      expect([restError.statusCode, restError.message, restError.details]).toStrictEqual([
        400,
        "The object you passed was incorrect",
        { message: "The object you passed was incorrect" },
      ]);
    });
  });
}
