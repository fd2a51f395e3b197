/** custom-baseUrl-paging.json against the test server's /paging/customurl routes: relative next links. */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";

type PagedOperation = (...args: unknown[]) => AsyncIterable<unknown>;

export function customBaseUrlPagingSuite(harness: () => Harness): void {
  describe("testserver custom-baseUrl-paging: custom-baseUrl-paging.json", () => {
    const items = async (name: string): Promise<unknown[]> => {
      const h = harness();
      const m = await h.load("custom-baseUrl-paging.json");
      const got: unknown[] = [];
      for await (const item of (m[name] as unknown as PagedOperation)(h.context())) got.push(item);
      return got;
    };

    it("a next link relative to the host is appended to the endpoint (PagingCustomUrlPartialNextLink)", async () => {
      expect(await items("pagingGetPagesPartialUrl")).toEqual([
        { properties: { id: 1, name: "Product" } },
        { properties: { id: 2, name: "Product" } },
      ]);
    });

    it("a partial next link goes into the next-page operation's path template (PagingCustomUrlPartialOperationNextLink)", async () => {
      expect(await items("pagingGetPagesPartialUrlOperation")).toEqual([
        { properties: { id: 1, name: "Product" } },
        { properties: { id: 2, name: "Product" } },
      ]);
    });
  });
}
