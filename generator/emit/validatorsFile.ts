import { StructureKind, type FunctionDeclarationStructure, type StatementStructures } from "ts-morph";
import type { ObjectModel } from "../model/types.js";
import type { EmitContext } from "./analysis.js";
import type { PolymorphicUnion } from "./polymorphism.js";
import { jsDoc } from "./docs.js";
import { ownPropertyValue, propertyAccess, stringLiteral } from "./text.js";
import { validationHelpersUsed, validatorName, valueChecks } from "./validation.js";

/** Statements of `src/validators.ts`, or undefined when no model sent has anything to check. */
export function validatorsStatements(context: EmitContext): StatementStructures[] | undefined {
  const objects = context.model.objects.filter((o) => context.validated.has(o.name));
  if (objects.length === 0) {
    return undefined;
  }
  const unions = [...context.validatedUnions].sort().map((base) => context.unions.get(base) as PolymorphicUnion);
  const functions = [...objects.map((o) => validator(o, context)), ...unions.map((u) => unionValidator(u, context))];
  const code = functions.map((f) => String(f.statements)).join("\n");
  const modelNames = [...objects.map((o) => o.name), ...unions.map((u) => u.name)];
  return [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./models.js", isTypeOnly: true, namedImports: modelNames.sort() },
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./runtime.js", namedImports: validationHelpersUsed(code).sort() },
    ...functions,
  ];
}

function validator(object: ObjectModel, context: EmitContext): FunctionDeclarationStructure {
  const statements = (context.properties.get(object.name) ?? [])
    .filter((p) => !p.readOnly)
    .flatMap((p) =>
      valueChecks(
        p.type,
        ownPropertyValue("value", p.name),
        `path + ${JSON.stringify(`.${p.name}`)}`,
        { required: p.required, nullable: p.nullable || p.type.nullable === true, constraints: p.constraints },
        context,
      ),
    );
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
