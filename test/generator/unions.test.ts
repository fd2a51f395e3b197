/**
 * OpenAPI 3 `oneOf` / `anyOf` (generator/input/jsonSchema/unions.ts, generator/emit/unions.ts): the `union` TypeRef the
 * model gets, the TypeScript union the emitter writes, how union values are mapped, and that the output
 * typechecks. Small inline OpenAPI 3.0 documents.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import type { CodeModel } from "../../generator/model/types.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { inMemory } from "../fixtures/model/load.js";

const work = mkdtempSync(join(tmpdir(), "acs-gen-unions-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function openapi(schemas: JsonObject, response: JsonObject = { $ref: "#/components/schemas/Holder" }, more: JsonObject = {}): JsonObject {
  return {
    openapi: "3.0.3",
    info: { title: "Unions", version: "1" },
    paths: {
      "/holder": {
        get: {
          operationId: "Holder_Get",
          responses: { "200": { description: "ok", content: { "application/json": { schema: response } } } },
        },
        put: {
          operationId: "Holder_Put",
          requestBody: { required: true, content: { "application/json": { schema: response } } },
          responses: { "204": { description: "stored" } },
        },
      },
    },
    components: { schemas: { ...schemas, ...more } },
  };
}

function model(doc: JsonObject): CodeModel {
  return readCodeModel([inMemory(doc)], { clientName: "C" });
}

function propertyType(m: CodeModel, object: string, property: string): unknown {
  return m.objects.find((o) => o.name === object)?.properties.find((p) => p.serializedName === property)?.type;
}

async function generate(doc: JsonObject, name: string): Promise<Array<{ path: string; content: string }>> {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(doc));
  return generateInMemory(path, work);
}

function fileOf(files: Array<{ path: string; content: string }>, path: string): string {
  return files.find((f) => f.path === path)?.content ?? "";
}

const holder = (properties: JsonObject): JsonObject => ({ Holder: { type: "object", properties } });

describe("oneOf / anyOf in the code model", () => {
  it("lists the members; a null member, or a nullable one, makes the union nullable", () => {
    const m = model(
      openapi(
        holder({
          value: {
            anyOf: [{ type: "string", nullable: true }, { type: "boolean" }, { type: "number" }, { $ref: "#/components/schemas/List" }],
          },
          code: {
            oneOf: [{ $ref: "#/components/schemas/Code" }, { $ref: "#/components/schemas/Blank" }, { $ref: "#/components/schemas/Null" }],
          },
        }),
        undefined,
        {
          List: { type: "array", items: { type: "string" } },
          Code: { type: "string", enum: ["AT", "EE"] },
          Blank: { enum: [""] },
          Null: { enum: [null] },
        },
      ),
    );
    expect(propertyType(m, "Holder", "value")).toEqual({
      kind: "union",
      members: [{ kind: "string" }, { kind: "boolean" }, { kind: "number" }, { kind: "array", items: { kind: "string" } }],
      nullable: true,
    });
    expect(propertyType(m, "Holder", "code")).toEqual({
      kind: "union",
      members: [
        { kind: "enum", name: "Code" },
        { kind: "constant", value: "" },
      ],
      nullable: true,
    });
  });

  it("equal members are listed once: one member left is that member's type", () => {
    const m = model(
      openapi(
        holder({
          id: {
            anyOf: [
              { type: "string", pattern: "^a" },
              { type: "string", pattern: "^b" },
            ],
          },
        }),
      ),
    );
    expect(propertyType(m, "Holder", "id")).toEqual({ kind: "string" });
  });

  it("an unknown member makes the union unknown; nested unions give their members", () => {
    const m = model(
      openapi(
        holder({
          any: { oneOf: [{ type: "string" }, {}] },
          nested: { oneOf: [{ type: "integer" }, { anyOf: [{ type: "string" }, { type: "boolean" }] }] },
        }),
      ),
    );
    expect(propertyType(m, "Holder", "any")).toEqual({ kind: "unknown" });
    expect(propertyType(m, "Holder", "nested")).toEqual({
      kind: "union",
      members: [{ kind: "integer" }, { kind: "string" }, { kind: "boolean" }],
    });
  });

  it("inline object members are models named from where they are used", () => {
    const m = model(
      openapi(
        holder({
          config: {
            oneOf: [
              { type: "object", properties: { strategy: { type: "string" } } },
              { type: "object", properties: { best_n: { type: "integer" } } },
              { type: "string" },
            ],
          },
          single: { oneOf: [{ type: "object", properties: { a: { type: "string" } } }, { type: "integer" }] },
        }),
      ),
    );
    expect(propertyType(m, "Holder", "config")).toEqual({
      kind: "union",
      members: [{ kind: "model", name: "HolderConfigVariant1" }, { kind: "model", name: "HolderConfigVariant2" }, { kind: "string" }],
    });
    expect(propertyType(m, "Holder", "single")).toEqual({
      kind: "union",
      members: [{ kind: "model", name: "HolderSingle" }, { kind: "integer" }],
    });
  });

  it("a definition that is a union is used as its union wherever it is referenced", () => {
    const m = model(openapi({ Shape: { oneOf: [{ type: "string" }, { type: "integer" }] } }, { $ref: "#/components/schemas/Shape" }));
    const get = m.operationGroups.flatMap((g) => g.operations).find((o) => o.operationId === "Holder_Get");
    expect(get?.responses[0]?.bodyType).toEqual({ kind: "union", members: [{ kind: "string" }, { kind: "integer" }] });
  });

  it("oneOf with a discriminator over one hierarchy is the hierarchy's root; otherwise a plain union", () => {
    const pet = { type: "object", required: ["kind"], properties: { kind: { type: "string" } }, discriminator: { propertyName: "kind" } };
    const cat: JsonObject = {
      allOf: [{ $ref: "#/components/schemas/Pet" }, { type: "object", properties: { purrs: { type: "boolean" } } }],
    };
    const dog: JsonObject = {
      allOf: [{ $ref: "#/components/schemas/Pet" }, { type: "object", properties: { barks: { type: "boolean" } } }],
    };
    const other = { type: "object", properties: { kind: { type: "string" } } };
    const choice = (refs: string[]): JsonObject => ({
      oneOf: refs.map((r) => ({ $ref: `#/components/schemas/${r}` })),
      discriminator: { propertyName: "kind" },
    });
    const m = model(
      openapi({ Pet: pet, Cat: cat, Dog: dog, Other: other, ...holder({ pet: choice(["Cat", "Dog"]), mixed: choice(["Cat", "Other"]) }) }),
    );
    expect(propertyType(m, "Holder", "pet")).toEqual({ kind: "model", name: "Pet" });
    expect(propertyType(m, "Holder", "mixed")).toEqual({
      kind: "union",
      members: [
        { kind: "model", name: "Cat" },
        { kind: "model", name: "Other" },
      ],
    });
  });

  it("a union that holds itself through an object model is read (the model stops the recursion)", () => {
    const entry: JsonObject = {
      type: "object",
      properties: { value: { anyOf: [{ type: "string" }, { $ref: "#/components/schemas/List" }] } },
    };
    const m = model(
      openapi({ List: { anyOf: [{ type: "array", items: entry }, { type: "boolean" }] } }, { $ref: "#/components/schemas/List" }),
    );
    const list = { kind: "union", members: [{ kind: "array", items: { kind: "model", name: "ListItem" } }, { kind: "boolean" }] };
    expect(m.objects.find((o) => o.name === "ListItem")?.properties[0]?.type).toEqual({
      kind: "union",
      members: [{ kind: "string" }, ...list.members],
    });
  });

  it("a union that holds itself is refused at its pointer", async () => {
    const doc = openapi(
      { Tree: { oneOf: [{ type: "string" }, { type: "array", items: { $ref: "#/components/schemas/Tree" } }] } },
      {
        $ref: "#/components/schemas/Tree",
      },
    );
    await expect(generate(doc, "self")).rejects.toThrow(
      "self.json#/components/schemas/Tree: a oneOf that holds itself (through oneOf members, arrays or dictionaries) is not supported",
    );
  });
});

describe("oneOf / anyOf in TypeScript", () => {
  const schemas: JsonObject = {
    Holder: {
      type: "object",
      properties: {
        value: { anyOf: [{ type: "string" }, { type: "number" }, { type: "array", items: { type: "string" } }], nullable: true },
        when: { oneOf: [{ type: "string", format: "date-time" }, { type: "integer" }] },
        detail: { oneOf: [{ $ref: "#/components/schemas/Renamed" }, { type: "string" }] },
        details: { anyOf: [{ $ref: "#/components/schemas/Renamed" }, { $ref: "#/components/schemas/Plain" }] },
      },
    },
    Renamed: { type: "object", properties: { error_code: { type: "string" } } },
    Plain: { type: "object", properties: { message: { type: "string" } } },
  };

  it("writes members as a TypeScript union, dates inside a union in their wire form", async () => {
    const models = fileOf(await generate(openapi(schemas), "emit"), "src/models.ts");
    expect(models).toContain("  value?: string | number | string[] | null;\n");
    expect(models).toContain("  when?: string | number;\n");
    expect(models).toContain("  detail?: Renamed | string;\n");
    expect(models).toContain("  details?: Renamed | Plain;\n");
  });

  it("maps only the members that need it, told apart by their JSON shape", async () => {
    const files = await generate(openapi(schemas), "mapping");
    const mappers = fileOf(files, "src/mappers.ts");
    expect(mappers).toContain(
      '...(wire.detail === undefined ? {} : { detail: typeof wire.detail === "object" && wire.detail !== null ? deserializeRenamed(wire.detail) : wire.detail }),',
    );
    expect(mappers).toContain(
      "...(wire.details === undefined ? {} : { details: { ...(wire.details as Plain), ...deserializeRenamed(wire.details as RenamedWire) } }),",
    );
    expect(mappers).toContain("...(wire.value === undefined ? {} : { value: wire.value }),");
    expect(typecheckFiles("unions", files)).toEqual([]);
  });
});
