/** The `spec` subcommand: load both sides, diff their code models. */
import type { DiffResult } from "../change.js";
import { diffCodeModels } from "./index.js";
import { loadSide, type SpecPaths } from "./load.js";

export async function runSpecDiff(oldArg: string, newArg: string, paths: SpecPaths): Promise<DiffResult> {
  const before = await loadSide(oldArg, paths);
  const after = await loadSide(newArg, paths);
  return { kind: "spec", old: before.side, new: after.side, changes: diffCodeModels(before.model, after.model) };
}
