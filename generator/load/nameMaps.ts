/**
 * Checks the name maps of `spec/manifest.json` (`client.operationNames`, `client.modelNames`)
 * against the specs of every version the manifest lists, so a typo or a key left over after a
 * spec change fails loudly instead of silently not applying.
 */
import { GeneratorError, toPointer } from "../errors.js";
import type { ClientConfig, JsonObject } from "./types.js";

const METHODS = ["get", "put", "post", "patch", "delete", "head", "options"];
const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** Operation keys (`"<METHOD> <path>"`) and definition names (and x-ms-enum names) of some documents. */
export function nameMapTargets(documents: Iterable<JsonObject>): { operations: Set<string>; definitions: Set<string> } {
  const operations = new Set<string>();
  const definitions = new Set<string>();
  const enumNames = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(enumNames);
    else if (isObject(value)) {
      const xms = value["x-ms-enum"];
      if (isObject(xms) && typeof xms["name"] === "string") definitions.add(xms["name"]);
      Object.values(value).forEach(enumNames);
    }
  };
  for (const doc of documents) {
    for (const section of ["paths", "x-ms-paths"]) {
      const paths = doc[section];
      if (!isObject(paths)) continue;
      for (const [path, item] of Object.entries(paths)) {
        if (!isObject(item)) continue;
        for (const m of METHODS) if (isObject(item[m])) operations.add(`${m.toUpperCase()} ${path}`);
      }
    }
    const defs = doc["definitions"];
    if (isObject(defs)) Object.keys(defs).forEach((k) => definitions.add(k));
    enumNames(doc);
  }
  return { operations, definitions };
}

/** @throws GeneratorError naming the first key of either map that matches nothing in `documents`. */
export function checkNameMaps(config: ClientConfig, documents: Iterable<JsonObject>, file = "spec/manifest.json"): void {
  const { operations, definitions } = nameMapTargets(documents);
  for (const key of Object.keys(config.operationNames ?? {})) {
    if (!operations.has(key)) {
      throw new GeneratorError(file, toPointer(["client", "operationNames", key]), `no operation "${key}" in any listed API version`);
    }
  }
  for (const key of Object.keys(config.modelNames ?? {})) {
    if (!definitions.has(key)) {
      throw new GeneratorError(file, toPointer(["client", "modelNames", key]), `no definition "${key}" in any listed API version`);
    }
  }
}
