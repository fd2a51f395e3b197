/**
 * Operations sent without the client's credential: those that allow anonymous requests (model `anonymous`) in a
 * client that takes one. Their requests go through `withoutCredential(context)` (runtime/anonymous.ts, appended
 * to runtime.ts only when a client has such an operation): the pipeline without its Sign-phase policies.
 */
import type { CodeModel, Operation } from "../model/types.js";
import type { EmitContext } from "./context.js";
import type { UsedNames } from "./usedNames.js";

function sentAnonymously(model: CodeModel, operation: Operation): boolean {
  return operation.anonymous === true && model.client.security !== undefined;
}

/** The client has an operation sent without its credential: runtime.ts gets `withoutCredential`. */
export function needsAnonymousRuntime(model: CodeModel): boolean {
  return model.operationGroups.some((g) => g.operations.some((o) => sentAnonymously(model, o)));
}

/** The JSDoc note of an operation sent without the client's credential. */
export function anonymousNote(operation: Operation, model: CodeModel): string | undefined {
  return sentAnonymously(model, operation) ? "Sent without the client's credential: the service allows anonymous requests." : undefined;
}

/** The context an operation's requests are sent with: `context`, or `withoutCredential(context)`. */
export function operationContext(operation: Operation, context: EmitContext, uses: UsedNames): string {
  return sentAnonymously(context.model, operation) ? `${uses.call("withoutCredential")}(context)` : "context";
}
