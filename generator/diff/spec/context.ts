/** The state of one spec diff: both code models indexed, the findings so far, what was compared. */
import type { CodeModel, EnumModel, ObjectModel } from "../../model/types.js";
import type { Change, ChangeKind } from "../change.js";
import { SPEC_RULES, type SpecRule } from "./rules.js";

export interface Side {
  model: CodeModel;
  objects: Map<string, ObjectModel>;
  enums: Map<string, EnumModel>;
}

export type Direction = "input" | "output";

/** Where the walk is: the wire path so far and which side of the exchange it is on. */
export interface Where {
  /** `<METHOD> <path>` of the operation, or "" for client-level findings. */
  operation: string;
  /** Full wire path, e.g. `POST /identities body.expiresInMinutes`. */
  path: string;
  direction: Direction;
  kind: ChangeKind;
}

export interface DiffContext {
  old: Side;
  new: Side;
  changes: Change[];
  /** Model and enum pairs already compared, per direction (cycle guard and dedupe in one). */
  compared: Set<string>;
}

export function indexSide(model: CodeModel): Side {
  return {
    model,
    objects: new Map(model.objects.map((o) => [o.name, o])),
    enums: new Map(model.enums.map((e) => [e.name, e])),
  };
}

export function newContext(oldModel: CodeModel, newModel: CodeModel): DiffContext {
  return { old: indexSide(oldModel), new: indexSide(newModel), changes: [], compared: new Set() };
}

export interface Extra {
  model?: string;
  old?: string | number | boolean;
  new?: string | number | boolean;
  /** Overrides `where.kind`. */
  kind?: ChangeKind;
}

export function report(ctx: DiffContext, rule: SpecRule, where: Where, message: string, extra: Extra = {}): void {
  ctx.changes.push({
    breaking: SPEC_RULES[rule].breaking,
    rule,
    message,
    concerns: {
      kind: extra.kind ?? where.kind,
      path: where.path,
      ...(where.operation !== "" ? { operation: where.operation } : {}),
      ...(where.kind !== "operation" && where.kind !== "client" ? { direction: where.direction } : {}),
      ...(extra.model !== undefined ? { model: extra.model } : {}),
      ...(extra.old !== undefined ? { old: extra.old } : {}),
      ...(extra.new !== undefined ? { new: extra.new } : {}),
    },
  });
}

/** `where` one step further along the wire path. */
export function at(where: Where, suffix: string, kind: ChangeKind = where.kind): Where {
  return { ...where, path: where.path + suffix, kind };
}
