/**
 * Discriminated hierarchies on one side of a diff, as the emitter types them (see
 * generator/emit/polymorphism.ts): a model that declares a `discriminator` is a root, and every
 * model whose allOf chain reaches it, with a discriminator value, is one of its subtypes. A
 * reference to the root may carry any of them on the wire, so the diff walks them all.
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

/** Every subtype of `root` (none when it declares no discriminator), by discriminator value. */
export function subtypesOf(side: Side, root: ObjectModel): Subtype[] {
  if (root.discriminator === undefined) return [];
  return side.model.objects
    .filter((o) => o.name !== root.name && o.discriminatorValue !== undefined && ancestors(side, o).has(root.name))
    .map((o) => ({ model: o, value: o.discriminatorValue as string }))
    .sort((a, b) => (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
}

/**
 * Wire names of the properties `subtype` inherits from the root or from another model of the
 * root's hierarchy: those are compared (and reported) where the hierarchy model declares them.
 */
export function inheritedInHierarchy(side: Side, subtype: ObjectModel, root: ObjectModel): Set<string> {
  const names = new Set<string>();
  const members = [...ancestors(side, subtype)].filter((name) => {
    const m = side.objects.get(name);
    return name === root.name || (m !== undefined && ancestors(side, m).has(root.name));
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
