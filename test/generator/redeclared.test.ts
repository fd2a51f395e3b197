/**
 * A model that redeclares a property of its parent (allOf): what the parent requires stays required
 * (allOf requirements add up), and a redeclared type the parent's does not accept makes the interface
 * extend the parent without it (`Omit<Parent, ...>`). Model stage, the exact emitted text, a strict typecheck.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { between } from "../fixtures/emit/generatedCode.js";
import { inMemory } from "../fixtures/model/load.js";

const spec: JsonObject = {
  swagger: "2.0",
  info: { title: "Docs", version: "1.0" },
  host: "example.com",
  schemes: ["https"],
  paths: {
    "/docs": {
      get: {
        operationId: "Docs_List",
        responses: { "200": { description: "ok", schema: { type: "array", items: { $ref: "#/definitions/Document" } } } },
      },
    },
  },
  definitions: {
    Base: { type: "object", required: ["href"], properties: { href: { type: "string" } } },
    Document: {
      type: "object",
      allOf: [{ $ref: "#/definitions/Base" }],
      required: ["version", "attributes"],
      properties: {
        version: { type: "string" },
        attributes: { type: "object" },
        size: { type: "integer" },
        kind: { type: "string", enum: ["plain", "rich"], "x-ms-enum": { name: "DocKind", modelAsString: false } },
        status: { type: "string", enum: ["draft", "final"], "x-ms-enum": { name: "DocStatus", modelAsString: true } },
        owner: { $ref: "#/definitions/Person" },
        tags: { type: "array", items: { type: "string" } },
      },
    },
    Person: { type: "object", properties: { name: { type: "string" } } },
    Employee: { allOf: [{ $ref: "#/definitions/Person" }], properties: { badge: { type: "string" } } },
    // redeclares what Document requires, without `required`: still required; all types fit Document's
    ErrorDocument: {
      allOf: [
        { $ref: "#/definitions/Document" },
        {
          properties: {
            attributes: { type: "object", properties: { code: { type: "integer" } } },
            href: { type: "string", description: "Ignore" },
            kind: { type: "string", enum: ["plain"] },
            owner: { $ref: "#/definitions/Employee" },
            status: { type: "string" },
          },
        },
      ],
    },
    // redeclares with types Document's does not accept (a plain string for a sealed enum, as gerermesaffaires.com's Section)
    LegacyDocument: {
      allOf: [{ $ref: "#/definitions/Document" }],
      properties: {
        kind: { type: "string" },
        version: { type: "integer" },
        size: { type: "integer" },
        tags: { type: "array", items: { type: "integer" } },
      },
    },
    // another sealed enum Document's does not accept
    RichDocument: {
      allOf: [{ $ref: "#/definitions/Document" }],
      properties: {
        kind: { type: "string", enum: ["plain", "legacy"], "x-ms-enum": { name: "LegacyKind", modelAsString: false } },
      },
    },
  },
};

let work = "";
let files: Array<{ path: string; content: string }> = [];
const file = (path: string): string => files.find((f) => f.path === path)?.content ?? "";

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "acs-gen-redeclared-"));
  writeFileSync(join(work, "docs.json"), JSON.stringify(spec, null, 2));
  files = await generateInMemory(join(work, "docs.json"), work, []);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("a property redeclared by a child model", () => {
  it("model stage: what an ancestor requires, at any depth, stays required in the child that redeclares it", () => {
    const model = readCodeModel([inMemory(spec)], { clientName: "C" });
    const errorDocument = model.objects.find((o) => o.name === "ErrorDocument");
    expect(errorDocument?.properties.map((p) => [p.name, p.required])).toEqual([
      ["attributes", true],
      ["href", true],
      ["kind", false],
      ["owner", false],
      ["status", false],
    ]);
  });

  it("types the parent accepts (an object for unknown, one enum value, a subtype model, a string for an extensible enum) keep the plain extends", () => {
    expect(between(file("src/models.ts"), "export interface ErrorDocument", " {\n")).toBe(
      "export interface ErrorDocument extends Document {\n",
    );
  });

  it("types it does not accept make the child extend the parent without them, in the child's property order", () => {
    expect(between(file("src/models.ts"), "export interface LegacyDocument", "\n}\n")).toBe(
      [
        'export interface LegacyDocument extends Omit<Document, "kind" | "version" | "tags"> {',
        "  /** The `kind` property. */",
        "  kind?: string;",
        "  /** The `version` property. */",
        "  version: number;",
        "  /** The `size` property. */",
        "  size?: number;",
        "  /** The `tags` property. */",
        "  tags?: number[];",
        "}",
        "",
      ].join("\n"),
    );
    expect(between(file("src/models.ts"), "export interface RichDocument", " {\n")).toBe(
      'export interface RichDocument extends Omit<Document, "kind"> {\n',
    );
  });

  it("the output compiles (strict, noUnused*)", () => {
    expect(typecheckFiles("redeclared", files)).toEqual([]);
  });
});
