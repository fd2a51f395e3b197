/**
 * The file I/O of the load stage, as a resolver and a parser plugin for
 * @apidevtools/json-schema-ref-parser: the library finds every `$ref` and decides which files to
 * read; these plugins read them, inside the root folder only, hash them, and parse them.
 *
 * The plugins never throw: each problem (missing file, escape from the root, refused remote ref,
 * parse failure) is recorded in the session and an empty stub is handed to the library, so the
 * caller can report the problem at the `$ref` that caused it, in document order.
 * Targets of `$ref`s under `x-ms-examples` are only checked for existence, never read.
 */
import { createHash } from "node:crypto";
import { existsSync, readFileSync, realpathSync } from "node:fs";
import { isAbsolute, relative, sep } from "node:path";
import { fileURLToPath } from "node:url";
import type { FileInfo, ParserOptions, Plugin, ResolverOptions } from "@apidevtools/json-schema-ref-parser";
import type { JsonObject } from "./types.js";
import { toPointer } from "../errors.js";
import { DEFAULT_REMOTE_REF_MAX_BYTES, DEFAULT_REMOTE_REF_TIMEOUT_MS, MAX_NESTING, tooDeepAt } from "./limits.js";
import { isRemoteRef, parsePointer, redactUrl } from "./refs.js";

/** Mutable record of one `loadSpec` call (created per call, never shared). */
export interface ReadSession {
  rootDir: string;
  allowRemoteRefs: boolean;
  /** Limits per remote document: time from request to last byte (ms), and size (bytes). */
  remoteRefTimeoutMs: number;
  remoteRefMaxBytes: number;
  /** Documents parsed, keyed by root-relative path (or URL for remote documents). */
  documents: Map<string, JsonObject>;
  /** sha256 (hex) of every file read, same keys. */
  hashes: Map<string, string>;
  /** Why a target could not be read, as the end of a sentence starting `$ref "<ref>" `; same keys (may start with `../`). */
  problems: Map<string, string>;
  /** Files read that cannot be parsed or nest too deep: where (a JSON pointer, "" for the file) and what is wrong, same keys. */
  parseErrors: Map<string, { pointer: string; message: string }>;
  /** x-ms-examples targets: whether the file exists, same keys. */
  examples: Map<string, boolean>;
}

export function newSession(
  rootDir: string,
  allowRemoteRefs: boolean,
  remoteRefTimeoutMs: number = DEFAULT_REMOTE_REF_TIMEOUT_MS,
  remoteRefMaxBytes: number = DEFAULT_REMOTE_REF_MAX_BYTES,
): ReadSession {
  return {
    rootDir,
    allowRemoteRefs,
    remoteRefTimeoutMs,
    remoteRefMaxBytes,
    documents: new Map(),
    hashes: new Map(),
    problems: new Map(),
    parseErrors: new Map(),
    examples: new Map(),
  };
}

/** `rootDir`-relative POSIX key of a library URL (an absolute path, `file:` URL or remote URL). */
export function keyOf(rootDir: string, url: string): string {
  if (isRemoteRef(url)) return redactUrl(url);
  const abs = toFsPath(url);
  return relative(rootDir, abs).split(sep).join("/");
}

export function isOutsideRoot(key: string): boolean {
  return key === ".." || key.startsWith("../") || isAbsolute(key);
}

function toFsPath(url: string): string {
  if (/^file:/i.test(url)) return fileURLToPath(url);
  try {
    return decodeURIComponent(url);
  } catch {
    return url;
  }
}

/** True when the `$ref` that led to `file` sits under an `x-ms-examples` key. */
function isExampleTarget(file: FileInfo): boolean {
  const base = file.baseUrl;
  if (base === undefined) return false;
  const hash = base.indexOf("#");
  const segments = hash < 0 ? [] : (parsePointer(base.slice(hash + 1)) ?? []);
  return segments.includes("x-ms-examples");
}

const STUB = "{}";

/** Library options wiring the session's resolver and parser in place of the built-in ones. */
export function refParserOptions(session: ReadSession): ParserOptions {
  const resolver: ResolverOptions = {
    name: "acs-gen",
    order: 1,
    canRead: true,
    read: (file: FileInfo) => read(session, file),
  };
  const parser: Plugin = {
    name: "acs-gen",
    order: 1,
    allowEmpty: true,
    canParse: true,
    parse: (file: FileInfo) => parseFile(session, file),
  };
  return {
    resolve: { file: false, http: false, external: true, acsGen: resolver },
    parse: { json: false, yaml: false, text: false, binary: false, acsGen: parser },
    continueOnError: false,
  } as ParserOptions;
}

