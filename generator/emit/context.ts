/**
 * The emit context: facts about the code model every emitter reads (computed once per emit by
 * buildContext.ts), and the settings they follow. Types and lookups only, so every emitter can
 * import it without importing what builds it.
 */
import type { CodeModel, EnumModel, ObjectModel, Operation, Property } from "../model/types.js";
import type { PolymorphicUnion } from "./polymorphism.js";

/**
 * Facts about the code model that several emitters need: every property of a model
 * (inherited ones included) and which models need a serializer, a deserializer or a
 * validator. Computed once per emit; plain data.
 */
export interface EmitContext {
  model: CodeModel;
  objects: ReadonlyMap<string, ObjectModel>;
  enums: ReadonlyMap<string, EnumModel>;
  /** Own and inherited properties of each object model, parents first. */
  properties: ReadonlyMap<string, Property[]>;
  /** Models read from responses whose wire shape differs from the TypeScript shape. */
  deserialized: ReadonlySet<string>;
  /** Models sent in requests that need mapping (renames, dates, bytes, readOnly properties). */
  serialized: ReadonlySet<string>;
  /**
   * Check the service's constraints before sending ({@link EmitSettings.validateConstraints}): ranges,
   * lengths, patterns and item counts of parameters, and the model validators (required properties and
   * constraints inside bodies). Off: only the arguments a request cannot be built without are checked.
   */
  validateConstraints: boolean;
  /** Models sent in requests that have required properties or constraints to check (none when `validateConstraints` is off). */
  validated: ReadonlySet<string>;
  /** `<Model>Union` of every model with descendants in a discriminated hierarchy, by that model's name (`polymorphicUnions`, polymorphism.ts). */
  unions: ReadonlyMap<string, PolymorphicUnion>;
  /** Models whose union needs a deserializer: it or a descendant is in `deserialized`. */
  deserializedUnions: ReadonlySet<string>;
  /** Models whose union needs a serializer: it or a descendant is in `serialized`. */
  serializedUnions: ReadonlySet<string>;
  /** Models whose union needs a validator: it or a descendant is in `validated`. */
  validatedUnions: ReadonlySet<string>;
  /** Name of each operation's standalone function (`operationFunctionNames`, signature.ts). */
  functionNames: ReadonlyMap<Operation, string>;
}

/** Choices of the generated code's behaviour, from the manifest's `client` config and the CLI flags. */
export interface EmitSettings {
  /**
   * Emit checks of the service's constraints (minimum/maximum, lengths, pattern, item counts, required
   * properties inside bodies) that throw before sending. Default off: the service validates its own
   * parameters and its error reaches the caller as a RestError (Azure SDK guidelines).
   */
  validateConstraints?: boolean;
}

/** Name of the standalone function of one of the model's operations. */
export function functionNameOf(context: EmitContext, operation: Operation): string {
  const name = context.functionNames.get(operation);
  if (name === undefined) {
    throw new Error(`operation ${operation.operationId} is not one of the emitted model's operations`);
  }
  return name;
}
