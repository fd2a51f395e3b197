import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";

const swaggerDir = join(repoRoot, "node_modules/@microsoft.azure/autorest.testserver/swagger");

describe("test-server specs: generated in memory and typechecked strict", () => {
  for (const name of ["body-string", "body-complex", "url", "header"]) {
    it(`${name}.json`, async () => {
      const files = await generateInMemory(join(swaggerDir, `${name}.json`), swaggerDir);
      expect(files.map((f) => f.path)).toContain("src/index.ts");
      expect(typecheckFiles(`testserver-${name}`, files)).toEqual([]);
    });
  }
});
