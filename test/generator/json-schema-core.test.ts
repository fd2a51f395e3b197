/**
 * The shared JSON Schema core (generator/input/jsonSchema/) called directly on small inline documents: component
 * schemas of Swagger 2 (`#/definitions`) and OpenAPI 3 (`#/components/schemas`) are named and registered alike,
 * and OpenAPI 3.0 / 3.1 keywords are read natively. Exact TypeRefs and models asserted.
 */
import { describe, expect, it } from "vitest";
import {
  constraintsOf,
  createContext,
  discriminatorValues,
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

/** The message of the GeneratorError `run` throws. */
function errorOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
}

describe("OpenAPI 3.0 keywords, read natively", () => {
  const schemas: JsonObject = {
    Owner: { type: "object", properties: { name: { type: "string" } } },
    Pet: {
      type: "object",
      required: ["kind"],
      properties: { kind: { type: "string" } },
      discriminator: { propertyName: "kind", mapping: { doggo: "#/components/schemas/Dog", Cat: "#/components/schemas/Cat" } },
    },
    Dog: { allOf: [{ $ref: "#/components/schemas/Pet" }, { type: "object", properties: { barks: { type: "boolean" } } }] },
    Cat: { allOf: [{ $ref: "#/components/schemas/Pet" }], "x-ms-discriminator-value": "kitty" },
  };
  const ctx = (): BuildContext => context(openapi30(schemas), OPENAPI30_DIALECT);

  it("nullable: true (also next to a $ref) and x-nullable make the type nullable; nullable: false does not", () => {
    const c = ctx();
    expect(read(c, { type: "string", nullable: true })).toEqual({ kind: "string", nullable: true });
    expect(read(c, { type: "string", nullable: false })).toEqual({ kind: "string" });
    expect(read(c, { type: "integer", format: "int32", "x-nullable": true })).toEqual({ kind: "integer", format: "int32", nullable: true });
    expect(read(c, { $ref: "#/components/schemas/Owner", nullable: true })).toEqual({ kind: "model", name: "Owner", nullable: true });
    // x-nullable, when present, decides
    expect(read(c, { type: "string", nullable: true, "x-nullable": false })).toEqual({ kind: "string" });
  });

  it("$ref siblings that change the schema are ignored, as 3.0 says; annotations stay", () => {
    const c = ctx();
    expect(read(c, { $ref: "#/components/schemas/Owner", type: "string", required: ["x"], description: "d" })).toEqual({
      kind: "model",
      name: "Owner",
    });
  });

  it("a discriminator object: its propertyName, and each mapping value the target's discriminator value", () => {
    const c = ctx();
    registerComponentSchemas(c);
    expect(c.objects.get("spec.json#/components/schemas/Pet")?.discriminator).toEqual({ propertyName: "kind", serializedName: "kind" });
    // the mapping's `Cat` is the target's own name (its value anyway), and Cat says x-ms-discriminator-value
    expect([...discriminatorValues(c)]).toEqual([
      ["Dog", "doggo"],
      ["Cat", "kitty"],
    ]);
  });

  it("a $ref into a parameter's schema is that schema read in place, the $ref's siblings winning", () => {
    const doc = {
      ...openapi30({}),
      components: {
        parameters: { id: { name: "id", in: "path", required: true, schema: { type: "string", format: "uuid", description: "The id." } } },
        schemas: {},
      },
    };
    const c = context(doc, OPENAPI30_DIALECT);
    const pointer = "/components/schemas/Thing/properties/id";
    expect(read(c, { $ref: "#/components/parameters/id/schema", format: "date-time" }, pointer)).toEqual({
      kind: "date",
      format: "date-time",
    });
    expect(read(c, { $ref: "#/components/parameters/id/schema" }, pointer)).toEqual({ kind: "string", format: "uuid" });
  });

  it("a $ref into a response's media type schema resolves to it", () => {
    const doc = {
      ...openapi30({}),
      paths: {
        "/a": {
          get: {
            responses: {
              "200": {
                description: "ok",
                content: { "application/json": { schema: { type: "object", properties: { n: { type: "integer" } } } } },
              },
            },
          },
        },
      },
    };
    const c = context(doc, OPENAPI30_DIALECT);
    expect(read(c, { $ref: "#/paths/~1a/get/responses/200/content/application~1json/schema" }, "/components/schemas/B", "B")).toEqual({
      kind: "model",
      name: "B",
    });
    expect([...c.objects.keys()]).toEqual(["spec.json#/paths/~1a/get/responses/200/content/application~1json/schema"]);
  });

  it("not is refused at its pointer, saying OpenAPI 3", () => {
    expect(errorOf(() => read(ctx(), { not: { type: "string" } }, "/components/schemas/X"))).toBe(
      "spec.json#/components/schemas/X/not: not is not supported (OpenAPI 3 input)",
    );
  });
});

