/**
 * multiapi-v0/v1/v2/v3.json and multiapi-v1/v2-custom-base-url.json against the test server's
 * /multiapi and /multiapiCustomBaseUrl routes: each spec is generated on its own, and its client sends
 * that spec's api-version (its only generated version, so the default) with every operation.
 */
import { describe, expect, it } from "vitest";
import type { GeneratedModule, Harness } from "../harness.js";
import { settle } from "./errors.js";

type ClientClass = new (endpoint: string, options: object) => object;

/** A client of the spec built as a caller would, with the harness's pipeline and no api-version: the default. */
async function clientOf(h: Harness, spec: string, className: string): Promise<{ m: GeneratedModule; client: object }> {
  const m = await h.load(spec);
  const { pipeline, httpClient } = h.context();
  const Client = m[className] as unknown as ClientClass;
  return { m, client: new Client(h.url, { pipeline, httpClient }) };
}

/** Resolves each call in order (the server counts each scenario once per request). */
async function settleAll(calls: Record<string, () => Promise<unknown>>): Promise<Record<string, unknown>> {
  const got: Record<string, unknown> = {};
  for (const [name, call] of Object.entries(calls)) got[name] = await settle(call());
  return got;
}

export function multiapiSuite(harness: () => Harness): void {
  describe("multiapi", () => {
    it("v0 (0.0.0): the client sends its own api-version, which the server refuses with a top-level message", async () => {
      const h = harness();
      const { m, client } = await clientOf(h, "multiapi-v0.json", "MultiapiServiceClient");
      expect((client as { apiVersion: string }).apiVersion).toBe("0.0.0");
      expect(await settle(m["operationGroupOneTestTwo"]!(client))).toStrictEqual({
        thrown: {
          name: "RestError",
          statusCode: 400,
          message: "The api version of testTwo is not supported: 0.0.0",
          details: { message: "The api version of testTwo is not supported: 0.0.0", status: 400 },
        },
      });
    });

    it("v2 (2.0.0): testOne, testTwo, testThree, testFour and testDifferentCalls with its two greetings", async () => {
      const h = harness();
      const { m, client } = await clientOf(h, "multiapi-v2.json", "MultiapiServiceClient");
      expect((client as { apiVersion: string }).apiVersion).toBe("2.0.0");
      expect(
        await settleAll({
          testOne: () => m["testOne"]!(client, 1),
          operationGroupOneTestTwo: () => m["operationGroupOneTestTwo"]!(client),
          operationGroupOneTestThree: () => m["operationGroupOneTestThree"]!(client),
          operationGroupTwoTestFour: () => m["operationGroupTwoTestFour"]!(client, true),
          testDifferentCalls: () => m["testDifferentCalls"]!(client, "hello", { greetingInChinese: "nihao" }),
        }),
      ).toStrictEqual({
        // The spec says `id` is an integer; the server sends "1", returned as sent.
        testOne: { value: { id: "1", message: "This was called with api-version 2.0.0" } },
        operationGroupOneTestTwo: { value: { id: "1", message: "This was called with api-version 2.0.0" } },
        operationGroupOneTestThree: { value: undefined },
        operationGroupTwoTestFour: { value: undefined },
        testDifferentCalls: { value: undefined },
      });
    });

    it("v3 (3.0.0): testTwo, testFive, testDifferentCalls with its three greetings, and both paged lists (next page keeps the api-version)", async () => {
      const h = harness();
      const { m, client } = await clientOf(h, "multiapi-v3.json", "MultiapiServiceClient");
      expect((client as { apiVersion: string }).apiVersion).toBe("3.0.0");
      const items = async (iterator: Promise<unknown>): Promise<unknown[]> => {
        const all: unknown[] = [];
        for await (const item of (await iterator) as AsyncIterable<unknown>) all.push(item);
        return all;
      };
      expect(
        await settleAll({
          operationGroupOneTestTwo: () => m["operationGroupOneTestTwo"]!(client),
          operationGroupTwoTestFive: () => m["operationGroupTwoTestFive"]!(client),
          testDifferentCalls: () => m["testDifferentCalls"]!(client, "hello", { greetingInChinese: "nihao", greetingInFrench: "bonjour" }),
          testPaging: () => items(m["testPaging"]!(client)),
          operationGroupOneTestOperationGroupPaging: () => items(m["operationGroupOneTestOperationGroupPaging"]!(client)),
        }),
      ).toStrictEqual({
        operationGroupOneTestTwo: { value: { optionalProperty: "This was called with api-version 3.0.0" } },
        operationGroupTwoTestFive: { value: undefined },
        testDifferentCalls: { value: undefined },
        testPaging: { value: [{ optionalProperty: "paged" }, { optionalProperty: "paged" }] },
        operationGroupOneTestOperationGroupPaging: { value: [{ optionalProperty: "paged" }, { optionalProperty: "paged" }] },
      });
    });

    // testFour consumes several media types (pdf first, json, images): a model body goes as JSON by default.
    it("v3 testFour sends a SourcePath object as application/json (the default for a model body)", async () => {
      const h = harness();
      const { m, client } = await clientOf(h, "multiapi-v3.json", "MultiapiServiceClient");
      expect(await settle(m["operationGroupTwoTestFour"]!(client, { input: { source: "foo" } }))).toStrictEqual({ value: undefined });
    });

    it("v3 testFour sends bytes as application/pdf when asked to (MultiapiPostTestFourApiVersionThreePDF)", async () => {
      const h = harness();
      const { m, client } = await clientOf(h, "multiapi-v3.json", "MultiapiServiceClient");
      const pdf = new TextEncoder().encode("PDF");
      expect(await settle(m["operationGroupTwoTestFour"]!(client, { input: pdf, contentType: "application/pdf" }))).toStrictEqual({
        value: undefined,
      });
    });

    it("v1 (1.0.0): testOne, testTwo, testLRO and testDifferentCalls with one greeting", async () => {
      const h = harness();
      const { m, client } = await clientOf(h, "multiapi-v1.json", "MultiapiServiceClient");
      const poller = (await m["testLRO"]!(client, { product: { id: 100 } })) as { pollUntilDone(): Promise<unknown> };
      expect(
        await settleAll({
          testOne: () => m["testOne"]!(client, 1),
          operationGroupOneTestTwo: () => m["operationGroupOneTestTwo"]!(client),
          testLRO: () => poller.pollUntilDone(),
          testDifferentCalls: () => m["testDifferentCalls"]!(client, "hello"),
        }),
      ).toStrictEqual({
        testOne: { value: undefined },
        operationGroupOneTestTwo: { value: undefined },
        testLRO: { value: { id: "100" } },
        testDifferentCalls: { value: undefined },
      });
    });

    // The host template is `{Endpoint}/multiapiCustomBaseUrl/v1` (v2): the caller passes {Endpoint}.
    for (const [spec, version, id] of [
      ["multiapi-v1-custom-base-url.json", "1.0.0", 1],
      ["multiapi-v2-custom-base-url.json", "2.0.0", 2],
    ] as const) {
      it(`${spec} (${version}): test(id ${id}) goes to the host template's path with the spec's api-version`, async () => {
        const h = harness();
        const { m, client } = await clientOf(h, spec, "MultiapiCustomBaseUrlServiceClient");
        expect((client as { apiVersion: string }).apiVersion).toBe(version);
        const sent: string[] = [];
        const onResponse = (r: { request: { url: string } }) => sent.push(r.request.url);
        expect(await settle(m["test"]!(client, id, { onResponse }))).toStrictEqual({ value: undefined });
        expect(sent).toEqual([`${h.url}/multiapiCustomBaseUrl/v${id}/test?id=${id}&api-version=${version}`]);
      });
    }
  });
}