async function read(session: ReadSession, file: FileInfo): Promise<string | Buffer> {
  const key = keyOf(session.rootDir, file.url);
  const example = isExampleTarget(file);
  if (isRemoteRef(file.url)) {
    if (example) return STUB;
    if (!session.allowRemoteRefs) {
      session.problems.set(key, "is refused: remote references need --allow-remote-refs");
      return STUB;
    }
    try {
      const bytes = await download(file.url, session.remoteRefTimeoutMs, session.remoteRefMaxBytes);
      session.hashes.set(key, sha256(bytes));
      return bytes;
    } catch (err) {
      session.problems.set(key, `does not resolve: download failed (${(err as Error).message})`);
      return STUB;
    }
  }
  if (isOutsideRoot(key)) {
    session.problems.set(key, "points outside the root folder (use --root to widen it)");
    return STUB;
  }
  const path = toFsPath(file.url);
  if (example) {
    session.examples.set(key, existsSync(path));
    return STUB;
  }
  let bytes: Buffer;
  try {
    // confinement first, on the real path: a symbolic link inside the root may lead out of it
    const real = relative(realpathSync(session.rootDir), realpathSync(path)).split(sep).join("/");
    if (isOutsideRoot(real)) {
      session.problems.set(key, "points outside the root folder (through a symbolic link)");
      return STUB;
    }
    bytes = readFileSync(path);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    session.problems.set(
      key,
      code === "ENOENT"
        ? `does not resolve: file "${key}" does not exist`
        : `does not resolve: cannot read file "${key}" (${code ?? "error"})`,
    );
    return STUB;
  }
  session.hashes.set(key, sha256(bytes));
  return bytes;
}

async function parseFile(session: ReadSession, file: FileInfo): Promise<JsonObject> {
  const key = keyOf(session.rootDir, file.url);
  if (!session.hashes.has(key)) return {}; // a stub handed out by `read`
  const text = (Buffer.isBuffer(file.data) ? file.data.toString("utf8") : String(file.data)).replace(/^\uFEFF/, "");
  const yaml = /\.ya?ml$/i.test(file.extension);
  let value: unknown;
  try {
    // the yaml package is loaded only when a YAML spec is read
    value = yaml ? (await import("yaml")).parse(text) : JSON.parse(text);
  } catch (err) {
    const firstLine = (String((err as Error).message).split("\n")[0] ?? "").replace(/:$/, "");
    // the parser ran out of stack (the yaml package wraps the RangeError, naming the position)
    const overflow = err instanceof RangeError || /Maximum call stack size exceeded/.test(firstLine);
    // (where it ran out depends on the stack size, so no position is given)
    const problem = overflow ? `nested too deeply to parse (the limit is ${MAX_NESTING} levels of objects and arrays)` : firstLine;
    session.parseErrors.set(key, { pointer: "", message: `cannot parse ${yaml ? "YAML" : "JSON"}: ${problem}` });
    return {};
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    session.parseErrors.set(key, { pointer: "", message: "the document is not a JSON object" });
    return {};
  }
  // before the library walks it: its crawl is recursive, and so are the later stages
  const deepAt = tooDeepAt(value as JsonObject);
  if (deepAt !== undefined) {
    session.parseErrors.set(key, {
      pointer: toPointer(deepAt),
      message: `nested deeper than ${MAX_NESTING} levels of objects and arrays (the limit)`,
    });
    return {};
  }
  session.documents.set(key, value as JsonObject);
  return value as JsonObject;
}

/**
 * GET `url` within `timeoutMs` (headers and whole body) and at most `maxBytes`; the error message
 * names the limit that was hit. The URL itself is named by the caller (redacted).
 */
async function download(url: string, timeoutMs: number, maxBytes: number): Promise<Buffer> {
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, timeoutMs);
  const tooLarge = (): Error => new Error(`larger than ${maxBytes} bytes, the limit set by --remote-ref-max-bytes`);
  try {
    const response = await fetch(url, { signal: controller.signal });
    if (!response.ok) {
      await response.body?.cancel();
      throw new Error(`HTTP ${response.status}`);
    }
    const declared = Number(response.headers.get("content-length") ?? NaN);
    if (declared > maxBytes) {
      controller.abort();
      throw tooLarge();
    }
    const chunks: Uint8Array[] = [];
    let size = 0;
    const reader = response.body?.getReader();
    for (let part = await reader?.read(); part !== undefined && !part.done; part = await reader?.read()) {
      size += part.value.byteLength;
      if (size > maxBytes) {
        controller.abort();
        throw tooLarge();
      }
      chunks.push(part.value);
    }
    return Buffer.concat(chunks);
  } catch (err) {
    if (timedOut) throw new Error(`no complete response within ${timeoutMs} ms, the limit set by --remote-ref-timeout`);
    throw err;
  } finally {
    clearTimeout(timer);
  }
}

function sha256(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex");
}
