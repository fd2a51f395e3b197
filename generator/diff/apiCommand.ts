/** The `api` subcommand: read two API Extractor reports (`*.api.md`) and diff their surfaces. */
import { readFileSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { GeneratorError } from "../errors.js";
import type { DiffResult, DiffSide } from "./change.js";
import { parseApiReport, type ApiSurface } from "./apiModel.js";
import { diffApiSurfaces } from "./apiRules.js";

function loadReport(arg: string, cwd: string): { side: DiffSide; surface: ApiSurface } {
  const full = resolve(cwd, arg);
  const rel = relative(cwd, full);
  const file = rel !== "" && !rel.startsWith("..") && !isAbsolute(rel) ? rel : full;
  let text: string;
  try {
    text = readFileSync(full, "utf8");
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new GeneratorError(file, "", code === "ENOENT" ? "API report not found" : `cannot read the API report (${code ?? "error"})`);
  }
  return { side: { label: arg, file }, surface: parseApiReport(text, file) };
}

export function runApiDiff(oldArg: string, newArg: string, cwd: string): DiffResult {
  const before = loadReport(oldArg, cwd);
  const after = loadReport(newArg, cwd);
  return { kind: "api", old: before.side, new: after.side, changes: diffApiSurfaces(before.surface, after.surface) };
}
