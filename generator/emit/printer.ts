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

/** How a printed file is laid out before Prettier sees it (the CLI formats every file with Prettier afterwards). */
export type PrintStyle =
  /** TypeScript's formatter on the created file (what `emitClient` returns, without Prettier). */
  | "typescript"
  /** The structure printer's text as it is: Prettier lays it out anyway, so parsing and formatting it here would be lost work. */
  | "raw";

/** ts-morph's structure printer (internal: what `createSourceFile(path, structure)` prints before it parses the text). */
interface StructurePrinting {
  createWriter(): { toString(): string };
  structurePrinterFactory: {
    forSourceFile(options: { isAmbient: boolean }): { printText(writer: unknown, structure: SourceFileStructure): void };
  };
}

/** The text ts-morph prints for `structure`, without creating (parsing) a source file when its printer is reachable. */
function rawText(project: Project, path: string, structure: SourceFileStructure): string {
  const context = (project as unknown as { _context?: Partial<StructurePrinting> })._context;
  if (typeof context?.createWriter === "function" && typeof context.structurePrinterFactory?.forSourceFile === "function") {
    const writer = context.createWriter();
    context.structurePrinterFactory.forSourceFile({ isAmbient: false }).printText(writer, structure);
    return writer.toString();
  }
  const file = project.createSourceFile(path, structure, { overwrite: true });
  const text = file.getFullText();
  project.removeSourceFile(file);
  return text;
}

/** Creates the file once from its structure, formats it (`style`), and returns header + text. */
export function printSourceFile(
  project: Project,
  path: string,
  structure: SourceFileStructure,
  header: string,
  style: PrintStyle = "typescript",
): string {
  let printed: string;
  if (style === "raw") {
    printed = rawText(project, path, structure);
  } else {
    const file = project.createSourceFile(path, structure, { overwrite: true });
    printed = formattedText(project, file);
    // the project only prints: drop the file so its tree can be collected
    project.removeSourceFile(file);
  }
  const text = printed
    .replace(/^((?:import|export) [^\n]*;\n)(?!import |export \{|export \*|\n)/gm, "$1\n")
    // (the structure printer indents the last line of a top-level `const X = {...} as const;`; the formatter does not)
    .replace(style === "raw" ? /^([ \t]*\} as const;\n)(?!\n)/gm : /^(\} as const;\n)(?!\n)/gm, "$1\n")
    .replace(/\n{3,}/g, "\n\n");
  return `${header}\n${text.trimStart()}`;
}
