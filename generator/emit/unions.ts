/**
 * `union` TypeRefs (OpenAPI 3 `oneOf`/`anyOf`) in TypeScript: `A | B`, and how a union value is mapped between
 * its wire and TypeScript forms (see README.md, "Unions").
 *
 * - Dates, bytes and durations inside a union keep their wire form (`string`, or `number` for unixtime): a string
 *   that may be a date or some other string cannot be told apart on the wire, so no member of a union is parsed
 *   into a `Date` or `Uint8Array` (`asWireScalars`).
 * - Members are told apart by their JSON shape: arrays by `Array.isArray`, objects (models, dictionaries) by
 *   `typeof value === "object"`. Only members that need mapping (models with renamed or flattened properties, and
 *   arrays or dictionaries of them) are mapped; every other value passes through as it is.
 * - Several object members, one of them needing mapping: the value is read as each of them at once, the object as
 *   it is first (when a member needs no mapping), then each mapped member's properties over it
 *   (`{ ...(value as B), ...deserializeA(value as AWire) }`): without a discriminator the JSON does not say which
 *   member it is. Several array members: each item is mapped as the union of their item types.
 */
import type { TypeRef } from "../model/types.js";

type UnionRef = Extract<TypeRef, { kind: "union" }>;
/** The mapping of one (already wire-scalar) member at `source`, undefined when it passes through. */
type MapMember = (member: TypeRef, source: string) => string | undefined;

/** The type with every date, bytes and duration (at any depth) in its wire form: what it is inside a union. */
export function asWireScalars(type: TypeRef): TypeRef {
  switch (type.kind) {
    case "date":
      return withFlags(type, type.format === "unixtime" ? { kind: "integer" } : { kind: "string", format: type.format });
    case "bytes":
      return withFlags(type, { kind: "string", format: type.format });
    case "duration":
      return withFlags(type, { kind: "string", format: "duration" });
    case "array":
      return { ...type, items: asWireScalars(type.items) };
    case "dictionary":
      return { ...type, values: asWireScalars(type.values) };
    case "union":
      return { ...type, members: type.members.map(asWireScalars) };
    default:
      return type;
  }
}

function withFlags(from: TypeRef, to: TypeRef): TypeRef {
  return { ...to, ...(from.nullable === true ? { nullable: true } : {}), ...(from.xml !== undefined ? { xml: from.xml } : {}) };
}

function isObjectShaped(type: TypeRef): boolean {
  return type.kind === "model" || type.kind === "dictionary";
}

/**
 * The expression mapping a union value at `source` (side-effect free), or undefined when no member needs mapping.
 * `typeText(member)` is the member's type in the source's form (wire when reading, TypeScript when writing).
 */
export function unionMapping(type: UnionRef, source: string, map: MapMember, typeText: (member: TypeRef) => string): string | undefined {
  const members = type.members.map(asWireScalars);
  const arrays = members.filter((m) => m.kind === "array");
  const objects = members.filter(isObjectShaped);
  const arrayMapping = arrays.length === 0 ? undefined : arraysMapping(arrays, source, map, typeText);
  const objectMapping = objects.length === 0 ? undefined : objectsMapping(objects, source, map, typeText);
  if (arrayMapping === undefined && objectMapping === undefined) return undefined;
  // the tests run in this order (arrays, then other objects) so each narrows the value for the next; the last one
  // needs no test when the members are all arrays or objects
  const branches: Array<[test: string, mapping: string]> = [];
  if (arrays.length > 0) branches.push([`Array.isArray(${source})`, arrayMapping ?? source]);
  if (objects.length > 0) branches.push([`typeof ${source} === "object" && ${source} !== null`, objectMapping ?? source]);
  const coversAll = arrays.length + objects.length === members.length;
  let expression = source;
  branches.reverse().forEach(([test, mapping], i) => {
    expression = i === 0 && coversAll ? mapping : `${test} ? ${mapping} : ${expression}`;
  });
  return expression;
}

function arraysMapping(arrays: TypeRef[], source: string, map: MapMember, typeText: (member: TypeRef) => string): string | undefined {
  if (arrays.length === 1) return map(arrays[0] as TypeRef, source);
  const items: TypeRef = { kind: "union", members: arrays.map((a) => (a.kind === "array" ? a.items : a)) };
  return map({ kind: "array", items }, `(${source} as ${arrays.map((a) => `(${typeText(a)})`).join(" | ")})`);
}

function objectsMapping(objects: TypeRef[], source: string, map: MapMember, typeText: (member: TypeRef) => string): string | undefined {
  if (objects.length === 1) return map(objects[0] as TypeRef, source);
  const mapped = objects.flatMap((m) => {
    const expression = map(m, m.kind === "model" ? `${source} as ${typeText(m)}` : `(${source} as ${typeText(m)})`);
    return expression === undefined ? [] : [expression];
  });
  if (mapped.length === 0) return undefined;
  const plain = objects.find((m) => map(m, source) === undefined);
  return `{ ${[...(plain === undefined ? [] : [`...(${source} as ${typeText(plain)})`]), ...mapped.map((m) => `...${m}`)].join(", ")} }`;
}
