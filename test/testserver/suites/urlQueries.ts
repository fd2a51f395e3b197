/** url.json's `queries` and `pathItems` groups against the test server's /queries and /pathitem routes. */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

const { MULTIBYTE_BUFFER } = createRequire(import.meta.url)("@microsoft.azure/autorest.testserver/legacy/util/constants.js") as {
  MULTIBYTE_BUFFER: string;
};
// The third item is null, as the server's own tests send it: a null item is an empty value.
const arrayItems = ["ArrayQuery1", "begin!*'();:@ &=+$,/?#[]end", null, ""];

export function urlQueriesSuite(harness: () => Harness): void {
  describe("url: queries and path items", () => {
    it("constant and given query values are sent as the server expects; omitted ones are left out", async () => {
      const h = harness();
      const m = await h.load("url.json");
      const ctx = h.context();
      const calls: Array<[operation: string, options?: Record<string, unknown>]> = [
        ["queriesGetBooleanTrue"],
        ["queriesGetBooleanFalse"],
        ["queriesGetBooleanNull", {}],
        ["queriesGetIntOneMillion"],
        ["queriesGetIntNegativeOneMillion"],
        ["queriesGetIntNull", {}],
        ["queriesGetTenBillion"],
        ["queriesGetNegativeTenBillion"],
        ["queriesGetLongNull", {}],
        ["queriesFloatScientificPositive"],
        ["queriesFloatScientificNegative"],
        ["queriesFloatNull", {}],
        ["queriesDoubleDecimalPositive"],
        ["queriesDoubleDecimalNegative"],
        ["queriesDoubleNull", {}],
        ["queriesStringUnicode"],
        ["queriesStringUrlEncoded"],
        ["queriesStringEmpty"],
        ["queriesStringNull", {}],
        ["queriesEnumValid", { enumQuery: "green color" }],
        ["queriesEnumNull", {}],
        ["queriesByteMultiByte", { byteQuery: new TextEncoder().encode(MULTIBYTE_BUFFER) }],
        ["queriesByteEmpty"],
        ["queriesByteNull", {}],
        ["queriesDateValid"],
        ["queriesDateNull", {}],
        ["queriesDateTimeValid"],
        ["queriesDateTimeNull", {}],
        ["queriesArrayStringCsvValid", { arrayQuery: arrayItems }],
        ["queriesArrayStringCsvNull", {}],
        ["queriesArrayStringCsvEmpty", { arrayQuery: [] }],
        ["queriesArrayStringNoCollectionFormatEmpty", { arrayQuery: ["hello", "nihao", "bonjour"] }],
        ["queriesArrayStringSsvValid", { arrayQuery: arrayItems }],
        ["queriesArrayStringTsvValid", { arrayQuery: arrayItems }],
        ["queriesArrayStringPipesValid", { arrayQuery: arrayItems }],
      ];
      const failed: string[] = [];
      for (const [operation, options] of calls) {
        const args = options === undefined ? [ctx] : [ctx, options];
        await m[operation]!(...args).catch((e: unknown) => failed.push(`${operation}: ${(e as Error).message}`));
      }
      expect(failed).toEqual([]);
    });

    it("path items: client-level, path-item and operation parameters together", async () => {
      const h = harness();
      const m = await h.load("url.json");
      const base = { ...h.context(), globalStringPath: "globalStringPath" };
      const calls: Array<[string, Record<string, unknown>, Record<string, unknown>]> = [
        [
          "pathItemsGetAllWithValues",
          { globalStringQuery: "globalStringQuery" },
          { pathItemStringQuery: "pathItemStringQuery", localStringQuery: "localStringQuery" },
        ],
        ["pathItemsGetGlobalQueryNull", {}, { pathItemStringQuery: "pathItemStringQuery", localStringQuery: "localStringQuery" }],
        ["pathItemsGetGlobalAndLocalQueryNull", {}, { pathItemStringQuery: "pathItemStringQuery" }],
        ["pathItemsGetLocalPathItemQueryNull", { globalStringQuery: "globalStringQuery" }, {}],
      ];
      const failed: string[] = [];
      for (const [operation, client, options] of calls) {
        await m[operation]!({ ...base, ...client }, "pathItemStringPath", "localStringPath", options).catch((e: unknown) =>
          failed.push(`${operation}: ${(e as Error).message}`),
        );
      }
      expect(failed).toEqual([]);
    });
  });
}
