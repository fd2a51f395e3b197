import Handlebars from "handlebars";
import type { CodeModel } from "../model/types.js";
import { operationsClassName, operationsPropertyName } from "./signature.js";

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

/** The data `templates/generated-readme.md.hbs` is rendered with. */
export function readmeData(model: CodeModel, files: string[]): unknown {
  return {
    clientName: model.client.name,
    description: model.client.description,
    apiVersions: model.apiVersions.map((v) => ({ apiVersion: v.apiVersion, status: v.status, specPath: v.specPath, files: v.files })),
    defaultApiVersion: model.client.apiVersion?.defaultValue ?? "",
    transforms: model.apiVersions.flatMap((v) =>
      (v.transforms ?? []).map((t) => ({ ...t, apiVersion: v.apiVersion, target: `${t.file}#${t.pointer}` })),
    ),
    operations: model.operationGroups.flatMap((g) =>
      g.operations.map((o) => ({
        call: `${operationsPropertyName(g)}.${o.name}`,
        className: operationsClassName(g),
        method: o.method.toUpperCase(),
        path: o.path,
        operationId: o.operationId,
        summary: o.summary ?? o.description ?? "",
        apiVersions: o.apiVersions.length === model.apiVersions.length ? "all" : o.apiVersions.join(", "),
      })),
    ),
    models: model.objects.map((o) => ({ name: o.name, serializedName: o.serializedName, description: o.description ?? "" })),
    enums: model.enums.map((e) => ({
      name: e.name,
      kind: e.extensible ? "extensible" : "sealed",
      values: e.values.map((v) => String(v.value)).join(", "),
    })),
    files,
  };
}
