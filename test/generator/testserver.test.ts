import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";

const swaggerDir = join(repoRoot, "node_modules/@microsoft.azure/autorest.testserver/swagger");

// Every test-server spec is generated and typechecked strict by test/testserver (baseline.json lists
// those that must keep generating and typechecking); the tests here pin single emitter behaviours.

describe("test-server specs: constant path parameters", () => {
  it("url.json: a single-value enum in the path is written into the path, not left as {name}", async () => {
    const files = await generateInMemory(join(swaggerDir, "url.json"), swaggerDir);
    const paths = files.find((f) => f.path === "src/operations/paths.ts")?.content ?? "";
    expect(paths).toContain('buildRequestUrl(context.endpoint, "/paths/bool/true/{boolPath}", {\n    boolPath: "true",\n  });');
    expect(paths).toContain('buildRequestUrl(context.endpoint, "/paths/string/empty/{stringPath}", {\n    stringPath: "",\n  });');
    // encoded like any path value: one segment
    expect(paths).toContain(`stringPath: "${encodeURIComponent("begin!*'();:@ &=+$,/?#[]end")}",`);
  });
});

describe("test-server specs without models", () => {
  it("head.json: no models.ts, and index.ts does not re-export one", async () => {
    const files = await generateInMemory(join(swaggerDir, "head.json"), swaggerDir);
    expect(files.map((f) => f.path)).toEqual([
      "README.md",
      "src/apiVersions.ts",
      "src/autoRestHeadTestService.ts",
      "src/index.ts",
      "src/operations/httpSuccess.ts",
      "src/runtime.ts",
    ]);
    expect(files.find((f) => f.path === "src/index.ts")?.content).not.toContain("./models.js");
    expect(typecheckFiles("testserver-head", files)).toEqual([]);
  });
});

describe("test-server specs: x-nullable response bodies", () => {
  it("body-date.json: an empty body of an x-nullable response is null, before any mapping", async () => {
    const files = await generateInMemory(join(swaggerDir, "body-date.json"), swaggerDir);
    const date = files.find((f) => f.path === "src/operations/date.ts")?.content ?? "";
    expect(date).toContain("  const wire = (response.body ?? null) as string | null;\n  return wire === null ? null : parseDate(wire);\n");
  });
});
