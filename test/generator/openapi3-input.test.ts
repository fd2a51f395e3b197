/**
 * The OpenAPI 3 reader (generator/input/openapi3/) on small hand-written 3.0 and 3.1 documents:
 * the exact Swagger-2-shaped form it hands the model builder (schemas are not converted: the JSON Schema
 * core, generator/input/jsonSchema, reads them natively), the model, what the generated client says, and
 * the exact `file#pointer` refusals (the reader's own, the schema's, and the model builder's,
 * restated at the original OpenAPI 3 pointer).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { originOf, readOpenApi3 } from "../../generator/input/openapi3/index.js";
import { readCodeModel } from "../../generator/input/index.js";
import { loadSpec } from "../../generator/load/index.js";
import type { CodeModel } from "../../generator/model/types.js";
import { repoRoot } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";

const specs = join(repoRoot, "test", "fixtures", "openapi3", "specs");

async function read(name: string): Promise<{ doc: Record<string, unknown>; origins: Record<string, string> }> {
  const { spec, origins } = readOpenApi3(await loadSpec(join(specs, name)));
  return { doc: spec.documents[spec.entryFile] as Record<string, unknown>, origins };
}

async function model(name: string): Promise<CodeModel> {
  const spec = await loadSpec(join(specs, name));
  return readCodeModel([{ manifest: { apiVersion: "1", status: "stable", path: spec.entryFile, sha256: {} }, spec }], { clientName: "C" });
}

async function generated(name: string, path: string): Promise<string> {
  const file = (await generateInMemory(join(specs, name))).find((f) => f.path === path);
  if (file === undefined) throw new Error(`${path} was not generated`);
  return file.content;
}

async function refusal(name: string): Promise<string> {
  try {
    await generateInMemory(join(specs, name));
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error(`${name} was not refused`);
}

describe("OpenAPI 3.0 input (widgets-3.0.yaml)", () => {
  it("servers with variables become x-ms-parameterized-host; schemas stay as written; requestBody a named body parameter", async () => {
    const { doc, origins } = await read("widgets-3.0.yaml");
    expect(doc["swagger"]).toBe("2.0");
    expect(doc["x-ms-parameterized-host"]).toEqual({
      hostTemplate: "{endpoint}/widgets/v1",
      parameters: [
        {
          name: "endpoint",
          in: "path",
          required: true,
          type: "string",
          description: "The widget service endpoint.",
          default: "https://widgets.example.com",
        },
      ],
      useSchemePrefix: false,
    });
    expect(doc["definitions"]).toBeUndefined();
    expect((doc["components"] as Record<string, unknown>)["schemas"]).toEqual({
      Widget: {
        type: "object",
        required: ["name"],
        properties: {
          name: { type: "string" },
          color: { type: "string", nullable: true, description: "The color, or null when unpainted." },
          tags: { type: "array", items: { type: "string" } },
        },
      },
    });
    expect((doc["paths"] as Record<string, Record<string, unknown>>)["/widgets/{name}"]?.["put"]).toEqual({
      operationId: "Widgets_Put",
      consumes: ["application/json"],
      produces: ["application/json"],
      parameters: [
        { name: "name", in: "path", required: true, type: "string" },
        { name: "fields", in: "query", type: "array", items: { type: "string" } },
        { name: "widget", in: "body", required: true, schema: { $ref: "#/components/schemas/Widget" } },
      ],
      responses: {
        "200": {
          description: "The stored widget.",
          headers: { etag: { type: "string" } },
          schema: { $ref: "#/components/schemas/Widget" },
        },
      },
    });
    expect(doc["securityDefinitions"]).toEqual({ key: { type: "apiKey", name: "api-key", in: "header" } });
    expect(origins).toEqual({
      "widgets-3.0.yaml#/paths/~1widgets~1{name}/put/parameters/2": "widgets-3.0.yaml#/paths/~1widgets~1{name}/put/requestBody",
      "widgets-3.0.yaml#/securityDefinitions/key": "widgets-3.0.yaml#/components/securitySchemes/key",
      "widgets-3.0.yaml#/paths/~1widgets~1{name}/put/responses/200/schema":
        "widgets-3.0.yaml#/paths/~1widgets~1{name}/put/responses/200/content/application~1json/schema",
    });
  });

  it("generates a client whose endpoint gets the server path and whose nullable property admits null", async () => {
    expect(await generated("widgets-3.0.yaml", "src/widgetService.ts")).toContain(
      '    this.endpoint = endpoint.replace(/\\/+$/, "") + "/widgets/v1";\n',
    );
    expect(await generated("widgets-3.0.yaml", "src/models.ts")).toContain(
      "export interface Widget {\n  /** The `name` property. */\n  name: string;\n  /** The color, or null when unpainted. */\n  color?: string | null;\n",
    );
  });
});

