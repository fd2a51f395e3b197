/** body-byte, body-date, body-datetime-rfc1123, body-duration and body-time against their test-server routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

const isInvalidDate = (value: unknown): boolean => value instanceof Date && Number.isNaN(value.getTime());
const nonAscii = new Uint8Array([255, 254, 253, 252, 251, 250, 249, 248, 247, 246]);

export function bodyPrimitivesSuite(harness: () => Harness): void {
  describe("body-byte", () => {
    it("non-ASCII bytes round-trip as base64; empty is no bytes; invalid base64 is refused", async () => {
      const h = harness();
      const m = await h.load("body-byte.json");
      const ctx = h.context();
      expect(await m["byteGetNonAscii"]!(ctx)).toEqual(nonAscii);
      expect(await m["bytePutNonAscii"]!(ctx, nonAscii)).toBeUndefined();
      expect(await m["byteGetEmpty"]!(ctx)).toEqual(new Uint8Array());
      // Text that is not base64 is a RestError PARSE_ERROR, not the decoder's own error.
      await expect(m["byteGetInvalid"]!(ctx)).rejects.toMatchObject({
        name: "RestError",
        code: "PARSE_ERROR",
        message: "The service sent bytes that are not base64 or base64url",
      });
    });

    // The response is not x-nullable and the server sends null as an empty body: returned as it
    // comes (undefined, as for an unmapped result), not handed to the decoder.
    it("null bytes: an empty body is undefined", async () => {
      const h = harness();
      const m = await h.load("body-byte.json");
      expect(await m["byteGetNull"]!(h.context())).toBeUndefined();
    });
  });

  describe("body-date", () => {
    it("max and min round-trip as yyyy-mm-dd; null is null; invalid values are Invalid Dates", async () => {
      const h = harness();
      const m = await h.load("body-date.json");
      const ctx = h.context();
      expect(await m["dateGetMaxDate"]!(ctx)).toEqual(new Date("9999-12-31T00:00:00Z"));
      expect(await m["datePutMaxDate"]!(ctx, new Date("9999-12-31T00:00:00Z"))).toBeUndefined();
      expect(await m["datePutMinDate"]!(ctx, new Date("0001-01-01T00:00:00Z"))).toBeUndefined();
      // The spec declares the min date a single-value enum ("0000-01-01"): read as a Date all the same.
      expect(await m["dateGetMinDate"]!(ctx)).toEqual(new Date("0001-01-01T00:00:00Z"));
      expect(await m["dateGetNull"]!(ctx)).toBeNull();
      const invalid = [];
      for (const name of ["dateGetInvalidDate", "dateGetOverflowDate", "dateGetUnderflowDate"]) {
        invalid.push([name, isInvalidDate(await m[name]!(ctx))]);
      }
      expect(invalid).toEqual([
        ["dateGetInvalidDate", true],
        ["dateGetOverflowDate", true],
        ["dateGetUnderflowDate", true],
      ]);
    });
  });

  describe("body-datetime-rfc1123", () => {
    it("max and min round-trip as RFC 1123; null is null", async () => {
      const h = harness();
      const m = await h.load("body-datetime-rfc1123.json");
      const ctx = h.context();
      const max = new Date("9999-12-31T23:59:59Z");
      expect(await m["datetimerfc1123GetUtcLowercaseMaxDateTime"]!(ctx)).toEqual(max);
      expect(await m["datetimerfc1123GetUtcUppercaseMaxDateTime"]!(ctx)).toEqual(max);
      expect(await m["datetimerfc1123PutUtcMaxDateTime"]!(ctx, max)).toBeUndefined();
      expect(await m["datetimerfc1123PutUtcMinDateTime"]!(ctx, new Date("0001-01-01T00:00:00Z"))).toBeUndefined();
      // A single-value enum in the spec ("Sun, 1 Jan 0001 ..."): the "Mon, 01 Jan 0001" sent is read as a Date.
      expect(await m["datetimerfc1123GetUtcMinDateTime"]!(ctx)).toEqual(new Date("0001-01-01T00:00:00Z"));
      expect(await m["datetimerfc1123GetNull"]!(ctx)).toBeNull();
      expect(await m["datetimerfc1123GetOverflow"]!(ctx)).toEqual(new Date("+010000-01-01T00:00:00Z"));
      expect(isInvalidDate(await m["datetimerfc1123GetInvalid"]!(ctx))).toBe(true);
      expect(isInvalidDate(await m["datetimerfc1123GetUnderflow"]!(ctx))).toBe(true);
    });
  });

  describe("body-duration and body-time", () => {
    it("durations and times are ISO strings, passed through", async () => {
      const h = harness();
      const ctx = h.context();
      const duration = await h.load("body-duration.json");
      expect(await duration["durationGetPositiveDuration"]!(ctx)).toBe("P3Y6M4DT12H30M5S");
      expect(await duration["durationPutPositiveDuration"]!(ctx, "P123DT22H14M12.011S")).toBeUndefined();
      expect(await duration["durationGetNull"]!(ctx)).toBeNull();
      expect(await duration["durationGetInvalid"]!(ctx)).toBe("123ABC");
      const time = await h.load("body-time.json");
      expect(await time["timeGet"]!(ctx)).toBe("11:34:56");
      expect(await time["timePut"]!(ctx, "08:07:56")).toBe("Nice job posting time");
    });
  });
}
