/** required-optional.json against the test server's /reqopt routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

export function requiredOptionalSuite(harness: () => Harness): void {
  describe("required-optional", () => {
    it("an omitted optional parameter, property, header or body is left out of the request", async () => {
      const h = harness();
      const m = await h.load("required-optional.json");
      const ctx = h.context();
      const operations = Object.keys(m)
        .filter((n) => /^(explicit|implicit)(Post|Put)Optional/.test(n))
        .sort();
      expect(operations).toEqual([
        "explicitPostOptionalArrayHeader",
        "explicitPostOptionalArrayParameter",
        "explicitPostOptionalArrayProperty",
        "explicitPostOptionalClassParameter",
        "explicitPostOptionalClassProperty",
        "explicitPostOptionalIntegerHeader",
        "explicitPostOptionalIntegerParameter",
        "explicitPostOptionalIntegerProperty",
        "explicitPostOptionalStringHeader",
        "explicitPostOptionalStringParameter",
        "explicitPostOptionalStringProperty",
        "explicitPutOptionalBinaryBody",
        "implicitPutOptionalBinaryBody",
        "implicitPutOptionalBody",
        "implicitPutOptionalHeader",
        "implicitPutOptionalQuery",
      ]);
      const results = [];
      for (const name of operations) results.push(await m[name]!(ctx));
      expect(results).toEqual(operations.map(() => undefined));
      expect(await m["implicitGetOptionalGlobalQuery"]!({ ...ctx, optionalGlobalQuery: undefined })).toBeUndefined();
      expect(await m["explicitPutRequiredBinaryBody"]!(ctx, new Uint8Array([1, 2, 3]))).toBeUndefined();
    });

    it("a missing required parameter is a TypeError naming it, before anything is sent", async () => {
      const h = harness();
      const m = await h.load("required-optional.json");
      const ctx = h.context();
      const cases: Array<[operation: string, message: string]> = [
        ["explicitPostRequiredArrayHeader", "headerParameter is required"],
        ["explicitPostRequiredArrayParameter", "bodyParameter is required"],
        ["explicitPostRequiredArrayProperty", "bodyParameter is required"],
        ["explicitPostRequiredClassParameter", "bodyParameter is required"],
        ["explicitPostRequiredClassProperty", "bodyParameter is required"],
        ["explicitPostRequiredIntegerHeader", "headerParameter is required"],
        ["explicitPostRequiredIntegerParameter", "bodyParameter is required"],
        ["explicitPostRequiredIntegerProperty", "bodyParameter is required"],
        ["explicitPostRequiredStringHeader", "headerParameter is required"],
        ["explicitPostRequiredStringParameter", "bodyParameter is required"],
        ["explicitPostRequiredStringProperty", "bodyParameter is required"],
        ["explicitPutRequiredBinaryBody", "bodyParameter is required"],
        ["implicitGetRequiredPath", "pathParameter is required"],
      ];
      const got: Array<[string, string]> = [];
      for (const [operation] of cases) {
        const error = await m[operation]!(ctx, null).then(
          () => new Error("resolved"),
          (e: unknown) => e as Error,
        );
        got.push([operation, `${error.name}: ${error.message}`]);
      }
      expect(got).toEqual(cases.map(([operation, message]) => [operation, `TypeError: ${message}`]));
    });

    it("a missing required client-level parameter is refused by the client's constructor", async () => {
      const h = harness();
      const m = await h.load("required-optional.json");
      const { pipeline, httpClient } = h.context();
      const Client = m["AutoRestRequiredOptionalTestService"] as unknown as new (...args: unknown[]) => unknown;
      expect(() => new Client(h.url, null, "q", { pipeline, httpClient })).toThrow(new TypeError("requiredGlobalPath is required"));
      expect(() => new Client(h.url, "p", undefined, { pipeline, httpClient })).toThrow(new TypeError("requiredGlobalQuery is required"));
    });

    it("through the client class: an optional client-level query parameter not given is left out", async () => {
      const h = harness();
      const m = await h.load("required-optional.json");
      const { pipeline, httpClient } = h.context();
      const Client = m["AutoRestRequiredOptionalTestService"] as unknown as new (...args: unknown[]) => {
        implicit: Record<string, () => Promise<unknown>>;
      };
      const client = new Client(h.url, "p", "q", { pipeline, httpClient });
      expect(await client.implicit["getOptionalGlobalQuery"]!()).toBeUndefined();
    });
  });
}
