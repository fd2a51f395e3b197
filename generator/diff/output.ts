/**
 * The output layer every `diff` subcommand shares: Markdown for people (templates/diff-report.md.hbs),
 * JSON for machines, and the exit code `--fail-on breaking` asks for.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compileMarkdownTemplate, type TextTemplate } from "../markdown.js";
import type { Change, DiffResult, DiffSide } from "./change.js";

export type FailOn = "breaking" | "never";

/** `{ "old", "new", "changes" }`, 2-space indented, trailing newline. */
export function renderJson(result: DiffResult): string {
  return JSON.stringify({ old: result.old, new: result.new, changes: result.changes }, null, 2) + "\n";
}

/**
 * The report template. `escape: true` (default) for Markdown files (bump's review/changes/*.md);
 * `escape: false` for the terminal (`npm run diff`), where a `\_` would show as it is.
 */
export function loadReportTemplate(templatesDir: string, options: { escape?: boolean } = {}): TextTemplate {
  return compileMarkdownTemplate(readFileSync(join(templatesDir, "diff-report.md.hbs"), "utf8"), options);
}

function sideName(side: DiffSide): string {
  return side.apiVersion !== undefined && side.apiVersion !== side.label ? `${side.label} (${side.apiVersion})` : side.label;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? "" : "s"}`;
}

/** `3 changes: 1 breaking, 2 non-breaking.` */
export function summaryLine(changes: ReadonlyArray<Change>): string {
  const breaking = changes.filter((c) => c.breaking).length;
  if (changes.length === 0) return "No changes.";
  return `${plural(changes.length, "change")}: ${breaking} breaking, ${changes.length - breaking} non-breaking.`;
}

/** How report titles name each kind of diff. */
const KIND_TITLES: Record<string, string> = { spec: "Spec", api: "API", wire: "Wire" };

/** The data the Markdown template is rendered with. */
export function reportData(result: DiffResult): unknown {
  const row = (c: Change): { rule: string; path: string; message: string } => ({ rule: c.rule, path: c.concerns.path, message: c.message });
  const breaking = result.changes.filter((c) => c.breaking).map(row);
  const other = result.changes.filter((c) => !c.breaking).map(row);
  const kind = KIND_TITLES[result.kind] ?? result.kind;
  return {
    title: `${kind} diff: ${sideName(result.old)} → ${sideName(result.new)}`,
    summary: summaryLine(result.changes),
    breaking,
    other,
    hasBreaking: breaking.length > 0,
    hasOther: other.length > 0,
  };
}

export function renderMarkdown(result: DiffResult, template: TextTemplate): string {
  return template(reportData(result));
}

/** 1 when `failOn` is `breaking` and a breaking change was found, else 0. */
export function exitCodeFor(result: DiffResult, failOn: FailOn): 0 | 1 {
  return failOn === "breaking" && result.changes.some((c) => c.breaking) ? 1 : 0;
}
