import { OPERATION_BY_SPEC_KEY, type OperationName, type VersionFeatures } from "./versions.js";

/**
 * What one api-version's Swagger document says the emulator should accept: its operations (by
 * method and path), the properties of each request body, the token scope enum, whether
 * `expiresInMinutes` exists on create and issue, and whether identities have details
 * (customId / externalId). A pure function of the parsed document. Only local `#/...` references
 * are followed (request bodies are local definitions in every Identity spec); a body behind a
 * reference to another file counts as having no known fields.
 */

export interface SpecFeatures {
  readonly features: VersionFeatures;
  /** `METHOD path` of spec operations the emulator has no handler for (it answers them 404). */
  readonly unservedOperations: readonly string[];
}

type Json = Record<string, unknown>;

const HTTP_METHODS = new Set(["get", "put", "post", "delete", "patch", "head", "options"]);

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** The target of a local `#/a/b` reference; undefined for other references or missing targets. */
function resolveLocal(doc: Json, value: unknown, depth = 0): Json | undefined {
  if (!isObject(value)) return undefined;
  const ref = value["$ref"];
  if (typeof ref !== "string") return value;
  if (!ref.startsWith("#/") || depth > 32) return undefined;
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const segment = decodeURIComponent(raw).replace(/~1/g, "/").replace(/~0/g, "~");
    node = isObject(node) ? node[segment] : undefined;
  }
  return resolveLocal(doc, node, depth + 1);
}

/** Property names of a schema, its `allOf` parts included. */
function propertyNames(doc: Json, schema: unknown, depth = 0): Set<string> {
  const names = new Set<string>();
  const resolved = resolveLocal(doc, schema);
  if (resolved === undefined || depth > 32) return names;
  if (isObject(resolved["properties"])) for (const name of Object.keys(resolved["properties"])) names.add(name);
  if (Array.isArray(resolved["allOf"])) {
    for (const part of resolved["allOf"]) for (const name of propertyNames(doc, part, depth + 1)) names.add(name);
  }
  return names;
}

function property(doc: Json, schema: unknown, name: string): Json | undefined {
  const resolved = resolveLocal(doc, schema);
  if (resolved === undefined) return undefined;
  const direct = isObject(resolved["properties"]) ? resolveLocal(doc, resolved["properties"][name]) : undefined;
  if (direct !== undefined) return direct;
  if (Array.isArray(resolved["allOf"])) {
    for (const part of resolved["allOf"]) {
      const found = property(doc, part, name);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}

/** The string enum of an array property's items (e.g. `scopes: CommunicationIdentityTokenScope[]`). */
function itemEnum(doc: Json, schema: unknown, name: string): string[] | undefined {
  const items = resolveLocal(doc, property(doc, schema, name)?.["items"]);
  const values = items?.["enum"];
  return Array.isArray(values) && values.every((v) => typeof v === "string") ? (values as string[]) : undefined;
}

interface SpecOperation {
  readonly key: string;
  readonly bodySchema: unknown;
  readonly responses: Json;
}

function operationsOf(doc: Json): SpecOperation[] {
  const out: SpecOperation[] = [];
  const paths = isObject(doc["paths"]) ? doc["paths"] : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const shared = Array.isArray(item["parameters"]) ? item["parameters"] : [];
    for (const [method, operation] of Object.entries(item)) {
      if (!HTTP_METHODS.has(method) || !isObject(operation)) continue;
      const own = Array.isArray(operation["parameters"]) ? operation["parameters"] : [];
      const body = [...own, ...shared].map((p) => resolveLocal(doc, p)).find((p) => p?.["in"] === "body");
      out.push({
        key: `${method.toUpperCase()} ${path}`,
        bodySchema: body?.["schema"],
        responses: isObject(operation["responses"]) ? operation["responses"] : {},
      });
    }
  }
  return out;
}

/** The identity model: what create returns under `identity`, else the `CommunicationIdentity` definition. */
function identityModel(doc: Json, create: SpecOperation | undefined): unknown {
  const created = create === undefined ? undefined : resolveLocal(doc, create.responses["201"] ?? create.responses["200"]);
  const fromResponse = property(doc, created?.["schema"], "identity");
  if (fromResponse !== undefined) return fromResponse;
  const definitions = isObject(doc["definitions"]) ? doc["definitions"] : {};
  return definitions["CommunicationIdentity"];
}

export function deriveSpecFeatures(doc: Json): SpecFeatures {
  const operations = new Set<OperationName>();
  const requestFields = new Map<OperationName, ReadonlySet<string>>();
  const unservedOperations: string[] = [];
  const byName = new Map<OperationName, SpecOperation>();
  for (const op of operationsOf(doc)) {
    const name = OPERATION_BY_SPEC_KEY[op.key];
    if (name === undefined) {
      unservedOperations.push(op.key);
      continue;
    }
    operations.add(name);
    byName.set(name, op);
    if (op.bodySchema !== undefined) requestFields.set(name, propertyNames(doc, op.bodySchema));
  }
  const issueBody = byName.get("issueAccessToken")?.bodySchema;
  const createBody = byName.get("createIdentity")?.bodySchema;
  const definitions = isObject(doc["definitions"]) ? doc["definitions"] : {};
  const namedScopes = resolveLocal(doc, definitions["CommunicationIdentityTokenScope"])?.["enum"];
  const scopes =
    itemEnum(doc, issueBody, "scopes") ??
    itemEnum(doc, createBody, "createTokenWithScopes") ??
    (Array.isArray(namedScopes) ? namedScopes.filter((v): v is string => typeof v === "string") : []);
  const identityFields = propertyNames(doc, identityModel(doc, byName.get("createIdentity")));
  return {
    features: {
      operations,
      scopes,
      createExpiresInMinutes: requestFields.get("createIdentity")?.has("expiresInMinutes") ?? false,
      issueExpiresInMinutes: requestFields.get("issueAccessToken")?.has("expiresInMinutes") ?? false,
      identityDetails: identityFields.has("externalId") || identityFields.has("customId"),
      requestFields,
    },
    unservedOperations: unservedOperations.sort(),
  };
}
