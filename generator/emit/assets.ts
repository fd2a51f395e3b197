import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { precompiledMarkdownTemplate, type TextTemplate } from "../markdown.js";

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
  /**
   * Source of `withoutCredential` (`generator/emit/runtime/anonymous.ts`, without its import line), appended to
   * `runtime.ts` only for a client with a credential and an operation that allows anonymous requests.
   */
  anonymousSource: string;
  /** Source of the XML helpers (`generator/emit/runtime/xml.ts`), copied to `src/xml.ts` only for clients with XML operations. */
  xmlSource: string;
  /**
   * Source of the non-JSON body helpers (`generator/emit/runtime/bodies.ts`, without its import lines: runtime.ts
   * has them), appended to `runtime.ts` only for a spec with binary, form or multi-media-type bodies or binary responses.
   */
  bodiesSource: string;
}

/** Path of the runtime source this module ships. */
export const runtimeSourcePath = fileURLToPath(new URL("./runtime/runtime.ts", import.meta.url));

/** Path of the constraint helpers' source this module ships. */
export const constraintsSourcePath = fileURLToPath(new URL("./runtime/constraints.ts", import.meta.url));

/** Path of the XML helpers' source this module ships. */
export const xmlSourcePath = fileURLToPath(new URL("./runtime/xml.ts", import.meta.url));
/** Path of the non-JSON body helpers' source this module ships. */
export const bodiesSourcePath = fileURLToPath(new URL("./runtime/bodies.ts", import.meta.url));

/** Path of `withoutCredential`'s source. */
export const anonymousSourcePath = fileURLToPath(new URL("./runtime/anonymous.ts", import.meta.url));

/** `source` without its `import` lines (a runtime part appended to runtime.ts, which imports what it needs). */
export function withoutImports(source: string): string {
  return source.replace(/^import [^\n]*\n/gm, "");
}

/**
 * Where compiled templates are kept between runs: beside V8's compile cache of the launcher's bundle
 * (`.tmp/generator-cli/compile-cache/`, ACS_GEN_COMPILE_CACHE, set by generator/cli/launch.mjs); none
 * when run otherwise (tests), which compiles the template in the run.
 */
function templateCacheDir(): string | undefined {
  const dir = process.env["ACS_GEN_COMPILE_CACHE"];
  return dir ? join(dir, "templates") : undefined;
}

export function loadEmitAssets(templatesDir: string): EmitAssets {
  return {
    readme: precompiledMarkdownTemplate(readFileSync(join(templatesDir, "generated-readme.md.hbs"), "utf8"), templateCacheDir()),
    runtimeSource: readFileSync(runtimeSourcePath, "utf8"),
    constraintsSource: readFileSync(constraintsSourcePath, "utf8"),
    xmlSource: readFileSync(xmlSourcePath, "utf8"),
    bodiesSource: withoutImports(readFileSync(bodiesSourcePath, "utf8")),
    anonymousSource: withoutImports(readFileSync(anonymousSourcePath, "utf8")),
  };
}
