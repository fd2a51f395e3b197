/**
 * Recursive, direction-aware comparison of two schemas as they appear on the wire: properties by
 * wire name, array items, dictionary values, enums by value. Names of models and enums play no
 * part (a definition moved to another file, renamed or inlined is the same schema). Each model or
 * enum pair is compared once per direction: that is both the cycle guard and the dedupe, so a
 * change is reported at the first wire path that reaches it (operations are walked in a fixed order).
 */
import type { EnumModel, ObjectModel, Property, TypeRef } from "../../model/types.js";
import { compareConstraints, compareDefault } from "./constraints.js";
import { at, report, type DiffContext, type Side, type Where } from "./context.js";
import { discriminatorOf, inheritedInHierarchy, matchSubtypes, subtypesOf } from "./hierarchy.js";
import type { SpecRule } from "./rules.js";

/** Wire type and format: what a JSON value looks like, regardless of the TypeScript mapping. */
function wireShape(type: TypeRef): { kind: string; format?: string } {
  switch (type.kind) {
    case "date":
      return type.format === "unixtime" ? { kind: "integer", format: "unixtime" } : { kind: "string", format: type.format };
    case "bytes":
      return { kind: "string", format: type.format };
    case "duration":
      return { kind: "string", format: "duration" };
    case "binary":
      return { kind: "file" };
    case "dictionary":
      return { kind: "map" };
    case "model":
      return { kind: "object" };
    case "unknown":
      return { kind: "any" };
    case "string":
    case "integer":
    case "number":
      return type.format !== undefined ? { kind: type.kind, format: type.format } : { kind: type.kind };
    default:
      return { kind: type.kind };
  }
}

/** How a type reads in a message, e.g. `integer (int32)`, `array of enum CommunicationIdentityTokenScope`. */
export function describeType(side: Side, type: TypeRef): string {
  switch (type.kind) {
    case "array":
      return `array of ${describeType(side, type.items)}`;
    case "dictionary":
      return `map of ${describeType(side, type.values)}`;
    case "model":
      return `object ${side.objects.get(type.name)?.serializedName ?? type.name}`;
    case "enum":
      return `enum ${side.enums.get(type.name)?.serializedName ?? type.name}`;
    case "constant":
      return `constant ${JSON.stringify(type.value)}`;
    case "union":
      return `one of ${type.members.map((m) => describeType(side, m)).join(", ")}`;
    default: {
      const shape = wireShape(type);
      return shape.format !== undefined ? `${shape.kind} (${shape.format})` : shape.kind;
    }
  }
}

function compareNullable(ctx: DiffContext, before: TypeRef, after: TypeRef, where: Where): void {
  const was = before.nullable === true;
  const now = after.nullable === true;
  if (was === now) return;
  const rule: SpecRule = now
    ? where.direction === "output" ? "became-nullable-output" : "became-nullable-input"
    : where.direction === "input" ? "became-non-nullable-input" : "became-non-nullable-output";
  report(ctx, rule, where, now ? "null is now allowed" : "null is no longer allowed");
}

