/** url.json's `paths` group against the test server's /paths routes (values in the URL path). */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

const { MULTIBYTE_BUFFER } = createRequire(import.meta.url)("@microsoft.azure/autorest.testserver/legacy/util/constants.js") as {
  MULTIBYTE_BUFFER: string;
};

export function urlPathsSuite(harness: () => Harness): void {
  describe("url: paths", () => {
    it("constant path parameters (single-value enums) are written into the path", async () => {
      const h = harness();
      const m = await h.load("url.json");
      const ctx = h.context();
      const constants = [
        "pathsGetBooleanTrue",
        "pathsGetBooleanFalse",
        "pathsGetIntOneMillion",
        "pathsGetIntNegativeOneMillion",
        "pathsGetTenBillion",
        "pathsGetNegativeTenBillion",
        "pathsFloatScientificPositive",
        "pathsFloatScientificNegative",
        "pathsDoubleDecimalPositive",
        "pathsDoubleDecimalNegative",
        "pathsStringUnicode",
        "pathsStringUrlEncoded",
        "pathsStringUrlNonEncoded",
        "pathsStringEmpty",
        "pathsByteEmpty",
        "pathsDateValid",
        "pathsDateTimeValid",
      ];
      const failed: string[] = [];
      for (const name of constants) {
        await m[name]!(ctx).catch((e: unknown) => failed.push(`${name}: ${(e as Error).message}`));
      }
      expect(failed).toEqual([]);
    });

    it("path arguments are encoded as one segment each", async () => {
      const h = harness();
      const m = await h.load("url.json");
      const ctx = h.context();
      expect(await m["pathsEnumValid"]!(ctx, "green color")).toBeUndefined();
      expect(await m["pathsByteMultiByte"]!(ctx, new TextEncoder().encode(MULTIBYTE_BUFFER))).toBeUndefined();
      expect(await m["pathsBase64Url"]!(ctx, new TextEncoder().encode("lorem"))).toBeUndefined();
      expect(await m["pathsArrayCsvInPath"]!(ctx, ["ArrayPath1", "begin!*'();:@ &=+$,/?#[]end", "", ""])).toBeUndefined();
      expect(await m["pathsUnixTimeUrl"]!(ctx, new Date("2016-04-13T00:00:00Z"))).toBeUndefined();
    });

    it("a null path argument is a TypeError naming it", async () => {
      const h = harness();
      const m = await h.load("url.json");
      const ctx = h.context();
      const cases: Array<[string, string]> = [
        ["pathsStringNull", "stringPath"],
        ["pathsEnumNull", "enumPath"],
        ["pathsByteNull", "bytePath"],
        ["pathsDateNull", "datePath"],
        ["pathsDateTimeNull", "dateTimePath"],
      ];
      const got: string[] = [];
      for (const [name] of cases) {
        got.push(
          await m[name]!(ctx, null).then(
            () => "resolved",
            (e: unknown) => `${(e as Error).name}: ${(e as Error).message}`,
          ),
        );
      }
      expect(got).toEqual(cases.map(([, parameter]) => `TypeError: ${parameter} is required`));
    });
  });
}
