/**
 * How a client authenticates, from the spec's top-level `security` requirement and the
 * `securityDefinitions` it names. Only the top-level requirement is read: it is what every operation
 * needs, so the client takes a credential for it (an operation-level `security` changes nothing).
 */
import type { BuildContext } from "./context.js";
import { isObject, str } from "./json.js";
import { child, fail } from "./schemas.js";
import type { ClientSecurity } from "../../model/types.js";

/**
 * The client's security, or undefined when the spec requires none (no top-level `security`, or an
 * empty requirement). The first alternative of the requirement is used, as AutoRest does.
 * Refused with `file#pointer`: a scheme that is not defined, an `apiKey` outside a header, `basic`.
 */
export function buildSecurity(ctx: BuildContext): ClientSecurity | undefined {
  const file = ctx.spec.entryFile;
  const doc = ctx.spec.documents[file] ?? {};
  const requirement = doc["security"];
  if (!Array.isArray(requirement) || requirement.length === 0) return undefined;
  const first = requirement[0];
  const at = { file, pointer: "/security/0" };
  if (!isObject(first)) fail(at, "a security requirement must be an object");
  const names = Object.keys(first);
  if (names.length === 0) return undefined;
  if (names.length > 1) fail(at, `a security requirement combining schemes (${names.join(", ")}) is not supported`);
  const name = names[0]!;
  const definitions = doc["securityDefinitions"];
  const definition = isObject(definitions) ? definitions[name] : undefined;
  const definitionAt = { file, pointer: `/securityDefinitions/${name.replace(/~/g, "~0").replace(/\//g, "~1")}` };
  if (!isObject(definition)) fail(child(at, name), `security scheme "${name}" is not in securityDefinitions`);
  const type = str(definition, "type");
  if (type === "oauth2") {
    const listed = first[name];
    const scopes = Array.isArray(listed) ? listed.filter((s): s is string => typeof s === "string") : [];
    const defined = isObject(definition["scopes"]) ? Object.keys(definition["scopes"]) : [];
    const chosen = scopes.length > 0 ? scopes : defined;
    if (chosen.length === 0) fail(child(at, name), `oauth2 security scheme "${name}" names no scope to request a token for`);
    return { kind: "bearerToken", scopes: chosen };
  }
  if (type === "apiKey") {
    const headerName = str(definition, "name");
    if (str(definition, "in") !== "header" || headerName === undefined) {
      fail(
        child(definitionAt, "in"),
        `apiKey security scheme "${name}" outside a header is not supported (only "in": "header" with a "name" is)`,
      );
    }
    return { kind: "keyHeader", headerName };
  }
  return fail(
    child(definitionAt, "type"),
    `security scheme "${name}" of type ${JSON.stringify(type ?? null)} is not supported (only oauth2 and apiKey in a header are)`,
  );
}
