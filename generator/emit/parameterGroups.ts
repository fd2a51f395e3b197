/**
 * Parameter groups (`Parameter.group`): values of an operation the caller passes as one object, typed by
 * an interface of `models.ts` named after the group. A group is one positional argument when any of its
 * values is required, else one property of the options bag; the operation reads each value from it
 * (`group.value`, or `options.group?.value`). A group used by several operations is one interface
 * holding every value any of them puts in it, each optional unless every operation that has it requires it
 * (parameterGroupInterfaces.ts).
 */
import { codeSpan } from "./docs.js";
import type { MethodArgument } from "./methodArgument.js";
import { camelCase, isIdentifierName, propertyAccess } from "./text.js";

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
