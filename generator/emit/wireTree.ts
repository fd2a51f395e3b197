import type { Property } from "../model/types.js";
import { isIdentifierName, propertyAccess } from "./text.js";

/**
 * A model's properties as its wire object nests them: a flattened property (`wirePath`, from
 * `x-ms-client-flatten`) sits in the group of each wire property that holds it. Groups come where
 * their first property does, so the wire object keeps the spec's order.
 */
export type WireNode =
  { kind: "property"; property: Property } | { kind: "group"; serializedName: string; required: boolean; children: WireNode[] };

export function wireTree(properties: readonly Property[], depth = 0): WireNode[] {
  const nodes: WireNode[] = [];
  const groups = new Map<string, Property[]>();
  for (const property of properties) {
    const segment = property.wirePath?.[depth];
    if (segment === undefined) {
      nodes.push({ kind: "property", property });
      continue;
    }
    const members = groups.get(segment.serializedName);
    if (members !== undefined) {
      members.push(property);
      continue;
    }
    const group: Property[] = [property];
    groups.set(segment.serializedName, group);
    nodes.push({ kind: "group", serializedName: segment.serializedName, required: segment.required, children: [] });
  }
  for (const node of nodes) {
    if (node.kind === "group") node.children = wireTree(groups.get(node.serializedName) ?? [], depth + 1);
  }
  return nodes;
}

/** Every property under some nodes, in order. */
export function wireLeaves(nodes: readonly WireNode[]): Property[] {
  return nodes.flatMap((n) => (n.kind === "property" ? [n.property] : wireLeaves(n.children)));
}

/** The wire name of a model's own wire object that holds a property (its own, or the outermost group's). */
export function topWireName(property: Property): string {
  return property.wirePath?.[0]?.serializedName ?? property.serializedName;
}

/** `target.name` or, when the target may be absent, `target?.name` (`target?.["a.b"]`). */
export function memberAccess(target: string, name: string, optional: boolean): string {
  if (!optional) return propertyAccess(target, name);
  return isIdentifierName(name) ? `${target}?.${name}` : `${target}?.[${JSON.stringify(name)}]`;
}
