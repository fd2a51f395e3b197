/**
 * Pure helpers for following `$ref`s through the documents of a {@link LoadedSpec}.
 *
 * The load stage returns every document unmodified, keyed by its path relative to the root
 * folder. A `$ref` found in document `fromFile` is resolved here in three steps:
 *   1. split it into a file part and a JSON pointer (`../common.json#/definitions/Error`);
 *   2. resolve the file part against `fromFile`'s folder (POSIX, relative to the root), or take
 *      `fromFile` itself when the file part is empty (`#/definitions/X`);
 *   3. evaluate the pointer (RFC 6901) inside that document.
 *
 * `resolveRef` throws a {@link GeneratorError} naming the referring location when any step fails;
 * `tryResolveRef` returns the reason instead. Neither follows chains: when the target is itself a
 * `{ $ref }`, call again with the returned `file` (or use `resolveRefChain`).
 */
import { posix } from "node:path";
import { GeneratorError } from "../errors.js";
import type { JsonValue } from "../model/types.js";
import type { JsonObject } from "./types.js";

/** The part of a {@link LoadedSpec} the helpers need. */
export interface RefDocuments {
  documents: Record<string, JsonObject>;
}

export interface ResolvedRef {
  /** Document holding the target, relative to the root folder. */
  file: string;
  /** JSON pointer of the target inside `file` ("" for the whole document). */
  pointer: string;
  value: JsonValue;
}

export type RefResolution = ({ ok: true } & ResolvedRef) | { ok: false; problem: string; file?: string };

/** Split a `$ref` into its (URI-decoded) file part and its JSON pointer. */
export function splitRef(ref: string): { filePart: string; pointer: string } {
  const hash = ref.indexOf("#");
  const rawFile = hash < 0 ? ref : ref.slice(0, hash);
  const rawPointer = hash < 0 ? "" : ref.slice(hash + 1);
  return { filePart: safeDecode(rawFile), pointer: safeDecode(rawPointer) };
}

/** True for `http:`/`https:` (or any other scheme-qualified) references. */
export function isRemoteRef(ref: string): boolean {
  return /^[a-z][a-z0-9+.-]*:/i.test(ref) && !/^file:/i.test(ref);
}

/**
 * A remote URL with its credentials masked (user info and query values become `***`), so that
 * keys of remote documents, manifests, generated headers and messages never carry a token
 * (`https://host/spec.json?sig=...`). Other strings are returned as they are.
 */
export function redactUrl(url: string): string {
  if (!isRemoteRef(url)) return url;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.username === "" && parsed.password === "" && parsed.search === "") return url;
  if (parsed.username !== "") parsed.username = "***";
  if (parsed.password !== "") parsed.password = "***";
  const query = [...new Set(parsed.searchParams.keys())].map((key) => `${encodeURIComponent(key)}=***`).join("&");
  parsed.search = query;
  return parsed.href.replace(/%2A%2A%2A/g, "***");
}

/**
 * The root-relative path a `$ref`'s file part designates from `fromFile` (root-relative too).
 * May start with `../` when the reference leaves the root folder.
 */
export function refTargetFile(fromFile: string, ref: string): string {
  if (isRemoteRef(ref)) return redactUrl(stripHash(ref));
  const { filePart } = splitRef(ref);
  if (filePart === "") return fromFile;
  if (isRemoteRef(fromFile)) return redactUrl(stripHash(new URL(filePart, fromFile).href));
  return posix.normalize(posix.join(posix.dirname(fromFile), filePart.replace(/\\/g, "/")));
}

/** Split a JSON pointer into unescaped segments; `undefined` when it is not a valid pointer. */
export function parsePointer(pointer: string): string[] | undefined {
  if (pointer === "") return [];
  if (!pointer.startsWith("/")) return undefined;
  return pointer
    .slice(1)
    .split("/")
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Value at `pointer` inside `doc`, or `undefined` when there is none. */
export function getAtPointer(doc: JsonValue, pointer: string): JsonValue | undefined {
  const segments = parsePointer(pointer);
  if (segments === undefined) return undefined;
  let current: JsonValue | undefined = doc;
  for (const segment of segments) {
    if (Array.isArray(current)) {
      if (!/^(0|[1-9][0-9]*)$/.test(segment)) return undefined;
      current = current[Number(segment)];
    } else if (current !== null && typeof current === "object") {
      current = Object.prototype.hasOwnProperty.call(current, segment) ? current[segment] : undefined;
    } else {
      return undefined;
    }
    if (current === undefined) return undefined;
  }
  return current;
}

/** Resolve `ref` (found in `fromFile`) without throwing. */
export function tryResolveRef(spec: RefDocuments, fromFile: string, ref: string): RefResolution {
  const file = refTargetFile(fromFile, ref);
  const { pointer } = splitRef(ref);
  const doc = Object.prototype.hasOwnProperty.call(spec.documents, file) ? spec.documents[file] : undefined;
  if (doc === undefined) {
    return { ok: false, file, problem: file.startsWith("../") ? "points outside the root folder" : `file "${file}" was not loaded` };
  }
  if (parsePointer(pointer) === undefined) {
    return { ok: false, file, problem: `"${pointer}" is not a JSON pointer (it must start with "/")` };
  }
  const value = getAtPointer(doc, pointer);
  if (value === undefined) return { ok: false, file, problem: missingTargetProblem(pointer) };
  return { ok: true, file, pointer, value };
}

/**
 * Resolve `ref`, found in `fromFile` at `atPointer` (used in the error message).
 * @throws GeneratorError `<fromFile>#<atPointer>: $ref "<ref>" does not resolve: <why>`
 */
export function resolveRef(spec: RefDocuments, fromFile: string, ref: string, atPointer = ""): ResolvedRef {
  const result = tryResolveRef(spec, fromFile, ref);
  if (!result.ok) throw new GeneratorError(fromFile, atPointer, `$ref "${ref}" does not resolve: ${result.problem}`);
  return { file: result.file, pointer: result.pointer, value: result.value };
}

/**
 * Follow `value` while it is a `{ $ref: string }` object, starting in `fromFile`. Returns the
 * first non-reference value and where it lives. A cycle of pure references is an error.
 */
export function resolveRefChain(spec: RefDocuments, fromFile: string, value: JsonValue, atPointer = ""): ResolvedRef {
  let current: ResolvedRef = { file: fromFile, pointer: atPointer, value };
  const seen = new Set<string>();
  while (isRefObject(current.value)) {
    const key = `${current.file}#${current.pointer}`;
    if (seen.has(key)) {
      throw new GeneratorError(fromFile, atPointer, `$ref chain is circular (through ${key})`);
    }
    seen.add(key);
    current = resolveRef(spec, current.file, current.value.$ref, current.pointer);
  }
  return current;
}

/** True for an object carrying a string `$ref`. */
export function isRefObject(value: JsonValue | undefined): value is { $ref: string } & JsonObject {
  return value !== null && typeof value === "object" && !Array.isArray(value) && typeof value["$ref"] === "string";
}

function missingTargetProblem(pointer: string): string {
  const segments = parsePointer(pointer) ?? [];
  if (segments.length === 2) {
    const kinds: Record<string, string> = { definitions: "definition", parameters: "parameter", responses: "response" };
    const kind = kinds[segments[0] ?? ""];
    if (kind !== undefined) return `no such ${kind}`;
  }
  return `nothing at "${pointer}"`;
}

function stripHash(url: string): string {
  const hash = url.indexOf("#");
  return hash < 0 ? url : url.slice(0, hash);
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