describe("OpenAPI 3.1 input (widgets-3.1.json)", () => {
  it("type lists with null and anyOf [schema, null] are nullable; a numeric exclusiveMinimum an exclusive minimum", async () => {
    const { doc } = await read("widgets-3.1.json");
    expect(doc["host"]).toBe("gadgets.example.com");
    expect(doc["basePath"]).toBe("/api");
    expect(doc["schemes"]).toEqual(["https"]);
    const gadget = (await model("widgets-3.1.json")).objects.find((o) => o.name === "Gadget");
    expect(gadget?.properties.map((p) => [p.serializedName, p.type, p.nullable, p.constraints])).toEqual([
      ["id", { kind: "string" }, false, undefined],
      ["weight", { kind: "number", nullable: true }, true, { minimum: 0, exclusiveMinimum: true }],
      ["owner", { kind: "model", name: "Owner", nullable: true }, true, undefined],
    ]);
  });

  it("generates the nullable properties as `| null`", async () => {
    expect(await generated("widgets-3.1.json", "src/models.ts")).toContain(
      "export interface Gadget {\n  /** The `id` property. */\n  id: string;\n  /** The `weight` property. */\n  weight?: number | null;\n  /** The `owner` property. */\n  owner?: Owner | null;\n}\n",
    );
  });
});

describe("OpenAPI 3.0 input (pets-3.0.yaml)", () => {
  it("a discriminator mapping gives the target its value; a form body formData parameters; query arrays explode by default", async () => {
    const { doc } = await read("pets-3.0.yaml");
    expect([doc["host"], doc["schemes"]]).toEqual(["pets.example.com", ["https", "http"]]);
    expect((await model("pets-3.0.yaml")).objects.map((o) => [o.name, o.discriminator, o.discriminatorValue])).toEqual([
      ["Dog", undefined, "doggo"],
      ["Pet", { propertyName: "kind", serializedName: "kind" }, "Pet"],
    ]);
    expect((doc["paths"] as Record<string, Record<string, unknown>>)["/pets"]?.["post"]).toEqual({
      operationId: "Pets_Add",
      consumes: ["application/x-www-form-urlencoded"],
      produces: ["application/json"],
      parameters: [
        { name: "tags", in: "query", type: "array", items: { type: "string" }, collectionFormat: "multi" },
        { name: "name", in: "formData", required: true, type: "string" },
        { name: "photo", in: "formData", type: "file" },
      ],
      responses: { "200": { description: "The pet.", schema: { $ref: "#/components/schemas/Pet" } } },
    });
  });

  it("generates the subtype with its mapped discriminator value", async () => {
    expect(await generated("pets-3.0.yaml", "src/models.ts")).toContain(
      'export interface Dog extends Pet {\n  /** Discriminator: always `doggo` for this model. */\n  kind: "doggo";\n',
    );
  });
});

describe("OpenAPI 3 refusals name the original file#pointer", () => {
  it("not", async () => {
    expect(await refusal("refused-not.yaml")).toBe(
      "refused-not.yaml#/components/schemas/Shape/not: not is not supported (OpenAPI 3 input)",
    );
  });

  it("a cookie parameter", async () => {
    expect(await refusal("refused-cookie.yaml")).toBe(
      "refused-cookie.yaml#/paths/~1me/get/parameters/0/in: a cookie parameter is not supported (OpenAPI 3 input)",
    );
  });

  it("a model-builder error inside a component schema is reported at components/schemas, not definitions", async () => {
    expect(await refusal("model-error.yaml")).toBe(
      "model-error.yaml#/components/schemas/Bag/properties/things: `type: array` without `items`",
    );
  });

  it("a document that is not valid OpenAPI 3.0", async () => {
    expect(await refusal("invalid.yaml")).toBe('invalid.yaml#/info: not valid OpenAPI 3.0: missing required property "version"');
  });
});

describe("pointer origins", () => {
  const origins = {
    "a.yaml#/definitions/Pet": "a.yaml#/components/schemas/Pet",
    "a.yaml#/paths/~1p/post/parameters/1": "a.yaml#/paths/~1p/post/requestBody",
    "a.yaml#/paths/~1p/post/parameters/2": "a.yaml#/paths/~1p/post/parameters/1",
  };

  it("restates a pointer at its longest mapped prefix and keeps the rest", () => {
    expect(originOf(origins, "a.yaml", "/definitions/Pet/properties/name")).toEqual({
      file: "a.yaml",
      pointer: "/components/schemas/Pet/properties/name",
    });
    expect(originOf(origins, "a.yaml", "/paths/~1p/post/parameters/1/schema")).toEqual({
      file: "a.yaml",
      pointer: "/paths/~1p/post/requestBody/schema",
    });
    expect(originOf(origins, "a.yaml", "/paths/~1p/post/parameters/2")).toEqual({
      file: "a.yaml",
      pointer: "/paths/~1p/post/parameters/1",
    });
  });

  it("leaves pointers the reader did not move, and other files, as they are", () => {
    expect(originOf(origins, "a.yaml", "/paths/~1p/post/x-ms-pageable")).toEqual({
      file: "a.yaml",
      pointer: "/paths/~1p/post/x-ms-pageable",
    });
    expect(originOf(origins, "b.yaml", "/definitions/Pet")).toEqual({ file: "b.yaml", pointer: "/definitions/Pet" });
  });
});
