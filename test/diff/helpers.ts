/** Shared test helpers for diff tests: real versions from the specs root, in-memory specs. */
import { fileURLToPath } from "node:url";
import { dirname, join, resolve } from "node:path";
import type { Change } from "../../generator/diff/change.js";
import { diffCodeModels } from "../../generator/diff/spec/index.js";
import { modelOf, type SpecPaths } from "../../generator/diff/spec/load.js";
import type { JsonObject, LoadedSpec } from "../../generator/load/types.js";

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SPECS_ROOT = resolve(process.env["ACS_SPECS_ROOT"] || join(REPO_ROOT, "..", "shared", "specs"));
export const PATHS: SpecPaths = { specsRoot: SPECS_ROOT, manifestFile: join(REPO_ROOT, "spec", "manifest.json"), cwd: REPO_ROOT };

/** The parts of a change most assertions look at. */
export function brief(c: Change): [string, boolean, string] {
  return [c.rule, c.breaking, c.concerns.path];
}

/** An in-memory loaded spec: `entry` plus other documents, keyed by path (no I/O). */
export function memorySpec(entry: JsonObject, others: Record<string, JsonObject> = {}, entryFile = "spec.json"): LoadedSpec {
  return { rootDir: "/virtual", entryFile, documents: { [entryFile]: entry, ...others }, files: [], warnings: [] };
}

/** A Swagger 2.0 document with the given paths and definitions (api-version query on every operation). */
export function swagger(paths: JsonObject, definitions: JsonObject = {}, extra: JsonObject = {}): JsonObject {
  return {
    swagger: "2.0",
    info: { title: "T", version: "1" },
    host: "example.com",
    paths,
    definitions,
    parameters: { ApiVersion: { name: "api-version", in: "query", required: true, type: "string" } },
    ...extra,
  };
}

export const API_VERSION = { $ref: "#/parameters/ApiVersion" };

/** POST /things with the given body schema, returning `response` (200). */
export function postOp(body: JsonObject | undefined, response: JsonObject | undefined, more: JsonObject = {}): JsonObject {
  return {
    post: {
      operationId: "Things_Post",
      parameters: [API_VERSION, ...(body !== undefined ? [{ name: "body", in: "body", required: true, schema: body }] : [])],
      responses: { "200": { description: "ok", ...(response !== undefined ? { schema: response } : {}) } },
      ...more,
    },
  };
}

const CONFIG = { clientName: "TestClient" };

export function diffSpecs(before: LoadedSpec, after: LoadedSpec): Change[] {
  return diffCodeModels(modelOf(before, CONFIG), modelOf(after, CONFIG));
}

/** Diff two single-document specs. */
export function diffDocs(before: JsonObject, after: JsonObject): Change[] {
  return diffSpecs(memorySpec(before), memorySpec(after));
}
