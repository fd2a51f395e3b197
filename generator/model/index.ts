/**
 * The model stage: loaded Swagger documents (one per API version, oldest first) -> code model.
 * A pure function: plain data in, plain data out, no I/O, deterministic ordering.
 */
import { GeneratorError } from "../errors.js";
import type { ClientConfig, LoadedSpec, ManifestVersion } from "../load/types.js";
import { buildVersionModel } from "../input/swagger2/build-version.js";
import { spreadBodies } from "./bodySpread.js";
import { flattenModels } from "./flatten.js";
import { mergeVersionModels } from "./merge.js";
import type { AppliedTransformInfo, CodeModel } from "./types.js";

export function buildCodeModel(
  versions: Array<{ manifest: ManifestVersion; spec: LoadedSpec; transforms?: AppliedTransformInfo[] }>,
  config: ClientConfig,
): CodeModel {
  if (versions.length === 0) {
    throw new GeneratorError("spec/manifest.json", "/generate", "no API version to build a code model from");
  }
  const models = versions.map(({ manifest, spec, transforms }) => buildVersionModel(manifest, spec, config, transforms ?? []));
  return spreadBodies(flattenModels(mergeVersionModels(models)));
}

export type { CodeModel } from "./types.js";