/** Compare the types found at the same wire position. */
export function compareType(ctx: DiffContext, before: TypeRef, after: TypeRef, where: Where): void {
  compareNullable(ctx, before, after, where);
  if (before.kind === "model" && after.kind === "model") return compareModel(ctx, before.name, after.name, where);
  if (before.kind === "enum" && after.kind === "enum") return compareEnum(ctx, before.name, after.name, where);
  if (before.kind === "array" && after.kind === "array") return compareType(ctx, before.items, after.items, at(where, "[]"));
  if (before.kind === "dictionary" && after.kind === "dictionary") {
    return compareType(ctx, before.values, after.values, at(where, "{*}"));
  }
  const was = describeType(ctx.old, before);
  const now = describeType(ctx.new, after);
  if (before.kind === "constant" && after.kind === "constant") {
    if (before.value !== after.value) {
      report(ctx, "constant-changed", where, `constant changed from ${JSON.stringify(before.value)} to ${JSON.stringify(after.value)}`, {
        old: before.value,
        new: after.value,
      });
    }
    return;
  }
  if (isPlainStringOrExtensibleEnum(ctx.old, before) && isPlainStringOrExtensibleEnum(ctx.new, after) && before.kind !== after.kind) {
    report(ctx, "string-enum-changed", where, `type changed from ${was} to ${now} (any string is still allowed)`);
    return;
  }
  const a = wireShape(before);
  const b = wireShape(after);
  if (a.kind !== b.kind) {
    report(ctx, "type-changed", where, `type changed from ${was} to ${now}`, { old: was, new: now });
  } else if (a.format !== b.format) {
    report(ctx, "format-changed", where, `format changed from ${a.format ?? "none"} to ${b.format ?? "none"} (${a.kind})`, {
      old: a.format ?? "",
      new: b.format ?? "",
    });
  }
}

function isPlainStringOrExtensibleEnum(side: Side, type: TypeRef): boolean {
  if (type.kind === "string") return type.format === undefined;
  if (type.kind === "enum") {
    const e = side.enums.get(type.name);
    return e !== undefined && e.extensible && e.valueType === "string";
  }
  return false;
}

/** Properties of a model including inherited ones (allOf parents first), by wire name. */
export function wireProperties(side: Side, model: ObjectModel): Map<string, Property> {
  const out = new Map<string, Property>();
  const seen = new Set<string>();
  const visit = (m: ObjectModel | undefined): void => {
    if (m === undefined || seen.has(m.name)) return;
    seen.add(m.name);
    for (const parent of m.parents) visit(side.objects.get(parent));
    for (const p of m.properties) out.set(p.serializedName, p);
  };
  visit(model);
  return out;
}

/** Read-only properties are never sent: on the request side they do not exist. */
function visible(props: Map<string, Property>, where: Where): Map<string, Property> {
  if (where.direction === "output") return props;
  return new Map([...props].filter(([, p]) => !p.readOnly));
}

function pairKey(kind: string, before: string, after: string, where: Where): string {
  return JSON.stringify([where.direction, kind, before, after]);
}

/**
 * Wire names a subtype inherits from its hierarchy, per side: a property the subtype declares on
 * neither side is compared (added, removed, changed) where the hierarchy model declaring it is,
 * not again in every subtype.
 */
interface Inherited {
  old: Set<string>;
  new: Set<string>;
}

export function compareModel(ctx: DiffContext, beforeName: string, afterName: string, where: Where, inherited?: Inherited): void {
  const key = pairKey("model", beforeName, afterName, where);
  if (ctx.compared.has(key)) return;
  ctx.compared.add(key);
  const before = ctx.old.objects.get(beforeName);
  const after = ctx.new.objects.get(afterName);
  if (before === undefined || after === undefined) return;
  const model = after.serializedName;
  const input = where.direction === "input";
  const side = input ? "request" : "response";
  // Subtypes first: each is reported at `<value>` right after the path that reached this model,
  // before a property (`siblings: Fish[]`) leads back into the hierarchy. A subtype reached that
  // way does not walk its own subtypes: they are the base's too, and already walked from it.
  if (inherited === undefined) compareHierarchy(ctx, before, after, where);

  const allOld = visible(wireProperties(ctx.old, before), where);
  const allNew = visible(wireProperties(ctx.new, after), where);
  // In a subtype, a property is compared when the subtype itself declares it on either side.
  const own = (wire: string): boolean =>
    inherited === undefined || (allOld.has(wire) && !inherited.old.has(wire)) || (allNew.has(wire) && !inherited.new.has(wire));
  const oldProps = new Map([...allOld].filter(([wire]) => own(wire)));
  const newProps = new Map([...allNew].filter(([wire]) => own(wire)));
  for (const [wire, p] of newProps) {
    const w = at(where, `.${wire}`, "property");
    const old = oldProps.get(wire);
    if (old === undefined) {
      const rule: SpecRule = !input ? "response-property-added" : p.required ? "request-property-added-required" : "request-property-added-optional";
      const how = input ? (p.required ? "required " : "optional ") : "";
      report(ctx, rule, w, `${how}property ${wire} (${describeType(ctx.new, p.type)}) added to ${side} model ${model}`, { model });
      continue;
    }
    compareProperty(ctx, old, p, w, model);
  }
  for (const [wire] of oldProps) {
    if (newProps.has(wire)) continue;
    const rule: SpecRule = input ? "request-property-removed" : "response-property-removed";
    report(ctx, rule, at(where, `.${wire}`, "property"), `property ${wire} removed from ${side} model ${model}`, { model });
  }

  compareAdditional(ctx, before, after, where, model);
  compareDiscriminator(ctx, before, after, where, model);
}

