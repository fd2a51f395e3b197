/**
 * Parameter groups (`Parameter.group`): values of an operation the caller passes as one object, typed by
 * an interface of `models.ts` named after the group. A group is one positional argument when any of its
 * values is required, else one property of the options bag; the operation reads each value from it
 * (`group.value`, or `options.group?.value`). A group used by several operations is one interface
 * holding every value any of them puts in it, each optional unless every operation that has it requires it.
 */
import { StructureKind, type InterfaceDeclarationStructure } from "ts-morph";
import type { EmitContext } from "./context.js";
import { codeSpan, jsDoc } from "./docs.js";
import { operationArguments, type MethodArgument } from "./signature.js";
import { camelCase, isIdentifierName, propertyAccess, propertyKey } from "./text.js";
import { publicType } from "./typeExpressions.js";

/** One argument per group the values name (`inGroup`), in order of first appearance; its name is the group's camelCase. */
export function groupArguments(values: MethodArgument[]): MethodArgument[] {
  const groups = new Map<string, MethodArgument[]>();
  for (const value of values) {
    if (value.inGroup === undefined) continue;
    const members = groups.get(value.inGroup) ?? [];
    groups.set(value.inGroup, members);
    members.push(value);
  }
  return [...groups].map(([typeName, members]) => ({
    name: camelCase(typeName),
    serializedName: typeName,
    type: { kind: "model", name: typeName },
    required: members.some((m) => m.required),
    description: `The ${members.map((m) => codeSpan(m.name)).join(", ")} parameters, passed together.`,
    group: { typeName, members },
  }));
}

/** The values a group argument holds, each read from it (`group.value`, `options.group?.value`). */
export function groupMemberValues(group: MethodArgument): MethodArgument[] {
  const holder = group.required ? group.name : `${propertyAccess("options", group.name)}?.`;
  return (group.group?.members ?? []).map((member) => ({
    ...member,
    source: group.required
      ? propertyAccess(holder, member.name)
      : `${holder}${isIdentifierName(member.name) ? member.name : `[${JSON.stringify(member.name)}]`}`,
  }));
}

/** The interfaces of every parameter group of the model, by name. */
export function parameterGroupInterfaces(context: EmitContext): InterfaceDeclarationStructure[] {
  interface Group { members: Map<string, { member: MethodArgument; required: boolean }>; operations: string[] }
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
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([name, { members, operations }]) => ({
    kind: StructureKind.Interface,
    name,
    isExported: true,
    docs: jsDoc(undefined, `Parameters passed together to ${operations.map((o) => `{@link ${o}}`).join(", ")}.`),
    properties: [...members.values()].map(({ member, required }) => ({
      kind: StructureKind.PropertySignature,
      name: propertyKey(member.name),
      type: publicType(member.type, context.unions),
      hasQuestionToken: !required,
      docs: jsDoc(member.description, `The ${codeSpan(member.serializedName)} ${member.spreadOf !== undefined ? "property of the body" : "parameter"}.`),
    })),
  }));
}
