import type { TypeRef } from "../model/types.js";
import type { EmitContext } from "./context.js";
import { publicType, wireType } from "./typeExpressions.js";
import { unionMapping } from "./unions.js";
import type { UsedNames } from "./usedNames.js";

export type Direction = "serialize" | "deserialize";

/** Name of the function mapping one model in one direction. */
export function mapperName(direction: Direction, modelName: string): string {
  return `${direction}${modelName}`;
}

/**
 * The expression converting `source` between wire and TypeScript form, or undefined
 * when both forms are the same (then the value is passed through untouched).
 * `source` must be side-effect free: it may be evaluated more than once. The helpers and mappers it
 * calls are noted in `uses`.
 */
export function mappingExpression(
  type: TypeRef,
  source: string,
  direction: Direction,
  context: EmitContext,
  uses: UsedNames,
  depth = 0,
): string | undefined {
  const inner = innerMapping(type, source, direction, context, uses, depth);
  if (inner === undefined || !type.nullable) {
    return inner;
  }
  return `${source} === null ? null : ${inner}`;
}

function innerMapping(
  type: TypeRef,
  source: string,
  direction: Direction,
  context: EmitContext,
  uses: UsedNames,
  depth: number,
): string | undefined {
  const item = depth === 0 ? "item" : `item${depth + 1}`;
  switch (type.kind) {
    case "date":
      if (direction === "deserialize") {
        return type.format === "unixtime"
          ? `${uses.call("parseUnixTime")}(${source})`
          : type.format === "date-time-rfc1123"
            ? `${uses.call("parseRfc1123Date")}(${source})`
            : `${uses.call("parseDate")}(${source})`;
      }
      return type.format === "unixtime"
        ? `${uses.call("formatUnixTime")}(${source})`
        : `${uses.call("formatDate")}(${source}, ${JSON.stringify(type.format)})`;
    case "bytes":
      if (direction === "deserialize") {
        return `${uses.call("decodeBytes")}(${source})`;
      }
      return type.format === "byte" ? `${uses.call("encodeBytes")}(${source})` : `${uses.call("encodeBytes")}(${source}, "base64url")`;
    case "array": {
      const element = itemMapping(type.items, item, direction, context, uses, depth + 1);
      return element === undefined ? undefined : `${source}.map((${item}) => ${element})`;
    }
    case "dictionary": {
      const value = itemMapping(type.values, item, direction, context, uses, depth + 1);
      return value === undefined ? undefined : `Object.fromEntries(Object.entries(${source}).map(([key, ${item}]) => [key, ${value}]))`;
    }
    case "model": {
      const union = context.unions.get(type.name);
      if (union !== undefined) {
        const mappedUnions = direction === "deserialize" ? context.deserializedUnions : context.serializedUnions;
        return mappedUnions.has(type.name) ? `${uses.mapper(mapperName(direction, union.name))}(${source})` : undefined;
      }
      const mapped = direction === "deserialize" ? context.deserialized : context.serialized;
      return mapped.has(type.name) ? `${uses.mapper(mapperName(direction, type.name))}(${source})` : undefined;
    }
    case "union":
      return unionMapping(
        type,
        source,
        (member, at) => innerMapping(member, at, direction, context, uses, depth + 1),
        (member) => (direction === "deserialize" ? wireType(member, context, uses) : publicType(member, context.unions)),
      );
    default:
      return undefined;
  }
}

/**
 * The mapping of an array item or dictionary value. Services send null items even where the spec does
 * not say x-nullable (responses are not validated): a null item read from the wire stays null, as
 * core-client's deserializer leaves it, instead of being parsed (`parseDate(null)` is 1970-01-01).
 * `item === null ? item : ...` keeps the mapped type: the wire type excludes null, so `item` is `never` there.
 */
function itemMapping(
  type: TypeRef,
  item: string,
  direction: Direction,
  context: EmitContext,
  uses: UsedNames,
  depth: number,
): string | undefined {
  const mapped = mappingExpression(type, item, direction, context, uses, depth);
  return mapped === undefined || direction === "serialize" || type.nullable ? mapped : `${item} === null ? ${item} : ${mapped}`;
}
