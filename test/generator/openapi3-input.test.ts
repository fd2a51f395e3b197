/**
 * The OpenAPI 3 reader (generator/input/openapi3/) on small hand-written 3.0 and 3.1 documents:
 * the exact code model parts it builds, what the generated client says, and the exact `file#pointer`
 * refusals (the reader's own, the schema's, the validator's), at the OpenAPI 3 document's own pointers.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCodeModel } from "../../generator/input/index.js";
import { loadSpec } from "../../generator/load/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import type { CodeModel, Operation } from "../../generator/model/types.js";
import { repoRoot } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { errorOf } from "../fixtures/model/errors.js";
import { inMemory } from "../fixtures/model/load.js";

const specs = join(repoRoot, "test", "fixtures", "openapi3", "specs");

async function read(name: string): Promise<CodeModel> {
  const spec = await loadSpec(join(specs, name));
  return readCodeModel([{ manifest: { apiVersion: "1", status: "stable", path: spec.entryFile, sha256: {} }, spec }], { clientName: "" });
}

/** The model's first operation, without its version lists. */
function firstOperation(model: CodeModel): unknown {
  const operation = model.operationGroups.flatMap((g) => g.operations)[0] as Operation;
  return JSON.parse(JSON.stringify(operation, (key, value: unknown) => (key === "apiVersions" ? undefined : value)));
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
  it("servers with variables make a parameterized endpoint; requestBody a named body; the security scheme a key header", async () => {
    const model = await read("widgets-3.0.yaml");
    const at = (pointer: string): { file: string; pointer: string } => ({ file: "widgets-3.0.yaml", pointer });
    expect(model.client.endpoint).toEqual({
      hostTemplate: "{endpoint}/widgets/v1",
      useSchemePrefix: false,
      basePath: "",
      parameters: [
        {
          name: "endpoint",
          serializedName: "endpoint",
          location: "path",
          type: { kind: "string" },
          required: true,
          clientLevel: true,
          skipUrlEncoding: false,
          description: "The widget service endpoint.",
          defaultValue: "https://widgets.example.com",
          isApiVersion: false,
          apiVersions: ["1"],
          source: at("/servers/0/variables/endpoint"),
        },
      ],
    });
    expect(model.client.security).toEqual({ kind: "keyHeader", headerName: "api-key" });
    const put = "/paths/~1widgets~1{name}/put";
    expect(firstOperation(model)).toEqual({
      name: "put",
      operationId: "Widgets_Put",
      previousOperationIds: ["Widgets_Put"],
      method: "put",
      path: "/widgets/{name}",
      deprecated: false,
      parameters: [
        {
          name: "name",
          serializedName: "name",
          location: "path",
          type: { kind: "string" },
          required: true,
          clientLevel: false,
          skipUrlEncoding: false,
          isApiVersion: false,
          source: at(`${put}/parameters/0`),
        },
        {
          name: "fields",
          serializedName: "fields",
          location: "query",
          type: { kind: "array", items: { kind: "string" } },
          required: false,
          clientLevel: false,
          skipUrlEncoding: false,
          isApiVersion: false,
          source: at(`${put}/parameters/1`),
        },
      ],
      clientParameters: [],
      body: {
        name: "widget",
        serializedName: "widget",
        type: { kind: "model", name: "Widget" },
        required: true,
        source: at(`${put}/requestBody`),
      },
      consumes: ["application/json"],
      produces: ["application/json"],
      responses: [
        {
          status: 200,
          description: "The stored widget.",
          bodyType: { kind: "model", name: "Widget" },
          headers: [{ name: "etag", serializedName: "etag", type: { kind: "string" } }],
        },
      ],
      errorResponses: [],
      source: at(put),
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
  it("the server without variables is the host, its path the base path; type lists with null and anyOf [schema, null] are nullable; a numeric exclusiveMinimum an exclusive minimum", async () => {
    const model = await read("widgets-3.1.json");
    const gadget = model.objects.find((o) => o.name === "Gadget");
    expect(gadget?.properties.map((p) => [p.serializedName, p.type, p.nullable, p.constraints])).toEqual([
      ["id", { kind: "string" }, false, undefined],
      ["weight", { kind: "number", nullable: true }, true, { minimum: 0, exclusiveMinimum: true }],
      ["owner", { kind: "model", name: "Owner", nullable: true }, true, undefined],
    ]);
    expect(model.client.endpoint).toEqual({
      hostTemplate: "gadgets.example.com",
      useSchemePrefix: true,
      basePath: "/api",
      scheme: "https",
      parameters: [],
    });
  });

  it("generates the nullable properties as `| null`", async () => {
    expect(await generated("widgets-3.1.json", "src/models.ts")).toContain(
      "export interface Gadget {\n  /** The `id` property. */\n  id: string;\n  /** The `weight` property. */\n  weight?: number | null;\n  /** The `owner` property. */\n  owner?: Owner | null;\n}\n",
    );
  });
});

describe("OpenAPI 3.0 input (pets-3.0.yaml)", () => {
  it("both servers' schemes; a discriminator mapping gives the target its value; a form body is form parameters; query arrays explode by default", async () => {
    const model = await read("pets-3.0.yaml");
    expect(model.objects.map((o) => [o.name, o.discriminator, o.discriminatorValue])).toEqual([
      ["Dog", undefined, "doggo"],
      ["Pet", { propertyName: "kind", serializedName: "kind" }, "Pet"],
    ]);
    expect(model.client.endpoint).toEqual({
      hostTemplate: "pets.example.com",
      useSchemePrefix: true,
      basePath: "",
      scheme: "https",
      parameters: [],
    });
    const operation = firstOperation(model) as Record<string, unknown>;
    const form = "/paths/~1pets/post/requestBody/content/application~1x-www-form-urlencoded/schema/properties";
    expect([operation["consumes"], operation["produces"], operation["body"]]).toEqual([
      ["application/x-www-form-urlencoded"],
      ["application/json"],
      undefined,
    ]);
    expect(operation["parameters"]).toEqual([
      {
        name: "tags",
        serializedName: "tags",
        location: "query",
        type: { kind: "array", items: { kind: "string" } },
        required: false,
        clientLevel: false,
        skipUrlEncoding: false,
        collectionFormat: "multi",
        isApiVersion: false,
        source: { file: "pets-3.0.yaml", pointer: "/paths/~1pets/post/parameters/0" },
      },
      {
        name: "name",
        serializedName: "name",
        location: "form",
        type: { kind: "string" },
        required: true,
        clientLevel: false,
        skipUrlEncoding: false,
        isApiVersion: false,
        source: { file: "pets-3.0.yaml", pointer: `${form}/name` },
      },
      {
        name: "photo",
        serializedName: "photo",
        location: "form",
        type: { kind: "binary" },
        required: false,
        clientLevel: false,
        skipUrlEncoding: false,
        isApiVersion: false,
        source: { file: "pets-3.0.yaml", pointer: `${form}/photo` },
      },
    ]);
  });

  it("generates the subtype with its mapped discriminator value", async () => {
    expect(await generated("pets-3.0.yaml", "src/models.ts")).toContain(
      'export interface Dog extends Pet {\n  /** Discriminator: always `doggo` for this model. */\n  kind: "doggo";\n',
    );
  });
});

describe("OpenAPI 3 refusals name the OpenAPI 3 file#pointer", () => {
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

describe("errors are raised at the OpenAPI 3 document's own pointers", () => {
  const doc = (operation: JsonObject, more: JsonObject = {}): JsonObject => ({
    openapi: "3.0.3",
    info: { title: "T", version: "1" },
    paths: { "/things/{id}": { post: { operationId: "Things_Send", ...operation } } },
    ...more,
  });
  const ok = { "204": { description: "done" } };
  const error = errorOf;
  const idParameter = { name: "id", in: "path", required: true, schema: { type: "string" } };

  it("in a request body's schema, and in a form field", () => {
    const bag = { type: "object", properties: { things: { type: "array" } } };
    expect(
      error(doc({ parameters: [idParameter], requestBody: { content: { "application/json": { schema: bag } } }, responses: ok })),
    ).toBe(
      "spec.json#/paths/~1things~1{id}/post/requestBody/content/application~1json/schema/properties/things: `type: array` without `items`",
    );
    expect(
      error(doc({ parameters: [idParameter], requestBody: { content: { "multipart/form-data": { schema: bag } } }, responses: ok })),
    ).toBe(
      "spec.json#/paths/~1things~1{id}/post/requestBody/content/multipart~1form-data/schema/properties/things: `type: array` without `items`",
    );
  });

  it("in a parameter, a response header, and an operation's server variable", () => {
    const list = { name: "ids", in: "query", schema: { type: "array" } };
    expect(error(doc({ parameters: [idParameter, list], responses: ok }))).toBe(
      "spec.json#/paths/~1things~1{id}/post/parameters/1: `type: array` without `items`",
    );
    const headers = { "204": { description: "done", headers: { "x-ids": { schema: { type: "array" } } } } };
    expect(error(doc({ parameters: [idParameter], responses: headers }))).toBe(
      "spec.json#/paths/~1things~1{id}/post/responses/204/headers/x-ids: `type: array` without `items`",
    );
    expect(error(doc({ parameters: [idParameter], servers: [{ url: "https://{region}.example.com" }], responses: ok }))).toBe(
      'spec.json#/paths/~1things~1{id}/post/servers/0/url: server variable "region" without a definition is not supported (OpenAPI 3 input)',
    );
  });

  it("in a path template the operation's parameters do not fill", () => {
    expect(error(doc({ responses: ok }))).toBe(
      'spec.json#/paths/~1things~1{id}/post: path template "/things/{id}" has no path parameter "id"',
    );
  });
});

describe("OpenAPI 3 constructs read into the model directly", () => {
  const ok = { "204": { description: "done" } };
  const base = { openapi: "3.0.3", info: { title: "T", version: "1" }, servers: [{ url: "https://api.example.com" }] };

  it("an operation's own server is its baseUrl, the server's variables required path parameters", () => {
    const region = { default: "eu", enum: ["eu", "us"], description: "The region." };
    const doc = {
      ...base,
      paths: {
        "/stats": {
          get: {
            operationId: "Stats_Get",
            servers: [{ url: "https://{region}.stats.example.com/", variables: { region } }],
            responses: ok,
          },
        },
      },
    };
    const operation = readCodeModel([inMemory(doc)], { clientName: "C" }).operationGroups[0]?.operations[0];
    expect([operation?.baseUrl, operation?.parameters]).toEqual([
      "https://{region}.stats.example.com",
      [
        {
          name: "region",
          serializedName: "region",
          location: "path",
          type: { kind: "enum", name: "StatsGetRegion" },
          required: true,
          clientLevel: false,
          skipUrlEncoding: false,
          description: "The region.",
          isApiVersion: false,
          apiVersions: ["1.0"],
          source: { file: "spec.json", pointer: "/paths/~1stats/get/servers/0/variables/region" },
        },
      ],
    ]);
  });

  it("http bearer is a key sent in the Authorization header after `Bearer `", () => {
    const doc = {
      ...base,
      components: { securitySchemes: { Token: { type: "http", scheme: "bearer" } } },
      security: [{ Token: [] }],
      paths: { "/ping": { get: { operationId: "Ping", responses: ok } } },
    };
    expect(readCodeModel([inMemory(doc)], { clientName: "C" }).client.security).toEqual({
      kind: "keyHeader",
      headerName: "Authorization",
      prefix: "Bearer ",
    });
  });
});
