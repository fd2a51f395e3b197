/**
 * How a client authenticates, from the spec's top-level `security` requirement and the schemes it
 * names (the format's reader reads a scheme: Swagger 2 `securityDefinitions`, OpenAPI 3
 * `components/securitySchemes`). Only the top-level requirement is read: it is what every operation
 * needs, so the client takes a credential for it (an operation-level `security` changes nothing).
 */
import { type BuildContext, type Loc, isObject, fail } from "./jsonSchema/index.js";
import { memberName } from "../model/names.js";
import type { ClientSecurity } from "../model/types.js";

/** Reads the scheme `name` of a requirement (at `at`) as the client can meet it. */
export type SchemeReader = (ctx: BuildContext, requirement: Record<string, unknown>, name: string, at: Loc) => Scheme;

/** One scheme of a requirement as the client can meet it, or the refusal saying why it cannot. */
export type Scheme =
  | { name: string; kind: "oauth2"; scopes: string[] }
  | { name: string; kind: "apiKey"; in: "header" | "query"; wireName: string; prefix?: string }
  | { name: string; kind: "unsupported"; refuse: () => never; header?: string };

/**
 * The client's security, or undefined when the spec requires none (no top-level `security`, or an
 * empty requirement first). The alternatives are tried in order and the first the client can meet is
 * used (AutoRest uses the first). A requirement combining schemes sends them all (several API keys:
 * one credential each); schemes of one requirement that set the same header cannot all be sent, so
 * they are read as alternatives, as AutoRest reads every scheme. When no alternative can be met, the
 * first one's refusal is thrown (`file#pointer`): an undefined scheme, `basic`, oauth2 combined with
 * other schemes, an oauth2 scheme without scopes.
 */
export function buildSecurity(ctx: BuildContext, readScheme: SchemeReader): ClientSecurity | undefined {
  const file = ctx.spec.entryFile;
  const doc = ctx.spec.documents[file] ?? {};
  const requirement = doc["security"];
  if (!Array.isArray(requirement) || requirement.length === 0) return undefined;
  let refusal: (() => never) | undefined;
  for (const [i, alternative] of requirement.entries()) {
    const at = { file, pointer: `/security/${i}` };
    if (!isObject(alternative)) fail(at, "a security requirement must be an object");
    const names = Object.keys(alternative);
    if (names.length === 0) return undefined;
    const schemes = names.map((name) => readScheme(ctx, alternative, name, at));
    const headers = schemes.map(headerOf).filter((h): h is string => h !== undefined);
    const groups = new Set(headers).size < headers.length ? schemes.map((s) => [s]) : [schemes];
    for (const group of groups) {
      const security = combine(group, at);
      if (typeof security !== "function") return security;
      refusal ??= security;
    }
  }
  return (refusal as () => never)();
}

/** The scopes an oauth2 scheme asks a token for: those the requirement lists, else all the scheme defines. */
export function scopesOf(listed: unknown, defined: string[]): string[] {
  const scopes = Array.isArray(listed) ? listed.filter((s): s is string => typeof s === "string") : [];
  return scopes.length > 0 ? scopes : defined;
}

/** The header a scheme sets (lower case), to find schemes that cannot be sent together. */
function headerOf(scheme: Scheme): string | undefined {
  if (scheme.kind === "oauth2") return "authorization";
  if (scheme.kind === "apiKey") return scheme.in === "header" ? scheme.wireName.toLowerCase() : undefined;
  return scheme.header;
}

/** The security of schemes sent together, or the refusal when the client cannot send them. */
function combine(schemes: Scheme[], at: Loc): ClientSecurity | (() => never) {
  const unsupported = schemes.find((s) => s.kind === "unsupported");
  if (unsupported !== undefined) return unsupported.refuse;
  const [first] = schemes;
  if (schemes.length === 1 && first?.kind === "oauth2") return { kind: "bearerToken", scopes: first.scopes };
  const keys = schemes.flatMap((s) => (s.kind === "apiKey" ? [s] : []));
  if (keys.length < schemes.length) {
    const names = schemes.map((s) => s.name).join(", ");
    return () => fail(at, `a security requirement combining oauth2 with other schemes (${names}) is not supported`);
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
