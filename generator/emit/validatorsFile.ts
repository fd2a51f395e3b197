import { StructureKind, type FunctionDeclarationStructure, type StatementStructures } from "ts-morph";
import type { ObjectModel } from "../model/types.js";
import type { EmitContext } from "./analysis.js";
import { jsDoc } from "./docs.js";
import { ownPropertyValue } from "./text.js";
import { validationHelpersUsed, validatorName, valueChecks } from "./validation.js";

/** Statements of `src/validators.ts`, or undefined when no model sent has anything to check. */
export function validatorsStatements(context: EmitContext): StatementStructures[] | undefined {
  const objects = context.model.objects.filter((o) => context.validated.has(o.name));
  if (objects.length === 0) {
    return undefined;
  }
  const functions = objects.map((o) => validator(o, context));
  const code = functions.map((f) => String(f.statements)).join("\n");
  return [
    { kind: StructureKind.ImportDeclaration, moduleSpecifier: "./models.js", isTypeOnly: true, namedImports: objects.map((o) => o.name).sort() },
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
