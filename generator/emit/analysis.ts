import type { CodeModel, EnumModel, ObjectModel, Operation, Property, TypeRef } from "../model/types.js";
import { polymorphicUnions, type PolymorphicUnion } from "./polymorphism.js";
import { operationFunctionNames } from "./signature.js";

/**
 * Facts about the code model that several emitters need: every property of a model
 * (inherited ones included) and which models need a serializer, a deserializer or a
 * validator. Computed once per emit; plain data.
 */
export interface EmitContext {
  model: CodeModel;
  objects: ReadonlyMap<string, ObjectModel>;
  enums: ReadonlyMap<string, EnumModel>;
  /** Own and inherited properties of each object model, parents first. */
  properties: ReadonlyMap<string, Property[]>;
  /** Models read from responses whose wire shape differs from the TypeScript shape. */
  deserialized: ReadonlySet<string>;
  /** Models sent in requests that need mapping (renames, dates, bytes, readOnly properties). */
  serialized: ReadonlySet<string>;
  /**
   * Check the service's constraints before sending ({@link EmitSettings.validateConstraints}): ranges,
   * lengths, patterns and item counts of parameters, and the model validators (required properties and
   * constraints inside bodies). Off: only the arguments a request cannot be built without are checked.
   */
  validateConstraints: boolean;
  /** Models sent in requests that have required properties or constraints to check (none when `validateConstraints` is off). */
  validated: ReadonlySet<string>;
  /** `<Model>Union` of every model with descendants in a discriminated hierarchy, by that model's name ({@link polymorphicUnions}). */
  unions: ReadonlyMap<string, PolymorphicUnion>;
  /** Models whose union needs a deserializer: it or a descendant is in `deserialized`. */
  deserializedUnions: ReadonlySet<string>;
  /** Models whose union needs a serializer: it or a descendant is in `serialized`. */
  serializedUnions: ReadonlySet<string>;
  /** Models whose union needs a validator: it or a descendant is in `validated`. */
  validatedUnions: ReadonlySet<string>;
  /** Name of each operation's standalone function ({@link operationFunctionNames}). */
  functionNames: ReadonlyMap<Operation, string>;
}

/** Names of the object models a type refers to, through arrays and dictionaries. */
export function referencedModels(type: TypeRef): string[] {
  switch (type.kind) {
    case "model":
      return [type.name];
    case "array":
      return referencedModels(type.items);
    case "dictionary":
      return referencedModels(type.values);
    default:
      return [];
  }
}

/** True when a type holds a value whose wire form differs (date, bytes), ignoring models. */
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

/** Choices of the generated code's behaviour, from the manifest's `client` config and the CLI flags. */
export interface EmitSettings {
  /**
   * Emit checks of the service's constraints (minimum/maximum, lengths, pattern, item counts, required
   * properties inside bodies) that throw before sending. Default off: the service validates its own
   * parameters and its error reaches the caller as a RestError (Azure SDK guidelines).
   */
  validateConstraints?: boolean;
}

