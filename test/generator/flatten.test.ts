/**
 * Model flattening (`x-ms-client-flatten: true` on a model property): the model stage replaces the
 * property by its model's properties, each with its wire path; the mappers build and read the nested
 * wire object. The exact emitted text for model-flattening.json's FlattenedProduct, the refusals, and
 * the generated client run against a node:http server on 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmptyPipeline } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import type { CodeModel, ObjectModel } from "../../generator/model/types.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory, withConstraints } from "../fixtures/emit/generate.js";
import { between, importGenerated } from "../fixtures/emit/generatedCode.js";
import { plainHttpClient, startLoopbackServer, withBody, type LoopbackServer } from "../fixtures/loopbackServer.js";
import { inMemory, testServerVersion } from "../fixtures/model/load.js";
import { errorOf } from "../fixtures/model/errors.js";

type GeneratedFiles = Array<{ path: string; content: string }>;
type Operation = (...args: unknown[]) => Promise<unknown>;

const swaggerDir = join(repoRoot, "node_modules/@microsoft.azure/autorest.testserver/swagger");

function obj(model: CodeModel, name: string): ObjectModel {
  const found = model.objects.find((o) => o.name === name);
  if (found === undefined) throw new Error(`no model ${name}`);
  return found;
}

const spec = (definitions: JsonObject): JsonObject => ({
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  paths: {
    "/things": { get: { operationId: "Things_Get", responses: { "200": { description: "ok", schema: { $ref: "#/definitions/Thing" } } } } },
  },
  definitions,
});

describe("x-ms-client-flatten, model stage", () => {
  it("model-flattening.json: FlattenedProduct's `properties` become its own, with their wire path; Resource's `type` keeps its name, the flattened one is `type2`", () => {
    const model = readCodeModel([testServerVersion("model-flattening.json")], { clientName: "" });
    expect(obj(model, "FlattenedProduct").properties.map((p) => [p.name, p.serializedName, p.wirePath, p.required, p.readOnly])).toEqual([
      ["pName", "p.name", [{ serializedName: "properties", required: false }], false, false],
      ["type2", "type", [{ serializedName: "properties", required: false }], false, false],
      ["provisioningStateValues", "provisioningStateValues", [{ serializedName: "properties", required: false }], false, true],
      ["provisioningState", "provisioningState", [{ serializedName: "properties", required: false }], false, false],
    ]);
    // own properties only (productId is BaseProduct's); nested flattening (details.max_product_image), with ProductUrl's inherited GenericUrl property
    expect(
      obj(model, "SimpleProduct").properties.map((p) => [p.name, p.wirePath?.map((s) => s.serializedName), p.required, p.wireRequired]),
    ).toEqual([
      ["maxProductDisplayName", ["details"], false, true],
      ["capacity", ["details"], false, true],
      ["genericValue", ["details", "max_product_image"], false, false],
      ["odataValue", ["details", "max_product_image"], false, false],
    ]);
    expect(model.objects.flatMap((o) => o.properties).filter((p) => "clientFlatten" in p)).toEqual([]);
  });

  it("a name clash with the model's own property goes through claimUnique: the model's own keeps its name, the flattened one gets a suffix", () => {
    const model = readCodeModel(
      [
        inMemory(
          spec({
            Thing: {
              type: "object",
              required: ["props"],
              properties: { props: { "x-ms-client-flatten": true, $ref: "#/definitions/Inner" }, name: { type: "string" } },
            },
            Inner: { type: "object", required: ["name"], properties: { name: { type: "string" }, size: { type: "integer" } } },
          }),
        ),
      ],
      { clientName: "C" },
    );
    expect(obj(model, "Thing").properties.map((p) => [p.name, p.serializedName, p.wirePath, p.required])).toEqual([
      ["name2", "name", [{ serializedName: "props", required: true }], true],
      ["size", "size", [{ serializedName: "props", required: true }], false],
      ["name", "name", undefined, false],
    ]);
  });

  it("ignored, as AutoRest ignores it, on a property that holds no object model: an array, a free-form object, a string, an enum, a dictionary", () => {
    const model = readCodeModel(
      [
        inMemory(
          spec({
            Thing: {
              type: "object",
              properties: {
                tags: { type: "array", items: { type: "string" }, "x-ms-client-flatten": true },
                result: { type: "object", description: "free-form", "x-ms-client-flatten": true },
                label: { type: "string", "x-ms-client-flatten": true },
                color: { type: "string", enum: ["red", "blue"], "x-ms-enum": { name: "Color" }, "x-ms-client-flatten": true },
                bag: { type: "object", additionalProperties: { type: "integer" }, "x-ms-client-flatten": true },
              },
            },
          }),
        ),
      ],
      { clientName: "C" },
    );
    expect(obj(model, "Thing").properties.map((p) => [p.name, p.type.kind, p.wirePath, "clientFlatten" in p])).toEqual([
      ["tags", "array", undefined, false],
      ["result", "unknown", undefined, false],
      ["label", "string", undefined, false],
      ["color", "enum", undefined, false],
      ["bag", "dictionary", undefined, false],
    ]);
  });

  it("refused with file#pointer: a model with additionalProperties, a discriminated model, x-nullable, a model flattening itself", () => {
    expect(
      errorOf(
        spec({
          Thing: { type: "object", properties: { bag: { "x-ms-client-flatten": true, $ref: "#/definitions/Bag" } } },
          Bag: { type: "object", properties: { a: { type: "string" } }, additionalProperties: { type: "string" } },
        }),
      ),
    ).toBe(
      'spec.json#/definitions/Thing/properties/bag/x-ms-client-flatten: x-ms-client-flatten on "bag" is not supported: model "Bag" has additionalProperties',
    );
    expect(
      errorOf(
        spec({
          Thing: { type: "object", properties: { pet: { "x-ms-client-flatten": true, $ref: "#/definitions/Pet" } } },
          Pet: { type: "object", discriminator: "kind", required: ["kind"], properties: { kind: { type: "string" } } },
        }),
      ),
    ).toBe(
      'spec.json#/definitions/Thing/properties/pet/x-ms-client-flatten: x-ms-client-flatten on "pet" is not supported: model "Pet" is in a discriminated hierarchy',
    );
    expect(
      errorOf(
        spec({
          Thing: {
            type: "object",
            properties: { inner: { "x-ms-client-flatten": true, "x-nullable": true, $ref: "#/definitions/Inner" } },
          },
          Inner: { type: "object", properties: { a: { type: "string" } } },
        }),
      ),
    ).toBe(
      'spec.json#/definitions/Thing/properties/inner/x-ms-client-flatten: x-ms-client-flatten on "inner" is not supported: it may be null',
    );
    expect(
      errorOf(spec({ Thing: { type: "object", properties: { self: { "x-ms-client-flatten": true, $ref: "#/definitions/Thing" } } } })),
    ).toBe('spec.json#/definitions/Thing: x-ms-client-flatten: model "Thing" flattens itself');
  });

  it("x-ms-client-flatten: false changes nothing", () => {
    const model = readCodeModel(
      [
        inMemory(
          spec({
            Thing: { type: "object", properties: { inner: { "x-ms-client-flatten": false, $ref: "#/definitions/Inner" } } },
            Inner: { type: "object", properties: { a: { type: "string" } } },
          }),
        ),
      ],
      { clientName: "C" },
    );
    expect(obj(model, "Thing").properties.map((p) => [p.name, p.type, p.wirePath])).toEqual([
      ["inner", { kind: "model", name: "Inner" }, undefined],
    ]);
  });
});

let work = "";
let files: GeneratedFiles = [];
const file = (path: string): string => files.find((f) => f.path === path)?.content ?? "";
let server: LoopbackServer | undefined;
let endpoint = "";
const received: Array<{ method: string; url: string; body: string }> = [];

/** GET /model-flatten/array as the AutoRest test server answers it (legacy/routes/model-flatten.js). */
const wireArray = [
  {
    id: "1",
    location: "Building 44",
    name: "Resource1",
    properties: { provisioningState: "Succeeded", provisioningStateValues: "OK", "p.name": "Product1", type: "Flat" },
    tags: { tag1: "value1", tag2: "value3" },
    type: "Microsoft.Web/sites",
  },
  { id: "2", name: "Resource2", location: "Building 44" },
  { id: "3", name: "Resource3" },
];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "acs-gen-flatten-"));
  files = await generateInMemory(join(swaggerDir, "model-flattening.json"), swaggerDir, [], withConstraints);
  server = await startLoopbackServer(
    withBody((request, response, body) => {
      received.push({ method: request.method ?? "", url: request.url ?? "", body });
      response.setHeader("Content-Type", "application/json");
      if (request.method === "GET" && request.url === "/model-flatten/array") {
        response.writeHead(200).end(JSON.stringify(wireArray));
      } else if (request.method === "GET" && request.url === "/model-flatten/wrappedarray") {
        response.writeHead(200).end(JSON.stringify([{ property: { value: "1" } }, { property: {} }, {}]));
      } else if (request.method === "PUT" && request.url === "/model-flatten/customFlattening") {
        response.writeHead(200).end(body); // echoes the product
      } else {
        response.writeHead(200).end();
      }
    }),
  );
  endpoint = server.url;
});

