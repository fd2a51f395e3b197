/**
 * x-ms-pageable: the model's checks (exact errors), the exact emitted function and delegating
 * method, strict typechecks of the test-server paging specs, and the behaviour of generated code
 * (bundled and run) against a node:http server on 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDefaultHttpClient, createEmptyPipeline } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { createPagedIterator, nextPageUrl } from "../../generator/emit/runtime/runtime.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory, withConstraints } from "../fixtures/emit/generate.js";
import { inMemory, testServerVersion } from "../fixtures/model/load.js";
import { between, importGenerated } from "../fixtures/emit/generatedCode.js";
import { errorOf } from "../fixtures/model/errors.js";
import { allowPlainHttpPolicy, startLoopbackServer, type LoopbackServer } from "../fixtures/loopbackServer.js";

type GeneratedFiles = Array<{ path: string; content: string }>;

const swaggerDir = join(repoRoot, "node_modules/@microsoft.azure/autorest.testserver/swagger");

let work = "";

beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "acs-gen-paging-"));
});

afterAll(() => {
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

describe("x-ms-pageable in the model: unsupported or invalid shapes fail with file#pointer", () => {
  it("a next-page operation with a path of its own is linked: its operationId and the path parameter taking the next link (paging.json as published)", () => {
    const model = readCodeModel([testServerVersion("paging.json")], { clientName: "" });
    const pagingOf = (id: string) => model.operationGroups.flatMap((g) => g.operations).find((o) => o.operationId === id)?.paging;
    expect(pagingOf("Paging_getWithQueryParams")).toEqual({
      itemName: "values",
      nextLinkName: "nextLink",
      nextOperation: { operationId: "Paging_nextOperationWithQueryParams" },
    });
    expect(pagingOf("Paging_getMultiplePagesFragmentNextLink")).toEqual({
      itemName: "values",
      nextLinkName: "odata.nextLink",
      nextOperation: { operationId: "Paging_nextFragment", nextLinkParameter: "nextLink" },
    });
    // the next-page operation names itself
    expect(pagingOf("Paging_nextFragment")?.nextOperation).toEqual({ operationId: "Paging_nextFragment", nextLinkParameter: "nextLink" });
    expect(pagingOf("Paging_GetMultiplePagesLRO")).toEqual({ itemName: "values", nextLinkName: "nextLink" });
  });

  const page = { type: "object", properties: { items: { type: "array", items: { type: "string" } }, next: { type: "string" } } };
  const specWith = (pageable: JsonObject, extraPaths: JsonObject = {}): JsonObject => ({
    swagger: "2.0",
    info: { title: "t", version: "1.0" },
    paths: {
      "/list": {
        get: {
          operationId: "L_List",
          responses: { "200": { description: "ok", schema: { $ref: "#/definitions/Page" } } },
          "x-ms-pageable": pageable,
        },
      },
      ...extraPaths,
    },
    definitions: { Page: page },
  });

  it("itemName defaults to value, which the page lacks", () => {
    expect(errorOf(specWith({ nextLinkName: "next" }))).toBe(
      'spec.json#/paths/~1list/get/x-ms-pageable: x-ms-pageable itemName "value": the page model Page has no array property "value"',
    );
  });

  it("a nextLinkName the page lacks, and none at all", () => {
    expect(errorOf(specWith({ nextLinkName: "nextLink", itemName: "items" }))).toBe(
      'spec.json#/paths/~1list/get/x-ms-pageable: x-ms-pageable nextLinkName "nextLink": the page model Page has no string property "nextLink"',
    );
    expect(errorOf(specWith({ itemName: "items" }))).toBe(
      "spec.json#/paths/~1list/get/x-ms-pageable: x-ms-pageable has no nextLinkName (null for a single page)",
    );
  });

  it("operationName naming no operation, or a PUT", () => {
    expect(errorOf(specWith({ nextLinkName: "next", itemName: "items", operationName: "L_Nope" }))).toBe(
      'spec.json#/paths/~1list/get/x-ms-pageable/operationName: x-ms-pageable operationName "L_Nope" names no operation',
    );
    const next = {
      "/{nextLink}": {
        put: {
          operationId: "L_Next",
          parameters: [{ name: "nextLink", in: "path", required: true, type: "string" }],
          responses: { "200": { description: "ok" } },
        },
      },
    };
    expect(errorOf(specWith({ nextLinkName: "next", itemName: "items", operationName: "L_Next" }, next))).toBe(
      'spec.json#/paths/~1list/get/x-ms-pageable/operationName: x-ms-pageable operationName "L_Next" is not supported: it sends PUT, not GET or POST (next pages are GETs or body-less POSTs)',
    );
  });

  it("a next-page operation returning another page, requiring a body, or with a required parameter nothing gives a value to", () => {
    const pageable = { nextLinkName: "next", itemName: "items", operationName: "L_Next" };
    const nextOp = (op: JsonObject): JsonObject => ({
      "/next/{nextLink}": {
        get: { operationId: "L_Next", responses: { "200": { description: "ok", schema: { $ref: "#/definitions/Page" } } }, ...op },
      },
    });
    const link = { name: "nextLink", in: "path", required: true, type: "string" };
    const where = "spec.json#/paths/~1list/get/x-ms-pageable/operationName: ";
    expect(
      errorOf(specWith(pageable, nextOp({ parameters: [link], responses: { "200": { description: "ok", schema: { type: "object" } } } }))),
    ).toBe(`${where}x-ms-pageable operationName "L_Next" is not supported: it does not return this operation's page model Page`);
    expect(
      errorOf(specWith(pageable, nextOp({ parameters: [link, { name: "b", in: "body", required: true, schema: { type: "string" } }] }))),
    ).toBe(`${where}x-ms-pageable operationName "L_Next" is not supported: it requires a body (next pages are sent without one)`);
    expect(
      errorOf(specWith(pageable, nextOp({ parameters: [link, { name: "cursor", in: "query", required: true, type: "string" }] }))),
    ).toBe(
      `${where}x-ms-pageable operationName "L_Next" is not supported: its required query parameter "cursor" has no parameter of the same name and location here to take its value from`,
    );
    // an optional one, a constant, and a path parameter that is not the link but the paged operation has are fine
    const accepted = specWith(pageable, {
      "/next/{tenant}/{token}": {
        get: {
          operationId: "L_Next",
          parameters: [
            { name: "tenant", in: "path", required: true, type: "string" },
            { name: "token", in: "path", required: true, type: "string" },
            { name: "cursor", in: "query", type: "string" },
            { name: "mode", in: "query", required: true, type: "string", enum: ["all"] },
          ],
          responses: { "200": { description: "ok", schema: { $ref: "#/definitions/Page" } } },
        },
      },
    });
    const paths = accepted["paths"] as Record<string, { get: JsonObject }>;
    paths["/list"] = { get: { ...paths["/list"]!.get, parameters: [{ name: "tenant", in: "query", required: true, type: "string" }] } };
    // `tenant` is a query parameter here, a path one there: not the same, so two path parameters lack a source
    expect(errorOf(accepted)).toBe(
      `${where}x-ms-pageable operationName "L_Next" is not supported: its required path parameter "tenant" has no parameter of the same name and location here to take its value from`,
    );
    paths["/list/{tenant}"] = {
      get: { ...paths["/list"]!.get, parameters: [{ name: "tenant", in: "path", required: true, type: "string" }] },
    };
    delete paths["/list"];
    const model = readCodeModel([inMemory(accepted)], { clientName: "C" });
    const list = model.operationGroups.flatMap((g) => g.operations).find((o) => o.operationId === "L_List");
    expect(list?.paging?.nextOperation).toEqual({ operationId: "L_Next", nextLinkParameter: "token" });
  });

  it("accepts a next-page operation that GETs the next link itself (x-ms-paths too), and nextLinkName null", () => {
    const next = {
      "/{nextLink}?next": {
        get: {
          operationId: "L_Next",
          parameters: [{ name: "nextLink", in: "path", required: true, type: "string", "x-ms-skip-url-encoding": true }],
          responses: { "200": { description: "ok" } },
        },
      },
    };
    const doc = { ...specWith({ nextLinkName: "next", itemName: "items", operationName: "L_Next" }), "x-ms-paths": next };
    const model = readCodeModel([inMemory(doc)], { clientName: "C" });
    expect(model.operationGroups[0]?.operations[0]?.paging).toEqual({ itemName: "items", nextLinkName: "next" });
    const single = readCodeModel([inMemory(specWith({ nextLinkName: null, itemName: "items" }))], { clientName: "C" });
    expect(single.operationGroups[0]?.operations[0]?.paging).toEqual({ itemName: "items" });
  });
});

describe("x-ms-pageable emitted: paging.json", () => {
  let files: GeneratedFiles = [];
  const file = (path: string): string => files.find((f) => f.path === path)?.content ?? "";

  beforeAll(async () => {
    files = await generateInMemory(join(swaggerDir, "paging.json"), swaggerDir);
  });

  it("getMultiplePages: a synchronous function returning the iterator, one send for every page", () => {
    expect(
      between(file("src/operations/paging.ts"), "/**\n * A paging operation that includes a nextLink that has 10 pages\n", "\n}\n"),
    ).toBe(
      [
        "/**",
        " * A paging operation that includes a nextLink that has 10 pages",
        " * @param context - The endpoint, api-version, pipeline and HTTP client the request uses (instances of `AutoRestPagingTestService` and `AutoRestPagingTestServiceCore` have them).",
        " * @param options - Optional parameters and per-request options.",
        " * @returns The items of every page, fetched as they are read; `byPage()` yields the pages (Initial response with ProvisioningState='Canceled').",
        " */",
        "export function pagingGetMultiplePages(context: OperationContext, options: PagingGetMultiplePagesOptionalParams = {}): PagedAsyncIterableIterator<Product, ProductResult> {",
        "  const send = async (url: string): Promise<ProductResult> => {",
        "    const response = await sendOperation(context, {",
        '      method: "GET",',
        "      url,",
        "      headers: {",
        '        Accept: "application/json",',
        '        "client-request-id": options.clientRequestId,',
        // maxresults and timeout are a parameter group (x-ms-parameter-grouping, postfix "Options")
        '        "maxresults": options.pagingGetMultiplePagesOptions?.maxresults === undefined ? undefined : formatScalar(options.pagingGetMultiplePagesOptions?.maxresults),',
        '        "timeout": options.pagingGetMultiplePagesOptions?.timeout === undefined ? undefined : formatScalar(options.pagingGetMultiplePagesOptions?.timeout),',
        "      },",
        "      successStatuses: [200],",
        "    }, options);",
        "    return response.body as ProductResult;",
        "  };",
        "  return createPagedIterator(",
        "    async () => {",
        '      const url = buildRequestUrl(context.endpoint, "/paging/multiple", {}, [',
        '        { name: "api-version", value: context.apiVersion },',
        "      ]);",
        "      return send(url);",
        "    },",
        '    (nextLink) => send(nextPageUrl(context.endpoint, nextLink, { name: "api-version", value: context.apiVersion })),',
        "    (page) => ({ items: page.values, nextLink: page.nextLink }),",
        "  );",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("the delegating method returns the function's iterator", () => {
    expect(
      between(file("src/operations/paging.ts"), "  /**\n   * A paging operation that includes a nextLink that has 10 pages\n", "\n  }\n"),
    ).toBe(
      [
        "  /**",
        "   * A paging operation that includes a nextLink that has 10 pages",
        "   * @param options - Optional parameters and per-request options.",
        "   * @returns The items of every page, fetched as they are read; `byPage()` yields the pages (Initial response with ProvisioningState='Canceled').",
        "   */",
        "  getMultiplePages(options: PagingGetMultiplePagesOptionalParams = {}): PagedAsyncIterableIterator<Product, ProductResult> {",
        "    return pagingGetMultiplePages(this.#client, options);",
        "  }",
        "",
      ].join("\n"),
    );
  });

  it("a renamed next link (odata.nextLink) is read from the deserialized page; next pages are sent without the first page's body", () => {
    const text = file("src/operations/paging.ts");
    expect(text).toContain("    (page) => ({ items: page.values, nextLink: page.odataNextLink }),\n");
    expect(between(text, "export function pagingGetSinglePagesWithBodyParams(", "\n  };\n")).toContain(
      '        "Content-Type": !firstPage ? undefined : "application/json",\n      },\n      body: !firstPage ? undefined : JSON.stringify(parameters),\n',
    );
    expect(file("src/index.ts")).toContain(
      'export { ApiVersionMismatchError, type OperationContext, type OperationOptions, type LroOperationOptions, type PagedAsyncIterableIterator, type PageSettings } from "./runtime.js";\n',
    );
  });

  it("typechecks strictly, and the iterator is assignable to @azure/core-paging's", () => {
    const compat = [
      'import type { PagedAsyncIterableIterator as CorePaged } from "@azure/core-paging";',
      'import { pagingGetMultiplePages, type OperationContext, type Product, type ProductResult } from "./index.js";',
      "export const compatible = (context: OperationContext): CorePaged<Product, ProductResult> => pagingGetMultiplePages(context);",
      "",
    ].join("\n");
    expect(typecheckFiles("testserver-paging", [...files, { path: "src/compat.ts", content: compat }])).toEqual([]);
  });

  it("a next-page operation's URL: the next link in its path template, the operation's arguments of the same name, its constants", () => {
    const text = file("src/operations/paging.ts");
    expect(between(text, "export function pagingGetMultiplePagesFragmentNextLink(", "\n}\n")).toContain(
      [
        '    (nextLink) => send(buildRequestUrl(context.endpoint, "/paging/multiple/fragment/{tenant}/{nextLink}", {',
        "      tenant: encodePathValue(tenant),",
        "      nextLink: nextLink,",
        "    }, [",
        '      { name: "api-version", value: context.apiVersion },',
        '      { name: "api_version", value: apiVersion },',
        "    ])),",
        "",
      ].join("\n"),
    );
    // no link parameter: the next link only says there is a next page
    expect(between(text, "export function pagingGetWithQueryParams(", "\n}\n")).toContain(
      [
        '    () => send(buildRequestUrl(context.endpoint, "/paging/multiple/nextOperationWithQueryParams", {}, [',
        '      { name: "api-version", value: context.apiVersion },',
        '      { name: "queryConstant", value: true },',
        "    ])),",
        "",
      ].join("\n"),
    );
  });

  it("a pageable long-running operation: a poller whose result is the iterator, next pages GETs without the body", () => {
    expect(between(file("src/operations/paging.ts"), "export async function pagingGetMultiplePagesLRO(", "\n}\n")).toBe(
      [
        "export async function pagingGetMultiplePagesLRO(context: OperationContext, options: PagingGetMultiplePagesLROOptionalParams = {}): Promise<SimplePollerLike<OperationState<PagedAsyncIterableIterator<Product, ProductResult>>, PagedAsyncIterableIterator<Product, ProductResult>>> {",
        '  const url = buildRequestUrl(context.endpoint, "/paging/multiple/lro", {}, [',
        '    { name: "api-version", value: context.apiVersion },',
        "  ]);",
        "  const send = async (url: string): Promise<ProductResult> => {",
        "    const response = await sendOperation(context, {",
        '      method: "GET",',
        "      url,",
        "      headers: {",
        '        Accept: "application/json",',
        '        "client-request-id": options.clientRequestId,',
        '        "maxresults": options.pagingGetMultiplePagesLROOptions?.maxresults === undefined ? undefined : formatScalar(options.pagingGetMultiplePagesLROOptions?.maxresults),',
        '        "timeout": options.pagingGetMultiplePagesLROOptions?.timeout === undefined ? undefined : formatScalar(options.pagingGetMultiplePagesLROOptions?.timeout),',
        "      },",
        "      successStatuses: [200],",
        "    }, options);",
        "    return response.body as ProductResult;",
        "  };",
        "  return createHttpPoller<PagedAsyncIterableIterator<Product, ProductResult>, OperationState<PagedAsyncIterableIterator<Product, ProductResult>>>(longRunningOperation(context, {",
        '    method: "POST",',
        "    url,",
        "    headers: {",
        '      Accept: "application/json",',
        '      "client-request-id": options.clientRequestId,',
        '      "maxresults": options.pagingGetMultiplePagesLROOptions?.maxresults === undefined ? undefined : formatScalar(options.pagingGetMultiplePagesLROOptions?.maxresults),',
        '      "timeout": options.pagingGetMultiplePagesLROOptions?.timeout === undefined ? undefined : formatScalar(options.pagingGetMultiplePagesLROOptions?.timeout),',
        "    },",
        "    successStatuses: [202],",
        "  }, options), {",
        "    intervalInMs: options.updateIntervalInMs,",
        "    processResult: (body) => {",
        "      const firstPage = body as ProductResult;",
        "      return createPagedIterator(",
        "        async () => firstPage,",
        '        (nextLink) => send(nextPageUrl(context.endpoint, nextLink, { name: "api-version", value: context.apiVersion })),',
        "        (page) => ({ items: page?.values, nextLink: page?.nextLink }),",
        "      );",
        "    },",
        "  });",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("custom-baseUrl-paging.json and multiapi-v1.json (a pageable long-running operation) typecheck strictly", async () => {
    const generated = await generateInMemory(join(swaggerDir, "custom-baseUrl-paging.json"), swaggerDir);
    expect(
      between(
        generated.find((f) => f.path === "src/operations/paging.ts")?.content ?? "",
        "export function pagingGetPagesPartialUrlOperation(",
        "\n}\n",
      ),
    ).toContain(
      '    (nextLink) => send(buildRequestUrl(context.endpoint, "/paging/customurl/{nextLink}?Paging_getPagesPartialUrlOperationNext", {\n      nextLink: nextLink,\n    })),\n',
    );
    expect(typecheckFiles("testserver-custom-baseurl-paging", generated)).toEqual([]);
    const multiapi = await generateInMemory(join(swaggerDir, "multiapi-v1.json"), swaggerDir);
    expect(typecheckFiles("testserver-multiapi-v1", multiapi)).toEqual([]);
  });
});

describe("x-ms-pageable with a POST next-page operation (graphrbac's Objects_GetObjectsByObjectIdsNext)", () => {
  const page = { description: "ok", schema: { $ref: "#/definitions/Page" } };
  const link = { name: "nextLink", in: "path", required: true, type: "string", "x-ms-skip-url-encoding": true };
  const spec = (extra: JsonObject = {}): JsonObject => ({
    swagger: "2.0",
    info: { title: "t", version: "1.0" },
    host: "example.com",
    paths: {
      "/list": {
        get: { operationId: "L_List", responses: { "200": page }, "x-ms-pageable": { nextLinkName: "next", operationName: "L_ListNext" } },
      },
      "/next/{nextLink}": { post: { operationId: "L_ListNext", parameters: [link], responses: { "200": page } } },
      "/search": {
        post: {
          operationId: "L_Search",
          parameters: [{ name: "query", in: "body", required: true, schema: { type: "string" } }],
          responses: { "200": page },
          "x-ms-pageable": { nextLinkName: "next", operationName: "L_SearchNext" },
          ...extra,
        },
      },
      "/{nextLink}": { post: { operationId: "L_SearchNext", parameters: [link], responses: { "200": page } } },
    },
    definitions: {
      Page: { type: "object", properties: { value: { type: "array", items: { type: "string" } }, next: { type: "string" } } },
    },
  });

  it("the model: next pages are POSTs (nextMethod), to the operation's URL or the next link itself", () => {
    const model = readCodeModel([inMemory(spec())], { clientName: "C" });
    const pagingOf = (id: string) => model.operationGroups.flatMap((g) => g.operations).find((o) => o.operationId === id)?.paging;
    expect(pagingOf("L_List")).toEqual({
      itemName: "value",
      nextLinkName: "next",
      nextOperation: { operationId: "L_ListNext", nextLinkParameter: "nextLink" },
      nextMethod: "post",
    });
    expect(pagingOf("L_Search")).toEqual({ itemName: "value", nextLinkName: "next", nextMethod: "post" });
  });

  it("emitted: a GET list sends its next pages with POST, a POST one always POSTs, its body only on the first page", async () => {
    const specFile = join(work, "post-next.json");
    writeFileSync(specFile, JSON.stringify(spec(), null, 2));
    const files = await generateInMemory(specFile, work);
    const text = files.find((f) => f.path === "src/operations/l.ts")?.content ?? "";
    expect(between(text, "export function lList(", "\n}\n")).toContain('      method: firstPage ? "GET" : "POST",\n');
    const search = between(text, "export function lSearch(", "\n}\n");
    expect(search).toContain('      method: "POST",\n');
    expect(search).toContain("      body: !firstPage ? undefined : JSON.stringify(query),\n");
    expect(typecheckFiles("paging-post-next", files)).toEqual([]);
  });

  it("a long-running operation's next pages stay GETs: a POST next-page operation is refused", () => {
    expect(errorOf(spec({ "x-ms-long-running-operation": true }))).toBe(
      'spec.json#/paths/~1search/post/x-ms-pageable/operationName: x-ms-pageable operationName "L_SearchNext" is not supported: it sends POST, and the next pages of a long-running operation are GETs',
    );
  });
});

describe("x-ms-pageable emitted: names and shapes that could clash", () => {
  it("a POST list whose required parameters are named like the function's locals, and a model named PageSettings", async () => {
    const required = (name: string): JsonObject => ({ name, in: "query", required: true, type: "string" });
    const spec = {
      swagger: "2.0",
      info: { title: "Clash", version: "1.0" },
      host: "example.com",
      paths: {
        "/search": {
          post: {
            operationId: "Search",
            parameters: [
              ...["send", "firstPage", "nextLink", "page"].map(required),
              { name: "body", in: "body", schema: { $ref: "#/definitions/PageSettings" } },
            ],
            responses: { "200": { description: "ok", schema: { $ref: "#/definitions/Results" } }, "204": { description: "none" } },
            "x-ms-pageable": { nextLinkName: "next", itemName: "hits" },
          },
        },
      },
      definitions: {
        PageSettings: { type: "object", properties: { size: { type: "integer" } } },
        Results: {
          type: "object",
          properties: { hits: { type: "array", items: { type: "string", format: "date-time" } }, next: { type: "string" } },
        },
      },
    };
    const specFile = join(work, "clash.json");
    writeFileSync(specFile, JSON.stringify(spec, null, 2));
    const files = await generateInMemory(specFile, work);
    const text = files.find((f) => f.path === "src/operations/operations.ts")?.content ?? "";
    expect(text).toContain(
      "export function search(context: OperationContext, sendParam: string, firstPageParam: string, nextLinkParam: string, pageParam: string, options: SearchOptionalParams = {}): PagedAsyncIterableIterator<Date, Results | undefined> {\n",
    );
    expect(text).toContain("    (page) => ({ items: page?.hits, nextLink: page?.next }),\n");
    // a POST's next pages are GETs
    expect(text).toContain('      method: firstPage ? "POST" : "GET",\n');
    expect(files.find((f) => f.path === "src/models.ts")?.content).toContain("export interface PageSettingsModel {");
    expect(typecheckFiles("paging-clash", files)).toEqual([]);
  });
});

describe("x-ms-pageable at run time: generated code against a node:http server", () => {
  const errorResponse = { description: "Error", schema: { $ref: "#/definitions/ErrorResponse" } };
  const pageResponse = { description: "A page of items", schema: { $ref: "#/definitions/ItemPage" } };
  const pageable = (operationId: string, nextLinkName: string | null, parameters: JsonObject[] = []): JsonObject => ({
    get: {
      operationId,
      parameters: [...parameters, { $ref: "#/parameters/ApiVersion" }],
      responses: { "200": pageResponse, default: errorResponse },
      "x-ms-pageable": { nextLinkName },
    },
  });
  const spec = {
    swagger: "2.0",
    info: { title: "Pages", version: "2024-01-01" },
    host: "example.com",
    schemes: ["https"],
    paths: {
      "/items": pageable("Items_List", "nextLink", [{ name: "top", in: "query", type: "integer", minimum: 1 }]),
      "/broken": pageable("Items_Broken", "nextLink"),
      "/single": pageable("Items_Single", null),
      "/tenants/{tenant}/items": {
        get: {
          ...(pageable("Items_ByTenant", "nextLink", [
            { name: "tenant", in: "path", required: true, type: "string" },
            { name: "filter", in: "query", type: "string" },
          ])["get"] as JsonObject),
          "x-ms-pageable": { nextLinkName: "nextLink", operationName: "Items_ByTenantNext" },
        },
      },
      // long-running and pageable: the final result is the first page
      "/jobs": {
        post: {
          operationId: "Items_StartJob",
          parameters: [{ $ref: "#/parameters/ApiVersion" }],
          responses: { "200": pageResponse, "202": { description: "Accepted" }, default: errorResponse },
          "x-ms-long-running-operation": true,
          "x-ms-pageable": { nextLinkName: "nextLink" },
        },
      },
      // the next-page operation: the next link into its path, the tenant and filter of the first call
      "/tenants/{tenant}/next/{nextLink}": {
        get: {
          operationId: "Items_ByTenantNext",
          parameters: [
            { name: "tenant", in: "path", required: true, type: "string" },
            { name: "nextLink", in: "path", required: true, type: "string", "x-ms-skip-url-encoding": true },
            { name: "filter", in: "query", type: "string" },
            { $ref: "#/parameters/ApiVersion" },
          ],
          responses: { "200": pageResponse, default: errorResponse },
          "x-ms-pageable": { nextLinkName: "nextLink" },
        },
      },
    },
    parameters: { ApiVersion: { name: "api-version", in: "query", required: true, type: "string" } },
    definitions: {
      Item: { type: "object", properties: { name: { type: "string" }, created: { type: "string", format: "date-time" } } },
      ItemPage: {
        type: "object",
        properties: { value: { type: "array", items: { $ref: "#/definitions/Item" } }, nextLink: { type: "string" } },
      },
      ErrorResponse: {
        type: "object",
        properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } } },
      },
    },
  };

  type Paged = AsyncIterableIterator<unknown> & { byPage: (settings?: { continuationToken?: string }) => AsyncIterableIterator<unknown> };
  type PagedOperation = (context: unknown, options?: Record<string, unknown>) => Paged;
  let mod: Record<string, unknown> = {};
  let files: GeneratedFiles = [];
  let server: LoopbackServer | undefined;
  let endpoint = "";
  const requests: string[] = [];
  const item = (name: string, day: number) => ({
    wire: { name, created: `2024-01-0${day}T00:00:00.000Z` },
    value: { name, created: new Date(`2024-01-0${day}T00:00:00.000Z`) },
  });
  const [a, b, c, d] = [item("a", 1), item("b", 2), item("c", 3), item("d", 4)];
  const page2Absolute = () => `${endpoint}/items/page2?api-version=2023-01-01`;
  const operation = (name: string) => mod[name] as PagedOperation;
  /** A bare pipeline that lets the requests go to the plain-http test server. */
  const pipeline = () => {
    const result = createEmptyPipeline();
    result.addPolicy(allowPlainHttpPolicy());
    return result;
  };
  const context = () => ({ endpoint, apiVersion: "2024-01-01", pipeline: pipeline(), httpClient: createDefaultHttpClient() });

  beforeAll(async () => {
    const specFile = join(work, "pages.json");
    writeFileSync(specFile, JSON.stringify(spec, null, 2));
    files = await generateInMemory(specFile, work);
    mod = await importGenerated(join(work, "pages"), files);

    const pages: Record<string, { status?: number; body: unknown }> = {
      "/items": { body: { value: [a.wire, b.wire], nextLink: "" } }, // nextLink filled in once the port is known
      "/items/page2": { body: { value: [c.wire], nextLink: "/items/page3" } },
      "/items/page3": { body: { value: [d.wire] } },
      "/broken": { body: { value: [a.wire], nextLink: "/broken/page2" } },
      "/broken/page2": { status: 404, body: { error: { code: "PageExpired", message: "The page expired" } } },
      "/single": { body: { value: [a.wire], nextLink: "/items/page2" } },
      "/jobs": { body: { value: [a.wire], nextLink: "/items/page3" } },
      "/tenants/t%201/items": { body: { value: [a.wire], nextLink: "page2?skip=1" } },
      "/tenants/t%201/next/page2": { body: { value: [b.wire], nextLink: "page3" } },
      "/tenants/t%201/next/page3": { body: { value: [c.wire] } },
    };
    server = await startLoopbackServer((request, response) => {
      requests.push(request.url ?? "");
      const answer = pages[new URL(request.url ?? "/", "http://127.0.0.1").pathname];
      response.writeHead(answer?.status ?? (answer === undefined ? 500 : 200), { "content-type": "application/json" });
      response.end(JSON.stringify(answer?.body ?? { error: { code: "NoSuchPage", message: request.url } }));
    });
    endpoint = server.url;
    (pages["/items"]!.body as { nextLink: string }).nextLink = page2Absolute();
  });

  afterAll(async () => {
    await server?.close();
  });

  const fresh = (): void => {
    requests.length = 0;
  };

  it("for await: every item of three pages in order (absolute, then relative next link, then none), deserialized", async () => {
    fresh();
    const items: unknown[] = [];
    for await (const value of operation("itemsList")(context())) {
      items.push(value);
    }
    expect(items).toEqual([a.value, b.value, c.value, d.value]);
    // api-version: added to the relative link that lacks it, the absolute link's own kept
    expect(requests).toEqual([
      "/items?api-version=2024-01-01",
      "/items/page2?api-version=2023-01-01",
      "/items/page3?api-version=2024-01-01",
    ]);
  });

  it("byPage(): the deserialized pages, each with its next link", async () => {
    fresh();
    const pages: unknown[] = [];
    for await (const page of operation("itemsList")(context()).byPage()) {
      pages.push(page);
    }
    expect(pages).toEqual([
      { value: [a.value, b.value], nextLink: page2Absolute() },
      { value: [c.value], nextLink: "/items/page3" },
      { value: [d.value] },
    ]);
  });

  it("a page's next link as continuation token resumes at the page it links to", async () => {
    fresh();
    const first = await operation("itemsList")(context()).byPage().next();
    const token = (first.value as { nextLink: string }).nextLink;
    expect(token).toBe(page2Absolute());
    fresh();
    const pages: unknown[] = [];
    for await (const page of operation("itemsList")(context()).byPage({ continuationToken: token })) {
      pages.push(page);
    }
    expect(pages).toEqual([{ value: [c.value], nextLink: "/items/page3" }, { value: [d.value] }]);
    expect(requests).toEqual(["/items/page2?api-version=2023-01-01", "/items/page3?api-version=2024-01-01"]);
  });

  it("a service error on page 2 is a RestError with the service's code, after page 1's items", async () => {
    fresh();
    const items: unknown[] = [];
    let error: unknown;
    try {
      for await (const value of operation("itemsBroken")(context())) {
        items.push(value);
      }
    } catch (e) {
      error = e;
    }
    expect(items).toEqual([a.value]);
    expect(error).toMatchObject({ name: "RestError", statusCode: 404, code: "PageExpired", message: "The page expired" });
    expect(requests).toEqual(["/broken?api-version=2024-01-01", "/broken/page2?api-version=2024-01-01"]);
  });

  it("nextLinkName: null is a single page, even when the response has a nextLink", async () => {
    fresh();
    const pages: unknown[] = [];
    for await (const page of operation("itemsSingle")(context()).byPage()) {
      pages.push(page);
    }
    expect(pages).toEqual([{ value: [a.value], nextLink: "/items/page2" }]);
    expect(requests).toEqual(["/single?api-version=2024-01-01"]);
  });

  it("a value outside the spec's constraints is sent as given: the service decides (this one answers the page)", async () => {
    fresh();
    const iterator = operation("itemsList")(context(), { top: 0 });
    expect(requests).toEqual([]);
    await expect(iterator.next()).resolves.toEqual({ done: false, value: a.value });
    expect(requests).toEqual(["/items?top=0&api-version=2024-01-01"]);
  });

  it("generated with --validate-constraints, validation throws on the first next(), before any request; calling sends nothing", async () => {
    const checked = await importGenerated(
      join(work, "pages-checked"),
      await generateInMemory(join(work, "pages.json"), work, [], withConstraints),
    );
    fresh();
    const iterator = (checked["itemsList"] as PagedOperation)(context(), { top: 0 });
    expect(requests).toEqual([]);
    await expect(iterator.next()).rejects.toThrow(new RangeError("top must be >= 1, got 0"));
    expect(requests).toEqual([]);
  });

  it("a next-page operation gets the next link in its path template and the first call's arguments", async () => {
    fresh();
    const byTenant = mod["itemsByTenant"] as (context: unknown, tenant: string, options?: Record<string, unknown>) => Paged;
    const items: unknown[] = [];
    for await (const value of byTenant(context(), "t 1", { filter: "a&b" })) {
      items.push(value);
    }
    expect(items).toEqual([a.value, b.value, c.value]);
    expect(requests).toEqual([
      "/tenants/t%201/items?filter=a%26b&api-version=2024-01-01",
      "/tenants/t%201/next/page2?skip=1&filter=a%26b&api-version=2024-01-01",
      "/tenants/t%201/next/page3?filter=a%26b&api-version=2024-01-01",
    ]);
  });

  it("a pageable long-running operation: the poller's result is the iterator, its first page the final response, deserialized", async () => {
    fresh();
    const start = mod["itemsStartJob"] as (
      context: unknown,
      options?: Record<string, unknown>,
    ) => Promise<{ pollUntilDone(): Promise<Paged> }>;
    const poller = await start(context(), { updateIntervalInMs: 1 });
    const items: unknown[] = [];
    for await (const value of await poller.pollUntilDone()) {
      items.push(value);
    }
    expect(items).toEqual([a.value, d.value]);
    expect(requests).toEqual(["/jobs?api-version=2024-01-01", "/items/page3?api-version=2024-01-01"]);
  });

  it("typechecks strictly (a next-page operation, a pageable long-running operation whose page is mapped)", () => {
    expect(
      between(files.find((f) => f.path === "src/operations/items.ts")?.content ?? "", "    processResult: (body) => {\n", "\n    },\n"),
    ).toBe(
      [
        "    processResult: (body) => {",
        "      const wire = body as ItemPageWire | undefined;",
        "      const firstPage = (wire === undefined ? wire : deserializeItemPage(wire)) as ItemPage;",
        "      return createPagedIterator(",
        "        async () => firstPage,",
        '        (nextLink) => send(nextPageUrl(context.endpoint, nextLink, { name: "api-version", value: context.apiVersion })),',
        "        (page) => ({ items: page?.value, nextLink: page?.nextLink }),",
        "      );",
        "    },",
        "",
      ].join("\n"),
    );
    expect(typecheckFiles("paging-runtime", files)).toEqual([]);
  });

  it("the group's method delegates to the function", async () => {
    fresh();
    const Client = mod["PagesCore"] as new (endpoint: string, options: unknown) => { items: { list: () => Paged } };
    const client = new Client(endpoint, { pipeline: pipeline(), httpClient: createDefaultHttpClient(), apiVersion: "2024-01-01" });
    const names: unknown[] = [];
    for await (const value of client.items.list()) {
      names.push((value as { name: string }).name);
    }
    expect(names).toEqual(["a", "b", "c", "d"]);
  });
});

