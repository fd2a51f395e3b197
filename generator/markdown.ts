/**
 * Markdown text from handlebars templates, shared by every stage that writes text for people:
 * generated/README.md (emit), diff reports (diff) and changelog entries (bump).
 */
import { createHash } from "node:crypto";
import { mkdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import type Handlebars from "handlebars";

// The full handlebars (parser and compiler, ~20-40 ms to load) is required only to compile a template
// not found precompiled in the cache (see precompiledMarkdownTemplate); the runtime alone runs one.
const require = createRequire(import.meta.url);
/** Loaded with `require`: CommonJS, and an ESM import would make Node scan its source for export names. */
const HandlebarsRuntime = require("handlebars/runtime") as typeof Handlebars;

/** A compiled text template: data in, text out. */
export type TextTemplate = (data: unknown) => string;

/**
 * Escapes text for Markdown (inline and table cells): every punctuation Markdown gives meaning to,
 * and line breaks. At the start, a heading or list marker is escaped too; an ordered-list marker
 * (`1.` or `1)` then a space) by escaping its `.` / `)`, as a backslash before a digit is no
 * escape (it would show: `\1.0.0`), and a version number like `1.0.0` is no marker at all.
 */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([#+\-=])/, "$1\\$2")
    .replace(/^(\s*\d+)([.)])(?=\s|$)/, "$1\\$2");
}

/**
 * Compiles a Markdown template with its own Handlebars instance: `{{x}}` escapes for
 * Markdown (never HTML), `{{{x}}}` inserts text as is, `{{code x}}` makes an inline
 * code span. With `escape: false` (text read in a terminal, not rendered) `{{x}}` and
 * `{{code x}}` keep the text as it is (line breaks still become spaces).
 */
export function compileMarkdownTemplate(source: string, options: { escape?: boolean } = {}): TextTemplate {
  const handlebars = markdownEnvironment((require("handlebars") as typeof Handlebars).create(), options);
  const template = handlebars.compile(source, { strict: true });
  return (data) => template(data);
}

/** `handlebars` (a fresh environment) set up for Markdown as compileMarkdownTemplate describes. */
function markdownEnvironment<H extends typeof HandlebarsRuntime>(handlebars: H, options: { escape?: boolean }): H {
  const escape = options.escape !== false;
  handlebars.Utils.escapeExpression = (value: unknown): string => {
    if (value instanceof handlebars.SafeString) {
      return value.toHTML();
    }
    const text = value === undefined || value === null ? "" : String(value);
    return escape ? escapeMarkdown(text) : text.replace(/\r\n?|\n/g, " ");
  };
  handlebars.registerHelper("code", (value: unknown) => {
    const oneLine = String(value).replace(/\r\n?|\n/g, " ");
    const text = escape ? oneLine.replace(/\|/g, "\\|") : oneLine;
    const fence = "`".repeat((text.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length + 1), 1));
    return new handlebars.SafeString(`${fence}${fence.length > 1 ? " " : ""}${text}${fence.length > 1 ? " " : ""}${fence}`);
  });
  return handlebars;
}

/**
 * compileMarkdownTemplate, with the compiled template kept as JavaScript in `cacheDir` (a file named by
 * the hash of the source and the handlebars version): a later run loads it with the handlebars runtime
 * only, instead of loading the compiler and compiling again (~40-60 ms per run). Same text out.
 * Without `cacheDir`, or if the cache cannot be written, it compiles as compileMarkdownTemplate does.
 */
export function precompiledMarkdownTemplate(
  source: string,
  cacheDir: string | undefined,
  options: { escape?: boolean } = {},
): TextTemplate {
  if (cacheDir === undefined) return compileMarkdownTemplate(source, options);
  const key = createHash("sha256").update(`${HandlebarsRuntime.VERSION}\0${source}`).digest("hex").slice(0, 32);
  const file = join(cacheDir, `${key}.js`);
  let spec: string;
  try {
    spec = readFileSync(file, "utf8");
  } catch {
    spec = (require("handlebars") as typeof Handlebars).precompile(source, { strict: true }) as string;
    try {
      mkdirSync(cacheDir, { recursive: true });
      const tmp = `${file}.${process.pid}.tmp`;
      writeFileSync(tmp, spec);
      renameSync(tmp, file);
    } catch {
      // not writable: compiled again next time
    }
  }
  const handlebars = markdownEnvironment(HandlebarsRuntime.create(), options);
  // eslint-disable-next-line @typescript-eslint/no-implied-eval -- the spec handlebars.precompile wrote (a JavaScript object literal)
  const template = handlebars.template(new Function(`return ${spec};`)() as Parameters<typeof handlebars.template>[0]);
  return (data) => template(data);
}
