/** body-dictionary.json against the test server's /dictionary routes: every GET and PUT, one exact result each. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { normalize, outcome, type Outcome } from "./normalize.js";

/**
 * Every GET of the `dictionary` group but the three below, as `normalize` writes its result. Values of
 * the wrong type and nulls are passed through (responses are not validated on the client); a null key
 * (`{"null": …}` written without quotes) is not JSON.
 */
const expected: Record<string, Outcome> = {
  dictionaryGetArrayEmpty: { value: {} },
  dictionaryGetArrayItemEmpty: { value: { "0": ["1", "2", "3"], "1": [], "2": ["7", "8", "9"] } },
  dictionaryGetArrayItemNull: { value: { "0": ["1", "2", "3"], "1": null, "2": ["7", "8", "9"] } },
  dictionaryGetArrayNull: { value: null },
  dictionaryGetArrayValid: { value: { "0": ["1", "2", "3"], "1": ["4", "5", "6"], "2": ["7", "8", "9"] } },
  dictionaryGetBase64Url: {
    value: {
      "0": "bytes(6120737472696e672074686174206765747320656e636f64656420776974682062617365363475726c)",
      "1": "bytes(7465737420737472696e67)",
      "2": "bytes(4c6f72656d20697073756d)",
    },
  },
  dictionaryGetBooleanInvalidNull: { value: { "0": true, "1": null, "2": false } },
  dictionaryGetBooleanInvalidString: { value: { "0": true, "1": "boolean", "2": false } },
  dictionaryGetBooleanTfft: { value: { "0": true, "1": false, "2": false, "3": true } },
  dictionaryGetByteValid: { value: { "0": "bytes(fffffffa)", "1": "bytes(010203)", "2": "bytes(252943)" } },
  dictionaryGetComplexEmpty: { value: {} },
  dictionaryGetComplexItemEmpty: { value: { "0": { integer: 1, string: "2" }, "1": {}, "2": { integer: 5, string: "6" } } },
  dictionaryGetComplexItemNull: { value: { "0": { integer: 1, string: "2" }, "1": null, "2": { integer: 5, string: "6" } } },
  dictionaryGetComplexNull: { value: null },
  dictionaryGetComplexValid: {
    value: { "0": { integer: 1, string: "2" }, "1": { integer: 3, string: "4" }, "2": { integer: 5, string: "6" } },
  },
  dictionaryGetDateInvalidChars: { value: { "0": "Date(2011-03-22T00:00:00.000Z)", "1": "Invalid Date" } },
  dictionaryGetDateTimeInvalidChars: { value: { "0": "Date(2000-12-01T00:00:01.000Z)", "1": "Invalid Date" } },
  dictionaryGetDateTimeRfc1123Valid: {
    value: { "0": "Date(2000-12-01T00:00:01.000Z)", "1": "Date(1980-01-02T00:11:35.000Z)", "2": "Date(1492-10-12T10:15:01.000Z)" },
  },
  dictionaryGetDateTimeValid: {
    value: { "0": "Date(2000-12-01T00:00:01.000Z)", "1": "Date(1980-01-01T23:11:35.000Z)", "2": "Date(1492-10-12T18:15:01.000Z)" },
  },
  dictionaryGetDateValid: {
    value: { "0": "Date(2000-12-01T00:00:00.000Z)", "1": "Date(1980-01-02T00:00:00.000Z)", "2": "Date(1492-10-12T00:00:00.000Z)" },
  },
  dictionaryGetDictionaryEmpty: { value: {} },
  dictionaryGetDictionaryItemEmpty: {
    value: { "0": { "1": "one", "2": "two", "3": "three" }, "1": {}, "2": { "7": "seven", "8": "eight", "9": "nine" } },
  },
  dictionaryGetDictionaryItemNull: {
    value: { "0": { "1": "one", "2": "two", "3": "three" }, "1": null, "2": { "7": "seven", "8": "eight", "9": "nine" } },
  },
  dictionaryGetDictionaryNull: { value: undefined },
  dictionaryGetDictionaryValid: {
    value: {
      "0": { "1": "one", "2": "two", "3": "three" },
      "1": { "4": "four", "5": "five", "6": "six" },
      "2": { "7": "seven", "8": "eight", "9": "nine" },
    },
  },
  dictionaryGetDoubleInvalidNull: { value: { "0": 0, "1": null, "2": -120000000000000000000 } },
  dictionaryGetDoubleInvalidString: { value: { "0": 1, "1": "number", "2": 0 } },
  dictionaryGetDoubleValid: { value: { "0": 0, "1": -0.01, "2": -120000000000000000000 } },
  dictionaryGetDurationValid: { value: { "0": "P123DT22H14M12.011S", "1": "P5DT1H" } },
  dictionaryGetEmpty: { value: {} },
  dictionaryGetEmptyStringKey: { value: { "": "val1" } },
  dictionaryGetFloatInvalidNull: { value: { "0": 0, "1": null, "2": -120000000000000000000 } },
  dictionaryGetFloatInvalidString: { value: { "0": 1, "1": "number", "2": 0 } },
  dictionaryGetFloatValid: { value: { "0": 0, "1": -0.01, "2": -120000000000000000000 } },
  dictionaryGetIntInvalidNull: { value: { "0": 1, "1": null, "2": 0 } },
  dictionaryGetIntInvalidString: { value: { "0": 1, "1": "integer", "2": 0 } },
  dictionaryGetIntegerValid: { value: { "0": 1, "1": -1, "2": 3, "3": 300 } },
  dictionaryGetInvalid: { error: "RestError 200: The response body of status 200 is not valid JSON" },
  dictionaryGetLongInvalidNull: { value: { "0": 1, "1": null, "2": 0 } },
  dictionaryGetLongInvalidString: { value: { "0": 1, "1": "integer", "2": 0 } },
  dictionaryGetLongValid: { value: { "0": 1, "1": -1, "2": 3, "3": 300 } },
  dictionaryGetNull: { value: undefined },
  dictionaryGetNullKey: { error: "RestError 200: The response body of status 200 is not valid JSON" },
  dictionaryGetNullValue: { value: { key1: null } },
  dictionaryGetStringValid: { value: { "0": "foo1", "1": "foo2", "2": "foo3" } },
  dictionaryGetStringWithInvalid: { value: { "0": "foo", "1": 123, "2": "foo2" } },
  dictionaryGetStringWithNull: { value: { "0": "foo", "1": null, "2": "foo2" } },
};

