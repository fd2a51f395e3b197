import { StructureKind, type JSDocStructure, type JSDocTagStructure } from "ts-morph";
import { docText } from "./text.js";

/**
 * One JSDoc block. `description` is spec prose and gets escaped; `fallback` (used when
 * the spec has no description) and `note` (appended as its own paragraph) are written by
 * the emitter and must already be safe: build them with {@link codeSpan} for spec names.
 */
export function jsDoc(
  description: string | undefined,
  fallback: string,
  extra: { note?: string; tags?: JSDocTagStructure[] } = {},
): JSDocStructure[] {
  const main = description !== undefined && description.trim() !== "" ? docText(description) : fallback;
  const text = extra.note === undefined ? main : `${main}\n\n${extra.note}`;
  const tags = extra.tags ?? [];
  return [{ kind: StructureKind.JSDoc, description: text, tags: tags.length > 0 ? tags : undefined }];
}

/** A JSDoc tag whose text is spec prose (escaped). */
export function docTag(tagName: string, text: string): JSDocTagStructure {
  return { kind: StructureKind.JSDocTag, tagName, text: docText(text) };
}

/** A spec name shown as inline code in a comment, safe whatever it contains. */
export function codeSpan(name: string): string {
  return "`" + docText(name).replace(/`/g, "'").replace(/\n/g, " ") + "`";
}

/** A `/** ... *\/` comment as raw text (spec prose, escaped), for places structures do not cover. */
export function inlineDoc(text: string, indent: string): string {
  const lines = docText(text).split("\n");
  if (lines.length === 1) {
    return `${indent}/** ${lines[0]} */`;
  }
  return [`${indent}/**`, ...lines.map((line) => (line === "" ? `${indent} *` : `${indent} * ${line}`)), `${indent} */`].join("\n");
}
