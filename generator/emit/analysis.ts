/**
 * Facts about the code model that several emitters share: the models a type refers to, the wire key
 * of a property, whether a value needs mapping or has constraints. Pure functions of the model.
 */
import type { ObjectModel, Property, TypeRef } from "../model/types.js";

/** Names of the object models a type refers to, through arrays and dictionaries. */
export function referencedModels(type: TypeRef): string[] {
  switch (type.kind) {
    case "model":
      return [type.name];
    case "array":
      return referencedModels(type.items);
    case "dictionary":
      return referencedModels(type.values);
    case "union":
      return type.members.flatMap(referencedModels);
    default:
      return [];
  }
}

/** True when a type holds a value whose wire form differs (date, bytes), ignoring models (and unions: their scalars keep the wire form, unions.ts). */
export function hasScalarMapping(type: TypeRef): boolean {
  switch (type.kind) {
    case "date":
    case "bytes":
      return true;
    case "array":
      return hasScalarMapping(type.items);
    case "dictionary":
      return hasScalarMapping(type.values);
    default:
      return false;
  }
}

/** The wire path of a property as one key: its wire name, or `properties/provisioningState` when flattened. */
export function wireKey(property: Property): string {
  return [...(property.wirePath ?? []).map((s) => s.serializedName), property.serializedName].join("/");
}

export function hasConstraints(property: { constraints?: Property["constraints"] }): boolean {
  const c = property.constraints;
  if (c === undefined) {
    return false;
  }
  return [c.minimum, c.maximum, c.minLength, c.maxLength, c.pattern, c.minItems, c.maxItems].some((v) => v !== undefined);
}

/** The discriminator a leaf object model inherits and its own value for it, when polymorphic. */
export function inheritedDiscriminator(
  object: ObjectModel,
  objects: ReadonlyMap<string, ObjectModel>,
): { propertyName: string; serializedName: string; value: string } | undefined {
  if (object.discriminatorValue === undefined || [...objects.values()].some((o) => o.parents.includes(object.name))) {
    // Models that others extend keep the parent's wider type, so their children can narrow it.
    return undefined;
  }
  const seen = new Set<string>();
  const queue = [...object.parents];
  while (queue.length > 0) {
    const parent = objects.get(queue.shift() as string);
    if (parent === undefined || seen.has(parent.name)) {
      continue;
    }
    seen.add(parent.name);
    if (parent.discriminator !== undefined) {
      return { ...parent.discriminator, value: object.discriminatorValue };
    }
    queue.push(...parent.parents);
  }
  return undefined;
}
