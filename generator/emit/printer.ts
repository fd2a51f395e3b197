import { IndentationText, NewLineKind, Project, QuoteKind, ts, type SourceFile, type SourceFileStructure } from "ts-morph";

/** An in-memory ts-morph project with the fixed printer style every generated file uses. */
export function createEmitProject(): Project {
  return new Project({
    useInMemoryFileSystem: true,
    manipulationSettings: {
      indentationText: IndentationText.TwoSpaces,
      newLineKind: NewLineKind.LineFeed,
      quoteKind: QuoteKind.Double,
      useTrailingCommas: true,
    },
  });
}

/** The settings `SourceFile.formatText({ indentSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true })` formats with (the final newline is added by `formattedText`). */
function formatSettings(project: Project): ts.FormatCodeSettings {
  return {
    ...project.manipulationSettings.getFormatCodeSettings(),
    indentSize: 2,
    convertTabsToSpaces: true,
    // ts-morph's defaults for the rest (fillDefaultFormatCodeSettings)
    newLineCharacter: "\n",
    indentStyle: ts.IndentStyle.Smart,
    tabSize: 2,
    insertSpaceAfterCommaDelimiter: true,
    insertSpaceAfterConstructor: false,
    insertSpaceAfterSemicolonInForStatements: true,
    insertSpaceAfterKeywordsInControlFlowStatements: true,
    insertSpaceAfterOpeningAndBeforeClosingNonemptyBrackets: false,
    insertSpaceAfterOpeningAndBeforeClosingTemplateStringBraces: false,
    insertSpaceAfterOpeningAndBeforeClosingJsxExpressionBraces: false,
    insertSpaceBeforeFunctionParenthesis: false,
    insertSpaceBeforeAndAfterBinaryOperators: true,
    placeOpenBraceOnNewLineForFunctions: false,
    placeOpenBraceOnNewLineForControlBlocks: false,
  };
}

/** TypeScript's document formatter (internal to the compiler, the one its language service calls). */
interface Formatting {
  formatDocument(sourceFile: ts.SourceFile, context: unknown): readonly ts.TextChange[];
  getFormatContext(options: ts.FormatCodeSettings, host: { getNewLine?: () => string }): unknown;
}

/**
 * The formatted text of `file`, the same as `file.formatText(...)` followed by `getFullText()`, but
 * formatting the tree the file already has: the language service route parses the text a second
 * time to find the edits and a third time to store the result, which was half the emit time. Falls
 * back to that route if the compiler's formatter is not reachable.
 */
function formattedText(project: Project, file: SourceFile): string {
  const settings = formatSettings(project);
  const formatting = (ts as unknown as { formatting?: Partial<Formatting> }).formatting;
  if (typeof formatting?.formatDocument !== "function" || typeof formatting.getFormatContext !== "function") {
    file.formatText({ indentSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
    return file.getFullText();
  }
  const text = file.getFullText();
  const edits = [...formatting.formatDocument(file.compilerNode, formatting.getFormatContext(settings, { getNewLine: () => "\n" }))]
    .map((edit, index) => ({ edit, index }))
    .sort((a, b) => a.edit.span.start - b.edit.span.start || a.index - b.index);
  const parts: string[] = [];
  let start = 0;
  for (const { edit } of edits) {
    parts.push(text.slice(start, edit.span.start), edit.newText);
    start = edit.span.start + edit.span.length;
  }
  parts.push(text.slice(start));
  let result = parts.join("");
  if (!result.endsWith("\n")) result += "\n";
  return result.replace(/\r?\n/g, "\n");
}

/** Creates the file once from its structure, formats it, and returns header + text. */
export function printSourceFile(project: Project, path: string, structure: SourceFileStructure, header: string): string {
  const file = project.createSourceFile(path, structure, { overwrite: true });
  const text = formattedText(project, file)
    .replace(/^((?:import|export) [^\n]*;\n)(?!import |export \{|export \*|\n)/gm, "$1\n")
    .replace(/^(\} as const;\n)(?!\n)/gm, "$1\n")
    .replace(/\n{3,}/g, "\n\n");
  // the project only prints: drop the file so its tree can be collected
  project.removeSourceFile(file);
  return `${header}\n${text.trimStart()}`;
}
