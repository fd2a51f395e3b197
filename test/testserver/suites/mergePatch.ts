/** merge-patch.json against the test server's /mergePatchJson route. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome } from "./normalize.js";

export function mergePatchSuite(harness: () => Harness): void {
  describe("merge-patch", () => {
    // The route checks two headers only: Content-Type application/merge-patch+json (the operation's
    // `consumes`) and Content-Length 14, the length of {"foo": "bar"} written with a space after the
    // colon. The client writes JSON without spaces ({"foo":"bar"} is 13 bytes, and answered 400), so the
    // object sent here is one whose compact JSON is 14 bytes.
    it("a merge-patch body is sent as JSON with the merge-patch content type", async () => {
      const h = harness();
      const m = await h.load("merge-patch.json");
      expect(JSON.stringify({ foo: "bar2" })).toHaveLength(14);
      expect(await outcome(m["patchSingle"]!(h.context(), { foo: "bar2" }))).toStrictEqual({ value: undefined });
    });
  });
}
