/**
 * The shared JSON Schema core (generator/input/jsonSchema/) called directly on small inline documents: component
 * schemas of Swagger 2 (`#/definitions`) and OpenAPI 3 (`#/components/schemas`) are named and registered alike,
 * and OpenAPI 3.0 / 3.1 keywords are read natively. Exact TypeRefs and models asserted.
 */
import { describe, expect, it } from "vitest";
import {
  createContext,
  OPENAPI30_DIALECT,
  OPENAPI31_DIALECT,
  registerComponentSchemas,
  SWAGGER2_DIALECT,
  typeOf,
  type BuildContext,
  type SchemaDialect,
} from "../../generator/input/jsonSchema/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import type { JsonValue } from "../../generator/model/types.js";
import { inMemory } from "../fixtures/model/load.js";

function context(doc: JsonObject, dialect: SchemaDialect, extra: Record<string, JsonObject> = {}): BuildContext {
  const { spec } = inMemory(doc, "1.0", extra);
  return createContext(spec, "1.0", new Set(), {}, dialect);
}

/** The TypeRef of `schema` as if found at `pointer` of the entry file. */
function read(ctx: BuildContext, schema: JsonValue, pointer = "/paths/~1x/get/responses/200/schema", hint = "Hint"): unknown {
  return typeOf(ctx, { file: "spec.json", pointer }, schema, hint);
}

const openapi30 = (schemas: JsonObject): JsonObject => ({
  openapi: "3.0.3",
  info: { title: "T", version: "1" },
  paths: {},
  components: { schemas },
});
const openapi31 = (schemas: JsonObject): JsonObject => ({ ...openapi30(schemas), openapi: "3.1.0" });

describe("component schemas", () => {
  const schemas = {
    Pet: { type: "object", properties: { name: { type: "string" }, owner: { $ref: "#/components/schemas/Owner" } } },
    Owner: { type: "object", properties: { id: { type: "integer", format: "int64" } } },
    Color: { type: "string", enum: ["red", "green"] },
  };

  it("#/components/schemas/<Key> is named and registered like #/definitions/<Key>, in document order", () => {
    const ctx = context(openapi30(schemas), OPENAPI30_DIALECT);
    registerComponentSchemas(ctx);
    expect([...ctx.objects.keys()]).toEqual(["spec.json#/components/schemas/Pet", "spec.json#/components/schemas/Owner"]);
    expect([...ctx.enums.keys()]).toEqual(["spec.json#/components/schemas/Color"]);
    const pet = ctx.objects.get("spec.json#/components/schemas/Pet");
    expect(pet).toEqual({
      name: "Pet",
      serializedName: "Pet",
      parents: [],
      properties: [
        {
          name: "name",
          serializedName: "name",
          type: { kind: "string" },
          required: false,
          readOnly: false,
          nullable: false,
          apiVersions: ["1.0"],
          source: { file: "spec.json", pointer: "/components/schemas/Pet/properties/name" },
        },
        {
          name: "owner",
          serializedName: "owner",
          type: { kind: "model", name: "Owner" },
          required: false,
          readOnly: false,
          nullable: false,
          apiVersions: ["1.0"],
          source: { file: "spec.json", pointer: "/components/schemas/Pet/properties/owner" },
        },
      ],
      usage: [],
      apiVersions: ["1.0"],
      source: { file: "spec.json", pointer: "/components/schemas/Pet" },
    });
    expect(read(ctx, { $ref: "#/components/schemas/Owner" })).toEqual({ kind: "model", name: "Owner" });
    expect(read(ctx, { $ref: "#/components/schemas/Color" })).toEqual({ kind: "enum", name: "Color" });
  });

  it("the same documents in Swagger 2 give the same models", () => {
    const swagger = JSON.parse(JSON.stringify(schemas).replaceAll("#/components/schemas/", "#/definitions/")) as JsonObject;
    const ctx = context({ swagger: "2.0", info: { title: "T", version: "1" }, paths: {}, definitions: swagger }, SWAGGER2_DIALECT);
    registerComponentSchemas(ctx);
    const oa3 = context(openapi30(schemas), OPENAPI30_DIALECT);
    registerComponentSchemas(oa3);
    const plain = (c: BuildContext): unknown =>
      JSON.parse(JSON.stringify([...c.objects.values(), ...c.enums.values()]).replaceAll("/components/schemas/", "/definitions/"));
    expect(plain(oa3)).toEqual(plain(ctx));
  });

  it("the entry file's component schemas claim their names before those of other files", () => {
    const other = {
      openapi: "3.1.0",
      info: { title: "O", version: "1" },
      components: { schemas: { Pet: { type: "object", properties: {} } } },
    };
    const ctx = context(
      openapi31({ Pet: { type: "object", properties: { sibling: { $ref: "other.json#/components/schemas/Pet" } } } }),
      OPENAPI31_DIALECT,
      {
        "other.json": other,
      },
    );
    registerComponentSchemas(ctx);
    expect([...ctx.objects.values()].map((o) => [o.name, o.serializedName, `${o.source.file}#${o.source.pointer}`])).toEqual([
      ["Pet", "Pet", "spec.json#/components/schemas/Pet"],
      ["Pet2", "Pet", "other.json#/components/schemas/Pet"],
    ]);
  });

  it("a Swagger 2 context does not register components/schemas, an OpenAPI 3 one no definitions", () => {
    const ctx = context({ ...openapi30(schemas), definitions: { Lone: { type: "object", properties: {} } } }, SWAGGER2_DIALECT);
    registerComponentSchemas(ctx);
    expect([...ctx.objects.keys()]).toEqual(["spec.json#/definitions/Lone"]);
  });
});
