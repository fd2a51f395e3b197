/** body-binary.json against the test server's /binary routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome } from "./normalize.js";
import { utf8 } from "./streams.js";

export function bodyBinarySuite(harness: () => Harness): void {
  describe("body-binary", () => {
    it("a binary body is sent as it is, with the media type the operation consumes (JSON bytes as application/json)", async () => {
      const h = harness();
      const m = await h.load("body-binary.json");
      const ctx = h.context();
      expect(await outcome(m["uploadFile"]!(ctx, utf8(JSON.stringify({ more: "cowbell" }))))).toStrictEqual({ value: undefined });
      expect(await outcome(m["uploadBinary"]!(ctx, new Uint8Array([0x00, 0xff, 0x10])))).toStrictEqual({ value: undefined });
    });

    it("a binary operation's error status is read as the service's error, not streamed", async () => {
      const h = harness();
      const m = await h.load("body-binary.json");
      expect(await outcome(m["downloadErrorStream"]!(h.context()))).toStrictEqual({
        error: "RestError 400: I failed on purpose",
      });
    });
  });
}
