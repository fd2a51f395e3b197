import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/index.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { identity20210307Model } from "../fixtures/emit/identity-2021-03-07.model.js";

describe("typecheck: generated code compiles under strict tsc (TypeScript 5.9 API, noUncheckedIndexedAccess, NodeNext, noUnused*)", () => {
  it("the default spec through the real pipeline", async () => {
    expect(typecheckFiles("typecheck-default", await generateInMemory())).toEqual([]);
  });

  it("the hand-written 2021-03-07 fixture model", () => {
    expect(typecheckFiles("typecheck-fixture", emitClient(identity20210307Model, { templatesDir: join(repoRoot, "templates") }))).toEqual(
      [],
    );
  });

  it("a broken file is reported, so an empty list means something", () => {
    expect(typecheckFiles("typecheck-negative", [{ path: "src/bad.ts", content: 'export const x: number = "no";\n' }])).toEqual([
      "src/bad.ts(1,14): Type 'string' is not assignable to type 'number'.",
    ]);
  });
});
