/**
 * Generates every Swagger file of the AutoRest test server into one folder (one sub-folder per spec)
 * and typechecks all outputs strict in a single TypeScript program.
 */
import { mkdirSync, readdirSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";

export const swaggerDir = join(repoRoot, "node_modules/@microsoft.azure/autorest.testserver/swagger");

export interface SpecResult {
  /** File name in the package's swagger/ folder, e.g. `body-string.json`. */
  spec: string;
  status: "generated" | "refused";
  /** The generator's error message when refused. */
  error?: string;
  /** Strict typecheck diagnostics (`path(line,col): message`, paths relative to the spec's folder). */
  typeErrors: string[];
}

/** The Swagger files of the package, sorted. */
export function listSpecs(): string[] {
  return readdirSync(swaggerDir)
    .filter((f) => f.endsWith(".json"))
    .sort();
}

/** The folder name a spec's output goes to under the output folder. */
export const outputFolder = (spec: string): string => spec.replace(/\.json$/, "");

/** Generates `specs` into `outDir/<spec name>/` and typechecks them; results in `specs` order. */
export async function generateAll(specs: string[], outDir: string): Promise<SpecResult[]> {
  const results: SpecResult[] = [];
  const all: Array<{ path: string; content: string }> = [];
  for (const spec of specs) {
    try {
      const files = await generateInMemory(join(swaggerDir, spec), swaggerDir, [], { format: true });
      for (const f of files) {
        const path = join(outputFolder(spec), f.path);
        all.push({ path, content: f.content });
        mkdirSync(dirname(join(outDir, path)), { recursive: true });
        writeFileSync(join(outDir, path), f.content);
      }
      results.push({ spec, status: "generated", typeErrors: [] });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      results.push({ spec, status: "refused", error: message.replaceAll(repoRoot, "<repo>"), typeErrors: [] });
    }
  }
  const diagnostics = typecheckFiles("testserver-all", all);
  for (const result of results) {
    const prefix = `${outputFolder(result.spec)}/`;
    result.typeErrors = diagnostics.filter((d) => d.startsWith(prefix)).map((d) => d.slice(prefix.length));
  }
  const unplaced = diagnostics.filter((d) => !results.some((r) => d.startsWith(`${outputFolder(r.spec)}/`)));
  if (unplaced.length > 0) throw new Error(`typecheck diagnostics outside any spec folder:\n${unplaced.join("\n")}`);
  return results;
}
