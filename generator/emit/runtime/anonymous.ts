// Operations that allow anonymous requests, in a client that takes a credential. Appended to runtime.ts only
// for a spec that has them (generator/emit/anonymous.ts decides), so other clients do not carry it.
// The import below is this file's own, for typechecking it in the repository: runtime.ts already declares
// the name, and the emitter drops the import lines when it appends the file.
import type { OperationContext } from "./runtime.js";

/**
 * `context` with its pipeline cloned without the policies of the Sign phase, where the client adds its
 * credential's policy (as core-client adds its bearer token policy): requests through it carry no credential.
 * The client's own pipeline is not changed.
 */
export function withoutCredential(context: OperationContext): OperationContext {
  const pipeline = context.pipeline.clone();
  pipeline.removePolicy({ phase: "Sign" });
  return { endpoint: context.endpoint, apiVersion: context.apiVersion, pipeline, httpClient: context.httpClient };
}