describe("runtime: createPagedIterator and nextPageUrl", () => {
  it("an empty next link ends the list like an absent one; nothing is fetched before the first read", async () => {
    const fetched: string[] = [];
    const pages: Record<string, { items: string[]; next?: string }> = {
      first: { items: ["a"], next: "p2" },
      p2: { items: ["b"], next: "" },
    };
    const fetch = async (link: string) => {
      fetched.push(link);
      return pages[link]!;
    };
    const iterator = createPagedIterator(
      () => fetch("first"),
      fetch,
      (page) => ({ items: page.items, nextLink: page.next }),
    );
    expect(fetched).toEqual([]);
    const items: string[] = [];
    for await (const value of iterator) {
      items.push(value);
    }
    expect(items).toEqual(["a", "b"]);
    expect(fetched).toEqual(["first", "p2"]);
  });

  it("nextPageUrl: absolute or relative to the endpoint; the client's api-version only when the link has none", () => {
    const apiVersion = { name: "api-version", value: "2024-01-01" };
    expect(nextPageUrl("https://h.example/base/", "/items?page=2", apiVersion)).toBe(
      "https://h.example/base/items?page=2&api-version=2024-01-01",
    );
    expect(nextPageUrl("https://h.example", "items", apiVersion)).toBe("https://h.example/items?api-version=2024-01-01");
    expect(nextPageUrl("https://h.example", "https://other.example/x?api-version=1&$skip=2", apiVersion)).toBe(
      "https://other.example/x?api-version=1&$skip=2",
    );
    expect(nextPageUrl("https://h.example", "https://other.example/x?#frag", apiVersion)).toBe(
      "https://other.example/x?api-version=2024-01-01#frag",
    );
    expect(nextPageUrl("https://h.example", "/x?a=1", { name: "api-version", value: undefined })).toBe("https://h.example/x?a=1");
    expect(nextPageUrl("https://h.example", "/x?a=1")).toBe("https://h.example/x?a=1");
  });
});
