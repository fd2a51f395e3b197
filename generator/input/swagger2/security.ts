/**
 * How a client authenticates, from the spec's top-level `security` requirement and the
 * `securityDefinitions` it names. Only the top-level requirement is read: it is what every operation
 * needs, so the client takes a credential for it (an operation-level `security` changes nothing).
 */
import type { BuildContext, Loc } from "../jsonSchema/context.js";
import { isObject, str } from "../jsonSchema/json.js";
import { memberName } from "../../model/names.js";
import { child, fail } from "../jsonSchema/schemas.js";
import type { ClientSecurity } from "../../model/types.js";

/** One scheme of a requirement as the client can meet it, or the refusal saying why it cannot. */
type Scheme =
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
export function buildSecurity(ctx: BuildContext): ClientSecurity | undefined {
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

function readScheme(ctx: BuildContext, requirement: Record<string, unknown>, name: string, at: Loc): Scheme {
  const file = ctx.spec.entryFile;
  const definitions = ctx.spec.documents[file]?.["securityDefinitions"];
  const definition = isObject(definitions) ? definitions[name] : undefined;
  const definitionAt = { file, pointer: `/securityDefinitions/${name.replace(/~/g, "~0").replace(/\//g, "~1")}` };
  if (!isObject(definition))
    return { name, kind: "unsupported", refuse: () => fail(child(at, name), `security scheme "${name}" is not defined`) };
  const type = str(definition, "type");
  if (type === "oauth2") {
    const listed = requirement[name];
    const scopes = Array.isArray(listed) ? listed.filter((s): s is string => typeof s === "string") : [];
    const defined = isObject(definition["scopes"]) ? Object.keys(definition["scopes"]) : [];
    const chosen = scopes.length > 0 ? scopes : defined;
    if (chosen.length === 0) {
      const refuse = (): never => fail(child(at, name), `oauth2 security scheme "${name}" names no scope to request a token for`);
      return { name, kind: "unsupported", refuse, header: "authorization" };
    }
    return { name, kind: "oauth2", scopes: chosen };
  }
  const where = str(definition, "in");
  const wireName = str(definition, "name");
  if (type === "apiKey" && (where === "header" || where === "query") && wireName !== undefined) {
    // An OpenAPI 3 HTTP bearer scheme (generator/input/openapi3/security.ts): the key is sent as `Bearer <key>`.
    const bearer = where === "header" && str(definition, "x-openapi3-http-scheme") === "bearer";
    return { name, kind: "apiKey", in: where, wireName, ...(bearer ? { prefix: "Bearer " } : {}) };
  }
  if (type === "apiKey") {
    const refuse = (): never =>
      fail(
        child(definitionAt, "in"),
        `apiKey security scheme "${name}" outside a header or the query is not supported (only "in": "header" or "query" with a "name" is)`,
      );
    return { name, kind: "unsupported", refuse };
  }
  const refuse = (): never =>
    fail(
      child(definitionAt, "type"),
      `security scheme "${name}" (${type === "basic" ? "HTTP basic" : `type ${JSON.stringify(type ?? null)}`}) is not supported (only OAuth 2 and API keys are)`,
    );
  return { name, kind: "unsupported", refuse, ...(type === "basic" ? { header: "authorization" } : {}) };
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
