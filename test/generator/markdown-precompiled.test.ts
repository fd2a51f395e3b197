import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { compileMarkdownTemplate, precompiledMarkdownTemplate } from "../../generator/markdown.js";

const source = "# {{title}}\n\n{{code name}} {{{raw}}}\n";
const data = { title: "A *bold* | pipe", name: "x`y", raw: "<b>" };
const expected = "# A \\*bold\\* \\| pipe\n\n`` x`y `` <b>\n";

describe("precompiledMarkdownTemplate", () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it("renders what compileMarkdownTemplate renders, compiling once and then reading the cache", () => {
    const dir = mkdtempSync(join(tmpdir(), "acs-md-"));
    dirs.push(dir);
    const cacheDir = join(dir, "templates");
    expect(compileMarkdownTemplate(source)(data)).toBe(expected);
    expect(precompiledMarkdownTemplate(source, cacheDir)(data)).toBe(expected);
    const files = readdirSync(cacheDir);
    expect(files).toHaveLength(1);
    expect(files[0]).toMatch(/^[0-9a-f]{32}\.js$/);
    expect(precompiledMarkdownTemplate(source, cacheDir)(data)).toBe(expected);
    expect(readdirSync(cacheDir)).toEqual(files);
  });

  it("compiles in the run without a cache folder", () => {
    expect(precompiledMarkdownTemplate(source, undefined)(data)).toBe(expected);
  });

  it("throws for a missing field, as the strict compiled template does", () => {
    const dir = mkdtempSync(join(tmpdir(), "acs-md-"));
    dirs.push(dir);
    expect(() => precompiledMarkdownTemplate("{{missing}}", join(dir, "t"))({})).toThrow('"missing" not defined in [object Object]');
    expect(() => compileMarkdownTemplate("{{missing}}")({})).toThrow('"missing" not defined in [object Object]');
  });
});
