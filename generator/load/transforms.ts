/**
 * Spec transforms (`spec/transforms.json`): small, reasoned fixes applied to a loaded spec before
 * the model stage. Pure functions over plain JSON: the loaded documents are never mutated; every
 * touched document is copied first (the sha256 pins stay on the original files).
 *
 * Kinds (target = `file` + JSON `pointer`, file relative to the specs root):
 * - `renameProperty` {from, to}: target is a schema; renames `properties[from]` (keeping key order)
 *   and the name in its `required` list;
 * - `renameEnumValue` {from, to}: target is a schema with `enum`; renames the value there and in
 *   `x-ms-enum.values`;
 * - `setType` {type, format?}: target is a schema; sets `type` (and `format`, or removes it when absent);
 * - `setDescription` {description}: target is any object; sets its `description`.
 */
import { existsSync, readFileSync } from "node:fs";
import { GeneratorError, toPointer } from "../errors.js";
import type { JsonValue } from "../model/types.js";
import type { JsonObject, LoadedSpec, Manifest } from "./types.js";

interface TransformBase {
  /** API versions whose spec the transform applies to. */
  apiVersions: string[];
  /** File the target lies in, relative to the specs root. */
  file: string;
  /** JSON pointer of the target inside `file`. */
  pointer: string;
  /** Why the spec is changed: shown in the generation output. */
  reason: string;
}

export type SpecTransform = TransformBase &
  (
    | { kind: "renameProperty"; from: string; to: string }
    | { kind: "renameEnumValue"; from: string; to: string }
    | { kind: "setType"; type: "string" | "integer" | "number" | "boolean" | "array" | "object"; format?: string }
    | { kind: "setDescription"; description: string }
  );

/** One transform as applied to one API version (for reports). */
export interface AppliedTransform {
  /** Index in `spec/transforms.json` `transforms`. */
  index: number;
  kind: SpecTransform["kind"];
  file: string;
  pointer: string;
  /** One line saying what changed, e.g. `renamed property "externalId" to "customId"`. */
  change: string;
  reason: string;
}

const TRANSFORMS_FILE = "spec/transforms.json";
const KINDS = ["renameProperty", "renameEnumValue", "setType", "setDescription"] as const;
const TYPES = ["string", "integer", "number", "boolean", "array", "object"] as const;

const isObject = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * Checks the parsed content of `spec/transforms.json` (`{ "transforms": [...] }`) against the known
 * API versions. @throws GeneratorError naming the transform's pointer and what is wrong.
 */
export function validateTransforms(value: unknown, knownVersions: readonly string[], file = TRANSFORMS_FILE): SpecTransform[] {
  if (!isObject(value) || !Array.isArray(value["transforms"])) {
    throw new GeneratorError(file, "", 'expected an object with a "transforms" array');
  }
  return value["transforms"].map((raw, i): SpecTransform => {
    const at = (...rest: Array<string | number>): string => toPointer(["transforms", i, ...rest]);
    const bad = (problem: string, ...rest: Array<string | number>): never => {
      throw new GeneratorError(file, at(...rest), `transform #${i}: ${problem}`);
    };
    if (!isObject(raw)) return bad("must be an object");
    const text = (key: string, optional = false): string | undefined => {
      const v = raw[key];
      if (v === undefined && optional) return undefined;
      if (typeof v !== "string" || v.trim() === "") return bad(`"${key}" must be a non-empty string`, key);
      return v;
    };
    const kind = text("kind") as string;
    if (!(KINDS as readonly string[]).includes(kind)) bad(`unknown kind "${kind}" (known: ${KINDS.join(", ")})`, "kind");
    const versions = raw["apiVersions"];
    if (!Array.isArray(versions) || versions.length === 0 || !versions.every((v) => typeof v === "string")) {
      bad('"apiVersions" must be a non-empty array of strings', "apiVersions");
    }
    (versions as string[]).forEach((v, j) => {
      if (!knownVersions.includes(v))
        bad(`API version "${v}" is not in the manifest (known: ${knownVersions.join(", ")})`, "apiVersions", j);
    });
    const pointer = raw["pointer"];
    if (typeof pointer !== "string" || (pointer !== "" && !pointer.startsWith("/"))) bad('"pointer" must be a JSON pointer', "pointer");
    const allowed = new Set(["kind", "apiVersions", "file", "pointer", "reason"]);
    const base = {
      apiVersions: versions as string[],
      file: text("file") as string,
      pointer: pointer as string,
      reason: text("reason") as string,
    };
    let transform: SpecTransform;
    switch (kind) {
      case "renameProperty":
      case "renameEnumValue":
        allowed.add("from").add("to");
        transform = { ...base, kind, from: text("from") as string, to: text("to") as string };
        break;
      case "setType": {
        allowed.add("type").add("format");
        const type = text("type") as string;
        if (!(TYPES as readonly string[]).includes(type)) bad(`"type" must be one of ${TYPES.join(", ")}`, "type");
        const format = text("format", true);
        transform = { ...base, kind, type: type as (typeof TYPES)[number], ...(format !== undefined ? { format } : {}) };
        break;
      }
      default:
        allowed.add("description");
        transform = { ...base, kind: "setDescription", description: text("description") as string };
    }
    for (const key of Object.keys(raw)) if (!allowed.has(key)) bad(`unknown key "${key}" for kind ${kind}`, key);
    return transform;
  });
}

