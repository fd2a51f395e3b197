/** body-integer.json against the test server's /int routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

const parseError = {
  name: "RestError",
  message: "The response body of status 200 is not valid JSON",
  code: "PARSE_ERROR",
  statusCode: 200,
};

export function bodyIntegerSuite(harness: () => Harness): void {
  describe("body-integer", () => {
    it("gets null, invalid, overflowing and underflowing values as the service sends them", async () => {
      const h = harness();
      const m = await h.load("body-integer.json");
      const ctx = h.context();
      expect(await m["intGetNull"]!(ctx)).toBeNull();
      await expect(m["intGetInvalid"]!(ctx)).rejects.toMatchObject(parseError);
      // Not validated on the client: the number the service sends is what the caller gets.
      expect(await m["intGetOverflowInt32"]!(ctx)).toBe(2147483656);
      expect(await m["intGetUnderflowInt32"]!(ctx)).toBe(-2147483656);
      // The server sends 9223372036854775910, which a JavaScript number holds only approximately.
      expect(await m["intGetOverflowInt64"]!(ctx)).toBe(Number("9223372036854775910"));
      expect(await m["intGetUnderflowInt64"]!(ctx)).toBe(Number("-9223372036854775910"));
    });

    it("puts the 32- and 64-bit extremes", async () => {
      const h = harness();
      const m = await h.load("body-integer.json");
      const ctx = h.context();
      expect(await m["intPutMax32"]!(ctx, 2147483647)).toBeUndefined();
      expect(await m["intPutMin32"]!(ctx, -2147483648)).toBeUndefined();
      expect(await m["intPutMax64"]!(ctx, 9223372036854776000)).toBeUndefined();
      expect(await m["intPutMin64"]!(ctx, -9223372036854776000)).toBeUndefined();
    });

    it("unix time: get, put, invalid", async () => {
      const h = harness();
      const m = await h.load("body-integer.json");
      const ctx = h.context();
      expect(await m["intGetUnixTime"]!(ctx)).toEqual(new Date("2016-04-13T00:00:00Z"));
      expect(await m["intPutUnixTimeDate"]!(ctx, new Date("2016-04-13T00:00:00Z"))).toBeUndefined();
      await expect(m["intGetInvalidUnixTime"]!(ctx)).rejects.toMatchObject(parseError);
    });

    it("unix time: null (an empty x-nullable body is null, not an Invalid Date)", async () => {
      const h = harness();
      const m = await h.load("body-integer.json");
      expect(await m["intGetNullUnixTime"]!(h.context())).toBeNull();
    });
  });
}
