/** body-array.json against the test server's /array routes: every GET and PUT, one exact result each. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { normalize, outcome, type Outcome } from "./normalize.js";

/**
 * Every GET of the `array` group but the three below, as `normalize` writes its result. Items of the
 * wrong type ("…InvalidString") and nulls in a non-nullable array are passed through: responses are not
 * validated on the client.
 */
const expected: Record<string, Outcome> = {
  arrayGetArrayEmpty: { value: [] },
  arrayGetArrayItemEmpty: { value: [["1", "2", "3"], [], ["7", "8", "9"]] },
  arrayGetArrayItemNull: { value: [["1", "2", "3"], null, ["7", "8", "9"]] },
  arrayGetArrayNull: { value: undefined },
  arrayGetArrayValid: {
    value: [
      ["1", "2", "3"],
      ["4", "5", "6"],
      ["7", "8", "9"],
    ],
  },
  arrayGetBase64Url: {
    value: [
      "bytes(6120737472696e672074686174206765747320656e636f64656420776974682062617365363475726c)",
      "bytes(7465737420737472696e67)",
      "bytes(4c6f72656d20697073756d)",
    ],
  },
  arrayGetBooleanInvalidNull: { value: [true, null, false] },
  arrayGetBooleanInvalidString: { value: [true, "boolean", false] },
  arrayGetBooleanTfft: { value: [true, false, false, true] },
  arrayGetByteValid: { value: ["bytes(fffffffa)", "bytes(010203)", "bytes(252943)"] },
  arrayGetComplexEmpty: { value: [] },
  arrayGetComplexItemEmpty: { value: [{ integer: 1, string: "2" }, {}, { integer: 5, string: "6" }] },
  arrayGetComplexItemNull: { value: [{ integer: 1, string: "2" }, null, { integer: 5, string: "6" }] },
  arrayGetComplexNull: { value: undefined },
  arrayGetComplexValid: {
    value: [
      { integer: 1, string: "2" },
      { integer: 3, string: "4" },
      { integer: 5, string: "6" },
    ],
  },
  arrayGetDateInvalidChars: { value: ["Date(2011-03-22T00:00:00.000Z)", "Invalid Date"] },
  arrayGetDateTimeInvalidChars: { value: ["Date(2000-12-01T00:00:01.000Z)", "Invalid Date"] },
  arrayGetDateTimeRfc1123Valid: {
    value: ["Date(2000-12-01T00:00:01.000Z)", "Date(1980-01-02T00:11:35.000Z)", "Date(1492-10-12T10:15:01.000Z)"],
  },
  arrayGetDateTimeValid: { value: ["Date(2000-12-01T00:00:01.000Z)", "Date(1980-01-01T23:11:35.000Z)", "Date(1492-10-12T18:15:01.000Z)"] },
  arrayGetDateValid: { value: ["Date(2000-12-01T00:00:00.000Z)", "Date(1980-01-02T00:00:00.000Z)", "Date(1492-10-12T00:00:00.000Z)"] },
  arrayGetDictionaryEmpty: { value: [] },
  arrayGetDictionaryItemEmpty: { value: [{ "1": "one", "2": "two", "3": "three" }, {}, { "7": "seven", "8": "eight", "9": "nine" }] },
  arrayGetDictionaryItemNull: { value: [{ "1": "one", "2": "two", "3": "three" }, null, { "7": "seven", "8": "eight", "9": "nine" }] },
  arrayGetDictionaryNull: { value: undefined },
  arrayGetDictionaryValid: {
    value: [
      { "1": "one", "2": "two", "3": "three" },
      { "4": "four", "5": "five", "6": "six" },
      { "7": "seven", "8": "eight", "9": "nine" },
    ],
  },
  arrayGetDoubleInvalidNull: { value: [0, null, -120000000000000000000] },
  arrayGetDoubleInvalidString: { value: [1, "number", 0] },
  arrayGetDoubleValid: { value: [0, -0.01, -120000000000000000000] },
  arrayGetDurationValid: { value: ["P123DT22H14M12.011S", "P5DT1H0M0S"] },
  arrayGetEmpty: { value: [] },
  arrayGetEnumValid: { value: ["foo1", "foo2", "foo3"] },
  arrayGetFloatInvalidNull: { value: [0, null, -120000000000000000000] },
  arrayGetFloatInvalidString: { value: [1, "number", 0] },
  arrayGetFloatValid: { value: [0, -0.01, -120000000000000000000] },
  arrayGetIntInvalidNull: { value: [1, null, 0] },
  arrayGetIntInvalidString: { value: [1, "integer", 0] },
  arrayGetIntegerValid: { value: [1, -1, 3, 300] },
  arrayGetInvalid: { error: "RestError 200: The response body of status 200 is not valid JSON" },
  arrayGetLongInvalidNull: { value: [1, null, 0] },
  arrayGetLongInvalidString: { value: [1, "integer", 0] },
  arrayGetLongValid: { value: [1, -1, 3, 300] },
  arrayGetNull: { value: undefined },
  arrayGetStringEnumValid: { value: ["foo1", "foo2", "foo3"] },
  arrayGetStringValid: { value: ["foo1", "foo2", "foo3"] },
  arrayGetStringWithInvalid: { value: ["foo", 123, "foo2"] },
  arrayGetStringWithNull: { value: ["foo", null, "foo2"] },
  arrayGetUuidInvalidChars: { value: ["6dcc7237-45fe-45c4-8a6b-3a8a3f625652", "foo"] },
  arrayGetUuidValid: {
    value: ["6dcc7237-45fe-45c4-8a6b-3a8a3f625652", "d1399005-30f7-40d6-8da6-dd7c89ad34db", "f42f6aa1-a5bc-4ddf-907e-5f915de43205"],
  },
};

const bytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, "hex"));
const date = (iso: string): Date => new Date(iso);

/**
 * Every PUT of the `array` group and the body it sends; the server answers 400 unless the body is exactly
 * the one it expects (dates as "2000-12-01", date-times as ISO text or RFC 1123, bytes as base64).
 */
const arrayPuts: Record<string, unknown[]> = {
  arrayPutEmpty: [],
  arrayPutBooleanTfft: [true, false, false, true],
  arrayPutIntegerValid: [1, -1, 3, 300],
  arrayPutLongValid: [1, -1, 3, 300],
  arrayPutFloatValid: [0, -0.01, -1.2e20],
  arrayPutDoubleValid: [0, -0.01, -1.2e20],
  arrayPutStringValid: ["foo1", "foo2", "foo3"],
  arrayPutEnumValid: ["foo1", "foo2", "foo3"],
  arrayPutStringEnumValid: ["foo1", "foo2", "foo3"],
  arrayPutUuidValid: [
    "6dcc7237-45fe-45c4-8a6b-3a8a3f625652",
    "d1399005-30f7-40d6-8da6-dd7c89ad34db",
    "f42f6aa1-a5bc-4ddf-907e-5f915de43205",
  ],
  arrayPutDateValid: [date("2000-12-01"), date("1980-01-02"), date("1492-10-12")],
  arrayPutDateTimeValid: [date("2000-12-01T00:00:01Z"), date("1980-01-02T00:11:35Z"), date("1492-10-12T10:15:01Z")],
  arrayPutDateTimeRfc1123Valid: [date("2000-12-01T00:00:01Z"), date("1980-01-02T00:11:35Z"), date("1492-10-12T10:15:01Z")],
  arrayPutDurationValid: ["P123DT22H14M12.011S", "P5DT1H"],
  arrayPutByteValid: [bytes("fffffffa"), bytes("010203"), bytes("252943")],
  arrayPutComplexValid: [
    { integer: 1, string: "2" },
    { integer: 3, string: "4" },
    { integer: 5, string: "6" },
  ],
  arrayPutArrayValid: [
    ["1", "2", "3"],
    ["4", "5", "6"],
    ["7", "8", "9"],
  ],
  arrayPutDictionaryValid: [
    { 1: "one", 2: "two", 3: "three" },
    { 4: "four", 5: "five", 6: "six" },
    { 7: "seven", 8: "eight", 9: "nine" },
  ],
};

export function bodyArraySuite(harness: () => Harness): void {
  describe("body-array", () => {
    it("every GET returns exactly what the server sent, mapped (dates, bytes)", async () => {
      const h = harness();
      const m = await h.load("body-array.json");
      const got: Record<string, Outcome> = {};
      for (const name of Object.keys(expected)) {
        got[name] = await outcome(m[name]!(h.context()));
      }
      expect(got).toStrictEqual(expected);
    });

    // A null item of a date, date-time or byte array stays null: it is not handed to the item's parser
    // (parseDate(null) is 1970-01-01; decodeBytes(null) throws).
    it("null items of date, date-time and byte arrays stay null", async () => {
      const h = harness();
      const m = await h.load("body-array.json");
      const ctx = h.context();
      expect(normalize(await m["arrayGetDateInvalidNull"]!(ctx))).toEqual([
        "Date(2012-01-01T00:00:00.000Z)",
        null,
        "Date(1776-07-04T00:00:00.000Z)",
      ]);
      expect(normalize(await m["arrayGetDateTimeInvalidNull"]!(ctx))).toEqual(["Date(2000-12-01T00:00:01.000Z)", null]);
      expect(normalize(await m["arrayGetByteInvalidNull"]!(ctx))).toEqual(["bytes(abacad)", null]);
    });

    it("every PUT sends exactly the body the server expects", async () => {
      const h = harness();
      const m = await h.load("body-array.json");
      const got: Record<string, Outcome> = {};
      for (const [name, body] of Object.entries(arrayPuts)) {
        got[name] = await outcome(m[name]!(h.context(), body));
      }
      expect(got).toStrictEqual(Object.fromEntries(Object.keys(arrayPuts).map((name) => [name, { value: undefined }])));
    });
  });
}
