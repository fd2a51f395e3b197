/**
 * The wire contract: the exact requests each public client method sends for a fixed set of
 * inputs, recorded by test/wire/contract.test.ts against the emulator and checked in as
 * review/wire-contract.json. Volatile values (dates, signatures, request ids, ports, versions in
 * the user agent) are placeholders, so the file is byte-stable between runs.
 */
import { readFileSync } from "node:fs";
import { GeneratorError, toPointer } from "../errors.js";

export const WIRE_CONTRACT_FORMAT = "acs-wire-contract/1";

export interface WireContract {
  format: typeof WIRE_CONTRACT_FORMAT;
  /** One section per api-version the recording pins (`default`: no `apiVersion` option). */
  sections: WireSection[];
}

export interface WireSection {
  /** The `apiVersion` client option, or `default` when none is given. */
  apiVersion: string;
  /** Sorted by name. */
  cases: WireCase[];
}

export interface WireCase {
  /** Unique within a section, e.g. `getToken scopes=[chat] tokenExpiresInMinutes=60`. */
  name: string;
  /** The public client method called, e.g. `getToken`. */
  call: string;
  /** Every request the server received during the call, in order (retries included). */
  requests: WireRequest[];
  /** `ok`, or `error` with the normalized error the call rejected with. */
  outcome: "ok" | "error";
  error?: string;
}

export interface WireRequest {
  method: string;
  /** As sent on the request line, percent-encoding kept, without the query. */
  path: string;
  /** Parsed query: name → values in order; names sorted. */
  query: Record<string, string[]>;
  /** Lower-case names, sorted; volatile values replaced by placeholders like `<http-date>`. */
  headers: Record<string, string>;
  /** null when the request had no body. */
  body: WireBody | null;
}

export interface WireBody {
  /** The body bytes as UTF-8 text. */
  text: string;
  /** Hex sha256 of the bytes. */
  sha256: string;
}

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

class Checker {
  constructor(private readonly file: string) {}
  fail(at: ReadonlyArray<string | number>, problem: string): never {
    throw new GeneratorError(this.file, toPointer(at), problem);
  }
  record(value: unknown, at: ReadonlyArray<string | number>): Record<string, unknown> {
    return isRecord(value) ? value : this.fail(at, `expected an object, found ${describe(value)}`);
  }
  string(value: unknown, at: ReadonlyArray<string | number>): string {
    return typeof value === "string" ? value : this.fail(at, `expected a string, found ${describe(value)}`);
  }
  array(value: unknown, at: ReadonlyArray<string | number>): unknown[] {
    return Array.isArray(value) ? value : this.fail(at, `expected an array, found ${describe(value)}`);
  }
  stringMap(value: unknown, at: ReadonlyArray<string | number>): Record<string, string> {
    const rec = this.record(value, at);
    for (const [k, v] of Object.entries(rec)) this.string(v, [...at, k]);
    return rec as Record<string, string>;
  }
}

function describe(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value === "object" ? "an object" : `${typeof value} ${JSON.stringify(value)}`;
}

/** Validate parsed JSON as a wire contract; errors name `<file>#<pointer>`. */
export function toWireContract(value: unknown, file: string): WireContract {
  const c = new Checker(file);
  const root = c.record(value, []);
  if (root["format"] !== WIRE_CONTRACT_FORMAT) {
    c.fail(["format"], `expected ${JSON.stringify(WIRE_CONTRACT_FORMAT)}, found ${describe(root["format"])}`);
  }
  const seenSections = new Set<string>();
  const sections = c.array(root["sections"], ["sections"]).map((s, si): WireSection => {
    const at = ["sections", si];
    const section = c.record(s, at);
    const apiVersion = c.string(section["apiVersion"], [...at, "apiVersion"]);
    if (seenSections.has(apiVersion)) c.fail([...at, "apiVersion"], `duplicate section ${JSON.stringify(apiVersion)}`);
    seenSections.add(apiVersion);
    const seenCases = new Set<string>();
    const cases = c.array(section["cases"], [...at, "cases"]).map((k, ki): WireCase => {
      const cat = [...at, "cases", ki];
      const kase = c.record(k, cat);
      const name = c.string(kase["name"], [...cat, "name"]);
      if (seenCases.has(name)) c.fail([...cat, "name"], `duplicate case ${JSON.stringify(name)}`);
      seenCases.add(name);
      const rawOutcome = kase["outcome"];
      const outcome: WireCase["outcome"] =
        rawOutcome === "ok" || rawOutcome === "error"
          ? rawOutcome
          : c.fail([...cat, "outcome"], `expected "ok" or "error", found ${describe(rawOutcome)}`);
      const requests = c.array(kase["requests"], [...cat, "requests"]).map((r, ri): WireRequest => {
        const rat = [...cat, "requests", ri];
        const req = c.record(r, rat);
        const query = c.record(req["query"], [...rat, "query"]);
        for (const [qk, qv] of Object.entries(query)) {
          c.array(qv, [...rat, "query", qk]).forEach((v, vi) => c.string(v, [...rat, "query", qk, vi]));
        }
        let body: WireBody | null = null;
        if (req["body"] !== null) {
          const b = c.record(req["body"], [...rat, "body"]);
          body = { text: c.string(b["text"], [...rat, "body", "text"]), sha256: c.string(b["sha256"], [...rat, "body", "sha256"]) };
        }
        return {
          method: c.string(req["method"], [...rat, "method"]),
          path: c.string(req["path"], [...rat, "path"]),
          query: query as Record<string, string[]>,
          headers: c.stringMap(req["headers"], [...rat, "headers"]),
          body,
        };
      });
      const out: WireCase = { name, call: c.string(kase["call"], [...cat, "call"]), requests, outcome };
      if (outcome === "error") out.error = c.string(kase["error"], [...cat, "error"]);
      return out;
    });
    return { apiVersion, cases };
  });
  return { format: WIRE_CONTRACT_FORMAT, sections };
}

/** Read and validate a contract file; `label` is how errors name it. */
export function readWireContract(path: string, label: string = path): WireContract {
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (err) {
    throw new GeneratorError(label, "", `cannot read the wire contract (${(err as NodeJS.ErrnoException).code ?? "error"})`);
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new GeneratorError(label, "", `not valid JSON: ${(err as Error).message}`);
  }
  return toWireContract(parsed, label);
}

/** The canonical text of a contract: sections and cases sorted, 2-space JSON, trailing newline. */
export function renderWireContract(contract: WireContract): string {
  const sections = [...contract.sections]
    .sort((a, b) => sectionOrder(a.apiVersion, b.apiVersion))
    .map((s) => ({ apiVersion: s.apiVersion, cases: [...s.cases].sort((a, b) => cmp(a.name, b.name)) }));
  return JSON.stringify({ format: contract.format, sections }, null, 2) + "\n";
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** `default` first, then api-versions in order. */
export function sectionOrder(a: string, b: string): number {
  return (a === "default" ? 0 : 1) - (b === "default" ? 0 : 1) || cmp(a, b);
}

/** The body parsed as JSON, or undefined when it is not JSON. */
export function bodyJson(body: WireBody | null): Json | undefined {
  if (body === null) return undefined;
  try {
    return JSON.parse(body.text) as Json;
  } catch {
    return undefined;
  }
}

export type { Json };
