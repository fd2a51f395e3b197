/**
 * Markdown text from handlebars templates, shared by every stage that writes text for people:
 * generated/README.md (emit), diff reports (diff) and changelog entries (bump).
 */
import Handlebars from "handlebars";

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
  const escape = options.escape !== false;
  const handlebars = Handlebars.create();
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
  const template = handlebars.compile(source, { strict: true });
  return (data) => template(data);
}
