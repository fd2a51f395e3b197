/**
 * OpenAPI 3 `components/securitySchemes`, read for the top-level `security` requirement (the shared part:
 * generator/input/security.ts): API keys in a header or the query as they are; HTTP bearer as a key sent in
 * the `Authorization` header as `Bearer <key>`; OAuth 2 as a token credential asking for the requirement's
 * scopes, else those of all its flows (a token credential hides how the token is obtained); HTTP basic as a
 * user name and password (like Swagger 2's `basic`). OpenID Connect, mutual TLS, other HTTP schemes, oauth2
 * without flows or with an unknown flow, and `$ref`s are refused wherever they are defined.
 */
import { escapePointerSegment } from "../../errors.js";
import { child, fail, isObject, str, type BuildContext } from "../jsonSchema/index.js";
import { buildSecurity, scopesOf, type SchemeReader } from "../security.js";
import type { ClientSecurity, JsonValue } from "../../model/types.js";
import type { PlannedOperation } from "../plan.js";
import { refuse } from "./refuse.js";

const FLOWS = new Set(["implicit", "password", "clientCredentials", "authorizationCode"]);

export function openApi3Security(ctx: BuildContext, operations: PlannedOperation[]): ClientSecurity | undefined {
  for (const [file, doc] of Object.entries(ctx.spec.documents)) checkSchemes(file, doc["components"]);
  return buildSecurity(ctx, readScheme, operations);
}

/** Refuses, in every document, the schemes the client can never meet. */
function checkSchemes(file: string, components: JsonValue | undefined): void {
  const schemes = isObject(components) ? components["securitySchemes"] : undefined;
  if (!isObject(schemes)) return;
  for (const [name, scheme] of Object.entries(schemes)) {
    const at = { file, pointer: `/components/securitySchemes/${escapePointerSegment(name)}` };
    if (!isObject(scheme)) continue;
    if (scheme["$ref"] !== undefined) refuse(at, "a security scheme $ref");
    const type = scheme["type"];
    const httpScheme = String(scheme["scheme"]).toLowerCase();
    if (type === "apiKey" || (type === "http" && (httpScheme === "basic" || httpScheme === "bearer"))) continue;
    const flows = scheme["flows"];
    if (type === "oauth2" && isObject(flows)) {
      const names = Object.keys(flows).filter((key) => !key.startsWith("x-"));
      if (names.length === 0) refuse(child(at, "flows"), "an oauth2 scheme without flows");
      for (const flow of names) if (!FLOWS.has(flow)) refuse(child(at, "flows", flow), `the oauth2 flow "${flow}"`);
      continue;
    }
    refuse(at, `the security scheme type "${String(type)}${type === "http" ? ` ${String(scheme["scheme"])}` : ""}"`);
  }
}

const readScheme: SchemeReader = (ctx, requirement, name, at) => {
  const file = ctx.spec.entryFile;
  const components = ctx.spec.documents[file]?.["components"];
  const schemes = isObject(components) ? components["securitySchemes"] : undefined;
  const scheme = isObject(schemes) ? schemes[name] : undefined;
  const definitionAt = { file, pointer: `/components/securitySchemes/${escapePointerSegment(name)}` };
  if (!isObject(scheme))
    return { name, kind: "unsupported", refuse: () => fail(child(at, name), `security scheme "${name}" is not defined`) };
  const type = str(scheme, "type");
  if (type === "oauth2") {
    const scopes: string[] = [];
    const flows = isObject(scheme["flows"]) ? Object.entries(scheme["flows"]).filter(([key]) => !key.startsWith("x-")) : [];
    for (const [, flow] of flows) {
      const listed = isObject(flow) && isObject(flow["scopes"]) ? Object.keys(flow["scopes"]) : [];
      for (const scope of listed) if (!scopes.includes(scope)) scopes.push(scope);
    }
    const chosen = scopesOf(requirement[name], scopes);
    if (chosen.length === 0) {
      const refusal = (): never => fail(child(at, name), `oauth2 security scheme "${name}" names no scope to request a token for`);
      return { name, kind: "unsupported", refuse: refusal, header: "authorization" };
    }
    return { name, kind: "oauth2", scopes: chosen };
  }
  if (type === "http") {
    // checkSchemes let only basic and bearer through
    if (String(scheme["scheme"]).toLowerCase() === "bearer")
      return { name, kind: "apiKey", in: "header", wireName: "Authorization", prefix: "Bearer " };
    return { name, kind: "basic" };
  }
  const where = str(scheme, "in");
  const wireName = str(scheme, "name");
  if ((where === "header" || where === "query") && wireName !== undefined) return { name, kind: "apiKey", in: where, wireName };
  const refusal = (): never =>
    fail(
      child(definitionAt, "in"),
      `apiKey security scheme "${name}" outside a header or the query is not supported (only "in": "header" or "query" with a "name" is)`,
    );
  return { name, kind: "unsupported", refuse: refusal };
};
