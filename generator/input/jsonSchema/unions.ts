/**
 * `oneOf` / `anyOf` (OpenAPI 3; a Swagger 2 document never has them, its schema validation refuses them first)
 * → a `union` TypeRef listing its members' TypeRefs.
 *
 * - A member that only admits null (`{type: "null"}`, read as `x-nullable` alone, or `enum: [null]`) makes the
 *   union nullable, as does a nullable member or `nullable` on the union itself; the members are kept non-null.
 * - A member that is a union itself gives its members; equal members are listed once; an `unknown` member
 *   makes the whole union `unknown` (it admits anything). One member left: that member's type, no union.
 * - Inline object and enum members are named from where the union is used, like other inline schemas: the hint
 *   itself when there is one such member, else `<hint>Variant<n>` (n counts them, from 1).
 * - With a `discriminator`, when every member is an object model of one discriminated hierarchy, the type is
 *   the hierarchy's nearest common model that declares that discriminator (the emitter types it as its
 *   polymorphic union and dispatches on the discriminator); otherwise the discriminator is not used and the
 *   value is the plain union of its members.
 * - A schema with `properties` or `allOf` next to `oneOf`/`anyOf` is an object model: its `oneOf`/`anyOf`
 *   only constrains it (e.g. lists which properties are required together) and is not read.
 * - `oneOf` and `anyOf` are read alike (the generated code does not check that exactly one member matches).
 */
import { resolveRef } from "../../load/refs.js";
import type { JsonObject } from "../../load/types.js";
import type { BuildContext, Loc } from "./context.js";
import { isObject } from "./json.js";
import { discriminatorOf, enumOf, isNullable, onlyNull } from "./keywords.js";
import { schemaView } from "./view.js";
import type { JsonValue, TypeRef } from "../../model/types.js";

type TypeOf = (ctx: BuildContext, at: Loc, schema: JsonValue | undefined, hint: string) => TypeRef;
type Fail = (at: Loc, problem: string) => never;

/** True when the schema is a union to read here (see the file comment). */
export function isUnionSchema(schema: JsonObject): boolean {
  return (
    (Array.isArray(schema["oneOf"]) || Array.isArray(schema["anyOf"])) &&
    schema["properties"] === undefined &&
    schema["allOf"] === undefined
  );
}

/** The TypeRef of the union schema at `at`. */
export function unionType(ctx: BuildContext, at: Loc, schema: JsonObject, hint: string, typeOf: TypeOf, fail: Fail): TypeRef {
  const key = Array.isArray(schema["oneOf"]) ? "oneOf" : "anyOf";
  if (key === "oneOf" && Array.isArray(schema["anyOf"])) fail(at, `"oneOf" and "anyOf" on one schema are not supported`);
  // A union reached again inside itself is fine when an object model was made in between (the model's second
  // sight stops the recursion); with none, the expansion would never end.
  const identity = `${at.file}#${at.pointer}`;
  const entered = ctx.unionsInProgress.get(identity);
  if (entered === ctx.objects.size)
    fail(at, `a ${key} that holds itself (through ${key} members, arrays or dictionaries) is not supported`);
  ctx.unionsInProgress.set(identity, ctx.objects.size);
  try {
    const list = schema[key] as JsonValue[];
    const inline = list.filter(
      (member, i) => isObject(member) && needsName(schemaView(ctx, { file: at.file, pointer: `${at.pointer}/${key}/${i}` }, member)),
    ).length;
    let nullable = isNullable(schema);
    const members: TypeRef[] = [];
    let n = 0;
    list.forEach((member, i) => {
      const memberAt = { file: at.file, pointer: `${at.pointer}/${key}/${i}` };
      if (!isObject(member)) fail(memberAt, `${key} member must be an object`);
      if (isNullMember(ctx, memberAt, member)) {
        nullable = true;
        return;
      }
      const named = needsName(schemaView(ctx, memberAt, member));
      if (named) n++;
      const memberHint = !named || inline === 1 ? hint : `${hint}Variant${n}`;
      const type = typeOf(ctx, memberAt, member, memberHint);
      for (const one of type.kind === "union" ? type.members : [type]) {
        const { nullable: memberNullable, ...plain } = one;
        if (memberNullable === true || type.nullable === true) nullable = true;
        if (!members.some((m) => JSON.stringify(m) === JSON.stringify(plain))) members.push(plain as TypeRef);
      }
    });
    const result = unionOf(ctx, members, discriminatorOf(schema));
    return nullable ? { ...result, nullable: true } : result;
  } finally {
    if (entered === undefined) ctx.unionsInProgress.delete(identity);
    else ctx.unionsInProgress.set(identity, entered);
  }
}

function unionOf(ctx: BuildContext, members: TypeRef[], discriminator: string | undefined): TypeRef {
  if (members.length === 0 || members.some((m) => m.kind === "unknown")) return { kind: "unknown" };
  if (members.length === 1) return members[0] as TypeRef;
  if (discriminator !== undefined) {
    const root = hierarchyRoot(ctx, members, discriminator);
    if (root !== undefined) return { kind: "model", name: root };
  }
  return { kind: "union", members };
}

/** The nearest model every member is (or extends) that declares `discriminator`, when all members are models. */
function hierarchyRoot(ctx: BuildContext, members: TypeRef[], discriminator: string): string | undefined {
  const byName = new Map([...ctx.objects.values()].map((o) => [o.name, o]));
  const lineage = (name: string): string[] => {
    const found = [name];
    for (let i = 0; i < found.length; i++)
      for (const p of byName.get(found[i] as string)?.parents ?? []) if (!found.includes(p)) found.push(p);
    return found;
  };
  if (!members.every((m) => m.kind === "model")) return undefined;
  const [first, ...rest] = members.map((m) => lineage((m as { name: string }).name));
  return (first ?? []).find(
    (name) => byName.get(name)?.discriminator?.serializedName === discriminator && rest.every((l) => l.includes(name)),
  );
}

/** An inline member that becomes a named model or enum. */
function needsName(member: JsonObject): boolean {
  const values = enumOf(member);
  return (
    member["$ref"] === undefined &&
    (member["properties"] !== undefined || member["allOf"] !== undefined || (values !== undefined && values.some((v) => v !== null)))
  );
}

/** Keys that say nothing about which values a member admits (documentation, dropped keywords). */
const NOT_MEANINGFUL = new Set([
  "x-nullable",
  "nullable",
  "description",
  "title",
  "examples",
  "writeOnly",
  "$schema",
  "$id",
  "$comment",
  "contentMediaType",
  "contentEncoding",
  "deprecated",
  "externalDocs",
]);

/**
 * A member admitting only null: `{type: "null"}` (or a type list of `"null"` alone), `nullable`/`x-nullable` alone,
 * `enum: [null]` (`const: null`), or a `$ref` to one.
 */
function isNullMember(ctx: BuildContext, at: Loc, member: JsonValue): boolean {
  if (!isObject(member)) return false;
  let schema: JsonValue = member;
  const ref = member["$ref"];
  if (typeof ref === "string") schema = resolveRef(ctx.spec, at.file, ref, `${at.pointer}/$ref`).value;
  if (!isObject(schema)) return false;
  const values = enumOf(schema);
  if (values !== undefined) return values.length > 0 && values.every((v) => v === null);
  const meaningful = Object.keys(schema).filter((k) => !NOT_MEANINGFUL.has(k) && !(k === "type" && onlyNull(schema)));
  return isNullable(schema) && meaningful.length === 0;
}
