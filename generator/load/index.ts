/**
 * Load stage: read an entry Swagger 2.0 or OpenAPI 3.0/3.1 document (JSON or YAML) and every document it reaches
 * through `$ref`, inside the root folder only; validate each against its format's schema (all of
 * one format; ../input/swagger2/ or ../input/openapi3/ reads them into the code model later) and
 * check that every `$ref` resolves and that no chain of `$ref`s loops or runs longer than the
 * limit (./limits.ts holds the limits on nesting, chains and remote documents). Documents are
 * returned unmodified (see ./refs.ts to follow `$ref`s); `x-ms-examples` targets are only
 * checked for existence (a missing one is a warning).
 */
import { existsSync } from "node:fs";
import { dirname, resolve as resolvePath } from "node:path";
import $RefParser from "@apidevtools/json-schema-ref-parser";
import { GeneratorError, toPointer } from "../errors.js";
import type { JsonValue } from "../model/types.js";
import { checkRefChains, type RefLocation } from "./chains.js";
import { withoutLazyHeaders } from "./lazyHeaders.js";
import { DEFAULT_REMOTE_REF_MAX_BYTES, DEFAULT_REMOTE_REF_TIMEOUT_MS } from "./limits.js";
import { isOutsideRoot, keyOf, newSession, refParserOptions, type ReadSession } from "./read.js";
import { isRemoteRef, redactUrl, refTargetFile, tryResolveRef, type RefDocuments } from "./refs.js";
import type { Diagnostic, JsonObject, LoadedSpec, LoadOptions } from "./types.js";
import { validateSwagger } from "./validate.js";
import { isOpenApi3, validateOpenApi3 } from "../input/openapi3/index.js";

export type { Diagnostic, DiagnosticCode, LoadedSpec, LoadOptions } from "./types.js";
export { resolveRef, resolveRefChain, tryResolveRef, getAtPointer, isRefObject } from "./refs.js";

/** The folder `$ref`s may not leave, per {@link LoadOptions.root}. */
export function rootFor(entryPath: string, options: LoadOptions = {}): string {
  const entry = resolvePath(entryPath);
  if (options.root !== undefined) return resolvePath(options.root);
  if (options.specsRoot !== undefined) {
    const specsRoot = resolvePath(options.specsRoot);
    const key = keyOf(specsRoot, entry);
    if (!isOutsideRoot(key)) return specsRoot;
  }
  return dirname(entry);
}

export async function loadSpec(entryPath: string, options: LoadOptions = {}): Promise<LoadedSpec> {
  const entryAbs = resolvePath(entryPath);
  const rootDir = rootFor(entryAbs, options);
  const session = newSession(
    rootDir,
    options.allowRemoteRefs === true,
    options.remoteRefTimeoutMs ?? DEFAULT_REMOTE_REF_TIMEOUT_MS,
    options.remoteRefMaxBytes ?? DEFAULT_REMOTE_REF_MAX_BYTES,
  );
  const entryFile = keyOf(rootDir, entryAbs);
  if (isOutsideRoot(entryFile)) {
    throw new GeneratorError(entryFile, "", `the spec lies outside the root folder ${rootDir}`);
  }
  if (!existsSync(entryAbs)) throw new GeneratorError(entryFile, "", "file does not exist");

  try {
    const resolve = () => new $RefParser().resolve(entryAbs, refParserOptions(session));
    // without remote refs nothing downloads: do not let the library's option check load fetch
    await (session.allowRemoteRefs ? resolve() : withoutLazyHeaders(resolve));
  } catch (err) {
    // our plugins never throw; this is the library rejecting something (a malformed URL, ...)
    throw new GeneratorError(entryFile, "", `cannot resolve the $refs: ${(err as Error).message}`);
  }

  const entryParseError = session.parseErrors.get(entryFile);
  if (entryParseError !== undefined) throw new GeneratorError(entryFile, entryParseError.pointer, entryParseError.message);
  const entryProblem = session.problems.get(entryFile);
  if (entryProblem !== undefined) throw new GeneratorError(entryFile, "", entryProblem.replace(/^does not resolve: /, ""));

  const order = [entryFile, ...[...session.documents.keys()].filter((k) => k !== entryFile).sort()];
  const documents: Record<string, JsonObject> = {};
  for (const key of order) documents[key] = session.documents.get(key) as JsonObject;

  const openApi3 = isOpenApi3(documents[entryFile]);
  for (const key of order) {
    const doc = documents[key] as JsonObject;
    if (isOpenApi3(doc) !== openApi3) {
      const [pointer, what] = openApi3 ? ["/swagger", "Swagger 2.0"] : ["/openapi", `OpenAPI ${String(doc["openapi"])}`];
      throw new GeneratorError(
        key,
        pointer,
        `${what} document reached from ${openApi3 ? "an OpenAPI 3" : "a Swagger 2.0"} entry: formats cannot be mixed`,
      );
    }
    if (openApi3) validateOpenApi3(key, doc);
    else validateSwagger(key, doc);
  }

  const warnings: Diagnostic[] = [];
  const refs: RefLocation[] = [];
  for (const key of order) checkRefs(session, { documents }, key, documents[key] as JsonObject, warnings, refs);
  checkRefChains({ documents }, refs);

  return {
    rootDir,
    entryFile,
    documents,
    files: order.map((path) => ({ path, sha256: session.hashes.get(path) as string })),
    warnings,
  };
}

