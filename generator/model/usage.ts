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

  /** The models a type holds (through arrays, dictionaries and union members). */
  const modelOf = (type: TypeRef | undefined): Array<ObjectModel | undefined> => {
    let current = type;
    while (current?.kind === "array" || current?.kind === "dictionary") current = current.kind === "array" ? current.items : current.values;
    if (current?.kind === "union") return current.members.flatMap(modelOf);
    return current?.kind === "model" ? [byName.get(current.name)] : [];
  };
  // a work list, not recursion: a long path of models each holding the next must not exhaust the stack
  const mark = (type: TypeRef | undefined, usage: Usage): void => {
    const pending = modelOf(type);
    while (pending.length > 0) {
      const model = pending.pop();
      if (model === undefined || model.usage.includes(usage)) continue;
      model.usage.push(usage);
      model.usage.sort();
      for (const p of model.properties) pending.push(...modelOf(p.type));
      pending.push(...modelOf(model.additionalProperties));
      for (const p of model.parents) pending.push(byName.get(p));
      if (polymorphic(model)) pending.push(...(children.get(model.name) ?? []));
    }
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
