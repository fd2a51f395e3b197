/**
 * XML bodies: the XML metadata the model carries, the exact emitted shapes and operation code, which
 * clients get src/xml.ts (and so depend on @azure/core-xml), and the XML helpers' mapping between the
 * JSON wire form and XML text (run directly from generator/emit/runtime/xml.ts).
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/index.js";
import { xmlValueNames } from "../../generator/emit/runtimeNames.js";
import { readXml, writeXml, type XmlModels } from "../../generator/emit/runtime/xml.js";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { repoRoot } from "../fixtures/emit/compile.js";
import { identity20210307Model } from "../fixtures/emit/identity-2021-03-07.model.js";
import { between } from "../fixtures/emit/generatedCode.js";
import { inMemory } from "../fixtures/model/load.js";

const templatesDir = join(repoRoot, "templates");

const spec: JsonObject = {
  swagger: "2.0",
  info: { title: "Shelf", version: "1.0" },
  consumes: ["application/xml"],
  produces: ["application/xml"],
  paths: {
    "/shelf": {
      get: { operationId: "Shelf_Get", responses: { "200": { description: "the shelf", schema: { $ref: "#/definitions/Shelf" } } } },
      put: {
        operationId: "Shelf_Put",
        parameters: [{ name: "shelf", in: "body", required: true, schema: { $ref: "#/definitions/Shelf" } }],
        responses: { "201": { description: "stored" } },
      },
    },
    "/books": {
      put: {
        operationId: "Books_Put",
        parameters: [
          {
            name: "books",
            in: "body",
            required: true,
            schema: { type: "array", xml: { name: "books", wrapped: true }, items: { $ref: "#/definitions/Book" } },
          },
        ],
        responses: { "201": { description: "stored" } },
      },
    },
    "/json": {
      put: {
        operationId: "Json_Put",
        consumes: ["application/json"],
        produces: ["application/json"],
        parameters: [{ name: "book", in: "body", required: true, schema: { $ref: "#/definitions/Book" } }],
        responses: { "200": { description: "done", schema: { $ref: "#/definitions/Book" } } },
      },
    },
    "/list?comp=list": {
      get: {
        operationId: "List_Get",
        parameters: [{ name: "comp", in: "query", required: true, type: "string", enum: ["list"] }],
        responses: { "200": { description: "the shelf", schema: { $ref: "#/definitions/Shelf" } } },
      },
    },
  },
  definitions: {
    Shelf: {
      type: "object",
      xml: { name: "shelf", namespace: "https://example.org/shelf", prefix: "s" },
      properties: {
        id: { type: "integer", xml: { attribute: true } },
        label: { type: "string", xml: { "x-ms-text": true } },
        books: { type: "array", xml: { wrapped: true, name: "Books" }, items: { $ref: "#/definitions/Book" } },
        tags: { type: "array", items: { type: "string", xml: { name: "tag" } } },
        owner: { $ref: "#/definitions/Person" },
      },
    },
    Book: { type: "object", xml: { name: "book" }, properties: { title: { type: "string" }, printed: { type: "boolean" } } },
    Person: { type: "object", properties: { name: { type: "string" } } },
  },
};

const model = readCodeModel([inMemory(spec)], { clientName: "ShelfClient" });
const files = emitClient(model, { templatesDir });
const fileText = (path: string): string => files.find((f) => f.path === path)?.content ?? `(no ${path})`;

describe("XML metadata in the code model", () => {
  it("a model carries its xml object; a property's type, and an array's items, carry theirs (x-ms-text as text)", () => {
    const shelf = model.objects.find((o) => o.name === "Shelf")!;
    expect(shelf.xml).toStrictEqual({ name: "shelf", namespace: "https://example.org/shelf", prefix: "s" });
    expect(Object.fromEntries(shelf.properties.map((p) => [p.serializedName, p.type]))).toStrictEqual({
      id: { kind: "integer", xml: { attribute: true } },
      label: { kind: "string", xml: { text: true } },
      books: { kind: "array", items: { kind: "model", name: "Book" }, xml: { name: "Books", wrapped: true } },
      tags: { kind: "array", items: { kind: "string", xml: { name: "tag" } } },
      owner: { kind: "model", name: "Person" },
    });
    expect(model.objects.find((o) => o.name === "Person")!.xml).toBeUndefined();
  });
});

describe("XML emit", () => {
  it("src/xmlModels.ts: element and attribute names, wrapped and unwrapped lists, text, namespaces", () => {
    expect(between(fileText("src/xmlModels.ts"), "export const xmlModels", "\n};")).toBe(
      [
        "export const xmlModels: XmlModels = {",
        "  Book: {",
        '    name: "book",',
        "    properties: [",
        '      { key: "title", name: "title", type: { kind: "string" } },',
        '      { key: "printed", name: "printed", type: { kind: "boolean" } },',
        "    ],",
        "  },",
        "  Person: {",
        '    name: "Person",',
        "    properties: [",
        '      { key: "name", name: "name", type: { kind: "string" } },',
        "    ],",
        "  },",
        "  Shelf: {",
        '    name: "s:shelf",',
        '    namespace: ["xmlns:s", "https://example.org/shelf"],',
        "    properties: [",
        '      { key: "id", name: "id", type: { kind: "number" }, attribute: true },',
        '      { key: "label", name: "label", type: { kind: "string" }, text: true },',
        '      { key: "books", name: "Books", type: { kind: "array", items: { kind: "model", name: "Book" }, itemName: "book", wrapped: true } },',
        '      { key: "tags", name: "tags", type: { kind: "array", items: { kind: "string" }, itemName: "tag" } },',
        '      { key: "owner", name: "owner", type: { kind: "model", name: "Person" } },',
        "    ],",
        "  },",
        "};",
      ].join("\n"),
    );
  });

  it("an XML operation writes its body with writeXml and reads its reply with sendXmlOperation; a root list names its items", () => {
    const operations = fileText("src/operations/shelf.ts");
    expect(operations).toContain('import { sendXmlOperation, writeXml } from "../xml.js";\nimport { xmlModels } from "../xmlModels.js";');
    expect(operations).toContain('  }, options, { kind: "model", name: "Shelf" }, xmlModels);\n  return response.body as Shelf;');
    expect(operations).toContain('    body: writeXml(shelf, { kind: "model", name: "Shelf" }, "s:shelf", xmlModels),');
    expect(fileText("src/operations/books.ts")).toContain(
      '    body: writeXml(books, { kind: "array", items: { kind: "model", name: "Book" }, itemName: "book", wrapped: true }, "books", xmlModels),',
    );
  });

  it("an operation of the XML spec whose media types are JSON stays JSON", () => {
    const json = fileText("src/operations/json.ts");
    expect(json).toContain("    body: JSON.stringify(book),");
    expect(json).toContain("  const response = await sendOperation(context, {");
    expect(json).not.toContain("xml");
  });

  it("a constant query parameter the path's own query already sends is not sent twice", () => {
    expect(fileText("src/operations/list.ts")).toContain('  const url = buildRequestUrl(context.endpoint, "/list?comp=list", {});');
  });

  it("only clients with XML operations get src/xml.ts (the one file importing @azure/core-xml) and a README note", () => {
    expect(files.map((f) => f.path).filter((p) => p.includes("xml"))).toStrictEqual(["src/xml.ts", "src/xmlModels.ts"]);
    expect(files.filter((f) => f.content.includes("@azure/core-xml")).map((f) => f.path)).toStrictEqual(["README.md", "src/xml.ts"]);
    const identity = emitClient(identity20210307Model, { templatesDir });
    expect(identity.filter((f) => f.path.includes("xml") || f.content.includes("core-xml")).map((f) => f.path)).toStrictEqual([]);
  });
});

describe("XML names", () => {
  it("every value src/xml.ts exports, and xmlModels, is taken for operation functions", () => {
    const source = readFileSync(join(repoRoot, "generator/emit/runtime/xml.ts"), "utf8");
    const exported = [...source.matchAll(/^export (?:async )?(?:function|const) (\w+)/gm)].map((m) => m[1]);
    expect([...exported, "xmlModels"].sort()).toStrictEqual([...xmlValueNames].sort());
  });
});

describe("XML helpers (src/xml.ts)", () => {
  const models: XmlModels = {
    Shelf: {
      name: "s:shelf",
      namespace: ["xmlns:s", "https://example.org/shelf"],
      properties: [
        { key: "id", name: "id", type: { kind: "number" }, attribute: true },
        { key: "label", name: "label", type: { kind: "string" }, text: true },
        { key: "books", name: "Books", type: { kind: "array", items: { kind: "model", name: "Book" }, itemName: "book", wrapped: true } },
        { key: "tags", name: "tags", type: { kind: "array", items: { kind: "string" }, itemName: "tag" } },
        { key: "extra", name: "extra", type: { kind: "model", name: "Extra" } },
      ],
    },
    Book: {
      name: "book",
      properties: [
        { key: "title", name: "title", type: { kind: "string" } },
        { key: "printed", name: "printed", type: { kind: "boolean" } },
      ],
    },
    Extra: { name: "Extra", properties: [], additional: { kind: "string" } },
  };
  const shelf = { kind: "model", name: "Shelf" } as const;
  const wire = {
    id: 7,
    label: "top & <best>",
    books: [
      { title: "A", printed: true },
      { title: "", printed: false },
    ],
    tags: ["x", "y"],
    extra: { color: "red" },
  };
  const text =
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?><s:shelf xmlns:s="https://example.org/shelf" id="7">top &amp; &lt;best&gt;' +
    "<Books><book><title>A</title><printed>true</printed></book><book><title/><printed>false</printed></book></Books>" +
    "<tag>x</tag><tag>y</tag><extra><color>red</color></extra></s:shelf>";

  it("writes attributes, text, wrapped and repeated lists, empty elements and dictionaries", () => {
    expect(writeXml(wire, shelf, "s:shelf", models)).toBe(text);
  });

  it("reads them back into the JSON wire form (numbers and booleans typed, one item still a list)", async () => {
    expect(await readXml(text, shelf, models)).toStrictEqual(wire);
    expect(await readXml("<s:shelf><Books><book><title>B</title></book></Books><tag>z</tag></s:shelf>", shelf, models)).toStrictEqual({
      books: [{ title: "B" }],
      tags: ["z"],
    });
  });

  it("an empty root element is an empty model, an empty wrapped list is [], an absent unwrapped list is absent", async () => {
    expect(await readXml("<s:shelf/>", shelf, models)).toStrictEqual({});
    expect(await readXml("<s:shelf><Books/></s:shelf>", shelf, models)).toStrictEqual({ books: [] });
    expect(await readXml("<s:shelf>only text</s:shelf>", shelf, models)).toStrictEqual({ label: "only text" });
    const list = { kind: "array", items: { kind: "model", name: "Book" }, itemName: "book", wrapped: true } as const;
    expect(await readXml("<books/>", list, models)).toStrictEqual([]);
    expect(writeXml([], list, "books", models)).toBe('<?xml version="1.0" encoding="UTF-8" standalone="yes"?><books/>');
  });
});
