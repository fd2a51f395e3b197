/** head.json and head-exceptions.json against the test server's /http/success routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome, type Outcome } from "./normalize.js";

export function headSuite(harness: () => Harness): void {
  describe("head", () => {
    it("a HEAD operation that declares a 404 returns a boolean: true for 200 and 204, false for 404", async () => {
      const h = harness();
      const m = await h.load("head.json");
      const got: Record<string, Outcome> = {};
      for (const name of ["httpSuccessHead200", "httpSuccessHead204", "httpSuccessHead404"]) {
        got[name] = await outcome(m[name]!(h.context()));
      }
      expect(got).toStrictEqual({
        httpSuccessHead200: { value: true },
        httpSuccessHead204: { value: true },
        httpSuccessHead404: { value: false },
      });
    });

    it("a HEAD operation without a declared 404 returns nothing, and its 404 is a RestError", async () => {
      const h = harness();
      const m = await h.load("head-exceptions.json");
      const got: Record<string, Outcome> = {};
      for (const name of ["headExceptionHead200", "headExceptionHead204", "headExceptionHead404"]) {
        got[name] = await outcome(m[name]!(h.context()));
      }
      expect(got).toStrictEqual({
        headExceptionHead200: { value: undefined },
        headExceptionHead204: { value: undefined },
        headExceptionHead404: { error: "RestError 404: The service responded with status 404" },
      });
    });
  });
}
