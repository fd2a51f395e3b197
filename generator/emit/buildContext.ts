/** Builds the {@link EmitContext} of a code model: computed once per emit, plain data. */
import type { CodeModel, Property, TypeRef } from "../model/types.js";
import { hasConstraints, hasScalarMapping, referencedModels, wireKey } from "./analysis.js";
import type { EmitContext, EmitSettings } from "./context.js";
import { polymorphicUnions } from "./polymorphism.js";
import { operationFunctionNames } from "./signature.js";

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
        if (
          propsOf(name).some((p) => direct(p) || (follow(p) && referencedModels(p.type).some((m) => holds(m).some((h) => result.has(h)))))
        ) {
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
  const deserialized = closure(
    outputs,
    (p) => renamed(p) || hasScalarMapping(p.type),
    () => true,
  );
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
