import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { compileMarkdownTemplate, type TextTemplate } from "../markdown.js";

/** Everything emit reads from disk, loaded once and passed to the pure emit functions. */
export interface EmitAssets {
  /** `templates/generated-readme.md.hbs`, compiled. */
  readme: TextTemplate;
  /** Source of `generated/src/runtime.ts` (kept in `generator/emit/runtime/runtime.ts`, typechecked in the repo). */
  runtimeSource: string;
  /**
   * Source of the constraint helpers (`generator/emit/runtime/constraints.ts`: assertInRange, assertLength,
   * assertPattern, assertItemCount), appended to `runtime.ts` only when constraints are validated.
   */
  constraintsSource: string;
  /** Source of the XML helpers (`generator/emit/runtime/xml.ts`), copied to `src/xml.ts` only for clients with XML operations. */
  xmlSource: string;
}

/** Path of the runtime source this module ships. */
export const runtimeSourcePath = fileURLToPath(new URL("./runtime/runtime.ts", import.meta.url));

/** Path of the constraint helpers' source this module ships. */
export const constraintsSourcePath = fileURLToPath(new URL("./runtime/constraints.ts", import.meta.url));

/** Path of the XML helpers' source this module ships. */
export const xmlSourcePath = fileURLToPath(new URL("./runtime/xml.ts", import.meta.url));

export function loadEmitAssets(templatesDir: string): EmitAssets {
  return {
    readme: compileMarkdownTemplate(readFileSync(join(templatesDir, "generated-readme.md.hbs"), "utf8")),
    runtimeSource: readFileSync(runtimeSourcePath, "utf8"),
    constraintsSource: readFileSync(constraintsSourcePath, "utf8"),
    xmlSource: readFileSync(xmlSourcePath, "utf8"),
  };
}
