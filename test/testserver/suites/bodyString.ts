/** body-string.json against the test server's /string routes. */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { swaggerDir } from "../generateAll.js";
import type { Harness } from "../harness.js";

/** The multi-byte string is the spec's own constant (it holds compatibility ideographs NFC would fold). */
const mbcs = (
  JSON.parse(readFileSync(join(swaggerDir, "body-string.json"), "utf8").replace(/^\uFEFF/, "")) as {
    paths: Record<string, { put: { parameters: Array<{ schema: { enum: string[] } }> } }>;
  }
).paths["/string/mbcs"]!.put.parameters[0]!.schema.enum[0]!;
const whitespace = "    Now is the time for all good men to come to the aid of their country    ";
const base64UrlText = "a string that gets encoded with base64url";

export function bodyStringSuite(harness: () => Harness): void {
  describe("body-string", () => {
    it("string: null, empty, multi-byte, whitespace, not provided", async () => {
      const h = harness();
      const m = await h.load("body-string.json");
      const ctx = h.context();
      expect(await m["stringGetNull"]!(ctx)).toBeNull();
      expect(await m["stringPutNull"]!(ctx)).toBeUndefined();
      expect(await m["stringGetEmpty"]!(ctx)).toBe("");
      expect(await m["stringPutEmpty"]!(ctx, "")).toBeUndefined();
      expect(await m["stringGetMbcs"]!(ctx)).toBe(mbcs);
      expect(await m["stringPutMbcs"]!(ctx, mbcs)).toBeUndefined();
      expect(await m["stringGetWhitespace"]!(ctx)).toBe(whitespace);
      expect(await m["stringPutWhitespace"]!(ctx, whitespace)).toBeUndefined();
      expect(await m["stringGetNotProvided"]!(ctx)).toBeUndefined();
    });

    it("string: base64 and base64url bytes", async () => {
      const h = harness();
      const m = await h.load("body-string.json");
      const ctx = h.context();
      const text = (bytes: unknown): string => new TextDecoder().decode(bytes as Uint8Array);
      expect(text(await m["stringGetBase64Encoded"]!(ctx))).toBe("a string that gets encoded with base64");
      expect(text(await m["stringGetBase64UrlEncoded"]!(ctx))).toBe(base64UrlText);
      expect(await m["stringPutBase64UrlEncoded"]!(ctx, new TextEncoder().encode(base64UrlText))).toBeUndefined();
    });

    it("string: null base64url bytes (an empty x-nullable body is null)", async () => {
      const h = harness();
      const m = await h.load("body-string.json");
      expect(await m["stringGetNullBase64UrlEncoded"]!(h.context())).toBeNull();
    });

    it("enum: not expandable, referenced, referenced constant", async () => {
      const h = harness();
      const m = await h.load("body-string.json");
      const ctx = h.context();
      expect(await m["enumGetNotExpandable"]!(ctx)).toBe("red color");
      expect(await m["enumPutNotExpandable"]!(ctx, "red color")).toBeUndefined();
      expect(await m["enumGetReferenced"]!(ctx)).toBe("red color");
      expect(await m["enumPutReferenced"]!(ctx, "red color")).toBeUndefined();
      expect(await m["enumGetReferencedConstant"]!(ctx)).toEqual({ field1: "Sample String" });
      expect(await m["enumPutReferencedConstant"]!(ctx, { colorConstant: "green-color" })).toBeUndefined();
    });
  });
}
