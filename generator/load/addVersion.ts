/**
 * `addVersion(manifest, apiVersion)`: the manifest with `apiVersion` added to `generate` (kept
 * oldest first, by date), for `npm run bump`. Pure: the input manifest is not changed.
 */
import { GeneratorError } from "../errors.js";
import type { Manifest } from "./types.js";

export function addVersion(manifest: Manifest, apiVersion: string): Manifest {
  if (!manifest.versions.some((v) => v.apiVersion === apiVersion)) {
    const known = manifest.versions.map((v) => v.apiVersion).join(", ");
    throw new GeneratorError(
      "spec/manifest.json",
      "/versions",
      `no API version "${apiVersion}" (known: ${known}); \`npm run bump -- ${apiVersion}\` registers and pins a new one`,
    );
  }
  if (manifest.generate.includes(apiVersion)) {
    throw new GeneratorError("spec/manifest.json", "/generate", `API version "${apiVersion}" is already generated`);
  }
  const generate = [...manifest.generate, apiVersion].sort();
  return { ...manifest, generate };
}
