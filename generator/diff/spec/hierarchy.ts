/**
 * Discriminated hierarchies on one side of a diff, as the emitter types them (see
 * generator/emit/polymorphism.ts): a model that declares a `discriminator` is a root; every model
 * whose allOf chain reaches a model of the hierarchy (the root or an intermediate model), with a
 * discriminator value, is one of that model's subtypes. A reference to the root or to an
 * intermediate model is typed `<Model>Union` and may carry any of its subtypes on the wire, so the
 * diff walks them all.
 */
import type { ObjectModel } from "../../model/types.js";
import type { Side } from "./context.js";

export interface Subtype {
  model: ObjectModel;
  /** The discriminator value that selects it. */
  value: string;
}

/** Ancestors of a model (parents, their parents, ...) by name, without repeats (allOf cycles end). */
function ancestors(side: Side, model: ObjectModel): Set<string> {
  const found = new Set<string>();
  const queue = [...model.parents];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    const parent = side.objects.get(name);
    if (parent === undefined || found.has(name)) continue;
    found.add(name);
    queue.push(...parent.parents);
  }
  return found;
}

/** The discriminator a model declares, else the one it inherits (nearest ancestor first); none outside a hierarchy. */
export function discriminatorOf(side: Side, model: ObjectModel): ObjectModel["discriminator"] {
  if (model.discriminator !== undefined) return model.discriminator;
  for (const name of ancestors(side, model)) {
    const d = side.objects.get(name)?.discriminator;
    if (d !== undefined) return d;
  }
  return undefined;
}

/** Every subtype (descendant) of `base`, a root or an intermediate model, by discriminator value; none outside a hierarchy. */
export function subtypesOf(side: Side, base: ObjectModel): Subtype[] {
  if (discriminatorOf(side, base) === undefined) return [];
  return side.model.objects
    .filter((o) => o.name !== base.name && o.discriminatorValue !== undefined && ancestors(side, o).has(base.name))
    .map((o) => ({ model: o, value: o.discriminatorValue as string }))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/**
 * Wire names of the properties `subtype` inherits from `base` (own or inherited) or from a model
 * between the two: those are compared (and reported) where that model is.
 */
export function inheritedInHierarchy(side: Side, subtype: ObjectModel, base: ObjectModel): Set<string> {
  const names = new Set<string>();
  const members = [...ancestors(side, subtype)].filter((name) => {
    const m = side.objects.get(name);
    return name === base.name || (m !== undefined && ancestors(side, m).has(base.name));
  });
  for (const name of members) {
    const m = side.objects.get(name);
    if (m === undefined) continue;
    for (const p of m.properties) names.add(p.serializedName);
    // What a hierarchy model inherits from outside the hierarchy (a mixin) is compared with it too.
    for (const a of ancestors(side, m)) for (const p of side.objects.get(a)?.properties ?? []) names.add(p.serializedName);
  }
  return names;
}

export interface SubtypeMatch {
  /** Same discriminator value, or (when the value changed) the same definition name. */
  pairs: Array<{ before: Subtype; after: Subtype }>;
  added: Subtype[];
  removed: Subtype[];
}

/**
 * Subtypes match by discriminator value (names play no part, as everywhere in the diff); the ones
 * left over match by definition name, so a subtype whose value changed is one pair (reported as
 * `discriminator-changed` when the pair is compared) rather than a removal and an addition.
 */
export function matchSubtypes(before: Subtype[], after: Subtype[]): SubtypeMatch {
  const byValue = new Map(before.map((s) => [s.value, s]));
  const pairs: SubtypeMatch["pairs"] = [];
  const unmatched: Subtype[] = [];
  for (const s of after) {
    const old = byValue.get(s.value);
    if (old === undefined) unmatched.push(s);
    else {
      pairs.push({ before: old, after: s });
      byValue.delete(s.value);
    }
  }
  const byName = new Map([...byValue.values()].map((s) => [s.model.serializedName, s]));
  const added: Subtype[] = [];
  for (const s of unmatched) {
    const old = byName.get(s.model.serializedName);
    if (old === undefined) added.push(s);
    else {
      pairs.push({ before: old, after: s });
      byName.delete(s.model.serializedName);
    }
  }
  return { pairs, added, removed: [...byName.values()] };
}
