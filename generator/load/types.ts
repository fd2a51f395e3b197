/**
 * Output of the load stage: every document reached from an entry spec, as plain data,
 * validated and with every `$ref` known to resolve inside the root folder.
 */
import type { JsonValue } from "../model/types.js";

export type JsonObject = { [key: string]: JsonValue };

/**
 * What kind of problem a `Diagnostic` reports, for callers that treat kinds differently (the CLI
 * summarises `missing-example` in one line) without matching message text.
 * - `missing-example`: an `x-ms-examples` `$ref` names a file that does not exist
 * - `remote-example`: an `x-ms-examples` `$ref` is remote, so it is not checked
 * - `example-outside-root`: an `x-ms-examples` `$ref` leaves the root folder, so it is not checked
 */
export type DiagnosticCode = "missing-example" | "remote-example" | "example-outside-root";

/** A problem found in the input. `file` is relative to the root, `pointer` a JSON pointer. */
export interface Diagnostic {
  code: DiagnosticCode;
  file: string;
  pointer: string;
  message: string;
}

export interface LoadOptions {
  /**
   * Folder that `$ref`s may not leave. Default: the specs root when the spec lies in it,
   * otherwise the spec file's own folder.
   */
  root?: string;
  /** The specs root (see `root`); the CLI passes it so specs inside it may reach `Common/`. */
  specsRoot?: string;
  /** Allow `http:`/`https:` `$ref`s (refused by default). */
  allowRemoteRefs?: boolean;
  /** Time allowed per remote document, request to last byte, in ms (default 30,000; see ./limits.ts). */
  remoteRefTimeoutMs?: number;
  /** Largest remote document accepted, in bytes (default 33,554,432 = 32 MiB). */
  remoteRefMaxBytes?: number;
}

export interface LoadedSpec {
  /** Absolute path of the root folder. */
  rootDir: string;
  /** Entry document, relative to rootDir, POSIX separators. */
  entryFile: string;
  /** Every document read (entry and each file reached by `$ref`, x-ms-examples excluded), keyed by path relative to rootDir, unmodified. */
  documents: Record<string, JsonObject>;
  /** sha256 (hex) of every file read: entry first, then sorted by path. */
  files: Array<{ path: string; sha256: string }>;
  /** Non-fatal findings (a missing x-ms-examples file, ...). */
  warnings: Diagnostic[];
}

/** One API version entry of `spec/manifest.json`. */
export interface ManifestVersion {
  apiVersion: string;
  status: "stable" | "preview";
  /** Entry spec, relative to the specs root. */
  path: string;
  /** sha256 of every file the loader reads for this version, keyed by path relative to the specs root. */
  sha256: Record<string, string>;
}

/** Client-level configuration from `spec/manifest.json`. */
export interface ClientConfig {
  /** Name of the generated client class, e.g. `IdentityRestClient`. */
  clientName: string;
  /**
   * Stable names across operationId renames: key `"<METHOD> <path>"` (method upper-case, path as in
   * the spec), value the operation group and method name to emit.
   */
  operationNames?: Record<string, { group: string; name: string }>;
  /**
   * Stable model names across definition renames: key a definition name (or x-ms-enum name) in
   * some spec, value the model/enum name to emit. (Additive.)
   */
  modelNames?: Record<string, string>;
  /**
   * Check the service's constraints (minimum/maximum, lengths, pattern, item counts, required properties
   * inside bodies) before sending, throwing RangeError/TypeError. Default false: the service validates
   * them and its error reaches the caller as a RestError. `--validate-constraints` turns it on as well.
   */
  validateConstraints?: boolean;
}

export interface Manifest {
  client: ClientConfig;
  /** API versions generated/ is built from (issue 2: one; later: every listed version). */
  generate: string[];
  versions: ManifestVersion[];
}
