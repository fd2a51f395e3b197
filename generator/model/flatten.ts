/**
 * Model flattening (`x-ms-client-flatten: true` on a model property): the property is replaced, in its
 * model, by the properties of the model it holds (own and inherited, themselves flattened first), each
 * keeping its wire path. A pure pass over a merged code model.
 *
 * - Names: the model's own properties and every inherited one keep theirs; flattened ones are claimed
 *   after them, in spec order, with {@link claimUnique} (FlattenedProduct's `type` beside Resource's
 *   `type` becomes `type2`).
 * - A flattened property is required only when it and every property holding it are required (`wireRequired`
 *   keeps whether its holder requires it), and read-only when it or any of them is.
 * - Ignored, as AutoRest's modelerfour ignores it: the extension on a property whose type is not an object
 *   model (a scalar, enum, array, dictionary or `unknown`): there is nothing to flatten, the property stays.
 * - Refused (`<file>#<pointer>: ...`): an object-model property that may be `null`, a model with
 *   `additionalProperties` or in a discriminated hierarchy, and a model that flattens itself.
 */
import { GeneratorError } from "../errors.js";
import { claimUnique } from "./names.js";
import type { CodeModel, ObjectModel, Property } from "./types.js";

export function flattenModels(model: CodeModel): CodeModel {
  const objects = new Map(model.objects.map((o) => [o.name, o]));
  const flattened = new Map<string, Property[]>();
  const inProgress = new Set<string>();

  /** Own and inherited properties of a model after flattening, parents first, one per wire path. */
  const allProperties = (name: string, seen = new Set<string>()): Property[] => {
    const object = objects.get(name);
    if (object === undefined || seen.has(name)) return [];
    seen.add(name);
    const byWire = new Map<string, Property>();
    for (const parent of object.parents) for (const p of allProperties(parent, seen)) byWire.set(wireKey(p), p);
    for (const p of ownProperties(object)) byWire.set(wireKey(p), p);
    return [...byWire.values()];
  };

  const ownProperties = (object: ObjectModel): Property[] => {
    const done = flattened.get(object.name);
    if (done !== undefined) return done;
    if (!object.properties.some(flattens)) {
      const plain = object.properties.map(withoutFlag);
      flattened.set(object.name, plain);
      return plain;
    }
    if (inProgress.has(object.name)) {
      throw new GeneratorError(
        object.source.file,
        object.source.pointer,
        `x-ms-client-flatten: model "${object.serializedName}" flattens itself`,
      );
    }
    inProgress.add(object.name);
    const inherited = object.parents.flatMap((parent) => allProperties(parent));
    const taken = new Set([...inherited, ...object.properties.filter((p) => !flattens(p))].map((p) => p.name));
    const result: Property[] = [];
    for (const property of object.properties) {
      if (!flattens(property)) {
        result.push(withoutFlag(property));
        continue;
      }
      const target = flattenTarget(property, objects);
      for (const leaf of allProperties(target.name)) {
        result.push({
          ...leaf,
          name: claimUnique(leaf.name, taken),
          required: leaf.required && property.required,
          readOnly: leaf.readOnly || property.readOnly,
          apiVersions: leaf.apiVersions.filter((v) => property.apiVersions.includes(v)),
          wirePath: [{ serializedName: property.serializedName, required: property.required }, ...(leaf.wirePath ?? [])],
          wireRequired: leaf.wireRequired ?? leaf.required,
        });
      }
    }
    inProgress.delete(object.name);
    flattened.set(object.name, result);
    return result;
  };

  return { ...model, objects: model.objects.map((o) => ({ ...o, properties: ownProperties(o) })) };
}

/** The wire path of a property, as one key (`properties/provisioningState`). */
function wireKey(property: Property): string {
  return [...(property.wirePath ?? []).map((s) => s.serializedName), property.serializedName].join("/");
}

/** True when the property asks to be flattened and holds an object model (else the extension is ignored). */
function flattens(property: Property): boolean {
  return property.clientFlatten === true && property.type.kind === "model";
}

function withoutFlag(property: Property): Property {
  if (property.clientFlatten === undefined) return property;
  const { clientFlatten: _, ...rest } = property;
  return rest;
}

/** The object model a flattened property holds; refuses what cannot be flattened. */
function flattenTarget(property: Property, objects: ReadonlyMap<string, ObjectModel>): ObjectModel {
  const at = property.source;
  const refuse = (what: string): never => {
    throw new GeneratorError(
      at.file,
      `${at.pointer}/x-ms-client-flatten`,
      `x-ms-client-flatten on "${property.serializedName}" is not supported: ${what}`,
    );
  };
  if (property.type.kind !== "model") return refuse(`its type is not an object model (${property.type.kind})`);
  if (property.nullable || property.type.nullable === true) return refuse("it may be null");
  const target = objects.get(property.type.name);
  if (target === undefined) return refuse(`model "${property.type.name}" is not in the code model`);
  for (const model of [target, ...ancestors(target, objects)]) {
    if (model.additionalProperties !== undefined) return refuse(`model "${model.serializedName}" has additionalProperties`);
    if (model.discriminator !== undefined || model.discriminatorValue !== undefined) {
      return refuse(`model "${model.serializedName}" is in a discriminated hierarchy`);
    }
  }
  return target;
}

function ancestors(object: ObjectModel, objects: ReadonlyMap<string, ObjectModel>): ObjectModel[] {
  const found: ObjectModel[] = [];
  const queue = [...object.parents];
  while (queue.length > 0) {
    const parent = objects.get(queue.shift() as string);
    if (parent === undefined || found.includes(parent)) continue;
    found.push(parent);
    queue.push(...parent.parents);
  }
  return found;
}
