import {
  StructureKind,
  VariableDeclarationKind,
  type InterfaceDeclarationStructure,
  type PropertySignatureStructure,
  type StatementStructures,
  type TypeAliasDeclarationStructure,
  type VariableStatementStructure,
} from "ts-morph";
import type { EnumModel, ObjectModel, Operation, OperationGroup, Property } from "../model/types.js";
import { inheritedDiscriminator } from "./analysis.js";
import type { EmitContext } from "./context.js";
import { clientDefaultNote } from "./clientDefault.js";
import { codeSpan, inlineDoc, jsDoc } from "./docs.js";
import { undeclaredDiscriminatorValues, type PolymorphicUnion } from "./polymorphism.js";
import { parameterGroupInterfaces } from "./parameterGroupInterfaces.js";
import { extendsClauses } from "./redeclared.js";
import { optionalParamsTypeName } from "./names.js";
import { optionalParameters } from "./signature.js";
import { isIdentifierName, propertyKey } from "./text.js";
import { argumentType } from "./bodies.js";
import { binaryBodyType } from "./runtimeNames.js";
import { UsedNames } from "./usedNames.js";
import { publicType } from "./typeExpressions.js";
import { versionNote } from "./versions.js";

/** Statements of `src/models.ts`: enums, object models, then per-operation options bags. */
export function modelsStatements(context: EmitContext): StatementStructures[] {
  const { model } = context;
  const statements: StatementStructures[] = [];
  const withOptions = model.operationGroups.flatMap((g) => g.operations.filter((o) => optionalParameters(o).length > 0));
  // the options bags, built first: the runtime types they name are imported at the top
  const bagUses = new UsedNames();
  const bags = model.operationGroups.flatMap((group) =>
    group.operations.flatMap((operation) => optionsInterface(group, operation, context, bagUses) ?? []),
  );
  const optionsBases = [
    // a binary body or form file in an options bag (bodies.ts)
    ...(bagUses.runtimeTypes.has(binaryBodyType) ? [binaryBodyType] : []),
    ...(withOptions.some((o) => o.longRunning !== undefined) ? ["LroOperationOptions"] : []),
    ...(withOptions.some((o) => o.longRunning === undefined) ? ["OperationOptions"] : []),
  ];
  if (optionsBases.length > 0) {
    statements.push({
      kind: StructureKind.ImportDeclaration,
      moduleSpecifier: "./runtime.js",
      namedImports: optionsBases,
      isTypeOnly: true,
    });
  }
  for (const enumModel of model.enums) {
    statements.push(...enumStatements(enumModel));
  }
  for (const object of model.objects) {
    statements.push(objectInterface(object, context));
    const union = context.unions.get(object.name);
    if (union !== undefined) {
      statements.push(unionAlias(union));
    }
  }
  statements.push(...parameterGroupInterfaces(context));
  statements.push(...bags);
  return statements;
}

function enumStatements(enumModel: EnumModel): StatementStructures[] {
  const literals = enumModel.values.map((v) => JSON.stringify(v.value));
  const fallback = `Values of ${codeSpan(enumModel.serializedName)}.`;
  if (!enumModel.extensible) {
    const alias: TypeAliasDeclarationStructure = {
      kind: StructureKind.TypeAlias,
      name: enumModel.name,
      isExported: true,
      type: literals.length > 0 ? literals.join(" | ") : "never",
      docs: jsDoc(enumModel.description, fallback),
    };
    return [alias];
  }
  const knownName = `Known${enumModel.name}`;
  const open = enumModel.valueType === "number" ? "(number & {})" : "(string & {})";
  const members = enumModel.values.map(
    (v) =>
      `${inlineDoc(v.description ?? `The value ${JSON.stringify(v.value)}.`, "  ")}\n  ${propertyKey(v.name)}: ${JSON.stringify(v.value)},`,
  );
  const known: VariableStatementStructure = {
    kind: StructureKind.VariableStatement,
    isExported: true,
    declarationKind: VariableDeclarationKind.Const,
    docs: jsDoc(undefined, `Values of {@link ${enumModel.name}} the service knows about.`),
    declarations: [{ name: knownName, initializer: `{\n${members.join("\n")}\n} as const` }],
  };
  const alias: TypeAliasDeclarationStructure = {
    kind: StructureKind.TypeAlias,
    name: enumModel.name,
    isExported: true,
    type: [...literals, open].join(" | "),
    docs: jsDoc(enumModel.description, fallback, {
      note: `{@link ${knownName}} lists the known values; other values are accepted too.`,
    }),
  };
  return [known, alias];
}