/**
 * A discriminator root or an intermediate model of a hierarchy stands for itself and every
 * subtype below it (the emitter types a reference to it as `<Model>Union` and dispatches on the
 * discriminator), so its subtypes are compared too, in the same direction, at `<path><value>`
 * (e.g. `GET /fish response 200 body<shark>.birthday`). Each pair goes through compareModel, whose
 * once-per-direction guard keeps the walk finite. Nothing happens outside a hierarchy or at a leaf.
 */
function compareHierarchy(ctx: DiffContext, before: ObjectModel, after: ObjectModel, where: Where): void {
  const match = matchSubtypes(subtypesOf(ctx.old, before), subtypesOf(ctx.new, after));
  if (match.pairs.length === 0 && match.added.length === 0 && match.removed.length === 0) return;
  const input = where.direction === "input";
  const side = input ? "request" : "response";
  const discriminator = (discriminatorOf(ctx.new, after) ?? discriminatorOf(ctx.old, before))?.serializedName ?? "discriminator";
  for (const { before: o, after: n } of match.pairs) {
    compareModel(ctx, o.model.name, n.model.name, at(where, `<${n.value}>`, "model"), {
      old: inheritedInHierarchy(ctx.old, o.model, before),
      new: inheritedInHierarchy(ctx.new, n.model, after),
    });
  }
  // Added and removed subtypes are reported once per direction, like any change (the same subtype
  // may be reached from its root and from an intermediate model).
  const first = (what: string, name: string): boolean => {
    const key = JSON.stringify([where.direction, what, name]);
    if (ctx.compared.has(key)) return false;
    ctx.compared.add(key);
    return true;
  };
  for (const s of match.added) {
    if (!first("subtype-added", s.model.name)) continue;
    const how = input ? "" : ` (a client that does not know it reads it as a plain ${after.serializedName})`;
    report(ctx, "subtype-added", at(where, `<${s.value}>`, "model"),
      `subtype ${s.model.serializedName} (${discriminator} ${JSON.stringify(s.value)}) added to ${side} model ${after.serializedName}${how}`,
      { model: s.model.serializedName, new: s.value });
  }
  for (const s of match.removed) {
    if (!first("subtype-removed", s.model.name)) continue;
    const how = input ? "requests may no longer send it" : "responses no longer carry it";
    report(ctx, input ? "subtype-removed-input" : "subtype-removed-output", at(where, `<${s.value}>`, "model"),
      `subtype ${s.model.serializedName} (${discriminator} ${JSON.stringify(s.value)}) removed from ${side} model ${after.serializedName}: ${how}`,
      { model: s.model.serializedName, old: s.value });
  }
}

function compareProperty(ctx: DiffContext, before: Property, after: Property, where: Where, model: string): void {
  const input = where.direction === "input";
  if (before.required !== after.required) {
    const rule: SpecRule = input
      ? after.required ? "request-property-became-required" : "request-property-became-optional"
      : after.required ? "response-property-became-required" : "response-property-became-optional";
    report(ctx, rule, where, `${input ? "request" : "response"} property ${after.serializedName} of ${model} is now ${after.required ? "required" : "optional"}`, { model });
  }
  compareType(ctx, before.type, after.type, where);
  compareConstraints(ctx, before.constraints, after.constraints, where, model);
  compareDefault(ctx, before.defaultValue, after.defaultValue, where, model);
}

