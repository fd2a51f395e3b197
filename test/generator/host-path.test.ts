/**
 * An x-ms-parameterized-host template with a path after its one leading parameter
 * (`{Endpoint}/multiapiCustomBaseUrl/v1`): the caller passes the parameter as the endpoint, and the path goes
 * before every operation's path, as a basePath does.
 */
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { hostTemplatePath } from "../../generator/model/hostPath.js";
import { buildCodeModel } from "../../generator/model/index.js";
import { inMemory } from "../fixtures/model/load.js";

describe("hostTemplatePath", () => {
  it("is the literal path after one leading parameter, without a trailing slash; else empty", () => {
    expect(
      ["{Endpoint}/multiapiCustomBaseUrl/v1", "{endpoint}/a/b/", "{endpoint}", "{accountName}{host}", "{vault}{secret}{dnsSuffix}/x", "{endpoint}/x/{id}", "https://h/{x}", "{endpoint}/"].map(
        hostTemplatePath,
      ),
    ).toEqual(["/multiapiCustomBaseUrl/v1", "/a/b", "", "", "", "", "", ""]);
  });

  it("goes before the spec's basePath in the model", () => {
    const spec: JsonObject = {
      swagger: "2.0",
      info: { title: "t", version: "1.0" },
      basePath: "/api",
      "x-ms-parameterized-host": {
        hostTemplate: "{Endpoint}/custom/v1",
        useSchemePrefix: false,
        parameters: [{ name: "Endpoint", in: "path", required: true, type: "string", "x-ms-skip-url-encoding": true }],
      },
      paths: { "/items": { get: { operationId: "Items_List", responses: { "200": { description: "ok" } } } } },
    };
    const model = buildCodeModel([inMemory(spec)], { clientName: "C" });
    expect([model.client.endpoint.hostTemplate, model.client.endpoint.basePath]).toEqual(["{Endpoint}/custom/v1", "/custom/v1/api"]);
  });
});
