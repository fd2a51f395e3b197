/**
 * dpg-initial.json, dpg-update1.json and dpg-customization.json against the test server's dpg routes
 * (service-driven evolution: the same operations before and after new optional parameters, a new
 * operation and a new path), plus a request the specs do not describe, sent through the client's pipeline.
 */
import { createPipelineRequest } from "@azure/core-rest-pipeline";
import { describe, expect, it } from "vitest";
import type { Harness } from "../harness.js";
import { settle } from "./errors.js";

const returned = { value: { message: "An object was successfully returned" } };

async function itemsOf(iterator: unknown): Promise<unknown[]> {
  const all: unknown[] = [];
  for await (const item of iterator as AsyncIterable<unknown>) all.push(item);
  return all;
}

export function dpgSuite(harness: () => Harness): void {
  describe("dpg", () => {
    it("dpg-initial: HEAD without parameters, required and optional query parameters, a JSON body", async () => {
      const h = harness();
      const m = await h.load("dpg-initial.json");
      const c = h.context();
      expect({
        paramsHeadNoParams: await settle(m["paramsHeadNoParams"]!(c)),
        paramsGetRequired: await settle(m["paramsGetRequired"]!(c, "I am a required parameter")),
        paramsPutRequiredOptional: await settle(
          m["paramsPutRequiredOptional"]!(c, "I am a required parameter", { optionalParam: "I am an optional parameter" }),
        ),
        paramsPostParameters: await settle(m["paramsPostParameters"]!(c, { url: "http://example.org/myimage.jpeg" })),
        paramsGetOptional: await settle(m["paramsGetOptional"]!(c, { optionalParam: "I am an optional parameter" })),
      }).toStrictEqual({
        paramsHeadNoParams: { value: undefined },
        paramsGetRequired: returned,
        paramsPutRequiredOptional: returned,
        paramsPostParameters: { value: undefined },
        paramsGetOptional: returned,
      });
    });

    it("dpg-update1: the same operations with their new optional parameter, the new operation and the new path", async () => {
      const h = harness();
      const m = await h.load("dpg-update1.json");
      const c = h.context();
      const newParameter = "I'm a new input optional parameter";
      expect({
        paramsHeadNoParams: await settle(m["paramsHeadNoParams"]!(c, { newParameter })),
        paramsGetRequired: await settle(m["paramsGetRequired"]!(c, "I am a required parameter", { newParameter })),
        paramsPutRequiredOptional: await settle(
          m["paramsPutRequiredOptional"]!(c, "I am a required parameter", { optionalParam: "I am an optional parameter", newParameter }),
        ),
        paramsGetOptional: await settle(m["paramsGetOptional"]!(c, { optionalParam: "I am an optional parameter", newParameter })),
        paramsDeleteParameters: await settle(m["paramsDeleteParameters"]!(c)),
        paramsGetNewOperation: await settle(m["paramsGetNewOperation"]!(c)),
      }).toStrictEqual({
        paramsHeadNoParams: { value: undefined },
        paramsGetRequired: returned,
        paramsPutRequiredOptional: returned,
        paramsGetOptional: returned,
        paramsDeleteParameters: { value: undefined },
        paramsGetNewOperation: returned,
      });
    });

    it("dpg-update1: the body added as image/jpeg is sent as bytes with that content type (DPGNewBodyType.JPEG)", async () => {
      const h = harness();
      const m = await h.load("dpg-update1.json");
      const sent: Array<string | undefined> = [];
      const onResponse = (r: { request: { headers: { get(name: string): string | undefined } } }) =>
        sent.push(r.request.headers.get("content-type"));
      const jpeg = new TextEncoder().encode("binary");
      expect(await settle(m["paramsPostParameters"]!(h.context(), jpeg, { contentType: "image/jpeg", onResponse }))).toStrictEqual({
        value: undefined,
      });
      expect(sent).toEqual(["image/jpeg"]);
    });

    it("a path no spec describes is reached through the context's pipeline and transport (the glass breaker)", async () => {
      const h = harness();
      const { endpoint, pipeline, httpClient } = h.context();
      const response = await pipeline.sendRequest(httpClient, createPipelineRequest({ url: `${endpoint}/servicedriven/glassbreaker` }));
      expect([response.status, JSON.parse(response.bodyAsText ?? "")]).toEqual([200, { message: "An object was successfully returned" }]);
    });

    it("dpg-customization: models, a posted model, pages and a long-running operation, raw and model", async () => {
      const h = harness();
      const m = await h.load("dpg-customization.json");
      const c = h.context();
      const got: Record<string, unknown> = {};
      for (const mode of ["raw", "model"]) {
        got[`getModel ${mode}`] = await settle(m["getModel"]!(c, mode));
        got[`postModel ${mode}`] = await settle(m["postModel"]!(c, mode, { hello: "world!" }));
        got[`getPages ${mode}`] = await settle(itemsOf(m["getPages"]!(c, mode)));
        const poller = (await m["lro"]!(c, mode, { updateIntervalInMs: 1 })) as { pollUntilDone(): Promise<unknown> };
        got[`lro ${mode}`] = await settle(poller.pollUntilDone());
      }
      expect(got).toStrictEqual({
        "getModel raw": { value: { received: "raw" } },
        "postModel raw": { value: { received: "raw" } },
        "getPages raw": { value: [{ received: "raw" }, { received: "raw" }] },
        "lro raw": { value: { provisioningState: "Succeeded", received: "raw" } },
        "getModel model": { value: { received: "model" } },
        "postModel model": { value: { received: "model" } },
        "getPages model": { value: [{ received: "model" }, { received: "model" }] },
        "lro model": { value: { provisioningState: "Succeeded", received: "model" } },
      });
    });
  });
}
