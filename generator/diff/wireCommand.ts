/** The `wire` subcommand: read two wire contract files and diff them. */
import { relative, resolve } from "node:path";
import type { DiffResult } from "./change.js";
import { readWireContract } from "./wireContract.js";
import { diffWireContracts } from "./wireDiff.js";

export function runWireDiff(oldArg: string, newArg: string, cwd: string): DiffResult {
  const label = (arg: string): string => {
    const rel = relative(cwd, resolve(cwd, arg));
    return rel.startsWith("..") ? resolve(cwd, arg) : rel;
  };
  const before = readWireContract(resolve(cwd, oldArg), label(oldArg));
  const after = readWireContract(resolve(cwd, newArg), label(newArg));
  return { kind: "wire", old: { label: oldArg }, new: { label: newArg }, changes: diffWireContracts(before, after) };
}
