/**
 * The checks an operation function runs before building its request: the api-versions the operation and
 * its optional fields exist in (versions.ts), then each argument's presence and, with constraint
 * validation on, its constraints (validation.ts).
 */
import type { Operation } from "../model/types.js";
import type { EmitContext } from "./context.js";
import type { MethodArgument } from "./methodArgument.js";
import { stringLiteral } from "./text.js";
import type { UsedNames } from "./usedNames.js";
import { valueChecks } from "./validation.js";
import { versionChecks } from "./versions.js";

/** `positional`: the method's arguments; `all`: every value sent (parameter groups opened, a spread body built). */
export function argumentChecks(
  operation: Operation,
  positional: readonly MethodArgument[],
  all: readonly MethodArgument[],
  sourceOf: (a: MethodArgument) => string,
  context: EmitContext,
  uses: UsedNames,
): string[] {
  const sentBody = (a: MethodArgument): boolean => a.body?.spread !== undefined;
  const statements: string[] = versionChecks(
    operation,
    all.filter((a) => !a.required),
    all.filter((a) => a.required && !sentBody(a)),
    sourceOf,
    context,
    uses,
  );
  // a required parameter group first, then the values (a built spread body is checked by its properties)
  for (const argument of [...positional.filter((a) => a.group !== undefined), ...all.filter((a) => !sentBody(a))]) {
    statements.push(
      ...valueChecks(
        argument.type,
        sourceOf(argument),
        // a grouped value is named by where the caller puts it (`group.value`)
        stringLiteral(argument.inGroup !== undefined ? sourceOf(argument).replaceAll("?.", ".") : argument.name),
        { required: argument.required, nullable: argument.type.nullable === true, constraints: argument.parameter?.constraints },
        context,
        uses,
      ),
    );
  }
  return statements;
}
