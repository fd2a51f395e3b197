/**
 * paging.json against the test server's /paging routes: every pageable operation read to its last
 * page (items, pages, next-page operations, a long-running operation whose final result pages), plus
 * the paging operations of multiapi-v1.json and multiapi-v3.json.
 */
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { normalize, outcome } from "./normalize.js";

interface Paged extends AsyncIterableIterator<unknown> {
  byPage(settings?: { continuationToken?: string }): AsyncIterableIterator<unknown>;
}
type PagedOperation = (...args: unknown[]) => Paged;

/** Every item of an iterator, normalized, or the error that ended it (items read before it are kept). */
async function readAll(iterator: AsyncIterable<unknown>): Promise<{ items: unknown[] } & Partial<{ error: string }>> {
  const items: unknown[] = [];
  try {
    for await (const item of iterator) items.push(normalize(item));
    return { items };
  } catch (e) {
    const result = await outcome(Promise.reject(e));
    return { items, ...("error" in result ? { error: result.error } : {}) };
  }
}

/** A Product of the /paging routes. */
const product = (id: number, name = "product"): unknown => ({ properties: { id, name } });
/** Ids 1 (the first page's "Product") to 10: the ten pages of /paging/multiple and its siblings. */
const tenPages = (first = product(1, "Product")): unknown[] => [first, ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((id) => product(id))];