afterAll(async () => {
  await server?.close();
  if (work !== "") rmSync(work, { recursive: true, force: true });
});

describe("x-ms-client-flatten emitted: model-flattening.json", () => {
  it("FlattenedProduct: the flattened properties on the interface, each saying where it is on the wire", () => {
    expect(between(file("src/models.ts"), "/** Flattened product. */", "\n}\n")).toBe(
      [
        "/** Flattened product. */",
        "export interface FlattenedProduct extends Resource {",
        "  /**",
        "   * The `p.name` property.",
        "   *",
        '   * On the wire: `properties["p.name"]`.',
        "   */",
        "  pName?: string;",
        "  /**",
        "   * The `type` property.",
        "   *",
        "   * On the wire: `properties.type`.",
        "   */",
        "  type2?: string;",
        "  /**",
        "   * The `provisioningStateValues` property.",
        "   *",
        "   * Set by the service; never sent.",
        "   *",
        "   * On the wire: `properties.provisioningStateValues`.",
        "   */",
        "  readonly provisioningStateValues?: FlattenedProductPropertiesProvisioningStateValues;",
        "  /**",
        "   * The `provisioningState` property.",
        "   *",
        "   * On the wire: `properties.provisioningState`.",
        "   */",
        "  provisioningState?: string;",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("FlattenedProduct's wire type nests them, the deserializer reads them through an optional `properties`", () => {
    const mappers = file("src/mappers.ts");
    expect(between(mappers, "/** {@link FlattenedProduct} as it appears", "\n}\n")).toBe(
      [
        "/** {@link FlattenedProduct} as it appears in a response body (wire names, dates and bytes as text). */",
        "export interface FlattenedProductWire {",
        "  /** Resource Id */",
        "  id?: string;",
        "  /** Resource Type */",
        "  type?: string;",
        "  /** The `tags` property. */",
        "  tags?: Record<string, string>;",
        "  /** Resource Location */",
        "  location?: string;",
        "  /** Resource Name */",
        "  name?: string;",
        "  /** The `properties` property, flattened into {@link FlattenedProduct}. */",
        "  properties?: {",
        '    "p.name"?: string;',
        "    type?: string;",
        "    provisioningStateValues?: FlattenedProductPropertiesProvisioningStateValues;",
        "    provisioningState?: string;",
        "  };",
        "}",
        "",
      ].join("\n"),
    );
    expect(between(mappers, "/** Reads a {@link FlattenedProduct} from", "\n}\n")).toBe(
      [
        "/** Reads a {@link FlattenedProduct} from its wire form. */",
        "export function deserializeFlattenedProduct(wire: FlattenedProductWire): FlattenedProduct {",
        "  return {",
        "    ...(wire.id === undefined ? {} : { id: wire.id }),",
        "    ...(wire.type === undefined ? {} : { type: wire.type }),",
        "    ...(wire.tags === undefined ? {} : { tags: wire.tags }),",
        "    ...(wire.location === undefined ? {} : { location: wire.location }),",
        "    ...(wire.name === undefined ? {} : { name: wire.name }),",
        '    ...(wire.properties?.["p.name"] === undefined ? {} : { pName: wire.properties?.["p.name"] }),',
        "    ...(wire.properties?.type === undefined ? {} : { type2: wire.properties?.type }),",
        "    ...(wire.properties?.provisioningStateValues === undefined ? {} : { provisioningStateValues: wire.properties?.provisioningStateValues }),",
        "    ...(wire.properties?.provisioningState === undefined ? {} : { provisioningState: wire.properties?.provisioningState }),",
        "  };",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("FlattenedProduct's serializer builds `properties` only when one of its writable properties is set", () => {
    expect(between(file("src/mappers.ts"), "/** Writes a {@link FlattenedProduct} in", "\n}\n")).toBe(
      [
        "/** Writes a {@link FlattenedProduct} in its wire form; read-only properties are left out and undefined ones are dropped by JSON.stringify. */",
        "export function serializeFlattenedProduct(value: FlattenedProduct): Record<string, unknown> {",
        "  return {",
        "    tags: value.tags,",
        "    location: value.location,",
        "    ...(value.pName === undefined && value.type2 === undefined && value.provisioningState === undefined ? {} : {",
        "      properties: {",
        '        "p.name": value.pName,',
        "        type: value.type2,",
        "        provisioningState: value.provisioningState,",
        "      },",
        "    }),",
        "  };",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("SimpleProduct: properties `details` requires are checked once `details` is sent", () => {
    expect(between(file("src/validators.ts"), "export function validateSimpleProduct(", "\n}\n")).toBe(
      [
        "export function validateSimpleProduct(value: SimpleProduct, path: string): void {",
        '  assertPresent(value.productId, path + ".productId");',
        "  if (value.maxProductDisplayName !== undefined || value.capacity !== undefined || value.genericValue !== undefined || value.odataValue !== undefined) {",
        '    assertPresent(value.maxProductDisplayName, path + ".maxProductDisplayName");',
        '    assertPresent(value.capacity, path + ".capacity");',
        "  }",
        "}",
        "",
      ].join("\n"),
    );
  });

  it("the whole output typechecks strictly", () => {
    expect(typecheckFiles("typecheck-model-flattening", files)).toEqual([]);
  });
});

describe("x-ms-client-flatten on a page model", () => {
  it("the page's items and next link are its own wire properties, never flattened ones of the same wire name (Meta's `value` and `nextLink`)", async () => {
    const pages = {
      swagger: "2.0",
      info: { title: "Pages", version: "1.0" },
      host: "localhost",
      paths: {
        "/things": {
          get: {
            operationId: "Things_List",
            "x-ms-pageable": { nextLinkName: "nextLink" },
            responses: { "200": { description: "ok", schema: { $ref: "#/definitions/ThingPage" } } },
          },
        },
      },
      definitions: {
        ThingPage: {
          type: "object",
          properties: {
            meta: { "x-ms-client-flatten": true, $ref: "#/definitions/Meta" },
            value: { type: "array", items: { type: "string" } },
            nextLink: { type: "string" },
          },
        },
        Meta: { type: "object", properties: { value: { type: "integer" }, nextLink: { type: "string" } } },
      },
    };
    writeFileSync(join(work, "pages.json"), JSON.stringify(pages, null, 2));
    const generated = await generateInMemory(join(work, "pages.json"), work);
    const operations = generated.find((f) => f.path === "src/operations/things.ts")?.content ?? "";
    expect(operations).toContain("    (page) => ({ items: page.value, nextLink: page.nextLink }),\n");
    expect(operations).toContain(
      "export function thingsList(context: OperationContext, options: OperationOptions = {}): PagedAsyncIterableIterator<string, ThingPage> {\n",
    );
    expect(typecheckFiles("typecheck-flattened-page", generated)).toEqual([]);
  });
});

describe("x-ms-client-flatten: the generated client against a node:http server on 127.0.0.1", () => {
  let loaded: Promise<Record<string, Operation>> | undefined;
  const load = (): Promise<Record<string, Operation>> =>
    (loaded ??= importGenerated<Record<string, Operation>>(join(work, "model-flattening"), files));
  /** A context whose real HTTP client may use plain http (the test server has no TLS). */
  const context = () => ({ endpoint, pipeline: createEmptyPipeline(), httpClient: plainHttpClient() });

  it("GET: nested wire JSON comes back flat, an absent `properties` reads as no flattened property; Resource's `type` and the flattened `type2` side by side", async () => {
    const { getArray } = await load();
    expect(await getArray!(context())).toEqual([
      {
        id: "1",
        type: "Microsoft.Web/sites",
        tags: { tag1: "value1", tag2: "value3" },
        location: "Building 44",
        name: "Resource1",
        pName: "Product1",
        type2: "Flat",
        provisioningStateValues: "OK",
        provisioningState: "Succeeded",
      },
      { id: "2", location: "Building 44", name: "Resource2" },
      { id: "3", name: "Resource3" },
    ]);
  });

  it("GET: a flattened property whose name is the same on the wire (ProductWrapper's `value` is `property.value`) is still read from the nested object", async () => {
    const { getWrappedArray } = await load();
    expect(await getWrappedArray!(context())).toEqual([{ value: "1" }, {}, {}]);
  });

  it("PUT: a flat object is sent as the exact nested JSON; read-only ones are left out, and `properties` is omitted when none of its properties is set", async () => {
    const { putDictionary } = await load();
    received.length = 0;
    await putDictionary!(context(), {
      resourceDictionary: {
        Resource1: {
          location: "West US",
          tags: { tag1: "value1" },
          pName: "Product1",
          type2: "Flat",
          provisioningState: "Succeeded",
          provisioningStateValues: "OK",
        },
        Resource2: { location: "Building 44" },
      },
    });
    expect(received).toEqual([
      {
        method: "PUT",
        url: "/model-flatten/dictionary",
        body: JSON.stringify({
          Resource1: {
            tags: { tag1: "value1" },
            location: "West US",
            properties: { "p.name": "Product1", type: "Flat", provisioningState: "Succeeded" },
          },
          Resource2: { location: "Building 44" },
        }),
      },
    ]);
  });

  it("PUT and read back two levels deep (details.max_product_image)", async () => {
    const { putSimpleProduct } = await load();
    received.length = 0;
    const product = {
      productId: "123",
      description: "product description",
      maxProductDisplayName: "max name",
      capacity: "Large",
      odataValue: "http://foo",
    };
    expect(await putSimpleProduct!(context(), { simpleBodyProduct: product })).toEqual(product);
    expect(received.map((r) => r.body)).toEqual([
      JSON.stringify({
        base_product_id: "123",
        base_product_description: "product description",
        details: {
          max_product_display_name: "max name",
          max_product_capacity: "Large",
          max_product_image: { "@odata.value": "http://foo" },
        },
      }),
    ]);
  });

  it("a property `details` requires, missing while another of its properties is set, fails before anything is sent", async () => {
    const { putSimpleProduct } = await load();
    received.length = 0;
    await expect(putSimpleProduct!(context(), { simpleBodyProduct: { productId: "123", capacity: "Large" } })).rejects.toThrow(
      new TypeError("simpleBodyProduct.maxProductDisplayName is required"),
    );
    expect(received).toEqual([]);
    // nothing of `details` set: `details` is not sent, so nothing in it is required
    await putSimpleProduct!(context(), { simpleBodyProduct: { productId: "123" } });
    expect(received.map((r) => r.body)).toEqual([JSON.stringify({ base_product_id: "123" })]);
  });
});
