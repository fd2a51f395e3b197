import { join } from "node:path";
import ts from "typescript";
import { beforeAll, describe, expect, it } from "vitest";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory, withConstraints } from "../fixtures/emit/generate.js";

const hostileDir = join(repoRoot, "test/fixtures/emit/hostile");
let files: Array<{ path: string; content: string }> = [];
const file = (path: string): string => files.find((f) => f.path === path)?.content ?? "";

/** Code tokens of a file: everything except comments, whitespace and string literals. */
function codeTokens(text: string): Array<{ kind: string; text: string }> {
  const scanner = ts.createScanner(ts.ScriptTarget.ES2022, true, ts.LanguageVariant.Standard, text);
  const tokens: Array<{ kind: string; text: string }> = [];
  for (let kind = scanner.scan(); kind !== ts.SyntaxKind.EndOfFileToken; kind = scanner.scan()) {
    if (kind !== ts.SyntaxKind.StringLiteral) {
      tokens.push({ kind: ts.SyntaxKind[kind], text: scanner.getTokenText() });
    }
  }
  return tokens;
}

describe("hostile input: descriptions, enum values and property names full of */, quotes, backticks, ${, newlines, reserved words", () => {
  beforeAll(async () => {
    files = await generateInMemory(join(hostileDir, "hostile.json"), hostileDir, [], withConstraints);
  });

  it("the output compiles", () => {
    expect(typecheckFiles("hostile", files)).toEqual([]);
  });

  it("outside comments and string literals, no spec text reaches the code (no template literals at all)", () => {
    for (const f of files.filter((f) => f.path.endsWith(".ts") && f.path !== "src/runtime.ts")) {
      const tokens = codeTokens(f.content);
      expect(
        tokens.filter((t) => /^(NoSubstitutionTemplateLiteral|TemplateHead|Unknown)$/.test(t.kind)),
        f.path,
      ).toEqual([]);
      const identifiers = tokens.filter((t) => t.kind === "Identifier").map((t) => t.text);
      for (const bad of ["eval", "alert", "inject", "injection", "close"]) {
        expect(identifiers, `${f.path}: ${bad}`).not.toContain(bad);
      }
    }
  });

  it("every comment closer from the spec is escaped inside JSDoc", () => {
    const models = file("src/models.ts");
    expect(models).toContain(' * A thing *\\/ with "quotes" and `ticks` and ${x}\n * and a second line\n */\nexport interface Thing {\n');
    expect(models).toContain("  /** Reserved *\\/ word */\n  class: string;\n");
    expect(models).toContain('  /** The value "*\\/ close". */\n  Close: "*/ close",\n');
    expect(file("src/operations/things.ts")).toContain("   * @param thingId - Id *\\/ eval(1) /\\*\n");
    expect(file("src/hostileClient.ts")).toContain(" * next line \\@param x\n");
  });

  it("enum values and property names are JSON-quoted, never spliced", () => {
    const models = file("src/models.ts");
    expect(models).toContain(
      'export type Kind = "*/ close" | "quote\\"d" | "`tick`" | "${inject}" | "new\\nline" | "class" | "constructor" | (string & {});\n',
    );
    const mappers = file("src/mappers.ts");
    expect(mappers).toContain('  "*/"?: string;\n');
    expect(mappers).toContain('  "quo\\"te"?: Kind;\n');
    expect(mappers).toContain('  "new\\nline"?: string;\n');
    expect(mappers).toContain('    ...(wire["${x}"] === undefined ? {} : { x: wire["${x}"] }),\n');
    expect(mappers).toContain('    ["__proto__"]: value.proto,\n');
    expect(mappers).toContain('    ...(!Object.hasOwn(wire, "constructor") ? {} : { constructor: wire.constructor }),\n');
    expect(file("src/operations/things.ts")).toContain('      "x-ms-`header`": options.xMsHeader,\n');
  });

  it("reserved words as parameter names are renamed, and validation paths use the TypeScript names", () => {
    expect(file("src/operations/things.ts")).toContain(
      '    assertInRange(options.classParam, "classParam", { minimum: 1, maximum: 5 });\n',
    );
    expect(file("src/validators.ts")).toContain('  assertPattern(value.x, path + ".x", "^a*/b$");\n');
  });

  it("the README escapes Markdown in the hostile title and summaries", () => {
    expect(file("README.md")).toContain(
      "| `things.put` | `thingsPut` | `PUT` `/things/{thing-id}` | Things\\_Put | all | Put \\*/ a thing \\`now\\` ${x} |\n",
    );
  });
});
