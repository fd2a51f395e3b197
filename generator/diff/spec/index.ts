/**
 * `diff spec`: two single-version code models -> the changes between them, each classified by
 * one rule of ./rules.ts. Pure: plain data in, sorted findings out.
 */
import type { CodeModel } from "../../model/types.js";
import { sortChanges, type Change } from "../change.js";
import { newContext, report, type DiffContext } from "./context.js";
import { compareOperations } from "./operations.js";

export { SPEC_RULES, type SpecRule } from "./rules.js";

export function diffCodeModels(oldModel: CodeModel, newModel: CodeModel): Change[] {
  const ctx = newContext(oldModel, newModel);
  compareHost(ctx);
  compareOperations(ctx);
  return sortChanges(ctx.changes);
}

/**
 * The endpoint: host template, base path and scheme prefix. Its parameters are not compared (the
 * endpoint is configured once per client, and a `format: uri` added to it, as 2025-06-30 does,
 * changes nothing on the wire).
 */
function compareHost(ctx: DiffContext): void {
  const o = ctx.old.model.client.endpoint;
  const n = ctx.new.model.client.endpoint;
  const fields = [
    ["host template", o.hostTemplate, n.hostTemplate],
    ["base path", o.basePath, n.basePath],
    ["scheme prefix", String(o.useSchemePrefix), String(n.useSchemePrefix)],
  ] as const;
  for (const [what, was, now] of fields) {
    if (was === now) continue;
    report(ctx, "host-changed", { operation: "", path: "(client)", direction: "input", kind: "client" },
      `${what} changed from ${JSON.stringify(was)} to ${JSON.stringify(now)}`, { old: was, new: now });
  }
}
