import { describe, expect, it } from "vitest";
import { readCodeModel } from "../../generator/input/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import { inMemory } from "../fixtures/model/load.js";
import { errorOf } from "../fixtures/model/errors.js";

const ok = { "200": { description: "ok" } };
const spec = (paths: JsonObject, definitions: JsonObject = {}): JsonObject => ({
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  paths,
  definitions,
});

describe("unsupported input fails with file#pointer: what", () => {
  it("a parameter location Swagger 2.0 does not have (formData ones are form fields, see bodies.test.ts)", () => {
    expect(
      errorOf(spec({ "/u": { post: { operationId: "U_Up", parameters: [{ name: "f", in: "cookie", type: "string" }], responses: ok } } })),
    ).toBe('spec.json#/paths/~1u/post/parameters/0: parameter "f" has unsupported location "cookie"');
  });

  it("duplicate operationIds", () => {
    expect(
      errorOf(
        spec({
          "/a": { get: { operationId: "X_Get", responses: ok } },
          "/b": { get: { operationId: "X_Get", responses: ok } },
        }),
      ),
    ).toBe('spec.json#/paths/~1b/get: duplicate operationId "X_Get" (also at /paths/~1a/get)');
  });

  it("path parameter missing from the template, and a placeholder without parameter", () => {
    expect(
      errorOf(
        spec({
          "/a": { get: { operationId: "A_Get", parameters: [{ name: "id", in: "path", required: true, type: "string" }], responses: ok } },
        }),
      ),
    ).toBe('spec.json#/paths/~1a/get/parameters/0: path parameter "id" does not appear in the path template "/a"');
    expect(errorOf(spec({ "/a/{id}": { get: { operationId: "A_Get", responses: ok } } }))).toBe(
      'spec.json#/paths/~1a~1{id}/get: path template "/a/{id}" has no path parameter "id"',
    );
  });

  it("type: array without items", () => {
    expect(errorOf(spec({}, { M: { type: "object", properties: { list: { type: "array" } } } }))).toBe(
      "spec.json#/definitions/M/properties/list: `type: array` without `items`",
    );
  });

  it("$ref with a sibling that changes the schema", () => {
    expect(
      errorOf(
        spec(
          {},
          {
            A: { type: "object" },
            M: { type: "object", properties: { a: { $ref: "#/definitions/A", properties: { x: { type: "string" } } } } },
          },
        ),
      ),
    ).toBe('spec.json#/definitions/M/properties/a: "properties" next to "$ref" is not supported (siblings of $ref may only annotate it)');
    expect(
      errorOf(
        spec(
          {},
          {
            A: { type: "object" },
            M: { type: "object", properties: { a: { $ref: "#/definitions/A", type: "string" } } },
          },
        ),
      ),
    ).toBe('spec.json#/definitions/M/properties/a: "type" next to "$ref" is not supported (siblings of $ref may only annotate it)');
  });

  it("a $ref that does not resolve", () => {
    expect(errorOf(spec({}, { M: { type: "object", properties: { a: { $ref: "#/definitions/Nope" } } } }))).toBe(
      'spec.json#/definitions/M/properties/a/$ref: $ref "#/definitions/Nope" does not resolve: no such definition',
    );
  });

  it("a missing api version list", () => {
    expect(() => readCodeModel([], { clientName: "C" })).toThrow("spec/manifest.json#/generate: no API version to build a code model from");
  });
});

describe("annotations next to $ref are honoured", () => {
  it("x-ms-client-name, readOnly, x-nullable, description; type: object restating the target", () => {
    const model = readCodeModel(
      [
        inMemory(
          spec(
            {},
            {
              A: { type: "object" },
              M: {
                type: "object",
                properties: {
                  a_b: {
                    $ref: "#/definitions/A",
                    type: "object",
                    readOnly: true,
                    "x-nullable": true,
                    "x-ms-client-name": "renamed",
                    description: "d",
                  },
                },
              },
            },
          ),
        ),
      ],
      { clientName: "C" },
    );
    const prop = model.objects.find((o) => o.name === "M")?.properties[0];
    expect([prop?.name, prop?.serializedName, prop?.type, prop?.readOnly, prop?.nullable, prop?.description]).toEqual([
      "renamed",
      "a_b",
      { kind: "model", name: "A", nullable: true },
      true,
      true,
      "d",
    ]);
  });
});
