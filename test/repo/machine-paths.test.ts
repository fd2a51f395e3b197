/**
 * No tracked text file names a folder of the machine it was written on: the checkout, the specs, the
 * temporary folder, a home folder, or the usual roots of build machines. Such a path works on one
 * machine only (and leaks its layout); code computes paths from the repository root or os.tmpdir().
 */
import { execFileSync } from "node:child_process";
import { readFileSync, realpathSync } from "node:fs";
import { homedir, tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { resolveSpecsRoot } from "../../generator/cli/specsRoot.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const escape = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const real = (p: string): string => {
  try {
    return realpathSync(p);
  } catch {
    return p;
  }
};
/** A folder path as a whole path segment: not preceded by a path character, not part of a longer name. */
const folder = (path: string): RegExp => new RegExp(`(?<![\\w.~-])${escape(path)}(?![\\w.-])`);
const seg = (...parts: string[]): string => `/${parts.join("/")}`; // built, so this file does not match itself

const specsRoot = resolveSpecsRoot(undefined, process.env);
const patterns: Array<[string, RegExp]> = [
  ...[
    repoRoot,
    real(repoRoot),
    specsRoot,
    real(specsRoot),
    dirname(specsRoot),
    real(dirname(specsRoot)),
    tmpdir(),
    real(tmpdir()),
    homedir(),
  ]
    .filter((p, i, all) => p.length > 1 && all.indexOf(p) === i)
    .map((p): [string, RegExp] => [p, folder(p)]),
  [`${seg("work")}/`, new RegExp(`(?<![\\w.~-])${escape(seg("work"))}/`)],
  [`${seg("root")}/`, new RegExp(`(?<![\\w.~#-])${escape(seg("root"))}/`)],
  [`${seg("home")}/<name>`, new RegExp(`(?<![\\w.~-])${escape(seg("home"))}/[\\w.-]+`)],
  [`${seg("Users")}/<name>`, new RegExp(`(?<![\\w.~-])${escape(seg("Users"))}/[\\w.-]+`)],
];

function trackedTextFiles(): string[] {
  const files = execFileSync("git", ["ls-files", "-z"], { cwd: repoRoot, encoding: "utf8" })
    .split("\0")
    .filter((f) => f !== "");
  return files.filter((f) => {
    try {
      return !readFileSync(join(repoRoot, f)).includes(0); // text only
    } catch {
      return false; // deleted in the working tree
    }
  });
}

describe("tracked files", () => {
  it("hold no absolute path of this machine (checkout, specs, temp or home folder, the usual build roots)", () => {
    const found: string[] = [];
    for (const file of trackedTextFiles()) {
      const lines = readFileSync(join(repoRoot, file), "utf8").split("\n");
      lines.forEach((line, i) => {
        for (const [name, pattern] of patterns) if (pattern.test(line)) found.push(`${file}:${i + 1}: ${name}`);
      });
    }
    expect(found).toEqual([]);
  });

  it("the check finds each kind of path", () => {
    const hits = (line: string): string[] => patterns.filter(([, p]) => p.test(line)).map(([name]) => name);
    expect(hits(`cd ${repoRoot}/generated`)).toContain(repoRoot);
    expect(hits(`"${join(tmpdir(), "x")}"`)).toContain(tmpdir());
    expect(hits(`label: "${seg("work", "main")}/.tmp/x"`)).toEqual(expect.arrayContaining([`${seg("work")}/`]));
    expect(hits(`${seg("root", ".cache")}`)).toContain(`${seg("root")}/`);
    expect(hits(`${seg("home", "x", "specs")}`)).toContain(`${seg("home")}/<name>`);
    // A relative path with a folder named like a home folder is not a machine path (built from parts,
    // like the lines above, so this file holds no such literal either).
    expect(hits(`test/fixtures/load${seg("root", "api", "spec.json")}, .tmp/bump/a.md, #/definitions/x`)).toEqual([]);
  });
});
