/** body-boolean.json against the test server's /bool routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

export function bodyBooleanSuite(harness: () => Harness): void {
  describe("body-boolean", () => {
    it("gets and puts true and false, gets null, and refuses an invalid body", async () => {
      const h = harness();
      const m = await h.load("body-boolean.json");
      const ctx = h.context();
      expect(await m["boolGetTrue"]!(ctx)).toBe(true);
      expect(await m["boolPutTrue"]!(ctx, true)).toBeUndefined();
      expect(await m["boolGetFalse"]!(ctx)).toBe(false);
      expect(await m["boolPutFalse"]!(ctx, false)).toBeUndefined();
      expect(await m["boolGetNull"]!(ctx)).toBeNull();
      await expect(m["boolGetInvalid"]!(ctx)).rejects.toMatchObject({
        name: "RestError",
        message: "The response body of status 200 is not valid JSON",
        code: "PARSE_ERROR",
        statusCode: 200,
      });
    });
  });
}
