import { IndentationText, NewLineKind, Project, QuoteKind, type SourceFileStructure } from "ts-morph";

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

/** Creates the file once from its structure, formats it, and returns header + text. */
export function printSourceFile(project: Project, path: string, structure: SourceFileStructure, header: string): string {
  const file = project.createSourceFile(path, structure, { overwrite: true });
  file.formatText({ indentSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  const text = file
    .getFullText()
    .replace(/^((?:import|export) [^\n]*;\n)(?!import |export \{|export \*|\n)/gm, "$1\n")
    .replace(/^(\} as const;\n)(?!\n)/gm, "$1\n")
    .replace(/\n{3,}/g, "\n\n");
  return `${header}\n${text.trimStart()}`;
}
