/**
 * The model stage: the code models of one or more API versions (oldest first, each built by an input
 * reader, generator/input) -> one code model: merged, flattened, bodies spread. Knows no input format.
 * A pure function: plain data in, plain data out, no I/O, deterministic ordering.
 */
import { GeneratorError } from "../errors.js";
import { spreadBodies } from "./bodySpread.js";
import { flattenModels } from "./flatten.js";
import { mergeVersionModels } from "./merge.js";
import type { CodeModel } from "./types.js";

export function buildCodeModel(versionModels: CodeModel[]): CodeModel {
  if (versionModels.length === 0) {
    throw new GeneratorError("spec/manifest.json", "/generate", "no API version to build a code model from");
  }
  return spreadBodies(flattenModels(mergeVersionModels(versionModels)));
}

export type { CodeModel } from "./types.js";
