import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SPEC_RULES } from "../../generator/diff/spec/rules.js";
import { REPO_ROOT } from "./helpers.js";

describe("generator/diff/README.md", () => {
  it("lists exactly the rules of SPEC_RULES, in order, with the same breaking flag", () => {
    const text = readFileSync(join(REPO_ROOT, "generator", "diff", "README.md"), "utf8");
    const rows = [...text.matchAll(/^\| `([a-z-]+)` \| (yes|no) \|/gm)].map((m) => [m[1], m[2] === "yes"]);
    expect(rows).toEqual(Object.entries(SPEC_RULES).map(([rule, r]) => [rule, r.breaking]));
  });
});
