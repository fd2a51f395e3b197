/** A scheme of Swagger 2 `securityDefinitions`, as the client can meet it (generator/input/security.ts). */
import { scopesOf, type SchemeReader } from "../security.js";
import { isObject, str, child, fail } from "../jsonSchema/index.js";

export const readScheme: SchemeReader = (ctx, requirement, name, at) => {
  const file = ctx.spec.entryFile;
  const definitions = ctx.spec.documents[file]?.["securityDefinitions"];
  const definition = isObject(definitions) ? definitions[name] : undefined;
  const definitionAt = { file, pointer: `/securityDefinitions/${name.replace(/~/g, "~0").replace(/\//g, "~1")}` };
  if (!isObject(definition))
    return { name, kind: "unsupported", refuse: () => fail(child(at, name), `security scheme "${name}" is not defined`) };
  const type = str(definition, "type");
  if (type === "oauth2") {
    const chosen = scopesOf(requirement[name], isObject(definition["scopes"]) ? Object.keys(definition["scopes"]) : []);
    if (chosen.length === 0) {
      const refuse = (): never => fail(child(at, name), `oauth2 security scheme "${name}" names no scope to request a token for`);
      return { name, kind: "unsupported", refuse, header: "authorization" };
    }
    return { name, kind: "oauth2", scopes: chosen };
  }
  const where = str(definition, "in");
  const wireName = str(definition, "name");
  if (type === "apiKey" && (where === "header" || where === "query") && wireName !== undefined) {
    return { name, kind: "apiKey", in: where, wireName };
  }
  if (type === "apiKey") {
    const refuse = (): never =>
      fail(
        child(definitionAt, "in"),
        `apiKey security scheme "${name}" outside a header or the query is not supported (only "in": "header" or "query" with a "name" is)`,
      );
    return { name, kind: "unsupported", refuse };
  }
  if (type === "basic") return { name, kind: "basic" };
  const refuse = (): never =>
    fail(
      child(definitionAt, "type"),
      `security scheme "${name}" (type ${JSON.stringify(type ?? null)}) is not supported (only OAuth 2, API keys and HTTP basic are)`,
    );
  return { name, kind: "unsupported", refuse };
};
