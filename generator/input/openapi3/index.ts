/**
 * The OpenAPI 3.0/3.1 input reader (see README.md): a loaded OpenAPI 3 spec → the same spec in the
 * Swagger 2 shape the model builder reads, plus the map from its pointers back to the originals.
 * A pure function of the loaded documents.
 */
import type { JsonObject, LoadedSpec } from "../../load/types.js";
import type { ReadContext } from "./context.js";
import { convertDocument } from "./document.js";
import { openApiVersion } from "./validate.js";
import type { PointerOrigins } from "./origins.js";

export { atOrigin, originOf, type PointerOrigins } from "./origins.js";
export { openApiVersion, validateOpenApi3 } from "./validate.js";

/** True when the document says it is OpenAPI 3 (any `openapi` string). */
export function isOpenApi3(doc: JsonObject | undefined): boolean {
  return doc !== undefined && typeof doc["openapi"] === "string";
}

export function readOpenApi3(spec: LoadedSpec): { spec: LoadedSpec; origins: PointerOrigins } {
  const origins: Record<string, string> = {};
  const documents: Record<string, JsonObject> = {};
  for (const [file, doc] of Object.entries(spec.documents)) {
    const ctx: ReadContext = { documents: spec.documents, file, version: openApiVersion(file, doc), origins };
    documents[file] = convertDocument(ctx, doc);
  }
  return { spec: { ...spec, documents }, origins };
}
