/**
 * `usage` of object models: "input" when reachable from a request body or parameter, "output"
 * when reachable from a response (success or error). Reachability follows properties, array
 * items, dictionary values, additionalProperties and parents; in a discriminated hierarchy it
 * also follows a model to its children (any of them may be sent or received in its place).
 */
import type { ObjectModel, Operation, TypeRef } from "./types.js";

type Usage = "input" | "output";

export function computeUsage(objects: ObjectModel[], operations: Operation[]): void {
  const byName = new Map(objects.map((o) => [o.name, o]));
  const children = new Map<string, ObjectModel[]>();
  for (const o of objects) {
    for (const p of o.parents) children.set(p, [...(children.get(p) ?? []), o]);
  }
  const polymorphic = (o: ObjectModel): boolean => {
    const seen = new Set<string>();
    const stack = [o];
    while (stack.length > 0) {
      const m = stack.pop();
      if (m === undefined || seen.has(m.name)) continue;
      seen.add(m.name);
      if (m.discriminator !== undefined) return true;
      for (const p of m.parents) {
        const parent = byName.get(p);
        if (parent !== undefined) stack.push(parent);
      }
    }
    return false;
  };

  const mark = (type: TypeRef | undefined, usage: Usage): void => {
    if (type === undefined) return;
    if (type.kind === "array") return mark(type.items, usage);
    if (type.kind === "dictionary") return mark(type.values, usage);
    if (type.kind === "model") markModel(byName.get(type.name), usage);
  };
  const markModel = (model: ObjectModel | undefined, usage: Usage): void => {
    if (model === undefined || model.usage.includes(usage)) return;
    model.usage.push(usage);
    model.usage.sort();
    for (const p of model.properties) mark(p.type, usage);
    mark(model.additionalProperties, usage);
    for (const p of model.parents) markModel(byName.get(p), usage);
    if (polymorphic(model)) for (const c of children.get(model.name) ?? []) markModel(c, usage);
  };

  for (const op of operations) {
    for (const p of op.parameters) mark(p.type, "input");
    mark(op.body?.type, "input");
    for (const r of [...op.responses, ...op.errorResponses]) {
      mark(r.bodyType, "output");
      for (const h of r.headers) mark(h.type, "output");
    }
  }
}
