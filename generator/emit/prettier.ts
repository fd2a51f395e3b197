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

/**
 * A small module with the constructs the emitter prints (imports, JSDoc, interfaces, a const object,
 * an async function with awaits, object literals, template strings, a class with a constructor and
 * methods): formatting it first compiles most of the code Prettier runs, so the real files that follow
 * (formatted while the main thread still prints) find it ready. Its result is thrown away.
 */
export const WARM_UP_SOURCE = `import { type A, b } from "./a.js";
/** Doc. */
export interface Thing extends Base { /** The name. */ name?: string; items: Array<{ id: number }>; kind: "a" | "b" }
export const Kind = { A: "a" } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];
export async function run(context: Context, name: string, options: Options = {}): Promise<Result> {
  const url = buildUrl(context, \`/things/\${encodeURIComponent(name)}\`, { "api-version": context.apiVersion });
  const response = await send(context, { method: "GET", url, headers: { accept: "application/json" } }, options);
  if (response.status !== 200) { throw errorOf(response); }
  return { ...deserialize(response.body as Wire), value: response.headers.get("x") ?? undefined };
}
export class Client { readonly a: string; constructor(a: string) { this.a = a; } m(x?: number): void { return run(this, x!); } }
`;
