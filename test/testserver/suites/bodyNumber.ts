/** body-number.json against the test server's /number routes (decimal scenarios are in the optional report). */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

const parseError = {
  name: "RestError",
  message: "The response body of status 200 is not valid JSON",
  code: "PARSE_ERROR",
  statusCode: 200,
};

export function bodyNumberSuite(harness: () => Harness): void {
  describe("body-number", () => {
    it("gets null and refuses invalid float, double and decimal bodies", async () => {
      const h = harness();
      const m = await h.load("body-number.json");
      const ctx = h.context();
      expect(await m["numberGetNull"]!(ctx)).toBeNull();
      await expect(m["numberGetInvalidFloat"]!(ctx)).rejects.toMatchObject(parseError);
      await expect(m["numberGetInvalidDouble"]!(ctx)).rejects.toMatchObject(parseError);
      await expect(m["numberGetInvalidDecimal"]!(ctx)).rejects.toMatchObject(parseError);
    });

    it("big and small floats, doubles and decimals round-trip", async () => {
      const h = harness();
      const m = await h.load("body-number.json");
      const ctx = h.context();
      const cases: Array<[get: string, put: string, value: number]> = [
        ["numberGetBigFloat", "numberPutBigFloat", 3.402823e20],
        ["numberGetBigDouble", "numberPutBigDouble", 2.5976931e101],
        ["numberGetBigDoublePositiveDecimal", "numberPutBigDoublePositiveDecimal", 99999999.99],
        ["numberGetBigDoubleNegativeDecimal", "numberPutBigDoubleNegativeDecimal", -99999999.99],
        ["numberGetBigDecimal", "numberPutBigDecimal", 2.5976931e101],
        ["numberGetBigDecimalPositiveDecimal", "numberPutBigDecimalPositiveDecimal", 99999999.99],
        ["numberGetBigDecimalNegativeDecimal", "numberPutBigDecimalNegativeDecimal", -99999999.99],
        ["numberGetSmallFloat", "numberPutSmallFloat", 3.402823e-20],
        ["numberGetSmallDouble", "numberPutSmallDouble", 2.5976931e-101],
        ["numberGetSmallDecimal", "numberPutSmallDecimal", 2.5976931e-101],
      ];
      const got: Array<[string, unknown]> = [];
      for (const [get, put, value] of cases) {
        got.push([get, await m[get]!(ctx)]);
        expect(await m[put]!(ctx, value)).toBeUndefined();
      }
      expect(got).toEqual(cases.map(([get, , value]) => [get, value]));
    });
  });
}
