import {
  StructureKind,
  type FunctionDeclarationStructure,
  type InterfaceDeclarationStructure,
  type StatementStructures,
  type TypeAliasDeclarationStructure,
} from "ts-morph";
import type { ObjectModel, Property, TypeRef } from "../model/types.js";
import { inheritedDiscriminator } from "./analysis.js";
import type { EmitContext } from "./context.js";
import { undeclaredDiscriminatorValues, type PolymorphicUnion } from "./polymorphism.js";
import { codeSpan, jsDoc } from "./docs.js";
import { isInheritedName, objectLiteralKey, ownPropertyValue, propertyAccess, propertyKey, stringLiteral } from "./text.js";
import { modelTypeNames, wireType, wireTypeName } from "./typeExpressions.js";
import { UsedNames } from "./usedNames.js";
import { mapperName, mappingExpression } from "./wireMapping.js";
import { memberAccess, topWireName, wireLeaves, wireTree, type WireNode } from "./wireTree.js";

/** The type of a property including its own `x-nullable`. */
function propertyType(property: Property): TypeRef {
  return property.nullable && !property.type.nullable ? ({ ...property.type, nullable: true } as TypeRef) : property.type;
}

/** Statements of `src/mappers.ts`, or undefined when no model needs mapping. */
export function mappersStatements(context: EmitContext): StatementStructures[] | undefined {
  const deserialized = context.model.objects.filter((o) => context.deserialized.has(o.name));
  const serialized = context.model.objects.filter((o) => context.serialized.has(o.name));
  if (deserialized.length === 0 && serialized.length === 0) {
    return undefined;
  }
  const deserializedUnions = [...context.deserializedUnions].sort().map((base) => context.unions.get(base) as PolymorphicUnion);
  const serializedUnions = [...context.serializedUnions].sort().map((base) => context.unions.get(base) as PolymorphicUnion);
  const body: StatementStructures[] = [];
  // what the functions call, for the runtime import
  const uses = new UsedNames();
  for (const object of deserialized) {
    body.push(wireInterface(object, context, uses), deserializer(object, context, uses));
  }
  for (const union of deserializedUnions) {
    body.push(unionWireAlias(union, context), unionDeserializer(union, context));
  }
  for (const object of serialized) {
    body.push(serializer(object, context, uses));
  }
  for (const union of serializedUnions) {
    body.push(unionSerializer(union, context));
  }
  const modelNames = new Set<string>([...deserialized, ...serialized].map((o) => o.name));
  for (const object of deserialized) {
    for (const property of context.properties.get(object.name) ?? []) {
      for (const name of modelTypeNames(property.type, context.unions)) {
        if (!context.deserialized.has(name) || property.type.kind === "enum") {
          modelNames.add(name);
        }
      }
    }
  }
  for (const union of serializedUnions) {
    modelNames.add(union.name);
  }
  for (const union of deserializedUnions) {
    // the union, and the members whose wire form is the model itself (passed through)
    modelNames.add(union.name);
    for (const name of [union.base, ...union.subtypes.map((s) => s.name)].filter((m) => !context.deserialized.has(m))) {
      modelNames.add(name);
    }
  }
  const helpers = [...uses.runtime];
  const imports: StatementStructures[] = [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./models.js", isTypeOnly: true, namedImports: [...modelNames].sort() },
  ];
  if (helpers.length > 0) {
    imports.push({ kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime.js", namedImports: helpers.sort() });
  }
  return [...imports, ...body];
}

/** True when the model or one of its ancestors has `additionalProperties` (its interface has an index signature). */
function isDictionary(object: ObjectModel, context: EmitContext, seen = new Set<string>()): boolean {
  if (object.additionalProperties !== undefined) {
    return true;
  }
  seen.add(object.name);
  return object.parents.some((name) => {
    const parent = context.objects.get(name);
    return parent !== undefined && !seen.has(name) && isDictionary(parent, context, seen);
  });
}

function wireInterface(object: ObjectModel, context: EmitContext, uses: UsedNames): InterfaceDeclarationStructure {
  const discriminator = inheritedDiscriminator(object, context.objects);
  return {
    indexSignatures: isDictionary(object, context)
      ? [
          {
            kind: StructureKind.IndexSignature,
            keyName: "key",
            keyType: "string",
            returnType: "unknown",
            docs: jsDoc(undefined, "Additional properties."),
          },
        ]
      : [],
    kind: StructureKind.Interface,
    name: wireTypeName(object.name),
    isExported: true,
    docs: jsDoc(undefined, `{@link ${object.name}} as it appears in a response body (wire names, dates and bytes as text).`),
    properties: wireTree(context.properties.get(object.name) ?? []).map((node) =>
      node.kind === "group"
        ? {
            kind: StructureKind.PropertySignature,
            name: propertyKey(node.serializedName),
            type: wireGroupType(node.children, context, uses),
            hasQuestionToken: !node.required,
            docs: jsDoc(undefined, `The ${codeSpan(node.serializedName)} property, flattened into {@link ${object.name}}.`),
          }
        : {
            kind: StructureKind.PropertySignature,
            name: propertyKey(node.property.serializedName),
            type:
              discriminator !== undefined && discriminator.serializedName === node.property.serializedName
                ? JSON.stringify(discriminator.value)
                : [
                    wireType(propertyType(node.property), context, uses),
                    ...undeclaredDiscriminatorValues(node.property, context.objects, context.unions, context.enums).map((v) =>
                      JSON.stringify(v),
                    ),
                  ].join(" | "),
            hasQuestionToken: !node.property.required,
            docs: jsDoc(node.property.description, `The ${codeSpan(node.property.serializedName)} property.`),
          },
    ),
  };
}

/** The wire type of a flattened property's object, as a type literal (`{ provisioningState?: string; }`). */
function wireGroupType(nodes: readonly WireNode[], context: EmitContext, uses: UsedNames): string {
  const members = nodes.map((node) =>
    node.kind === "group"
      ? `${propertyKey(node.serializedName)}${node.required ? "" : "?"}: ${wireGroupType(node.children, context, uses)};`
      : `${propertyKey(node.property.serializedName)}${node.property.wireRequired === true ? "" : "?"}: ${wireType(propertyType(node.property), context, uses)};`,
  );
  return `{\n${members.join("\n")}\n}`;
}

function deserializer(object: ObjectModel, context: EmitContext, uses: UsedNames): FunctionDeclarationStructure {
  const discriminator = inheritedDiscriminator(object, context.objects);
  const entries = (context.properties.get(object.name) ?? []).map((p) => {
    if (discriminator !== undefined && !p.required && p.wirePath === undefined && p.serializedName === discriminator.serializedName) {
      // the interface says a leaf always has its value; an optional discriminator absent on the wire reads as it
      return `${objectLiteralKey(p.name)}: ${propertyAccess("wire", p.serializedName)} ?? ${JSON.stringify(discriminator.value)},`;
    }
    // a flattened property is read from the objects that hold it, any of which may be absent when optional
    let holder = "wire";
    let optional = false;
    for (const segment of p.wirePath ?? []) {
      holder = memberAccess(holder, segment.serializedName, optional);
      optional ||= !segment.required;
    }
    const source = memberAccess(holder, p.serializedName, optional);
    const value = mappingExpression(propertyType(p), source, "deserialize", context, uses) ?? source;
    const key = objectLiteralKey(p.name);
    if (p.required) {
      return `${key}: ${value},`;
    }
    const absent = isInheritedName(p.serializedName)
      ? `!Object.hasOwn(${optional ? `${holder} ?? {}` : holder}, ${JSON.stringify(p.serializedName)})`
      : `${source} === undefined`;
    return `...(${absent} ? {} : { ${key}: ${value} }),`;
  });
  if (isDictionary(object, context)) {
    const known = [...new Set((context.properties.get(object.name) ?? []).map(topWireName))].map(stringLiteral);
    entries.unshift(`...${uses.call("additionalProperties")}(wire, [${known.join(", ")}]),`);
  }
  return {
    kind: StructureKind.Function,
    name: mapperName("deserialize", object.name),
    isExported: true,
    docs: jsDoc(undefined, `Reads a {@link ${object.name}} from its wire form.`),
    parameters: [{ name: "wire", type: wireTypeName(object.name) }],
    returnType: object.name,
    statements: `return {\n${entries.join("\n")}\n};`,
  };
}

function serializer(object: ObjectModel, context: EmitContext, uses: UsedNames): FunctionDeclarationStructure {
  const entries = serializerEntries(wireTree((context.properties.get(object.name) ?? []).filter((p) => !p.readOnly)), context, uses);
  if (isDictionary(object, context)) {
    // read-only properties are known too, so they stay out of the request
    const known = (context.properties.get(object.name) ?? []).map((p) => stringLiteral(p.name));
    entries.unshift(`...${uses.call("additionalProperties")}(value, [${known.join(", ")}]),`);
  }
  return {
    kind: StructureKind.Function,
    name: mapperName("serialize", object.name),
    isExported: true,
    docs: jsDoc(
      undefined,
      `Writes a {@link ${object.name}} in its wire form; read-only properties are left out and undefined ones are dropped by JSON.stringify.`,
    ),
    parameters: [{ name: "value", type: object.name }],
    returnType: "Record<string, unknown>",
    statements: `return {\n${entries.join("\n")}\n};`,
  };
}

/**
 * The wire object's entries: a flattened property's object is built from its properties, and left out
 * entirely when it is optional and none of them is set.
 */
function serializerEntries(nodes: readonly WireNode[], context: EmitContext, uses: UsedNames): string[] {
  return nodes.map((node) => {
    if (node.kind === "group") {
      const object = `{\n${serializerEntries(node.children, context, uses).join("\n")}\n}`;
      const key = objectLiteralKey(node.serializedName);
      if (node.required) {
        return `${key}: ${object},`;
      }
      const unset = wireLeaves(node.children).map((p) => `${ownPropertyValue("value", p.name)} === undefined`);
      return `...(${unset.join(" && ")} ? {} : {\n${key}: ${object},\n}),`;
    }
    const p = node.property;
    const source = ownPropertyValue("value", p.name);
    const mapped = mappingExpression(propertyType(p), source, "serialize", context, uses);
    const value = mapped === undefined ? source : p.required ? mapped : `${source} === undefined ? undefined : ${mapped}`;
    return `${objectLiteralKey(p.serializedName)}: ${value},`;
  });
}

/** `export type FishUnionWire = FishWire | ...`: the wire form of every model of the hierarchy. */
function unionWireAlias(union: PolymorphicUnion, context: EmitContext): TypeAliasDeclarationStructure {
  const members = [union.base, ...union.subtypes.map((s) => s.name)].map((name) =>
    context.deserialized.has(name) ? wireTypeName(name) : name,
  );
  return {
    kind: StructureKind.TypeAlias,
    name: wireTypeName(union.name),
    isExported: true,
    docs: jsDoc(undefined, `{@link ${union.name}} as it appears in a response body.`),
    type: members.join(" | "),
  };
}

/**
 * `switch` on the discriminator, one `case` per descendant of the union's base that has a mapper; any
 * other value (the base's own, or one this client does not know) is read as the base.
 */
function unionDeserializer(union: PolymorphicUnion, context: EmitContext): FunctionDeclarationStructure {
  const cases = union.subtypes
    .filter((s) => context.deserialized.has(s.name))
    .map((s) => `case ${stringLiteral(s.value)}:\nreturn ${mapperName("deserialize", s.name)}(wire as ${wireTypeName(s.name)});`);
  const fallback = context.deserialized.has(union.base) ? `${mapperName("deserialize", union.base)}(wire)` : `wire as ${union.base}`;
  return {
    kind: StructureKind.Function,
    name: mapperName("deserialize", union.name),
    isExported: true,
    docs: jsDoc(
      undefined,
      `Reads a {@link ${union.name}} from its wire form: the model its ${codeSpan(union.discriminator.serializedName)} names, ` +
        `or a plain {@link ${union.base}} for a value this client does not know.`,
    ),
    parameters: [{ name: "wire", type: wireTypeName(union.name) }],
    returnType: union.name,
    statements: `switch (${propertyAccess("wire", union.discriminator.serializedName)}) {\n${[...cases, `default:\nreturn ${fallback};`].join("\n")}\n}`,
  };
}

/** The same dispatch for request bodies: the discriminator value picks the serializer. */
function unionSerializer(union: PolymorphicUnion, context: EmitContext): FunctionDeclarationStructure {
  const cases = union.subtypes
    .filter((s) => context.serialized.has(s.name))
    .map((s) => `case ${stringLiteral(s.value)}:\nreturn ${mapperName("serialize", s.name)}(value as ${s.name});`);
  const fallback = context.serialized.has(union.base) ? `${mapperName("serialize", union.base)}(value)` : "{ ...value }";
  return {
    kind: StructureKind.Function,
    name: mapperName("serialize", union.name),
    isExported: true,
    docs: jsDoc(
      undefined,
      `Writes a {@link ${union.name}} in its wire form with the serializer of the model its ${codeSpan(union.discriminator.propertyName)} names ` +
        `(the one of {@link ${union.base}} for any other value).`,
    ),
    parameters: [{ name: "value", type: union.name }],
    returnType: "Record<string, unknown>",
    statements: `switch (${propertyAccess("value", union.discriminator.propertyName)}) {\n${[...cases, `default:\nreturn ${fallback};`].join("\n")}\n}`,
  };
}
