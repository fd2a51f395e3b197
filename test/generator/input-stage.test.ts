/**
 * The input stage (generator/input/index.ts): each API version is read by the reader of its format,
 * OpenAPI 3 errors (of the version's build and of the later passes) name the OpenAPI 3 pointer (each
 * reader reports at its own input; nothing is restated), and
 * generator/model/ knows no input format (it imports nothing from generator/load or generator/input).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { readCodeModel, readVersionModel } from "../../generator/input/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import { buildCodeModel } from "../../generator/model/index.js";
import { repoRoot } from "../fixtures/emit/compile.js";
import { inMemory } from "../fixtures/model/load.js";

/** One GET returning a `Thing`, in OpenAPI 3.0 or Swagger 2, with `name`'s schema as given. */
function spec(format: "openapi3" | "swagger2", name: JsonObject): JsonObject {
  const thing: JsonObject = { type: "object", properties: { name } };
  const ok = (ref: string): JsonObject =>
    format === "openapi3"
      ? { description: "A thing.", content: { "application/json": { schema: { $ref: ref } } } }
      : { description: "A thing.", schema: { $ref: ref } };
  const get = {
    operationId: "Things_Get",
    responses: { "200": ok(format === "openapi3" ? "#/components/schemas/Thing" : "#/definitions/Thing") },
  };
  return format === "openapi3"
    ? { openapi: "3.0.3", info: { title: "T", version: "1" }, paths: { "/thing": { get } }, components: { schemas: { Thing: thing } } }
    : {
        swagger: "2.0",
        info: { title: "T", version: "1" },
        produces: ["application/json"],
        paths: { "/thing": { get } },
        definitions: { Thing: thing },
      };
}

const config = { clientName: "C" };
const errorOf = (run: () => unknown): string => {
  try {
    run();
  } catch (error) {
    return (error as Error).message;
  }
  return "no error";
};

describe("readVersionModel dispatches on the format", () => {
  it("reads Swagger 2 and OpenAPI 3 into the same model, each model's sources at its own input's pointers", () => {
    const swagger2 = readVersionModel(inMemory(spec("swagger2", { type: "string" })), config);
    const openapi3 = readVersionModel(inMemory(spec("openapi3", { type: "string" })), config);
    const withoutSources = (model: typeof swagger2): unknown =>
      JSON.parse(JSON.stringify(buildCodeModel([model]), (key, value: unknown) => (key === "source" ? undefined : value)));
    expect(withoutSources(openapi3)).toEqual(withoutSources(swagger2));
    expect(openapi3.objects.map((o) => o.source)).toEqual([{ file: "spec.json", pointer: "/components/schemas/Thing" }]);
    expect(swagger2.objects.map((o) => o.source)).toEqual([{ file: "spec.json", pointer: "/definitions/Thing" }]);
  });

  it("reports an error of the version's build at the OpenAPI 3 pointer", () => {
    expect(errorOf(() => readVersionModel(inMemory(spec("openapi3", { type: "array" })), config))).toBe(
      "spec.json#/components/schemas/Thing/properties/name: `type: array` without `items`",
    );
    expect(errorOf(() => readVersionModel(inMemory(spec("swagger2", { type: "array" })), config))).toBe(
      "spec.json#/definitions/Thing/properties/name: `type: array` without `items`",
    );
  });

  it("readCodeModel reports an error of a later pass (flatten) at the OpenAPI 3 pointer", () => {
    // flattening a property that may be null is refused by the flatten pass, after every version is read
    const inner = { type: "object", properties: { size: { type: "integer" } }, "x-ms-client-flatten": true };
    expect(errorOf(() => readCodeModel([inMemory(spec("openapi3", { ...inner, nullable: true }))], config))).toBe(
      'spec.json#/components/schemas/Thing/properties/name/x-ms-client-flatten: x-ms-client-flatten on "name" is not supported: it may be null',
    );
    expect(errorOf(() => readCodeModel([inMemory(spec("swagger2", { ...inner, "x-nullable": true }))], config))).toBe(
      'spec.json#/definitions/Thing/properties/name/x-ms-client-flatten: x-ms-client-flatten on "name" is not supported: it may be null',
    );
  });

  it("words the security errors in neither format's keywords", () => {
    const base = spec("openapi3", { type: "string" });
    const basic = {
      ...base,
      components: {
        ...(base["components"] as JsonObject),
        securitySchemes: { Basic: { type: "http", scheme: "basic" }, Key: { type: "apiKey", name: "k", in: "query" } },
      },
    };
    expect(errorOf(() => readVersionModel(inMemory({ ...basic, security: [{ Basic: [], Key: [] }] }), config))).toBe(
      "spec.json#/security/0: a security requirement combining HTTP basic with other schemes (Basic, Key) is not supported",
    );
    expect(errorOf(() => readVersionModel(inMemory({ ...basic, security: [{ Missing: [] }] }), config))).toBe(
      'spec.json#/security/0/Missing: security scheme "Missing" is not defined',
    );
  });
});

describe("generator/model/ knows no input format", () => {
  it("imports nothing from generator/load or generator/input", () => {
    const dir = join(repoRoot, "generator", "model");
    const imports = readdirSync(dir)
      .filter((f) => f.endsWith(".ts"))
      .flatMap((f) => [...readFileSync(join(dir, f), "utf8").matchAll(/from "([^"]+)"/g)].map((m) => `${f}: ${m[1] ?? ""}`));
    expect(imports.filter((i) => /"?\.\.\/(load|input)\//.test(i.split(": ")[1] ?? ""))).toEqual([]);
    expect(imports.length).toBeGreaterThan(10);
  });
});