function discriminatorOverride(object: ObjectModel, context: EmitContext): PropertySignatureStructure[] {
  const discriminator = inheritedDiscriminator(object, context.objects);
  if (
    discriminator === undefined ||
    object.properties.some((p) => p.wirePath === undefined && p.serializedName === discriminator.serializedName)
  ) {
    return [];
  }
  return [
    {
      kind: StructureKind.PropertySignature,
      name: propertyKey(discriminator.propertyName),
      type: JSON.stringify(discriminator.value),
      docs: jsDoc(undefined, `Discriminator: always ${codeSpan(discriminator.value)} for this model.`),
    },
  ];
}

/** Where a flattened property (`x-ms-client-flatten`) is on the wire. */
function flattenedNote(p: Property): string | undefined {
  if (p.wirePath === undefined) {
    return undefined;
  }
  const path = [...p.wirePath.map((s) => s.serializedName), p.serializedName]
    .map((name) => (isIdentifierName(name) ? `.${name}` : `[${JSON.stringify(name)}]`))
    .join("")
    .replace(/^\./, "");
  return `On the wire: ${codeSpan(path)}.`;
}

function objectInterface(object: ObjectModel, context: EmitContext): InterfaceDeclarationStructure {
  const properties: PropertySignatureStructure[] = object.properties.map((p) => ({
    kind: StructureKind.PropertySignature,
    name: propertyKey(p.name),
    type: [
      publicType(p.type, context.unions),
      ...undeclaredDiscriminatorValues(p, context.objects, context.unions, context.enums).map((v) => JSON.stringify(v)),
      ...(p.nullable && !p.type.nullable ? ["null"] : []),
    ].join(" | "),
    hasQuestionToken: !p.required,
    isReadonly: p.readOnly,
    docs: jsDoc(p.description, `The ${codeSpan(p.serializedName)} property.`, {
      note:
        [p.readOnly ? "Set by the service; never sent." : undefined, flattenedNote(p), versionNote(context.model, p.apiVersions)]
          .filter((n) => n !== undefined)
          .join("\n\n") || undefined,
    }),
  }));
  const additional = object.additionalProperties;
  return {
    kind: StructureKind.Interface,
    name: object.name,
    isExported: true,
    extends: extendsClauses(object, context),
    docs: jsDoc(object.description, `The ${codeSpan(object.serializedName)} model.`),
    properties: [...discriminatorOverride(object, context), ...properties],
    indexSignatures:
      additional === undefined
        ? []
        : [
            {
              kind: StructureKind.IndexSignature,
              keyName: "key",
              keyType: "string",
              returnType: "unknown",
              docs: jsDoc(undefined, "Additional properties."),
            },
          ],
  };
}

/** `export type FishUnion = Fish | Goblinshark | ...`: what a reference to the root (or, for `SalmonUnion`, an intermediate model) may hold. */
function unionAlias(union: PolymorphicUnion): TypeAliasDeclarationStructure {
  return {
    kind: StructureKind.TypeAlias,
    name: union.name,
    isExported: true,
    type: [union.base, ...union.subtypes.map((s) => s.name)].join(" | "),
    docs: jsDoc(
      undefined,
      `{@link ${union.base}} or any model that extends it, told apart by ${codeSpan(union.discriminator.serializedName)}; ` +
        `a value the client does not know is read as a plain {@link ${union.base}}.`,
    ),
  };
}

function optionsInterface(
  group: OperationGroup,
  operation: Operation,
  context: EmitContext,
  uses: UsedNames,
): InterfaceDeclarationStructure | undefined {
  const { model } = context;
  const optional = optionalParameters(operation);
  if (optional.length === 0) {
    return undefined;
  }
  return {
    kind: StructureKind.Interface,
    name: optionalParamsTypeName(group, operation),
    isExported: true,
    extends: [operation.longRunning !== undefined ? "LroOperationOptions" : "OperationOptions"],
    docs: jsDoc(undefined, `Optional parameters of {@link ${group.typeName}Operations.${operation.name}}.`),
    properties: optional.map((p) => ({
      kind: StructureKind.PropertySignature,
      name: propertyKey(p.name),
      type: argumentType(p, operation, context, uses),
      hasQuestionToken: true,
      docs: jsDoc(p.description, `The ${codeSpan(p.serializedName)} parameter.`, {
        note:
          [
            clientDefaultNote(p),
            versionNote(model, p.parameter?.apiVersions ?? p.body?.apiVersions ?? model.apiVersions.map((v) => v.apiVersion)),
          ]
            .filter((n) => n !== undefined)
            .join("\n\n") || undefined,
      }),
    })),
  };
}
