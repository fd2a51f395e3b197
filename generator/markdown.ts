/**
 * Markdown text from handlebars templates, shared by every stage that writes text for people:
 * generated/README.md (emit), diff reports (diff) and changelog entries (bump).
 */
import Handlebars from "handlebars";

/** A compiled text template: data in, text out. */
export type TextTemplate = (data: unknown) => string;

/** Escapes text for Markdown (inline and table cells): every punctuation Markdown gives meaning to, and line breaks. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/\r\n?|\n/g, " ")
    .replace(/[\\`*_[\]<>|~&]/g, (character) => `\\${character}`)
    .replace(/^(\s*)([#+\-=]|\d+\.)/, "$1\\$2");
}

/**
 * Compiles a Markdown template with its own Handlebars instance: `{{x}}` escapes for
 * Markdown (never HTML), `{{{x}}}` inserts text as is, `{{code x}}` makes an inline
 * code span.
 */
export function compileMarkdownTemplate(source: string): TextTemplate {
  const handlebars = Handlebars.create();
  handlebars.Utils.escapeExpression = (value: unknown): string => {
    if (value instanceof handlebars.SafeString) {
      return value.toHTML();
    }
    return escapeMarkdown(value === undefined || value === null ? "" : String(value));
  };
  handlebars.registerHelper("code", (value: unknown) => {
    const text = String(value).replace(/\r\n?|\n/g, " ").replace(/\|/g, "\\|");
    const fence = "`".repeat((text.match(/`+/g) ?? []).reduce((max, run) => Math.max(max, run.length + 1), 1));
    return new handlebars.SafeString(`${fence}${fence.length > 1 ? " " : ""}${text}${fence.length > 1 ? " " : ""}${fence}`);
  });
  const template = handlebars.compile(source, { strict: true });
  return (data) => template(data);
}
