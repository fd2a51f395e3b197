/**
 * The interfaces of `models.ts` typing parameter groups (parameterGroups.ts): one per group, holding every
 * value any operation puts in it, each optional unless every operation that has it requires it.
 */
import { StructureKind, type InterfaceDeclarationStructure } from "ts-morph";
import type { EmitContext } from "./context.js";
import { codeSpan, jsDoc } from "./docs.js";
import type { MethodArgument } from "./methodArgument.js";
import { operationArguments } from "./signature.js";
import { propertyKey } from "./text.js";
import { publicType } from "./typeExpressions.js";

/** The interfaces of every parameter group of the model, by name. */
export function parameterGroupInterfaces(context: EmitContext): InterfaceDeclarationStructure[] {
  interface Group {
    members: Map<string, { member: MethodArgument; required: boolean }>;
    operations: string[];
  }
  const groups = new Map<string, Group>();
  for (const operationGroup of context.model.operationGroups) {
    for (const operation of operationGroup.operations) {
      if (operation.body?.group === undefined && !operation.parameters.some((p) => p.group !== undefined)) continue;
      const { positional, optional } = operationArguments(operation);
      for (const argument of [...positional, ...optional]) {
        if (argument.group === undefined) continue;
        const entry: Group = groups.get(argument.group.typeName) ?? { members: new Map(), operations: [] };
        groups.set(argument.group.typeName, entry);
        entry.operations.push(`${operationGroup.typeName || "Default"}Operations.${operation.name}`);
        for (const member of argument.group.members) {
          const known = entry.members.get(member.name);
          entry.members.set(member.name, { member: known?.member ?? member, required: (known?.required ?? true) && member.required });
        }
        for (const [name, known] of entry.members) {
          if (!argument.group.members.some((m) => m.name === name)) known.required = false;
        }
      }
    }
  }
  return [...groups]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, { members, operations }]) => ({
      kind: StructureKind.Interface,
      name,
      isExported: true,
      docs: jsDoc(undefined, `Parameters passed together to ${operations.map((o) => `{@link ${o}}`).join(", ")}.`),
      properties: [...members.values()].map(({ member, required }) => ({
        kind: StructureKind.PropertySignature,
        name: propertyKey(member.name),
        type: publicType(member.type, context.unions),
        hasQuestionToken: !required,
        docs: jsDoc(
          member.description,
          `The ${codeSpan(member.serializedName)} ${member.spreadOf !== undefined ? "property of the body" : "parameter"}.`,
        ),
      })),
    }));
}
