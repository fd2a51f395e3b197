/** url-multi-collectionFormat.json against the test server's /queries/array/multi routes. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

export function urlMultiCollectionFormatSuite(harness: () => Harness): void {
  describe("url-multi-collectionFormat", () => {
    it("a multi array is one query parameter per item (a null item empty), none for an empty, null or absent array", async () => {
      const h = harness();
      const m = await h.load("url-multi-collectionFormat.json");
      const ctx = h.context();
      const urls: string[] = [];
      const onResponse = (response: { request: { url: string } }): void => {
        urls.push(response.request.url.slice(h.url.length));
      };
      await m["queriesArrayStringMultiNull"]!(ctx, { onResponse });
      await m["queriesArrayStringMultiNull"]!(ctx, { arrayQuery: null, onResponse });
      await m["queriesArrayStringMultiEmpty"]!(ctx, { arrayQuery: [], onResponse });
      await m["queriesArrayStringMultiValid"]!(ctx, { arrayQuery: ["ArrayQuery1", "begin!*'();:@ &=+$,/?#[]end", null, ""], onResponse });
      expect(urls).toEqual([
        "/queries/array/multi/string/null",
        "/queries/array/multi/string/null",
        "/queries/array/multi/string/empty",
        "/queries/array/multi/string/valid?arrayQuery=ArrayQuery1&arrayQuery=begin!*'()%3B%3A%40%20%26%3D%2B%24%2C%2F%3F%23%5B%5Dend&arrayQuery=&arrayQuery=",
      ]);
    });
  });
}