export function buildEmitContext(model: CodeModel, settings: EmitSettings = {}): EmitContext {
  const validateConstraints = settings.validateConstraints === true;
  const objects = new Map(model.objects.map((o) => [o.name, o]));
  const enums = new Map(model.enums.map((e) => [e.name, e]));
  const properties = new Map<string, Property[]>();
  const collect = (name: string, seen: Set<string>): Property[] => {
    const object = objects.get(name);
    if (object === undefined || seen.has(name)) {
      return [];
    }
    seen.add(name);
    const byName = new Map<string, Property>();
    for (const parent of object.parents) {
      for (const property of collect(parent, seen)) {
        byName.set(wireKey(property), property);
      }
    }
    for (const property of object.properties) {
      byName.set(wireKey(property), property);
    }
    return [...byName.values()];
  };
  for (const object of model.objects) {
    properties.set(object.name, collect(object.name, new Set()));
  }
  const propsOf = (name: string): Property[] => properties.get(name) ?? [];
  const unions = polymorphicUnions(model);
  /** A reference to a root or intermediate model may hold any of its descendants. */
  const holds = (name: string): string[] => [name, ...(unions.get(name)?.subtypes.map((s) => s.name) ?? [])];

  /**
   * Models reached from some types (a reference to a union base reaches its descendants), and the
   * ones named by a reference itself: only those can need a union mapper (a Shark reached as a
   * sibling Fish goes through FishUnion's switch, never SharkUnion's).
   */
  const reach = (roots: TypeRef[], skipReadOnly: boolean): Set<string> & { referenced: Set<string> } => {
    const found = Object.assign(new Set<string>(), { referenced: new Set<string>() });
    const refer = (types: TypeRef[]): string[] => {
      const names = types.flatMap(referencedModels);
      names.forEach((n) => found.referenced.add(n));
      return names.flatMap(holds);
    };
    const queue = refer(roots);
    while (queue.length > 0) {
      const name = queue.pop() as string;
      if (found.has(name) || !objects.has(name)) {
        continue;
      }
      found.add(name);
      for (const property of propsOf(name)) {
        if (!(skipReadOnly && property.readOnly)) {
          queue.push(...refer([property.type]));
        }
      }
    }
    return found;
  };
  const operations = model.operationGroups.flatMap((g) => g.operations);
  const outputs = reach(
    operations.flatMap((o) => o.responses.flatMap((r) => (r.bodyType ? [r.bodyType] : []))),
    false,
  );
  const inputs = reach(
    operations.flatMap((o) => [...(o.body ? [o.body.type] : []), ...o.parameters.map((p) => p.type)]),
    true,
  );

  /** Least fixed point: a model qualifies directly or through a model it refers to. */
  const closure = (
    candidates: Set<string>,
    direct: (property: Property) => boolean,
    follow: (property: Property) => boolean,
  ): Set<string> => {
    const result = new Set<string>();
    let changed = true;
    while (changed) {
      changed = false;
      for (const name of candidates) {
        if (result.has(name)) {
          continue;
        }
        if (propsOf(name).some((p) => direct(p) || (follow(p) && referencedModels(p.type).some((m) => holds(m).some((h) => result.has(h)))))) {
          result.add(name);
          changed = true;
        }
      }
    }
    return result;
  };
  /** Renamed, or flattened (`x-ms-client-flatten`): the wire nests it in another object. */
  const renamed = (p: Property): boolean => p.name !== p.serializedName || p.wirePath !== undefined;
  const writable = (p: Property): boolean => !p.readOnly;
  const deserialized = closure(outputs, (p) => renamed(p) || hasScalarMapping(p.type), () => true);
  const serialized = closure(inputs, (p) => renamed(p) || p.readOnly || hasScalarMapping(p.type), writable);
  const validated = validateConstraints
    ? closure(inputs, (p) => writable(p) && (p.required || p.wireRequired === true || hasConstraints(p)), writable)
    : new Set<string>();
  /** Union bases referenced in this direction that need mapping themselves or have a descendant that does. */
  const mappedRoots = (reached: { referenced: Set<string> }, mapped: Set<string>): Set<string> =>
    new Set([...unions.keys()].filter((base) => reached.referenced.has(base) && holds(base).some((name) => mapped.has(name))));
  return {
    model,
    objects,
    enums,
    properties,
    deserialized,
    serialized,
    validateConstraints,
    validated,
    unions,
    deserializedUnions: mappedRoots(outputs, deserialized),
    serializedUnions: mappedRoots(inputs, serialized),
    validatedUnions: mappedRoots(inputs, validated),
    functionNames: operationFunctionNames(model),
  };
}

/** Name of the standalone function of one of the model's operations. */
export function functionNameOf(context: EmitContext, operation: Operation): string {
  const name = context.functionNames.get(operation);
  if (name === undefined) {
    throw new Error(`operation ${operation.operationId} is not one of the emitted model's operations`);
  }
  return name;
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
