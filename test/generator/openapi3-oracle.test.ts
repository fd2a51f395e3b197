/**
 * The format oracle of issue 13: every Identity version of spec/manifest.json and every test-server
 * Swagger file, converted to OpenAPI 3 by swagger2openapi (see test/fixtures/openapi3/formOracle.ts
 * for its options and the three repairs of its output), generates the same TypeScript as the Swagger
 * 2 form, apart from what names the spec files (header comment, README provenance lines). Each is
 * checked twice: as converted (OpenAPI 3.0) and said in 3.1 terms (`upgradeTo31`: type lists with
 * "null", `anyOf` with a null type, numeric exclusive bounds).
 *
 * Exceptions, each a loss or a failure of the conversion, not of the reader:
 * - NOT_CONVERTED: swagger2openapi throws on an `x-ms-parameterized-host` without `schemes`;
 * - CONVERSION_LOSES: the OpenAPI 3 form lacks something the Swagger 2 form had (`it.fails`, so the
 *   test turns red, and the entry can go, once the conversion keeps it).
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { resolveSpecsRoot } from "../../generator/cli/specsRoot.js";
import { readManifest } from "../../generator/load/manifest.js";
import { repoRoot } from "../fixtures/emit/compile.js";
import { compareForms, writeOpenApi3Form } from "../fixtures/openapi3/formOracle.js";
import { listSpecs, swaggerDir } from "../testserver/generateAll.js";

const specsRoot = resolveSpecsRoot(undefined, process.env);
const versions = readManifest(join(repoRoot, "spec", "manifest.json")).versions;

const NOT_CONVERTED = new Set(["custom-baseUrl.json", "custom-baseUrl-paging.json", "lro-parameterized-endpoints.json"]);

const CONVERSION_LOSES: Record<string, string> = {
  "storage.json":
    "an operation without a response body loses the document's `produces` (OpenAPI 3 has no place for it): Accept is application/json instead of application/json, text/json",
  "xml-service.json":
    "operations without a response body lose the document's `produces` (OpenAPI 3 has no place for it): Accept is application/json instead of application/xml",
};

const LIMIT = { timeout: 120_000 };

for (const form of ["3.0", "3.1"] as const) {
  describe(`OpenAPI ${form} format oracle: the swagger2openapi form${form === "3.1" ? ", said in 3.1 terms," : ""} of a spec generates the same TypeScript`, () => {
    describe("Identity (every manifest version)", () => {
      for (const version of versions) {
        it(version.apiVersion, LIMIT, async () => {
          expect(await compareForms(join(specsRoot, version.path), specsRoot, form)).toEqual({ status: "identical" });
        });
      }
    });

    describe("test-server Swagger files", () => {
      for (const spec of listSpecs()) {
        if (NOT_CONVERTED.has(spec)) {
          it(`${spec}: swagger2openapi cannot convert it (x-ms-parameterized-host without schemes)`, LIMIT, async () => {
            const outRoot = mkdtempSync(join(tmpdir(), "acs-oas3-oracle-"));
            try {
              await expect(writeOpenApi3Form(join(swaggerDir, spec), swaggerDir, outRoot, form)).rejects.toThrow(
                "Cannot read properties of undefined (reading 'forEach')",
              );
            } finally {
              rmSync(outRoot, { recursive: true, force: true });
            }
          });
          continue;
        }
        const loss = CONVERSION_LOSES[spec];
        const test = loss === undefined ? it : it.fails;
        test(loss === undefined ? spec : `${spec} (known: ${loss})`, LIMIT, async () => {
          expect(await compareForms(join(swaggerDir, spec), swaggerDir, form)).toEqual({ status: "identical" });
        });
      }
    });
  });
}
