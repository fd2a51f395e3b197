import { StructureKind, type FunctionDeclarationStructure, type StatementStructures } from "ts-morph";
import type { ObjectModel } from "../model/types.js";
import type { EmitContext } from "./context.js";
import type { PolymorphicUnion } from "./polymorphism.js";
import { jsDoc } from "./docs.js";
import { ownPropertyValue, propertyAccess, stringLiteral } from "./text.js";
import { UsedNames } from "./usedNames.js";
import { validatorName, valueChecks } from "./validation.js";
import { wireLeaves, wireTree, type WireNode } from "./wireTree.js";

/** Statements of `src/validators.ts`, or undefined when no model sent has anything to check. */
export function validatorsStatements(context: EmitContext): StatementStructures[] | undefined {
  const objects = context.model.objects.filter((o) => context.validated.has(o.name));
  if (objects.length === 0) {
    return undefined;
  }
  const unions = [...context.validatedUnions].sort().map((base) => context.unions.get(base) as PolymorphicUnion);
  // what the checks call, for the runtime import
  const uses = new UsedNames();
  const functions = [...objects.map((o) => validator(o, context, uses)), ...unions.map((u) => unionValidator(u, context))];
  const modelNames = [...objects.map((o) => o.name), ...unions.map((u) => u.name)];
  return [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./models.js", isTypeOnly: true, namedImports: modelNames.sort() },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime.js", namedImports: [...uses.runtime].sort() },
    ...functions,
  ];
}

function validator(object: ObjectModel, context: EmitContext, uses: UsedNames): FunctionDeclarationStructure {
  const writable = (context.properties.get(object.name) ?? []).filter((p) => !p.readOnly);
  const statements = writable.flatMap((p) =>
    valueChecks(
      p.type,
      ownPropertyValue("value", p.name),
      `path + ${JSON.stringify(`.${p.name}`)}`,
      { required: p.required, nullable: p.nullable || p.type.nullable === true, constraints: p.constraints },
      context,
      uses,
    ),
  );
  statements.push(...holderChecks(wireTree(writable), uses));
  return {
    kind: StructureKind.Function,
    name: validatorName(object.name),
    isExported: true,
    docs: jsDoc(undefined, `Checks a {@link ${object.name}} before it is sent; errors name the property by its path under \`path\`.`),
    parameters: [
      { name: "value", type: object.name },
      { name: "path", type: "string" },
    ],
    returnType: "void",
    statements: statements.join("\n"),
  };
}

/**
 * Flattened properties whose holder is optional but requires them: once the holder is sent (any of its
 * properties is set, as the serializer decides), each of them must be set too.
 */
function holderChecks(nodes: readonly WireNode[], uses: UsedNames, depth = 0): string[] {
  return nodes.flatMap((node) => {
    if (node.kind !== "group") {
      return [];
    }
    const inner = holderChecks(node.children, uses, depth + 1);
    if (node.required) {
      return inner;
    }
    const needed = wireLeaves(node.children).filter(
      (p) => p.wireRequired === true && (p.wirePath ?? []).slice(depth + 1).every((s) => s.required),
    );
    if (needed.length === 0) {
      return inner;
    }
    const sent = wireLeaves(node.children).map((p) => `${ownPropertyValue("value", p.name)} !== undefined`);
    const present = needed.map(
      (p) => `${uses.call("assertPresent")}(${ownPropertyValue("value", p.name)}, path + ${JSON.stringify(`.${p.name}`)});`,
    );
    return [`if (${sent.join(" || ")}) {\n${present.join("\n")}\n}`, ...inner];
  });
}

/** Checks a union with the validator of the model its discriminator names (the base model's for any other value). */
function unionValidator(union: PolymorphicUnion, context: EmitContext): FunctionDeclarationStructure {
  const cases = union.subtypes
    .filter((s) => context.validated.has(s.name))
    .map((s) => `case ${stringLiteral(s.value)}:\nreturn ${validatorName(s.name)}(value as ${s.name}, path);`);
  const fallback = context.validated.has(union.base) ? [`default:\nreturn ${validatorName(union.base)}(value, path);`] : [];
  return {
    kind: StructureKind.Function,
    name: validatorName(union.name),
    isExported: true,
    docs: jsDoc(
      undefined,
      `Checks a {@link ${union.name}} before it is sent, as the model its ${"`"}${union.discriminator.propertyName}${"`"} names ` +
        `(as a {@link ${union.base}} for any other value); errors name the property by its path under ${"`"}path${"`"}.`,
    ),
    parameters: [
      { name: "value", type: union.name },
      { name: "path", type: "string" },
    ],
    returnType: "void",
    statements: `switch (${propertyAccess("value", union.discriminator.propertyName)}) {\n${[...cases, ...fallback].join("\n")}\n}`,
  };
}
