/** header.json against the test server's /header routes. */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

/** The server's own multi-byte constant (compatibility ideographs that a copy could normalize). */
const { MULTIBYTE_BUFFER } = createRequire(import.meta.url)("@microsoft.azure/autorest.testserver/legacy/util/constants.js") as {
  MULTIBYTE_BUFFER: string;
};

export function headerSuite(harness: () => Harness): void {
  describe("header", () => {
    it("sends every primitive as a header parameter the way the server expects it", async () => {
      const h = harness();
      const m = await h.load("header.json");
      const ctx = h.context();
      const calls: Array<[operation: string, ...args: unknown[]]> = [
        ["headerParamExistingKey", "overwrite"],
        ["headerParamProtectedKey", "text/html"],
        ["headerParamInteger", "positive", 1],
        ["headerParamInteger", "negative", -2],
        ["headerParamLong", "positive", 105],
        ["headerParamLong", "negative", -2],
        ["headerParamFloat", "positive", 0.07],
        ["headerParamFloat", "negative", -3.0],
        ["headerParamDouble", "positive", 7e120],
        ["headerParamDouble", "negative", -3.0],
        ["headerParamBool", "true", true],
        ["headerParamBool", "false", false],
        ["headerParamString", "valid", { value: "The quick brown fox jumps over the lazy dog" }],
        ["headerParamString", "null", {}],
        ["headerParamString", "empty", { value: "" }],
        ["headerParamEnum", "valid", { value: "GREY" }],
        ["headerParamEnum", "null", {}],
        ["headerParamDate", "valid", new Date("2010-01-01T00:00:00Z")],
        ["headerParamDate", "min", new Date("0001-01-01T00:00:00Z")],
        ["headerParamDatetime", "valid", new Date("2010-01-01T12:34:56Z")],
        ["headerParamDatetime", "min", new Date("0001-01-01T00:00:00Z")],
        ["headerParamDatetimeRfc1123", "valid", { value: new Date("2010-01-01T12:34:56Z") }],
        ["headerParamDatetimeRfc1123", "min", { value: new Date("0001-01-01T00:00:00Z") }],
        ["headerParamDuration", "valid", "P123DT22H14M12.011S"],
        ["headerParamByte", "valid", new TextEncoder().encode(MULTIBYTE_BUFFER)],
      ];
      const failed: string[] = [];
      for (const [operation, ...args] of calls) {
        await m[operation]!(ctx, ...args).catch((e: unknown) => failed.push(`${operation} ${String(args[0])}: ${(e as Error).message}`));
      }
      expect(failed).toEqual([]);
    });

    it("sends x-ms-client-request-id given as a custom header", async () => {
      const h = harness();
      const m = await h.load("header.json");
      const requestId = "9C4D50EE-2D56-4CD3-8152-34347DC9F2B0";
      expect(
        await m["headerCustomRequestId"]!(h.context(), { requestOptions: { customHeaders: { "x-ms-client-request-id": requestId } } }),
      ).toBeUndefined();
    });

    // A bodiless operation returns the response headers the spec declares, read as their types.
    it("receives every primitive as a response header, parsed", async () => {
      const h = harness();
      const m = await h.load("header.json");
      const ctx = h.context();
      const calls: Array<[operation: string, scenario: string, expected: unknown]> = [
        ["headerResponseInteger", "positive", { value: 1 }],
        ["headerResponseInteger", "negative", { value: -2 }],
        ["headerResponseLong", "positive", { value: 105 }],
        ["headerResponseLong", "negative", { value: -2 }],
        ["headerResponseFloat", "positive", { value: 0.07 }],
        ["headerResponseFloat", "negative", { value: -3 }],
        ["headerResponseDouble", "positive", { value: 7e120 }],
        ["headerResponseDouble", "negative", { value: -3 }],
        ["headerResponseBool", "true", { value: true }],
        ["headerResponseBool", "false", { value: false }],
        ["headerResponseString", "valid", { value: "The quick brown fox jumps over the lazy dog" }],
        ["headerResponseString", "null", { value: "null" }],
        // An empty header value reaches the pipeline response as no header at all: left out.
        ["headerResponseString", "empty", {}],
        ["headerResponseEnum", "valid", { value: "GREY" }],
        ["headerResponseEnum", "null", {}],
        ["headerResponseDate", "valid", { value: new Date("2010-01-01T00:00:00Z") }],
        ["headerResponseDate", "min", { value: new Date("0001-01-01T00:00:00Z") }],
        ["headerResponseDatetime", "valid", { value: new Date("2010-01-01T12:34:56Z") }],
        ["headerResponseDatetime", "min", { value: new Date("0001-01-01T00:00:00Z") }],
        ["headerResponseDatetimeRfc1123", "valid", { value: new Date("2010-01-01T12:34:56Z") }],
        ["headerResponseDatetimeRfc1123", "min", { value: new Date("0001-01-01T00:00:00Z") }],
        ["headerResponseDuration", "valid", { value: "P123DT22H14M12.011S" }],
        ["headerResponseByte", "valid", { value: new Uint8Array(Buffer.from(MULTIBYTE_BUFFER)) }],
      ];
      const got: Array<[string, string, unknown]> = [];
      for (const [operation, scenario] of calls) {
        got.push([operation, scenario, await m[operation]!(ctx, scenario)]);
      }
      expect(got).toStrictEqual(calls);
      expect(await m["headerResponseExistingKey"]!(ctx)).toStrictEqual({ userAgent: "overwrite" });
      expect(await m["headerResponseProtectedKey"]!(ctx)).toStrictEqual({ contentType: "text/html; charset=utf-8" });
    });
  });
}