function compareAdditional(ctx: DiffContext, before: ObjectModel, after: ObjectModel, where: Where, model: string): void {
  const w = at(where, "", "model");
  if (before.additionalProperties === undefined && after.additionalProperties !== undefined) {
    report(ctx, "additional-properties-added", w, `model ${model} now allows additional properties (${describeType(ctx.new, after.additionalProperties)})`, { model });
  } else if (before.additionalProperties !== undefined && after.additionalProperties === undefined) {
    const rule: SpecRule = where.direction === "input" ? "additional-properties-removed-input" : "additional-properties-removed-output";
    report(ctx, rule, w, `model ${model} no longer allows additional properties`, { model });
  } else if (before.additionalProperties !== undefined && after.additionalProperties !== undefined) {
    compareType(ctx, before.additionalProperties, after.additionalProperties, at(where, "{*}"));
  }
}

function compareDiscriminator(ctx: DiffContext, before: ObjectModel, after: ObjectModel, where: Where, model: string): void {
  const w = at(where, "", "model");
  const was = before.discriminator?.serializedName;
  const now = after.discriminator?.serializedName;
  if (was !== now) {
    report(ctx, "discriminator-changed", w, `discriminator of ${model} changed from ${was ?? "none"} to ${now ?? "none"}`, { model });
  }
  if (before.discriminatorValue !== after.discriminatorValue) {
    report(ctx, "discriminator-changed", w, `discriminator value of ${model} changed from ${before.discriminatorValue ?? "none"} to ${after.discriminatorValue ?? "none"}`, { model });
  }
}

export function compareEnum(ctx: DiffContext, beforeName: string, afterName: string, where: Where): void {
  const key = pairKey("enum", beforeName, afterName, where);
  if (ctx.compared.has(key)) return;
  ctx.compared.add(key);
  const before = ctx.old.enums.get(beforeName);
  const after = ctx.new.enums.get(afterName);
  if (before === undefined || after === undefined) return;
  const w = at(where, "", "enum");
  const name = after.serializedName;
  const input = where.direction === "input";
  if (before.valueType !== after.valueType) {
    report(ctx, "type-changed", w, `enum ${name} values changed from ${before.valueType} to ${after.valueType}`, { model: name });
    return;
  }
  if (before.extensible !== after.extensible) {
    const rule: SpecRule = after.extensible
      ? input ? "enum-became-extensible-input" : "enum-became-extensible-output"
      : input ? "enum-became-sealed-input" : "enum-became-sealed-output";
    report(ctx, rule, w, `enum ${name} is now ${after.extensible ? "extensible" : "sealed"}`, { model: name });
  }
  const oldValues = new Set(before.values.map((v) => v.value));
  const newValues = new Set(after.values.map((v) => v.value));
  for (const v of after.values) {
    if (oldValues.has(v.value)) continue;
    const rule: SpecRule = after.extensible ? "enum-value-added-extensible" : input ? "enum-value-added-sealed-input" : "enum-value-added-sealed-output";
    report(ctx, rule, w, `value ${JSON.stringify(v.value)} added to ${kindOf(after)} enum ${name}`, { model: name, new: v.value });
  }
  for (const v of before.values) {
    if (newValues.has(v.value)) continue;
    report(ctx, input ? "enum-value-removed-input" : "enum-value-removed-output", w, `value ${JSON.stringify(v.value)} removed from ${kindOf(after)} enum ${name}`, {
      model: name,
      old: v.value,
    });
  }
}

function kindOf(e: EnumModel): string {
  return e.extensible ? "extensible" : "sealed";
}
