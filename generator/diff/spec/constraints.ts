/** Constraint (minimum, maxLength, pattern, ...) and default-value changes of one value. */
import type { Constraints, JsonValue } from "../../model/types.js";
import { report, type DiffContext, type Where } from "./context.js";
import type { SpecRule } from "./rules.js";

type Verdict = "constraint-added" | "constraint-narrowed" | "constraint-widened" | "constraint-removed" | "constraint-changed";

const LOWER = ["minimum", "minLength", "minItems"] as const;
const UPPER = ["maximum", "maxLength", "maxItems"] as const;
const FLAGS = ["exclusiveMinimum", "exclusiveMaximum", "uniqueItems"] as const;

interface Step {
  verdict: Verdict;
  text: string;
}

function bound(key: string, before: number | undefined, after: number | undefined, tighterWhenGreater: boolean): Step | undefined {
  if (before === after) return undefined;
  if (before === undefined) return { verdict: "constraint-added", text: `${key} ${after}` };
  if (after === undefined) return { verdict: "constraint-removed", text: `${key} ${before}` };
  const tighter = tighterWhenGreater ? after > before : after < before;
  return { verdict: tighter ? "constraint-narrowed" : "constraint-widened", text: `${key} from ${before} to ${after}` };
}

/** Each keyword's change, in a fixed keyword order. */
export function constraintSteps(before: Constraints = {}, after: Constraints = {}): Step[] {
  const steps: Array<Step | undefined> = [];
  for (const key of LOWER) steps.push(bound(key, before[key], after[key], true));
  for (const key of UPPER) steps.push(bound(key, before[key], after[key], false));
  for (const key of FLAGS) {
    const was = before[key] === true;
    const now = after[key] === true;
    if (was !== now) steps.push({ verdict: now ? "constraint-narrowed" : "constraint-widened", text: `${key} ${now}` });
  }
  for (const key of ["pattern", "multipleOf"] as const) {
    const was = before[key];
    const now = after[key];
    if (was === now) continue;
    if (was === undefined) steps.push({ verdict: "constraint-added", text: `${key} ${JSON.stringify(now)}` });
    else if (now === undefined) steps.push({ verdict: "constraint-removed", text: `${key} ${JSON.stringify(was)}` });
    else steps.push({ verdict: "constraint-changed", text: `${key} from ${JSON.stringify(was)} to ${JSON.stringify(now)}` });
  }
  return steps.filter((s): s is Step => s !== undefined);
}

const VERB: Record<Verdict, string> = {
  "constraint-added": "added",
  "constraint-narrowed": "narrowed",
  "constraint-widened": "widened",
  "constraint-removed": "removed",
  "constraint-changed": "changed",
};

/**
 * One finding per verdict on input (all keywords it covers in its message); a single
 * `output-constraint-changed` on output.
 */
export function compareConstraints(ctx: DiffContext, before: Constraints | undefined, after: Constraints | undefined, where: Where, model?: string): void {
  const steps = constraintSteps(before, after);
  if (steps.length === 0) return;
  const extra = model !== undefined ? { model } : {};
  if (where.direction === "output") {
    report(ctx, "output-constraint-changed", where, `response constraints changed: ${steps.map((s) => `${s.text} ${VERB[s.verdict]}`).join(", ")}`, extra);
    return;
  }
  const verdicts = [...new Set(steps.map((s) => s.verdict))];
  for (const verdict of verdicts) {
    const texts = steps.filter((s) => s.verdict === verdict).map((s) => s.text);
    report(ctx, verdict, where, `constraint${texts.length > 1 ? "s" : ""} ${VERB[verdict]}: ${texts.join(", ")}`, extra);
  }
}

function show(value: JsonValue): string {
  return JSON.stringify(value);
}

function scalar(value: JsonValue | undefined): string | number | boolean | undefined {
  return typeof value === "string" || typeof value === "number" || typeof value === "boolean" ? value : undefined;
}

/** Default values matter on input only (what the server assumes when the value is absent). */
export function compareDefault(ctx: DiffContext, before: JsonValue | undefined, after: JsonValue | undefined, where: Where, model?: string): void {
  if (where.direction !== "input") return;
  const was = before === undefined ? undefined : show(before);
  const now = after === undefined ? undefined : show(after);
  if (was === now) return;
  let rule: SpecRule;
  let message: string;
  if (was === undefined) {
    rule = "default-added";
    message = `default ${now} added`;
  } else if (now === undefined) {
    rule = "default-removed";
    message = `default ${was} removed`;
  } else {
    rule = "default-changed";
    message = `default changed from ${was} to ${now}`;
  }
  const o = scalar(before);
  const n = scalar(after);
  report(ctx, rule, where, message, {
    ...(model !== undefined ? { model } : {}),
    ...(o !== undefined ? { old: o } : {}),
    ...(n !== undefined ? { new: n } : {}),
  });
}
