/** body-datetime.json against the test server's /datetime routes: every operation, one exact result each. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { normalize, outcome, type Outcome } from "./normalize.js";

const date = (iso: string): Date => new Date(iso);

/**
 * Every GET, as `normalize` writes its result. Text that is no date-time ("201O-18-90D00:89:56.9AX", the
 * month 00 of the underflow) is an Invalid Date: responses are not validated on the client. An offset
 * is applied (the overflow, 9999-12-31T23:59:59.999-14:00, is in the year 10000 in UTC). The min/utc and
 * min/local*offset responses are single-value date-time enums in the spec: read as Dates like any
 * date-time (the spec spells one "0001-01-01t00:00:00+14:00"; the server sends a capital T).
 */
const gets: Record<string, Outcome> = {
  datetimeGetNull: { value: null },
  datetimeGetInvalid: { value: "Invalid Date" },
  datetimeGetOverflow: { value: "Date(+010000-01-01T13:59:59.999Z)" },
  datetimeGetUnderflow: { value: "Invalid Date" },
  datetimeGetUtcLowercaseMaxDateTime: { value: "Date(9999-12-31T23:59:59.999Z)" },
  datetimeGetUtcUppercaseMaxDateTime: { value: "Date(9999-12-31T23:59:59.999Z)" },
  // Optional scenario: seven digits of fraction, read to the millisecond.
  datetimeGetUtcUppercaseMaxDateTime7Digits: { value: "Date(9999-12-31T23:59:59.999Z)" },
  datetimeGetLocalPositiveOffsetLowercaseMaxDateTime: { value: "Date(9999-12-31T09:59:59.999Z)" },
  datetimeGetLocalPositiveOffsetUppercaseMaxDateTime: { value: "Date(9999-12-31T09:59:59.999Z)" },
  datetimeGetLocalNegativeOffsetLowercaseMaxDateTime: { value: "Date(+010000-01-01T13:59:59.999Z)" },
  datetimeGetLocalNegativeOffsetUppercaseMaxDateTime: { value: "Date(+010000-01-01T13:59:59.999Z)" },
  datetimeGetUtcMinDateTime: { value: "Date(0001-01-01T00:00:00.000Z)" },
  datetimeGetLocalPositiveOffsetMinDateTime: { value: "Date(0000-12-31T10:00:00.000Z)" },
  datetimeGetLocalNegativeOffsetMinDateTime: { value: "Date(0001-01-01T14:00:00.000Z)" },
  // No offset (not RFC 3339): read as `new Date` and core-client read it, in the local time zone.
  datetimeGetLocalNoOffsetMinDateTime: { value: normalize(new Date("0001-01-01T00:00:00")) },
};

/**
 * Every PUT but the seven-digit one and the Date it sends (written as ISO 8601 UTC); the server answers
 * 400 unless it reads the same instant. The offset PUTs are optional scenarios. Not sent:
 * datetimePutUtcMaxDateTime7Digits (optional putDateTimeMaxUtc7MS), whose route wants the text to end in
 * ".9999999Z": a Date holds milliseconds, so the client writes ".999Z".
 */
const puts: Record<string, Date> = {
  datetimePutUtcMaxDateTime: date("9999-12-31T23:59:59.999Z"),
  datetimePutLocalPositiveOffsetMaxDateTime: date("9999-12-31T23:59:59.999+14:00"),
  datetimePutLocalNegativeOffsetMaxDateTime: date("9999-12-31T23:59:59.999-14:00"),
  datetimePutUtcMinDateTime: date("0001-01-01T00:00:00Z"),
  datetimePutLocalPositiveOffsetMinDateTime: date("0001-01-01T00:00:00+14:00"),
  datetimePutLocalNegativeOffsetMinDateTime: date("0001-01-01T00:00:00-14:00"),
};

export function bodyDatetimeSuite(harness: () => Harness): void {
  describe("body-datetime", () => {
    it("every GET returns exactly what the server sent, read as a Date", async () => {
      const h = harness();
      const m = await h.load("body-datetime.json");
      const got: Record<string, Outcome> = {};
      for (const name of Object.keys(gets)) {
        got[name] = await outcome(m[name]!(h.context()));
      }
      expect(got).toStrictEqual(gets);
    });

    it("every PUT sends the instant the server expects", async () => {
      const h = harness();
      const m = await h.load("body-datetime.json");
      const got: Record<string, Outcome> = {};
      for (const [name, body] of Object.entries(puts)) {
        got[name] = await outcome(m[name]!(h.context(), body));
      }
      expect(got).toStrictEqual(Object.fromEntries(Object.keys(puts).map((name) => [name, { value: undefined }])));
    });
  });
}
