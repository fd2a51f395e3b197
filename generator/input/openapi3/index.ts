/**
 * The OpenAPI 3.0/3.1 input reader (see README.md): one API version's OpenAPI 3 documents → its code
 * model, by the shared build (generator/input/versionModel.ts) with this folder's reader.
 * A pure function of the loaded documents.
 */
import type { ClientConfig, JsonObject, LoadedSpec, ManifestVersion } from "../../load/types.js";
import type { AppliedTransformInfo, CodeModel } from "../../model/types.js";
import { OPENAPI30_DIALECT, OPENAPI31_DIALECT } from "../jsonSchema/index.js";
import { buildVersionModel } from "../versionModel.js";
import { openApi3Reader } from "./reader.js";
import { openApiVersion } from "./validate.js";

export { validateOpenApi3 } from "./validate.js";

/** True when the document says it is OpenAPI 3 (any `openapi` string). */
export function isOpenApi3(doc: JsonObject | undefined): boolean {
  return doc !== undefined && typeof doc["openapi"] === "string";
}

export function readOpenApi3(
  manifest: ManifestVersion,
  spec: LoadedSpec,
  config: ClientConfig,
  transforms: AppliedTransformInfo[] = [],
): CodeModel {
  const entry = spec.documents[spec.entryFile] ?? {};
  const dialect = openApiVersion(spec.entryFile, entry) === "3.0" ? OPENAPI30_DIALECT : OPENAPI31_DIALECT;
  return buildVersionModel(openApi3Reader, manifest, spec, config, transforms, dialect);
}
