/**
 * x-ms-client-default: an optional query or header parameter with one is sent with that value when the
 * caller gives none (the given value otherwise); a value that is not a scalar of the parameter's type
 * is a file#pointer error.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { errorOf } from "../fixtures/model/errors.js";
import { inMemory } from "../fixtures/model/load.js";

const ok = { "200": { description: "ok" } };
const specWith = (parameters: JsonObject[]): JsonObject => ({
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  host: "localhost",
  paths: { "/items": { get: { operationId: "Items_List", parameters, responses: ok } } },
});
const spec = specWith([
  { name: "kind", in: "query", type: "string", "x-ms-client-default": "all" },
  { name: "top", in: "query", type: "integer", "x-ms-client-default": 10 },
  { name: "x-flag", in: "header", type: "boolean", "x-ms-client-default": false },
  { name: "mode", in: "query", type: "string", enum: ["on"], "x-ms-client-default": "on" },
  { name: "plain", in: "query", type: "string" },
]);

const work = mkdtempSync(join(tmpdir(), "acs-gen-client-default-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("x-ms-client-default", () => {
  it("is in the model as the parameter's clientDefault", () => {
    const model = readCodeModel([inMemory(spec)], { clientName: "C" });
    const parameters = model.operationGroups[0]!.operations[0]!.parameters;
    expect(parameters.map((p) => [p.name, p.clientDefault])).toEqual([
      ["kind", "all"],
      ["top", 10],
      ["xFlag", false],
      ["mode", "on"],
      ["plain", undefined],
    ]);
  });

  it("a value of another type, or on a type that takes none, is an error at the extension", () => {
    expect(errorOf(specWith([{ name: "top", in: "query", type: "integer", "x-ms-client-default": "10" }]))).toBe(
      'spec.json#/paths/~1items/get/parameters/0/x-ms-client-default: x-ms-client-default "10" is not a number (the parameter\'s type is integer)',
    );
    expect(
      errorOf(specWith([{ name: "at", in: "query", type: "string", format: "date-time", "x-ms-client-default": "2020-01-01T00:00:00Z" }])),
    ).toBe(
      "spec.json#/paths/~1items/get/parameters/0/x-ms-client-default: x-ms-client-default is not supported on a parameter of type date",
    );
  });

  it("the emitted function sends the default when the option is not given, and documents it", async () => {
    const file = join(work, "spec.json");
    writeFileSync(file, JSON.stringify(spec));
    const files = await generateInMemory(file, work);
    const items = files.find((f) => f.path === "src/operations/items.ts")?.content ?? "";
    expect(items).toContain(
      [
        '  const url = buildRequestUrl(context.endpoint, "/items", {}, [',
        '    { name: "kind", value: (options.kind ?? "all") },',
        '    { name: "top", value: (options.top ?? 10) },',
        '    { name: "mode", value: "on" },',
        '    { name: "plain", value: options.plain },',
        "  ]);",
      ].join("\n"),
    );
    expect(items).toContain('      "x-flag": formatScalar((options.xFlag ?? false)),');
    const models = files.find((f) => f.path === "src/models.ts")?.content ?? "";
    expect(models).toContain("   * Default: `10` (sent when not given).\n   */\n  top?: number;");
    expect(typecheckFiles("client-default", files)).toEqual([]);
  });
});