/**
 * Walk one document in key order; every `$ref` outside `x-ms-examples` must resolve (each is
 * appended to `refs`), every `x-ms-examples` file should exist (a warning otherwise).
 */
function checkRefs(
  session: ReadSession,
  spec: RefDocuments,
  file: string,
  doc: JsonObject,
  warnings: Diagnostic[],
  refs: RefLocation[],
): void {
  const visit = (value: JsonValue, path: Array<string | number>, inExamples: boolean): void => {
    if (value === null || typeof value !== "object") return;
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, [...path, i], inExamples));
      return;
    }
    if ("$ref" in value) {
      const ref = value["$ref"];
      const pointer = toPointer(path);
      if (typeof ref !== "string") throw new GeneratorError(file, pointer, "$ref must be a string");
      if (inExamples) checkExample(session, file, pointer, ref, warnings);
      else {
        checkRef(session, spec, file, pointer, ref);
        refs.push({ file, pointer, ref });
      }
      return;
    }
    for (const [key, child] of Object.entries(value)) visit(child, [...path, key], inExamples || key === "x-ms-examples");
  };
  visit(doc, [], false);
}

function checkRef(session: ReadSession, spec: RefDocuments, file: string, pointer: string, ref: string): void {
  const shown = redactUrl(ref);
  if (/^file:/i.test(ref) || ref.startsWith("/")) {
    throw new GeneratorError(file, pointer, `$ref "${shown}" is not supported: use a path relative to the file`);
  }
  const remote = isRemoteRef(ref) || isRemoteRef(file);
  if (isRemoteRef(ref) && !session.allowRemoteRefs) {
    throw new GeneratorError(file, pointer, `$ref "${shown}" is refused: remote references need --allow-remote-refs`);
  }
  const target = refTargetFile(file, ref);
  if (!remote && isOutsideRoot(target)) {
    throw new GeneratorError(file, pointer, `$ref "${shown}" points outside the root folder (use --root to widen it)`);
  }
  const problem = session.problems.get(target);
  if (problem !== undefined) throw new GeneratorError(file, pointer, `$ref "${shown}" ${problem}`);
  const parseError = session.parseErrors.get(target);
  if (parseError !== undefined) throw new GeneratorError(target, parseError.pointer, parseError.message);
  const result = tryResolveRef(spec, file, ref);
  if (!result.ok) throw new GeneratorError(file, pointer, `$ref "${shown}" does not resolve: ${result.problem}`);
}

function checkExample(session: ReadSession, file: string, pointer: string, ref: string, warnings: Diagnostic[]): void {
  const shown = redactUrl(ref);
  if (isRemoteRef(ref) || isRemoteRef(file)) {
    warnings.push({ code: "remote-example", file, pointer, message: `example "${shown}" is remote; not checked` });
    return;
  }
  const target = refTargetFile(file, ref);
  if (isOutsideRoot(target)) {
    warnings.push({
      code: "example-outside-root",
      file,
      pointer,
      message: `example file "${shown}" is outside the root folder; not checked`,
    });
  } else if (!(session.examples.get(target) ?? session.hashes.has(target))) {
    warnings.push({ code: "missing-example", file, pointer, message: `example file "${shown}" does not exist` });
  }
}
