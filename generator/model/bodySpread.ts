/**
 * Parameter flattening (`x-ms-client-flatten: true` on a body parameter): the caller passes the body
 * model's writable properties as parameters of their own and the operation builds the body from them.
 * A pass over the merged and model-flattened code model (so a spread body model's own flattened
 * properties are spread too), touching only the operations that asked for it.
 *
 * - Parameters: the model's inherited properties, then its own (model order), without read-only ones.
 *   Each keeps its property name unless an operation parameter already has it: then it gets a numeric
 *   suffix (`claimUnique`), in property order. (Reserved words are the emitter's: generator/emit/names.ts.)
 * - Required: as the property is in TypeScript (it and every holder required).
 * - Ignored (the body stays one parameter), as AutoRest's modelerfour does: a body that is not an object
 *   model (a string, an array, ...), and a model in a discriminated hierarchy (AutoRest skips polymorphic
 *   payloads: which model is sent is the caller's choice, and a subtype's properties would have no parameter).
 *   A model that others extend without a discriminator is spread: the body's schema is that model.
 * - Refused (`<file>#<pointer>: ...`): a body that may be `null`, a model with `additionalProperties` (its
 *   undeclared properties would have no parameter).
 */
import { GeneratorError } from "../errors.js";
import { claimUnique } from "./names.js";
import type { BodyParameter, CodeModel, ObjectModel, Operation, Property, SpreadProperty } from "./types.js";

export function spreadBodies(model: CodeModel): CodeModel {
  if (!model.operationGroups.some((g) => g.operations.some((o) => o.body?.spreadRequested !== undefined))) return model;
  const objects = new Map(model.objects.map((o) => [o.name, o]));
  const propertiesOf = (object: ObjectModel, seen: Set<string>): Property[] => {
    if (seen.has(object.name)) return [];
    seen.add(object.name);
    const inherited = object.parents.flatMap((p) => {
      const parent = objects.get(p);
      return parent === undefined ? [] : propertiesOf(parent, seen);
    });
    return [...inherited, ...object.properties];
  };
  const lineage = (object: ObjectModel, seen = new Set<string>()): ObjectModel[] =>
    seen.has(object.name)
      ? []
      : (seen.add(object.name),
        [
          object,
          ...object.parents.flatMap((p) => {
            const o = objects.get(p);
            return o === undefined ? [] : lineage(o, seen);
          }),
        ]);

  const spread = (operation: Operation, body: BodyParameter): BodyParameter => {
    const { spreadRequested, ...rest } = body;
    if (spreadRequested !== true) return rest;
    const refuse = (why: string): never => {
      throw new GeneratorError(
        body.source.file,
        `${body.source.pointer}/x-ms-client-flatten`,
        `x-ms-client-flatten on the request body "${body.serializedName}" is not supported: ${why}`,
      );
    };
    if (body.type.kind !== "model") return rest;
    if (body.type.nullable === true) refuse("it may be null");
    const object = objects.get(body.type.name);
    if (object === undefined) return refuse("its model is unknown");
    const family = lineage(object);
    if (family.some((o) => o.discriminator !== undefined || o.discriminatorValue !== undefined)) return rest;
    if (family.some((o) => o.additionalProperties !== undefined)) refuse(`its model "${object.serializedName}" has additionalProperties`);
    const taken = new Set(operation.parameters.filter((p) => !p.clientLevel).map((p) => p.name));
    const properties: SpreadProperty[] = propertiesOf(object, new Set())
      .filter((p) => !p.readOnly)
      .map((p) => ({
        name: claimUnique(p.name, taken),
        property: p.name,
        type: p.nullable ? { ...p.type, nullable: true } : p.type,
        required: p.required,
        ...(p.description !== undefined ? { description: p.description } : {}),
        apiVersions: p.apiVersions,
      }));
    return { ...rest, spread: properties };
  };
  return {
    ...model,
    operationGroups: model.operationGroups.map((g) => ({
      ...g,
      operations: g.operations.map((o) => (o.body?.spreadRequested === undefined ? o : { ...o, body: spread(o, o.body) })),
    })),
  };
}
