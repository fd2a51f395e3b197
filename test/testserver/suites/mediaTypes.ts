/** media_types.json against the test server's /mediatypes routes: one body, several media types (the contentType option). */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { outcome } from "./normalize.js";
import { utf8 } from "./streams.js";

export function mediaTypesSuite(harness: () => Harness): void {
  describe("media_types", () => {
    it("a model body goes as JSON by default; contentType sends bytes as another media type", async () => {
      const h = harness();
      const m = await h.load("media_types.json");
      const ctx = h.context();
      const got = {
        json: await outcome(m["analyzeBody"]!(ctx, { input: { source: "anything" } })),
        pdf: await outcome(m["analyzeBody"]!(ctx, { input: utf8("PDF"), contentType: "application/pdf" })),
        noAcceptJson: await outcome(m["analyzeBodyNoAcceptHeader"]!(ctx, { input: { source: "anything" } })),
        noAcceptPdf: await outcome(m["analyzeBodyNoAcceptHeader"]!(ctx, { input: utf8("PDF"), contentType: "application/pdf" })),
      };
      expect(got).toStrictEqual({
        json: { value: "Nice job with JSON" },
        pdf: { value: "Nice job with PDF" },
        noAcceptJson: { value: undefined },
        noAcceptPdf: { value: undefined },
      });
    });

    it("a media type with parameters is sent as the spec writes it", async () => {
      const h = harness();
      const m = await h.load("media_types.json");
      expect(await outcome(m["contentTypeWithEncoding"]!(h.context(), { input: "hello" }))).toStrictEqual({
        value: "Nice job sending content type with encoding",
      });
    });

    it("a binary body is sent as application/octet-stream by default, or as the media type contentType names", async () => {
      const h = harness();
      const m = await h.load("media_types.json");
      const ctx = h.context();
      const json = utf8(JSON.stringify({ hello: "world" }));
      const got = {
        twoOctet: await outcome(m["binaryBodyWithTwoContentTypes"]!(ctx, utf8("hello, world"))),
        twoJson: await outcome(m["binaryBodyWithTwoContentTypes"]!(ctx, json, { contentType: "application/json" })),
        threeOctet: await outcome(m["binaryBodyWithThreeContentTypes"]!(ctx, utf8("hello, world"))),
        threeJson: await outcome(m["binaryBodyWithThreeContentTypes"]!(ctx, json, { contentType: "application/json" })),
        threeText: await outcome(m["binaryBodyWithThreeContentTypes"]!(ctx, utf8("hello, world"), { contentType: "text/plain" })),
        wrong: await outcome(m["binaryBodyWithTwoContentTypes"]!(ctx, json, { contentType: "text/csv" })),
      };
      expect(got).toStrictEqual({
        twoOctet: { value: undefined },
        twoJson: { value: undefined },
        threeOctet: { value: undefined },
        threeJson: { value: undefined },
        threeText: { value: undefined },
        wrong: { error: "RestError 400: The service responded with status 400" },
      });
    });

    it("an untyped body is JSON by default, a string as text/plain, bytes as application/octet-stream", async () => {
      const h = harness();
      const m = await h.load("media_types.json");
      const ctx = h.context();
      const got = {
        json: await outcome(m["bodyThreeTypes"]!(ctx, { hello: "world" })),
        text: await outcome(m["bodyThreeTypes"]!(ctx, "hello, world", { contentType: "text/plain" })),
        octet: await outcome(m["bodyThreeTypes"]!(ctx, utf8("hello, world"), { contentType: "application/octet-stream" })),
      };
      expect(got).toStrictEqual({ json: { value: undefined }, text: { value: undefined }, octet: { value: undefined } });
    });
  });
}
