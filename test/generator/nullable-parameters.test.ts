/**
 * `x-nullable` on a parameter that is not the body: a null query or header value is not sent, as an
 * absent one (the `multi` arrays already did so); on a path parameter it is ignored, since a path segment
 * cannot be null. Model stage, the exact emitted text and a strict typecheck.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { absentGuard } from "../../generator/emit/requestValues.js";
import { readCodeModel } from "../../generator/input/index.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { between } from "../fixtures/emit/generatedCode.js";
import { inMemory } from "../fixtures/model/load.js";

const spec: JsonObject = {
  swagger: "2.0",
  info: { title: "Vision", version: "1.0" },
  host: "example.com",
  schemes: ["https"],
  paths: {
    "/models/{model}/analyze": {
      post: {
        operationId: "AnalyzeByDomain",
        parameters: [
          { name: "model", in: "path", required: true, type: "string", "x-nullable": true },
          { name: "language", in: "query", required: true, type: "string", "x-nullable": true },
          { name: "maxCandidates", in: "query", type: "integer", "x-nullable": true },
          { name: "details", in: "query", type: "array", items: { type: "string" }, "x-nullable": true },
          { name: "x-smart", in: "header", type: "boolean", "x-nullable": true },
        ],
        responses: { "200": { description: "ok" } },
      },
    },
  },
};

let work = "";
let files: Array<{ path: string; content: string }> = [];
const file = (path: string): string => files.find((f) => f.path === path)?.content ?? "";

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "acs-gen-nullable-params-"));
  writeFileSync(join(work, "vision.json"), JSON.stringify(spec, null, 2));
  files = await generateInMemory(join(work, "vision.json"), work, []);
});

afterAll(() => rmSync(work, { recursive: true, force: true }));

describe("x-nullable on parameters that are not the body", () => {
  it("model stage: ignored on the path parameter, kept on the others", () => {
    const model = readCodeModel([inMemory(spec)], { clientName: "C" });
    expect(model.operationGroups[0]?.operations[0]?.parameters.map((p) => [p.name, p.type])).toEqual([
      ["model", { kind: "string" }],
      ["language", { kind: "string", nullable: true }],
      ["maxCandidates", { kind: "integer", nullable: true }],
      ["details", { kind: "array", items: { kind: "string" }, nullable: true }],
      ["xSmart", { kind: "boolean", nullable: true }],
    ]);
  });

  it("a null query or header value is sent as an absent one", () => {
    const operation = between(file("src/operations/operations.ts"), "export async function analyzeByDomain(", "\n}\n");
    expect(operation).toContain(
      "(context: OperationContext, model: string, language: string | null, options: AnalyzeByDomainOptionalParams = {})",
    );
    expect(operation).toContain('    { name: "language", value: language ?? undefined },\n');
    expect(operation).toContain('    { name: "maxCandidates", value: options.maxCandidates ?? undefined },\n');
    expect(operation).toContain(
      '    { name: "details", value: options.details === null || options.details === undefined ? undefined : joinCollection(options.details) },\n',
    );
    expect(operation).toContain(
      '      "x-smart": options.xSmart === null || options.xSmart === undefined ? undefined : formatScalar(options.xSmart),\n',
    );
  });

  it("the output compiles (strict, noUnused*)", () => {
    expect(typecheckFiles("nullable-parameters", files)).toEqual([]);
  });

  it("absentGuard: undefined when optional, null too when nullable", () => {
    expect(absentGuard("o.a", "o.a", true, false)).toBe("o.a");
    expect(absentGuard("o.a", "f(o.a)", true, false)).toBe("o.a === undefined ? undefined : f(o.a)");
    expect(absentGuard("a", "f(a)", false, false)).toBe("f(a)");
    expect(absentGuard("a", "a", false, true)).toBe("a ?? undefined");
    expect(absentGuard("a", "f(a)", false, true)).toBe("a === null ? undefined : f(a)");
    expect(absentGuard("o.a", "f(o.a)", true, true)).toBe("o.a === null || o.a === undefined ? undefined : f(o.a)");
  });
});
