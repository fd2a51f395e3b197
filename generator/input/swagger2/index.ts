/** The Swagger 2 reader (README.md): one API version's Swagger 2 documents → its code model. */
import type { ClientConfig, LoadedSpec, ManifestVersion } from "../../load/types.js";
import type { AppliedTransformInfo, CodeModel } from "../../model/types.js";
import { buildVersionModel } from "../versionModel.js";
import { swagger2Reader } from "./reader.js";

export function readSwagger2(
  manifest: ManifestVersion,
  spec: LoadedSpec,
  config: ClientConfig,
  transforms: AppliedTransformInfo[] = [],
): CodeModel {
  return buildVersionModel(swagger2Reader, manifest, spec, config, transforms);
}
