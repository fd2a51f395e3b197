import { claimUnique } from "../model/names.js";
import { RESERVED_TYPE_NAMES } from "./names.js";
import type { CodeModel, EnumModel, ObjectModel, Property } from "../model/types.js";

/**
 * A model of a discriminated hierarchy that others extend, as the emitter types it:
 * `<Model>Union = Model | every descendant`. Every such model gets one: the discriminator root
 * (`FishUnion`) and each intermediate model (`SalmonUnion = Salmon | SmartSalmon`). A reference
 * to the model (property, array item, dictionary value, body, result) may hold any of its
 * descendants, so it is typed as the union and mapped by dispatching on the discriminator.
 */
export interface PolymorphicUnion {
  /** Type alias name, e.g. `FishUnion` (`claimUnique` against every model, enum and reserved type name). */
  name: string;
  /** The model the union is of: the root that declares the discriminator (`Fish`) or an intermediate model (`Salmon`). */
  base: string;
  /** The discriminator property (TypeScript and wire name): the base's own, or the one it inherits from the root. */
  discriminator: { propertyName: string; serializedName: string };
  /** Every model that extends the base, directly or not, with its discriminator value; by name. */
  subtypes: Array<{ name: string; value: string }>;
}

/** Ancestors of a model (parents, their parents, ...), without repeats, nearest first. */
function ancestors(object: ObjectModel, objects: ReadonlyMap<string, ObjectModel>): string[] {
  const found: string[] = [];
  const queue = [...object.parents];
  while (queue.length > 0) {
    const name = queue.shift() as string;
    const parent = objects.get(name);
    if (parent === undefined || found.includes(name)) {
      continue;
    }
    found.push(name);
    queue.push(...parent.parents);
  }
  return found;
}

/**
 * The union of every model with descendants in a discriminated hierarchy, keyed by that model's
 * name. Roots claim their names first, then intermediate models, each in model order (by name),
 * so names are deterministic and a root's union is named as it was before intermediates had one.
 */
export function polymorphicUnions(model: CodeModel): Map<string, PolymorphicUnion> {
  const objects = new Map(model.objects.map((o) => [o.name, o]));
  const taken = new Set<string>([...RESERVED_TYPE_NAMES, ...model.objects.map((o) => o.name), ...model.enums.map((e) => e.name)]);
  const lineage = new Map(model.objects.map((o) => [o.name, ancestors(o, objects)]));
  /** The model's own discriminator, else the nearest ancestor's. */
  const discriminatorOf = (object: ObjectModel): PolymorphicUnion["discriminator"] | undefined =>
    object.discriminator ?? (lineage.get(object.name) ?? []).map((name) => objects.get(name)?.discriminator).find((d) => d !== undefined);
  const candidates = model.objects.flatMap((base) => {
    const discriminator = discriminatorOf(base);
    if (discriminator === undefined) {
      return [];
    }
    const subtypes = model.objects
      .filter((o) => lineage.get(o.name)?.includes(base.name) && o.discriminatorValue !== undefined)
      .map((o) => ({ name: o.name, value: o.discriminatorValue as string }));
    return subtypes.length === 0 ? [] : [{ base, discriminator, subtypes }];
  });
  const ordered = [
    ...candidates.filter((c) => c.base.discriminator !== undefined),
    ...candidates.filter((c) => c.base.discriminator === undefined),
  ];
  const unions = new Map<string, PolymorphicUnion>();
  for (const { base, discriminator, subtypes } of ordered) {
    unions.set(base.name, { name: claimUnique(`${base.name}Union`, taken), base: base.name, discriminator, subtypes });
  }
  // model order, as consumers iterate it
  return new Map(model.objects.filter((o) => unions.has(o.name)).map((o) => [o.name, unions.get(o.name) as PolymorphicUnion]));
}

/**
 * The discriminator values of a root's descendants that its discriminator property's type (a sealed
 * enum or a constant) does not hold, in the union's order: a spec may give a subtype a value its enum
 * does not list (a typo, another spelling, a subtype named by default after its definition). The
 * property is typed with these values too, in the root and in every model that inherits it, so each
 * subtype's narrower value fits it and the union's switch may name them. Empty for any other property
 * and for an open type (a string, an extensible enum).
 */
export function undeclaredDiscriminatorValues(
  property: Property,
  objects: ReadonlyMap<string, ObjectModel>,
  unions: ReadonlyMap<string, PolymorphicUnion>,
  enums: ReadonlyMap<string, EnumModel>,
): string[] {
  const type = property.type;
  const declared =
    type.kind === "constant"
      ? [String(type.value)]
      : type.kind === "enum" && enums.get(type.name)?.extensible === false
        ? (enums.get(type.name)?.values ?? []).map((v) => String(v.value))
        : undefined;
  if (declared === undefined || property.wirePath !== undefined) return [];
  // the root declaring the discriminator holds this very property
  const root = [...unions.values()].find(
    (u) =>
      objects.get(u.base)?.discriminator?.serializedName === property.serializedName && objects.get(u.base)?.properties.includes(property),
  );
  if (root === undefined) return [];
  return [...new Set(root.subtypes.map((s) => s.value))].filter((value) => !declared.includes(value));
}
