/**
 * Prettier, as the generator runs it on the TypeScript files it prints: the repository's settings
 * (`.prettierrc.json`) and Prettier's standalone build with only the two plugins its parser needs
 * (loading the whole `prettier` package costs more than formatting a small client).
 *
 * The parser is `babel-ts`, not the `typescript` parser `prettier --check` picks for `.ts` files: both
 * give Prettier the same tree for the code the emitter writes, and babel-ts parses it about twice as
 * fast (1,000 operations: 2.5 MB of TypeScript, 4.1-4.5 s instead of 4.8-5.6 s for the whole run).
 * That they agree is checked, not assumed: `npm run lint` checks generated/ with the typescript parser,
 * and the tests check Identity and all 74 test-server outputs the same way (prettier-output.test.ts,
 * test/testserver).
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { GeneratorError } from "../errors.js";

/** The Prettier options from the repository's `.prettierrc.json` (a plain JSON object). */
export type PrettierSettings = Record<string, unknown>;

/** The settings in `<repoRoot>/.prettierrc.json` (a JSON object). */
export function readPrettierSettings(repoRoot: string): PrettierSettings {
  const file = join(repoRoot, ".prettierrc.json");
  let settings: unknown;
  try {
    settings = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new GeneratorError(
      file,
      "",
      `cannot read the Prettier settings the generated code is formatted with: ${(error as Error).message}`,
    );
  }
  if (typeof settings !== "object" || settings === null || Array.isArray(settings)) {
    throw new GeneratorError(file, "", "the Prettier settings must be a JSON object");
  }
  return settings as PrettierSettings;
}

interface Standalone {
  format(source: string, options: Record<string, unknown>): Promise<string>;
}

/** A function that formats one TypeScript file's text with `settings`. */
export type FormatText = (text: string) => Promise<string>;

/**
 * Loads Prettier (with `require`: its standalone build and plugins are CommonJS, and requiring them
 * skips the export-name scan an ESM import of CommonJS does) and returns the formatting function.
 */
export function loadPrettier(settings: PrettierSettings): FormatText {
  const require = createRequire(import.meta.url);
  const prettier = require("prettier/standalone") as Standalone;
  const plugins = [require("prettier/plugins/estree") as object, require("prettier/plugins/babel") as object];
  const options = { ...settings, parser: "babel-ts", plugins };
  return (text) => prettier.format(text, options);
}
