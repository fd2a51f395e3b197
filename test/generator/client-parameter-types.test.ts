/**
 * Client-level parameters the client takes, typed from the spec (emit/clientFile.ts, emit/clientParameters.ts):
 * enum-typed ones are imported from models.ts, and an optional constant one is a client option.
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { inMemory } from "../fixtures/model/load.js";

const ok = { "200": { description: "ok" } };
const templatesDir = join(repoRoot, "templates");
const files = (doc: JsonObject) => emitClient(readCodeModel([inMemory(doc)], { clientName: "C" }), { templatesDir });
const fileText = (out: ReturnType<typeof files>, path: string) => out.find((f) => f.path === path)?.content ?? "";

// Google's discovery specs: `alt` and `$.xgafv` are query parameters every operation shares (client-level here)
const shared: JsonObject = {
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  host: "localhost",
  parameters: {
    Alt: { name: "alt", in: "query", type: "string", enum: ["json", "media"], "x-ms-enum": { name: "Alt", modelAsString: false } },
    Format: { name: "format", in: "query", type: "string", enum: ["json"] },
    Region: { name: "region", in: "query", required: true, type: "string", enum: ["east", "west"], "x-ms-enum": { name: "Region" } },
  },
  paths: {
    "/items": {
      get: {
        operationId: "Items_Get",
        parameters: [{ $ref: "#/parameters/Alt" }, { $ref: "#/parameters/Format" }, { $ref: "#/parameters/Region" }],
        responses: ok,
      },
    },
  },
};

describe("client parameters typed with an enum", () => {
  it("the client file imports the enum types from models.ts, and the output typechecks", () => {
    const out = files(shared);
    const client = fileText(out, "src/c.ts");
    expect(client).toContain('import type { Alt, Region } from "./models.js";\n');
    expect(client).toContain("  constructor(endpoint: string, region: Region, options: CCoreOptions) {");
    expect(client).toContain("  alt?: Alt;\n");
    expect(typecheckFiles("client-parameter-enums", out)).toEqual([]);
  });

  it("a client without such parameters imports nothing from models.ts", () => {
    const { parameters: _, ...rest } = shared;
    const plain: JsonObject = { ...rest, paths: { "/items": { get: { operationId: "Items_Get", responses: ok } } } };
    expect(fileText(files(plain), "src/c.ts")).not.toContain("./models.js");
  });
});

describe("an optional client parameter with one possible value", () => {
  it("is a client option typed as that value, read from the context and sent only when given", () => {
    const out = files(shared);
    const client = fileText(out, "src/c.ts");
    const items = fileText(out, "src/operations/items.ts");
    expect(client).toContain('  format?: "json";\n');
    expect(client).toContain('  readonly format: "json" | undefined;\n');
    expect(client).toContain("    this.format = options.format;\n");
    expect(items).toContain('context: OperationContext & Pick<C, "alt" | "format" | "region">');
    expect(items).toContain('    { name: "format", value: context.format === undefined ? undefined : "json" },\n');
    expect(typecheckFiles("client-parameter-optional-constant", out)).toEqual([]);
  });
});