export function pagingSuite(harness: () => Harness): void {
  describe("testserver paging: paging.json", () => {
    const call = async (name: string, ...args: unknown[]): Promise<Paged> => {
      const h = harness();
      const m = await h.load("paging.json");
      return (m[name] as unknown as PagedOperation)(h.context(), ...args);
    };

    it("single pages: no item name (value), nextLinkName null (the response's link is not followed), one page, empty next link, x-ms-client-name items", async () => {
      const got: Record<string, unknown> = {};
      for (const name of [
        "pagingGetNoItemNamePages",
        "pagingGetNullNextLinkNamePages",
        "pagingGetSinglePages",
        "pagingGetEmptyNextLinkNamePages",
        "pagingGetPagingModelWithItemNameWithXMSClientName",
      ]) {
        got[name] = await readAll(await call(name));
      }
      const one = { items: [product(1, "Product")] };
      expect(got).toEqual({
        pagingGetNoItemNamePages: one,
        pagingGetNullNextLinkNamePages: one,
        pagingGetSinglePages: one,
        pagingGetEmptyNextLinkNamePages: one,
        pagingGetPagingModelWithItemNameWithXMSClientName: one,
      });
    });

    it("a GET list with a body sends it on the first page (PagingSingleWithBodyParams)", async () => {
      expect(await readAll(await call("pagingGetSinglePagesWithBodyParams", { name: "body" }))).toEqual({ items: [product(1, "Product")] });
    });

    it("ten pages by absolute next links, with headers; odata.nextLink; a path parameter; retries of the first and second page", async () => {
      // maxresults and timeout are a parameter group (x-ms-parameter-grouping); offset is in a required one.
      const limits = { maxresults: 10, timeout: 30 };
      const options = { clientRequestId: "client-id", pagingGetMultiplePagesOptions: limits };
      expect(await readAll(await call("pagingGetMultiplePages", options))).toEqual({ items: tenPages() });
      expect(
        await readAll(
          await call("pagingGetOdataMultiplePages", { clientRequestId: "client-id", pagingGetOdataMultiplePagesOptions: limits }),
        ),
      ).toEqual({ items: tenPages() });
      expect(
        await readAll(await call("pagingGetMultiplePagesWithOffset", { offset: 100, ...limits }, { clientRequestId: "client-id" })),
      ).toEqual({
        items: [product(1, "Product"), ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((n) => product(100 + n))],
      });
      expect(await readAll(await call("pagingGetMultiplePagesRetryFirst"))).toEqual({ items: tenPages() });
      // page 2 of retrysecond answers 500 once, then "Product" with id 1
      expect(await readAll(await call("pagingGetMultiplePagesRetrySecond"))).toEqual({
        items: [product(1, "Product"), product(1, "Product"), ...[3, 4, 5, 6, 7, 8, 9, 10].map((id) => product(id))],
      });
    });

    it("byPage(): the pages with their next links; a page's next link resumes there", async () => {
      const h = harness();
      const pages: unknown[] = [];
      for await (const page of (await call("pagingGetMultiplePages")).byPage()) pages.push(page);
      expect(pages.length).toBe(10);
      expect(pages[0]).toEqual({ values: [product(1, "Product")], nextLink: `${h.url}/paging/multiple/page/2` });
      expect(pages[9]).toEqual({ values: [product(10)] });
      const resumed = await readAll(
        (await call("pagingGetMultiplePages")).byPage({ continuationToken: `${h.url}/paging/multiple/page/9` }),
      );
      expect(resumed).toEqual({
        items: [{ values: [product(9)], nextLink: `${h.url}/paging/multiple/page/10` }, { values: [product(10)] }],
      });
    });

    it("a next-page operation with query parameters of its own (PagingMultipleWithQueryParameters)", async () => {
      expect(await readAll(await call("pagingGetWithQueryParams", 100))).toEqual({ items: [product(1, "Product"), product(2, "Product")] });
    });

    it("a next-page operation whose path template takes the next link, a fragment (PagingFragment), with the operation's path and query parameters", async () => {
      const fragmentPages = [product(1), ...[2, 3, 4, 5, 6, 7, 8, 9, 10].map((id) => product(id))];
      expect(await readAll(await call("pagingGetMultiplePagesFragmentNextLink", "test_user", "1.6"))).toEqual({ items: fragmentPages });
      expect(
        await readAll(await call("pagingGetMultiplePagesFragmentWithGroupingNextLink", { tenant: "test_user", apiVersion: "1.6" })),
      ).toEqual({ items: fragmentPages });
    });

    it("an empty first page, then a relative next link (PagingFirstResponseEmpty)", async () => {
      expect(await readAll(await call("pagingFirstResponseEmpty"))).toEqual({ items: [product(1, "Product")] });
    });

    it("failures: the first page, a later page (after the first page's items), a next link that is no URL", async () => {
      expect(await readAll(await call("pagingGetSinglePagesFailure"))).toEqual({
        items: [],
        error: "RestError 400: Expected single failure test.",
      });
      expect(await readAll(await call("pagingGetMultiplePagesFailure"))).toEqual({
        items: [product(1, "Product")],
        error: "RestError 400: Expected single failure test.",
      });
      const failureUri = await readAll(await call("pagingGetMultiplePagesFailureUri"));
      expect(failureUri).toEqual({ items: [product(1, "Product")], error: "RestError 404: The service responded with status 404" });
    });

    it("a next link that repeats the operation's query parameter is used as it is (PagingDuplicateParameters)", async () => {
      expect(await readAll(await call("pagingDuplicateParams", { filter: "foo" }))).toEqual({ items: [product(1, "Product")] });
    });

    it("api-version: appended to a next link without one, the client's sent with one that has another (PagingWithApiVersionAppend/Replace)", async () => {
      const h = harness();
      const m = await h.load("paging.json");
      for (const name of ["pagingAppendApiVersion", "pagingReplaceApiVersion"]) {
        expect(await readAll((m[name] as unknown as PagedOperation)(h.context("1.0.0")))).toEqual({ items: [product(1, "Product")] });
      }
    });

    it("no page size is sent unless asked for (PagingDontSendMaxPageSize)", async () => {
      const h = harness();
      const m = await h.load("paging.json");
      const pages: unknown[] = [];
      for await (const page of (m["pagingPageWithMaxPageSize"] as unknown as PagedOperation)(h.context()).byPage({
        maxPageSize: 5,
      } as never))
        pages.push(page);
      expect(pages).toEqual([{ values: [] }]);
    });

    it("a long-running operation whose final result pages: the poller resolves with the iterator (PagingMultipleLRO)", async () => {
      const h = harness();
      const m = await h.load("paging.json");
      const poller = (await m["pagingGetMultiplePagesLRO"]!(h.context(), { updateIntervalInMs: 1 })) as { pollUntilDone(): Promise<Paged> };
      expect(await readAll(await poller.pollUntilDone())).toEqual({ items: tenPages() });
    });
  });

  describe("testserver paging: multiapi-v1.json and multiapi-v3.json", () => {
    it("paging with the client's api-version on the next link, at the top level and in a group (MultiapiPaging, MultiapiOperationGroupPaging)", async () => {
      const h = harness();
      const m = await h.load("multiapi-v3.json");
      const got: Record<string, unknown> = {};
      for (const name of ["testPaging", "operationGroupOneTestOperationGroupPaging"]) {
        got[name] = await readAll((m[name] as unknown as PagedOperation)(h.context("3.0.0")));
      }
      const two = { items: [{ optionalProperty: "paged" }, { optionalProperty: "paged" }] };
      expect(got).toEqual({ testPaging: two, operationGroupOneTestOperationGroupPaging: two });
    });

    it("a long-running operation that pages, final at once (MultiapiLROAndPaging)", async () => {
      const h = harness();
      const m = await h.load("multiapi-v1.json");
      const poller = (await m["testLROAndPaging"]!(h.context("1.0.0"), { updateIntervalInMs: 1 })) as { pollUntilDone(): Promise<Paged> };
      expect(await readAll(await poller.pollUntilDone())).toEqual({ items: [{ id: "100" }] });
    });
  });
}
