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
}

/** Path of the runtime source this module ships. */
export const runtimeSourcePath = fileURLToPath(new URL("./runtime/runtime.ts", import.meta.url));

export function loadEmitAssets(templatesDir: string): EmitAssets {
  return {
    readme: compileMarkdownTemplate(readFileSync(join(templatesDir, "generated-readme.md.hbs"), "utf8")),
    runtimeSource: readFileSync(runtimeSourcePath, "utf8"),
  };
}
