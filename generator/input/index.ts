/**
 * The input stage: one API version's loaded spec -> that version's code model, by the reader of its
 * format. Swagger 2 documents go to input/swagger2; OpenAPI 3.0/3.1 documents are first put in the
 * Swagger 2 shape by input/openapi3 (README.md there), then read by input/swagger2, and an error
 * raised on that shape is restated at the original OpenAPI 3 `file#pointer`.
 * Pure functions of the loaded documents.
 */
import type { ClientConfig, LoadedSpec, ManifestVersion } from "../load/types.js";
import { buildCodeModel } from "../model/index.js";
import type { AppliedTransformInfo, CodeModel } from "../model/types.js";
import { atOrigin, isOpenApi3, readOpenApi3, type PointerOrigins } from "./openapi3/index.js";
import { readSwagger2 } from "./swagger2/index.js";

/** One API version to read: its manifest entry, its loaded spec (transforms applied) and the transforms applied. */
export interface VersionSpec {
  manifest: ManifestVersion;
  spec: LoadedSpec;
  transforms?: AppliedTransformInfo[];
}

/** One version's code model, and for OpenAPI 3 input where the pointers of its `source` locations came from. */
export interface VersionModel {
  model: CodeModel;
  /**
   * OpenAPI 3 input only: the model's `source` pointers name the Swagger-2-shaped documents; a later
   * stage (merge, flatten, spread, emit) restates its errors with `atOrigins`.
   */
  origins?: PointerOrigins;
}

/** The code model of one API version, read by the reader of its format. */
export function readVersionModel(version: VersionSpec, config: ClientConfig): VersionModel {
  const { manifest, spec, transforms } = version;
  if (!isOpenApi3(spec.documents[spec.entryFile])) return { model: readSwagger2(manifest, spec, config, transforms ?? []) };
  const read = readOpenApi3(spec);
  try {
    return { model: readSwagger2(manifest, read.spec, config, transforms ?? []), origins: read.origins };
  } catch (error) {
    throw atOrigin(read.origins, error);
  }
}

/** `error` of a stage after reading, restated at its original `file#pointer` for versions read from OpenAPI 3. */
export function atOrigins(versions: readonly VersionModel[], error: unknown): unknown {
  return versions.reduce((e, version) => (version.origins === undefined ? e : atOrigin(version.origins, e)), error);
}

/** Every version read, then merged, flattened and spread into one code model (for callers that stop at the model). */
export function readCodeModel(versions: readonly VersionSpec[], config: ClientConfig): CodeModel {
  const read = versions.map((version) => readVersionModel(version, config));
  try {
    return buildCodeModel(read.map((r) => r.model));
  } catch (error) {
    throw atOrigins(read, error);
  }
}
