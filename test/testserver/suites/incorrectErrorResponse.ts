/**
 * incorrect-error-response.json: the error the server sends (444, `text/html` "foobar") is not the declared
 * error model; the caller still gets a RestError with the status and the default message, not a parse error.
 */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { settle } from "./errors.js";

export function incorrectErrorResponseSuite(harness: () => Harness): void {
  describe("incorrect-error-response", () => {
    it("an error body that is not the declared model still gives a RestError with the status (verifyIncorrectErrorParsing)", async () => {
      const h = harness();
      const m = await h.load("incorrect-error-response.json");
      expect(await settle(m["getIncorrectErrorFromServer"]!(h.context()))).toStrictEqual({
        thrown: { name: "RestError", statusCode: 444, message: "The service responded with status 444" },
      });
    });
  });
}
