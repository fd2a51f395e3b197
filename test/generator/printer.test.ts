import { StructureKind, type SourceFileStructure } from "ts-morph";
import { describe, expect, it } from "vitest";
import { createEmitProject, printSourceFile } from "../../generator/emit/printer.js";

const structure: SourceFileStructure = {
  kind: StructureKind.SourceFile,
  statements: [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./a.js", namedImports: ["b", "a"] },
    'export const Kind = {\n/** The value "x". */\nX: "x",\n} as const;',
    {
      kind: StructureKind.Function,
      name: "f",
      isExported: true,
      parameters: [{ name: "value", type: "number" }],
      statements: 'if(value>1){\nreturn {\na: value,\n  b: [1,2],\n};\n}\n    throw new RangeError("bad " + value);',
    },
    {
      kind: StructureKind.Class,
      name: "C",
      methods: [{ name: "m", isAsync: true, statements: 'const x = await fetch("u", {\nmethod: "GET",\n});\nreturn x;' }],
    },
  ],
};

/** The route the printer replaced: ts-morph's formatText on the created file. */
function viaFormatText(): string {
  const file = createEmitProject().createSourceFile("x.ts", structure);
  file.formatText({ indentSize: 2, convertTabsToSpaces: true, ensureNewLineAtEndOfFile: true });
  return file.getFullText();
}

describe("printSourceFile", () => {
  it("formats exactly as SourceFile.formatText did (then adds the header and blank lines)", () => {
    const printed = printSourceFile(createEmitProject(), "x.ts", structure, "// header\n");
    expect(printed).toBe(
      [
        "// header",
        "",
        'import { b, a } from "./a.js";',
        "",
        "export const Kind = {",
        '  /** The value "x". */',
        '  X: "x",',
        "} as const;",
        "",
        "export function f(value: number) {",
        "  if (value > 1) {",
        "    return {",
        "      a: value,",
        "      b: [1, 2],",
        "    };",
        "  }",
        '  throw new RangeError("bad " + value);',
        "}",
        "",
        "class C {",
        "  async m() {",
        '    const x = await fetch("u", {',
        '      method: "GET",',
        "    });",
        "    return x;",
        "  }",
        "}",
        "",
      ].join("\n"),
    );
    const reference = viaFormatText()
      .replace(/^((?:import|export) [^\n]*;\n)(?!import |export \{|export \*|\n)/gm, "$1\n")
      .replace(/^(\} as const;\n)(?!\n)/gm, "$1\n")
      .replace(/\n{3,}/g, "\n\n");
    expect(printed).toBe(`// header\n\n${reference.trimStart()}`);
  });

  it("leaves nothing behind in the project (each file is created once and dropped)", () => {
    const project = createEmitProject();
    printSourceFile(project, "x.ts", structure, "");
    printSourceFile(project, "y.ts", structure, "");
    expect(project.getSourceFiles()).toEqual([]);
  });
});