describe("OpenAPI 3.1 keywords, read natively", () => {
  const schemas = { Owner: { type: "object", properties: { name: { type: "string" } } } };
  const ctx = (): BuildContext => context(openapi31(schemas), OPENAPI31_DIALECT);

  it('a type list with "null" is that type, nullable; "null" alone is unknown, nullable', () => {
    const c = ctx();
    expect(read(c, { type: ["integer", "null"], format: "int64" })).toEqual({ kind: "integer", format: "int64", nullable: true });
    expect(read(c, { type: ["null", "array"], items: { type: "string" } })).toEqual({
      kind: "array",
      items: { kind: "string" },
      nullable: true,
    });
    expect(read(c, { type: "null" })).toEqual({ kind: "unknown", nullable: true });
  });

  it("a type list of several non-null types is refused at its pointer", () => {
    expect(errorOf(() => read(ctx(), { type: ["string", "integer", "null"] }, "/components/schemas/X"))).toBe(
      'spec.json#/components/schemas/X/type: a type list with several non-null types ("string", "integer") is not supported (OpenAPI 3 input)',
    );
  });

  it("anyOf / oneOf [schema, {type: null}] is the schema, nullable, documented by its siblings", () => {
    const c = ctx();
    expect(read(c, { anyOf: [{ $ref: "#/components/schemas/Owner" }, { type: "null" }], description: "d" })).toEqual({
      kind: "model",
      name: "Owner",
      nullable: true,
    });
    expect(read(c, { oneOf: [{ type: "null" }, { type: "string", maxLength: 3 }] })).toEqual({ kind: "string", nullable: true });
  });

  it("const is a constant; numeric exclusive bounds are exclusive minimum / maximum", () => {
    const c = ctx();
    expect(read(c, { type: "string", const: "fixed" })).toEqual({ kind: "constant", value: "fixed" });
    expect(constraintsOf({ type: "number", exclusiveMinimum: 0, exclusiveMaximum: 10 })).toEqual({
      minimum: 0,
      maximum: 10,
      exclusiveMinimum: true,
      exclusiveMaximum: true,
    });
    // Swagger 2 / 3.0 spelling, unchanged
    expect(constraintsOf({ type: "number", minimum: 1, exclusiveMinimum: true, maximum: 2 })).toEqual({
      minimum: 1,
      maximum: 2,
      exclusiveMinimum: true,
    });
  });

  it("$ref siblings are kept: one that changes the schema is refused", () => {
    expect(errorOf(() => read(ctx(), { $ref: "#/components/schemas/Owner", required: ["name"] }, "/components/schemas/X"))).toBe(
      'spec.json#/components/schemas/X: "required" next to "$ref" is not supported (siblings of $ref may only annotate it)',
    );
  });

  it("a $ref into a schema's $defs is an inline schema, named from where it is first used", () => {
    const c = context(
      openapi31({
        Ledger: {
          type: "object",
          properties: { line: { $ref: "#/components/schemas/Ledger/$defs/line" } },
          $defs: { line: { type: "object", properties: { amount: { type: ["number", "null"] } } } },
        },
      }),
      OPENAPI31_DIALECT,
    );
    registerComponentSchemas(c);
    expect([...c.objects.values()].map((o) => [o.name, o.source.pointer, o.properties.map((p) => [p.name, p.type, p.nullable])])).toEqual([
      ["Ledger", "/components/schemas/Ledger", [["line", { kind: "model", name: "LedgerLine" }, false]]],
      ["LedgerLine", "/components/schemas/Ledger/$defs/line", [["amount", { kind: "number", nullable: true }, true]]],
    ]);
  });
});
