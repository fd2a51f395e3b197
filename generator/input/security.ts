/**
 * How a client authenticates, from the spec's `security` requirements and the schemes they name (the
 * format's reader reads a scheme: Swagger 2 `securityDefinitions`, OpenAPI 3 `components/securitySchemes`).
 * The client takes one credential: for the top-level requirement (what every operation needs unless it
 * says otherwise), else, when the document has none, for the operations' own requirements. An operation
 * whose own requirement allows anonymous requests is sent without it (`allowsAnonymous`).
 */
import { type BuildContext, type Loc, child, isObject, fail } from "./jsonSchema/index.js";
import { memberName } from "../model/names.js";
import type { ClientSecurity, JsonValue } from "../model/types.js";
import type { PlannedOperation } from "./plan.js";

/** Reads the scheme `name` of a requirement (at `at`) as the client can meet it. */
export type SchemeReader = (ctx: BuildContext, requirement: Record<string, unknown>, name: string, at: Loc) => Scheme;

/** One scheme of a requirement as the client can meet it, or the refusal saying why it cannot. */
export type Scheme =
  | { name: string; kind: "oauth2"; scopes: string[] }
  | { name: string; kind: "apiKey"; in: "header" | "query"; wireName: string; prefix?: string }
  | { name: string; kind: "basic" }
  | { name: string; kind: "unsupported"; refuse: () => never; header?: string };

/**
 * The client's security, or undefined when the spec requires none. The top-level requirement is read first
 * (refused when the client can meet none of its alternatives); when it gives none (absent, empty, or an empty
 * alternative before any the client can meet), the operations' own requirements are
 * read, in document order, their empty alternatives skipped: the first alternative the client can meet, in
 * the first operation that has one, is the client's credential. Operations that require other schemes are
 * still sent with it (a client takes one credential; the service answers those it does not accept).
 *
 * Within a requirement the alternatives are tried in order and the first the client can meet is used
 * (AutoRest uses the first). An alternative combining schemes sends them all (several API keys: one
 * credential each); schemes of one alternative that set the same header cannot all be sent, so they are
 * read as alternatives, as AutoRest reads every scheme. When no alternative can be met, the first one's
 * refusal is thrown (`file#pointer`): an undefined scheme, oauth2 or HTTP basic combined with other
 * schemes, an oauth2 scheme without scopes, a scheme the format's reader does not support.
 */
export function buildSecurity(ctx: BuildContext, readScheme: SchemeReader, operations: PlannedOperation[]): ClientSecurity | undefined {
  const file = ctx.spec.entryFile;
  const doc = ctx.spec.documents[file] ?? {};
  const topLevel = meetRequirement(ctx, readScheme, doc["security"], { file, pointer: "/security" }, false);
  if (topLevel !== undefined) return typeof topLevel === "function" ? topLevel() : topLevel;
  let refusal: (() => never) | undefined;
  for (const planned of operations) {
    const met = meetRequirement(ctx, readScheme, planned.op["security"], child(planned.at, "security"), true);
    if (met !== undefined && typeof met !== "function") return met;
    refusal ??= met;
  }
  return refusal?.();
}

/**
 * An operation whose own `security` allows anonymous requests: it lists no alternative, or only empty
 * ones (`[]`, `[{}]`); without one of its own, a top-level requirement of only empty alternatives (`[{}]`)
 * says so for it. An alternative that names a scheme beside an empty one (`[{}, {key: []}]`: optional)
 * does not: the credential is sent.
 */
export function allowsAnonymous(ctx: BuildContext, op: Record<string, unknown>): boolean {
  const own = op["security"];
  if (Array.isArray(own)) return onlyEmpty(own);
  const topLevel = ctx.spec.documents[ctx.spec.entryFile]?.["security"];
  return Array.isArray(topLevel) && topLevel.length > 0 && onlyEmpty(topLevel);
}

function onlyEmpty(requirement: JsonValue[]): boolean {
  return requirement.every((alternative) => isObject(alternative) && Object.keys(alternative).length === 0);
}

/**
 * The security of the first alternative of `requirement` (at `at`) the client can meet; undefined when it has
 * no alternative or (unless `skipEmpty`) an empty one comes before any it can meet; else the first one's refusal.
 */
function meetRequirement(
  ctx: BuildContext,
  readScheme: SchemeReader,
  requirement: JsonValue | undefined,
  at: Loc,
  skipEmpty: boolean,
): ClientSecurity | (() => never) | undefined {
  if (!Array.isArray(requirement)) return undefined;
  let refusal: (() => never) | undefined;
  for (const [i, alternative] of requirement.entries()) {
    const alternativeAt = child(at, String(i));
    if (!isObject(alternative)) fail(alternativeAt, "a security requirement must be an object");
    const names = Object.keys(alternative);
    if (names.length === 0) {
      if (skipEmpty) continue;
      return undefined;
    }
    const schemes = names.map((name) => readScheme(ctx, alternative, name, alternativeAt));
    const headers = schemes.map(headerOf).filter((h): h is string => h !== undefined);
    const groups = new Set(headers).size < headers.length ? schemes.map((s) => [s]) : [schemes];
    for (const group of groups) {
      const security = combine(group, alternativeAt);
      if (typeof security !== "function") return security;
      refusal ??= security;
    }
  }
  return refusal;
}

/** The scopes an oauth2 scheme asks a token for: those the requirement lists, else all the scheme defines. */
export function scopesOf(listed: unknown, defined: string[]): string[] {
  const scopes = Array.isArray(listed) ? listed.filter((s): s is string => typeof s === "string") : [];
  return scopes.length > 0 ? scopes : defined;
}

/** The header a scheme sets (lower case), to find schemes that cannot be sent together. */
function headerOf(scheme: Scheme): string | undefined {
  if (scheme.kind === "oauth2" || scheme.kind === "basic") return "authorization";
  if (scheme.kind === "apiKey") return scheme.in === "header" ? scheme.wireName.toLowerCase() : undefined;
  return scheme.header;
}

/** The security of schemes sent together, or the refusal when the client cannot send them. */
function combine(schemes: Scheme[], at: Loc): ClientSecurity | (() => never) {
  const unsupported = schemes.find((s) => s.kind === "unsupported");
  if (unsupported !== undefined) return unsupported.refuse;
  const [first] = schemes;
  if (schemes.length === 1 && first?.kind === "oauth2") return { kind: "bearerToken", scopes: first.scopes };
  if (schemes.length === 1 && first?.kind === "basic") return { kind: "basic" };
  const keys = schemes.flatMap((s) => (s.kind === "apiKey" ? [s] : []));
  const other = schemes.find((s) => s.kind !== "apiKey");
  if (other !== undefined) {
    const names = schemes.map((s) => s.name).join(", ");
    const what = other.kind === "basic" ? "HTTP basic" : "oauth2";
    return () => fail(at, `a security requirement combining ${what} with other schemes (${names}) is not supported`);
  }
  if (keys.length === 1 && first?.kind === "apiKey" && first.in === "header") {
    return { kind: "keyHeader", headerName: first.wireName, ...(first.prefix !== undefined ? { prefix: first.prefix } : {}) };
  }
  return {
    kind: "apiKeys",
    keys: keys.map((k) => ({
      name: memberName(k.name),
      serializedName: k.wireName,
      in: k.in,
      ...(k.prefix !== undefined ? { prefix: k.prefix } : {}),
    })),
  };
}
