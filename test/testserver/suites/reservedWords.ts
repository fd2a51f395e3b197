/** reserved-words.json against the test server's /reservedWords routes: parameters named like reserved or generated names. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome } from "./normalize.js";
import { utf8 } from "./streams.js";

export function reservedWordsSuite(harness: () => Harness): void {
  describe("reserved-words", () => {
    it("a group, body, form fields and parameters named import, content, json, data, files, url, headerParameters", async () => {
      const h = harness();
      const m = await h.load("reserved-words.json");
      const ctx = h.context();
      const got = {
        importOperationOne: await outcome(m["importOperationOne"]!(ctx, "foo")),
        operationWithContentParam: await outcome(m["operationWithContentParam"]!(ctx, utf8("hello, world"))),
        operationWithJsonParam: await outcome(m["operationWithJsonParam"]!(ctx, { hello: "world" })),
        operationWithDataParam: await outcome(m["operationWithDataParam"]!(ctx, "hello", "world")),
        operationWithFilesParam: await outcome(m["operationWithFilesParam"]!(ctx, utf8("Test file"), "my.txt")),
        operationWithUrl: await outcome(m["operationWithUrl"]!(ctx, "foo", "x-ms-header", { queryParameters: ["one", "two"] })),
        reservedEnum: await outcome(m["reservedEnum"]!(ctx, "import")),
      };
      expect(got).toStrictEqual({
        importOperationOne: { value: undefined },
        operationWithContentParam: { value: undefined },
        operationWithJsonParam: { value: undefined },
        operationWithDataParam: { value: undefined },
        operationWithFilesParam: { value: undefined },
        operationWithUrl: { value: undefined },
        reservedEnum: { value: undefined },
      });
    });
  });
}