function parsePointer(pointer: string): string[] {
  if (pointer === "") return [];
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

function get(doc: JsonValue, segments: string[]): JsonValue | undefined {
  let current: JsonValue | undefined = doc;
  for (const s of segments) {
    if (Array.isArray(current)) current = /^(0|[1-9][0-9]*)$/.test(s) ? current[Number(s)] : undefined;
    else if (isObject(current)) current = Object.prototype.hasOwnProperty.call(current, s) ? current[s] : undefined;
    else return undefined;
  }
  return current;
}

/** Applies one transform to a target object (already a private copy); returns the change line. */
function applyTo(target: JsonObject, t: SpecTransform, gone: (what: string) => never): string {
  switch (t.kind) {
    case "renameProperty": {
      const props = target["properties"];
      if (!isObject(props) || !(t.from in props)) gone(`property "${t.from}" no longer exists`);
      if (t.to in (props as JsonObject)) gone(`property "${t.to}" already exists`);
      const renamed: JsonObject = {};
      for (const [k, v] of Object.entries(props as JsonObject)) renamed[k === t.from ? t.to : k] = v;
      target["properties"] = renamed;
      if (Array.isArray(target["required"])) target["required"] = target["required"].map((r) => (r === t.from ? t.to : r));
      return `renamed property "${t.from}" to "${t.to}"`;
    }
    case "renameEnumValue": {
      const values = target["enum"];
      if (!Array.isArray(values) || !values.includes(t.from)) gone(`enum value "${t.from}" no longer exists`);
      target["enum"] = (values as JsonValue[]).map((v) => (v === t.from ? t.to : v));
      const xms = target["x-ms-enum"];
      if (isObject(xms) && Array.isArray(xms["values"])) {
        target["x-ms-enum"] = {
          ...xms,
          values: xms["values"].map((v) => (isObject(v) && v["value"] === t.from ? { ...v, value: t.to } : v)),
        };
      }
      return `renamed enum value "${t.from}" to "${t.to}"`;
    }
    case "setType": {
      const before = typeof target["type"] === "string" ? target["type"] : "(none)";
      target["type"] = t.type;
      if (t.format !== undefined) target["format"] = t.format;
      else delete target["format"];
      return `set type ${before} -> ${t.type}${t.format !== undefined ? ` (format ${t.format})` : ""}`;
    }
    case "setDescription":
      target["description"] = t.description;
      return "set description";
  }
}

/**
 * Applies, in order, the transforms that list `apiVersion` to a copy of `spec`.
 * @throws GeneratorError `<file>#<pointer>: transform #<i> (<kind>): ...` when a target is gone.
 */
export function applyTransforms(
  spec: LoadedSpec,
  apiVersion: string,
  transforms: readonly SpecTransform[],
): { spec: LoadedSpec; applied: AppliedTransform[] } {
  const documents: Record<string, JsonObject> = { ...spec.documents };
  const copied = new Set<string>();
  const applied: AppliedTransform[] = [];
  transforms.forEach((t, index) => {
    if (!t.apiVersions.includes(apiVersion)) return;
    const gone = (what: string): never => {
      throw new GeneratorError(t.file, t.pointer, `transform #${index} (${t.kind}) for ${apiVersion}: ${what}`);
    };
    const original = documents[t.file];
    if (original === undefined) gone(`the file is not part of the ${apiVersion} spec`);
    if (!copied.has(t.file)) {
      documents[t.file] = structuredClone(original as JsonObject);
      copied.add(t.file);
    }
    const target = get(documents[t.file] as JsonObject, parsePointer(t.pointer));
    if (!isObject(target)) gone("the target no longer exists");
    const change = applyTo(target as JsonObject, t, gone);
    applied.push({ index, kind: t.kind, file: t.file, pointer: t.pointer, change, reason: t.reason });
  });
  return { spec: applied.length === 0 ? spec : { ...spec, documents }, applied };
}

/** spec/transforms.json, checked against the manifest's versions; none when the file is absent. */
export function readTransforms(file: string, manifest: Manifest): SpecTransform[] {
  if (!existsSync(file)) return [];
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new GeneratorError(TRANSFORMS_FILE, "", `cannot parse: ${(err as Error).message}`);
  }
  return validateTransforms(
    value,
    manifest.versions.map((v) => v.apiVersion),
  );
}
