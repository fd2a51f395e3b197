import { claimUnique, RESERVED_TYPE_NAMES } from "../model/names.js";
import type { CodeModel, ObjectModel } from "../model/types.js";

/**
 * A discriminated hierarchy as the emitter types it: `<Root>Union = Root | every descendant`.
 * A reference to the root (property, array item, dictionary value, body, result) means any model
 * of the hierarchy, so it is typed as the union and mapped by dispatching on the discriminator.
 */
export interface PolymorphicUnion {
  /** Type alias name, e.g. `FishUnion` (`claimUnique` against every model, enum and reserved type name). */
  name: string;
  /** The model that declares the discriminator, e.g. `Fish`. */
  root: string;
  /** The root's discriminator property (TypeScript and wire name). */
  discriminator: { propertyName: string; serializedName: string };
  /** Every model that extends the root, directly or not, with its discriminator value; by name. */
  subtypes: Array<{ name: string; value: string }>;
}

/** Ancestors of a model (parents, their parents, ...), without repeats. */
function ancestors(object: ObjectModel, objects: ReadonlyMap<string, ObjectModel>): Set<string> {
  const found = new Set<string>();
  const queue = [...object.parents];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    const parent = objects.get(name);
    if (parent === undefined || found.has(name)) {
      continue;
    }
    found.add(name);
    queue.push(...parent.parents);
  }
  return found;
}

/**
 * The union of every discriminator root that has subtypes, keyed by root model name. Roots are
 * visited in model order (by name), so names are claimed deterministically.
 */
export function polymorphicUnions(model: CodeModel): Map<string, PolymorphicUnion> {
  const objects = new Map(model.objects.map((o) => [o.name, o]));
  const taken = new Set<string>([...RESERVED_TYPE_NAMES, ...model.objects.map((o) => o.name), ...model.enums.map((e) => e.name)]);
  const lineage = new Map(model.objects.map((o) => [o.name, ancestors(o, objects)]));
  const unions = new Map<string, PolymorphicUnion>();
  for (const root of model.objects) {
    if (root.discriminator === undefined) {
      continue;
    }
    const subtypes = model.objects
      .filter((o) => lineage.get(o.name)?.has(root.name) && o.discriminatorValue !== undefined)
      .map((o) => ({ name: o.name, value: o.discriminatorValue as string }));
    if (subtypes.length === 0) {
      continue;
    }
    unions.set(root.name, { name: claimUnique(`${root.name}Union`, taken), root: root.name, discriminator: root.discriminator, subtypes });
  }
  return unions;
}
