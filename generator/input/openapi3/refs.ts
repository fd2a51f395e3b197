/**
 * `$ref` rewriting: OpenAPI 3 component pointers → the Swagger 2 sections the model builder reads.
 * The file part of a reference is kept (documents keep their paths), only the pointer moves.
 */
import { resolveRefChain } from "../../load/refs.js";
import type { JsonObject } from "../../load/types.js";
import type { JsonValue } from "../../model/types.js";
import { isObject, type ReadContext } from "./context.js";

const SECTIONS: ReadonlyArray<[string, string]> = [
  ["#/components/parameters/", "#/parameters/"],
  ["#/components/responses/", "#/responses/"],
];

/** A pointer into a response's media type schema (`.../responses/200/content/application~1json/schema...`). */
const RESPONSE_MEDIA_SCHEMA = /^(.*#\/(?:paths\/.+|components\/responses\/[^/]+))\/content\/[^/]+\/schema(\/.*)?$/;

/**
 * A schema `$ref`: component schemas are read where they are, and the JSON Schema core reads a reference into
 * another component of the same file natively (generator/input/jsonSchema/view.ts): those stay. Others move like
 * every `$ref` (below).
 */
export function rewriteSchemaRef(ref: string): string {
  return ref.startsWith("#/components/") ? ref : rewriteRef(ref);
}

/**
 * The Swagger-2-shaped form of a `$ref` string. A reference into a response's media type schema moves to the
 * response's `schema` (responses.ts keeps the first media type's schema there).
 */
export function rewriteRef(ref: string): string {
  const media = RESPONSE_MEDIA_SCHEMA.exec(ref);
  if (media !== null && /\/responses\/[^/]+$/.test(media[1] as string)) ref = `${media[1] as string}/schema${media[2] ?? ""}`;
  for (const [from, to] of SECTIONS) {
    const at = ref.indexOf(from);
    if (at >= 0) return ref.slice(0, at) + to + ref.slice(at + from.length);
  }
  return ref;
}

/**
 * Follows a `{ $ref }` chain in the original documents (request bodies, headers, parameter schemas
 * are inlined, as Swagger 2 has no place to refer to them). Returns the target, its file and pointer.
 */
export function follow(ctx: ReadContext, value: JsonValue, pointer: string): { value: JsonObject; file: string; pointer: string } {
  if (!isObject(value) || typeof value["$ref"] !== "string") return { value: (value ?? {}) as JsonObject, file: ctx.file, pointer };
  const target = resolveRefChain({ documents: ctx.documents }, ctx.file, value, pointer);
  return { value: target.value as JsonObject, file: target.file, pointer: target.pointer };
}