const bytes = (hex: string): Uint8Array => new Uint8Array(Buffer.from(hex, "hex"));
const date = (iso: string): Date => new Date(iso);
/** A dictionary keyed "0", "1", ... as the server's routes write them. */
const indexed = (values: unknown[]): Record<string, unknown> => Object.fromEntries(values.map((v, i) => [String(i), v]));

/**
 * Every PUT of the `dictionary` group and the body it sends; the server answers 400 unless the body is
 * exactly the one it expects (dates as "2000-12-01", date-times as ISO text or RFC 1123, bytes as base64).
 */
const dictionaryPuts: Record<string, Record<string, unknown>> = {
  dictionaryPutEmpty: {},
  dictionaryPutBooleanTfft: indexed([true, false, false, true]),
  dictionaryPutIntegerValid: indexed([1, -1, 3, 300]),
  dictionaryPutLongValid: indexed([1, -1, 3, 300]),
  dictionaryPutFloatValid: indexed([0, -0.01, -1.2e20]),
  dictionaryPutDoubleValid: indexed([0, -0.01, -1.2e20]),
  dictionaryPutStringValid: indexed(["foo1", "foo2", "foo3"]),
  dictionaryPutDateValid: indexed([date("2000-12-01"), date("1980-01-02"), date("1492-10-12")]),
  dictionaryPutDateTimeValid: indexed([date("2000-12-01T00:00:01Z"), date("1980-01-01T23:11:35Z"), date("1492-10-12T18:15:01Z")]),
  dictionaryPutDateTimeRfc1123Valid: indexed([date("2000-12-01T00:00:01Z"), date("1980-01-02T00:11:35Z"), date("1492-10-12T10:15:01Z")]),
  dictionaryPutDurationValid: indexed(["P123DT22H14M12.011S", "P5DT1H"]),
  dictionaryPutByteValid: indexed([bytes("fffffffa"), bytes("010203"), bytes("252943")]),
  dictionaryPutComplexValid: indexed([
    { integer: 1, string: "2" },
    { integer: 3, string: "4" },
    { integer: 5, string: "6" },
  ]),
  dictionaryPutArrayValid: indexed([
    ["1", "2", "3"],
    ["4", "5", "6"],
    ["7", "8", "9"],
  ]),
  dictionaryPutDictionaryValid: indexed([
    { 1: "one", 2: "two", 3: "three" },
    { 4: "four", 5: "five", 6: "six" },
    { 7: "seven", 8: "eight", 9: "nine" },
  ]),
};

export function bodyDictionarySuite(harness: () => Harness): void {
  describe("body-dictionary", () => {
    it("every GET returns exactly what the server sent, mapped (dates, bytes)", async () => {
      const h = harness();
      const m = await h.load("body-dictionary.json");
      const got: Record<string, Outcome> = {};
      for (const name of Object.keys(expected)) {
        got[name] = await outcome(m[name]!(h.context()));
      }
      expect(got).toStrictEqual(expected);
    });

    // As for arrays, a null value of a date, date-time or byte dictionary stays null (it is not parsed).
    it("null values of date, date-time and byte dictionaries stay null", async () => {
      const h = harness();
      const m = await h.load("body-dictionary.json");
      const ctx = h.context();
      expect(normalize(await m["dictionaryGetDateInvalidNull"]!(ctx))).toEqual({
        0: "Date(2012-01-01T00:00:00.000Z)",
        1: null,
        2: "Date(1776-07-04T00:00:00.000Z)",
      });
      expect(normalize(await m["dictionaryGetDateTimeInvalidNull"]!(ctx))).toEqual({ 0: "Date(2000-12-01T00:00:01.000Z)", 1: null });
      expect(normalize(await m["dictionaryGetByteInvalidNull"]!(ctx))).toEqual({ 0: "bytes(abacad)", 1: null });
    });

    it("every PUT sends exactly the body the server expects", async () => {
      const h = harness();
      const m = await h.load("body-dictionary.json");
      const got: Record<string, Outcome> = {};
      for (const [name, body] of Object.entries(dictionaryPuts)) {
        got[name] = await outcome(m[name]!(h.context(), body));
      }
      expect(got).toStrictEqual(Object.fromEntries(Object.keys(dictionaryPuts).map((name) => [name, { value: undefined }])));
    });
  });
}
