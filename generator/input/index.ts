/**
 * The input stage: one API version's loaded spec -> that version's code model, by the reader of its
 * format: Swagger 2 documents by input/swagger2, OpenAPI 3.0/3.1 documents by input/openapi3. Both
 * readers share the format-neutral operation code of this folder (plan.ts, operation.ts, versionModel.ts,
 * ...; reader.ts says what each reader supplies) and the JSON Schema core (jsonSchema/), build the code
 * model themselves, and raise errors at their own input's `file#pointer`.
 * Pure functions of the loaded documents.
 */
import type { ClientConfig, LoadedSpec, ManifestVersion } from "../load/types.js";
import { buildCodeModel } from "../model/index.js";
import type { AppliedTransformInfo, CodeModel } from "../model/types.js";
import { isOpenApi3, readOpenApi3 } from "./openapi3/index.js";
import { readSwagger2 } from "./swagger2/index.js";

/** One API version to read: its manifest entry, its loaded spec (transforms applied) and the transforms applied. */
export interface VersionSpec {
  manifest: ManifestVersion;
  spec: LoadedSpec;
  transforms?: AppliedTransformInfo[];
}

/** The code model of one API version, read by the reader of its format. */
export function readVersionModel(version: VersionSpec, config: ClientConfig): CodeModel {
  const { manifest, spec, transforms } = version;
  const read = isOpenApi3(spec.documents[spec.entryFile]) ? readOpenApi3 : readSwagger2;
  return read(manifest, spec, config, transforms ?? []);
}

/** Every version read, then merged, flattened and spread into one code model (for callers that stop at the model). */
export function readCodeModel(versions: readonly VersionSpec[], config: ClientConfig): CodeModel {
  return buildCodeModel(versions.map((version) => readVersionModel(version, config)));
}
