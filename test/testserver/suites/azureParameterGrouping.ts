/** azure-parameter-grouping.json against the test server's /parameterGrouping routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

export function azureParameterGroupingSuite(harness: () => Harness): void {
  describe("azure-parameter-grouping", () => {
    it("a group with a required value is one positional object; its values reach the path, body, header and query", async () => {
      const h = harness();
      const m = await h.load("azure-parameter-grouping.json");
      const ctx = h.context();
      await expect(
        m["parameterGroupingPostRequired"]!(ctx, { path: "path", body: 1234, customHeader: "header", query: 21 }),
      ).resolves.toBeUndefined();
      // without the group, the check names it before anything is sent
      await expect(m["parameterGroupingPostRequired"]!(ctx, undefined)).rejects.toThrow(
        new TypeError("parameterGroupingPostRequiredParameters is required"),
      );
      await expect(m["parameterGroupingPostRequired"]!(ctx, { body: 1234 })).rejects.toThrow(
        new TypeError("parameterGroupingPostRequiredParameters.path is required"),
      );
    });

    it("optional groups are options; a group's name (name, postfix or the operation's) names its option", async () => {
      const h = harness();
      const m = await h.load("azure-parameter-grouping.json");
      const ctx = h.context();
      const calls: Array<[operation: string, options: Record<string, unknown>]> = [
        ["parameterGroupingPostOptional", { parameterGroupingPostOptionalParameters: { customHeader: "header", query: 21 } }],
        ["parameterGroupingPostOptional", {}],
        ["parameterGroupingPostReservedWords", { parameterGroupingPostReservedWordsParameters: { from: "bob", accept: "yes" } }],
        [
          "parameterGroupingPostMultiParamGroups",
          {
            firstParameterGroup: { headerOne: "header", queryOne: 21 },
            parameterGroupingPostMultiParamGroupsSecondParamGroup: { headerTwo: "header2", queryTwo: 42 },
          },
        ],
        ["parameterGroupingPostSharedParameterGroupObject", { firstParameterGroup: { headerOne: "header", queryOne: 21 } }],
        ["parameterGroupingGroupWithConstant", { grouper: { groupedConstant: "foo", groupedParameter: "bar" } }],
      ];
      const failed: string[] = [];
      for (const [operation, options] of calls) {
        await m[operation]!(ctx, options).catch((e: unknown) => failed.push(`${operation}: ${(e as Error).message}`));
      }
      expect(failed).toEqual([]);
    });
  });
}
