/**
 * What a generated client takes at construction, from the spec: the credential its top-level `security`
 * requires (model/security.ts, emit/clientCredential.ts), the endpoint its host template makes
 * (emit/endpoint.ts), and no constant client parameters (emit/clientParameters.ts).
 */
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { emitClient } from "../../generator/emit/index.js";
import { endpointDoc, endpointExpression } from "../../generator/emit/endpoint.js";
import type { JsonObject } from "../../generator/load/types.js";
import { readCodeModel } from "../../generator/input/index.js";
import type { ClientModel } from "../../generator/model/types.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { errorOf } from "../fixtures/model/errors.js";
import { inMemory } from "../fixtures/model/load.js";

const ok = { "200": { description: "ok" } };
const base: JsonObject = {
  swagger: "2.0",
  info: { title: "t", version: "1.0" },
  host: "localhost",
  paths: { "/items": { get: { operationId: "Items_Get", responses: ok } } },
};
const templatesDir = join(repoRoot, "templates");

const securityOf = (doc: JsonObject) => readCodeModel([inMemory(doc)], { clientName: "C" }).client.security;
const files = (doc: JsonObject) => emitClient(readCodeModel([inMemory(doc)], { clientName: "C" }), { templatesDir });
const clientText = (doc: JsonObject) => files(doc).find((f) => f.path === "src/c.ts")?.content ?? "";

const aad: JsonObject = {
  ...base,
  securityDefinitions: { AADToken: { type: "oauth2", flow: "implicit", authorizationUrl: "https://login.example/authorize" } },
  security: [{ AADToken: ["https://service.example/.default"] }],
};
const key: JsonObject = {
  ...base,
  securityDefinitions: { Key: { type: "apiKey", name: "x-api-key", in: "header" } },
  security: [{ Key: [] }],
};

describe("security → credential", () => {
  it("no top-level security, or an empty requirement: no credential (securityDefinitions alone change nothing)", () => {
    expect(securityOf(base)).toBeUndefined();
    expect(securityOf({ ...aad, security: [{}] })).toBeUndefined();
    expect(securityOf({ ...aad, security: undefined as unknown as JsonObject })).toBeUndefined();
  });

  it("oauth2: a bearer token for the requirement's scopes, else the scheme's own scopes", () => {
    expect(securityOf(aad)).toEqual({ kind: "bearerToken", scopes: ["https://service.example/.default"] });
    const defined = {
      ...aad,
      securityDefinitions: { AADToken: { type: "oauth2", flow: "implicit", scopes: { "a/.default": "A" } } },
      security: [{ AADToken: [] }],
    };
    expect(securityOf(defined)).toEqual({ kind: "bearerToken", scopes: ["a/.default"] });
  });

  it("apiKey in a header: the key in that header", () => {
    expect(securityOf(key)).toEqual({ kind: "keyHeader", headerName: "x-api-key" });
  });

  it("apiKey in the query; several API keys sent together; the first alternative the client can meet", () => {
    expect(securityOf({ ...key, securityDefinitions: { Key: { type: "apiKey", name: "apikey", in: "query" } } })).toEqual({
      kind: "apiKeys",
      keys: [{ name: "key", serializedName: "apikey", in: "query" }],
    });
    const definitions = {
      AppKey: { type: "apiKey", name: "X-App-Key", in: "header" },
      app_token: { type: "apiKey", name: "token", in: "query" },
      Basic: { type: "basic" },
    };
    expect(securityOf({ ...base, securityDefinitions: definitions, security: [{ AppKey: [], app_token: [] }] })).toEqual({
      kind: "apiKeys",
      keys: [
        { name: "appKey", serializedName: "X-App-Key", in: "header" },
        { name: "appToken", serializedName: "token", in: "query" },
      ],
    });
    expect(securityOf({ ...base, securityDefinitions: definitions, security: [{ Missing: [] }, { AppKey: [] }] })).toEqual({
      kind: "keyHeader",
      headerName: "X-App-Key",
    });
    expect(securityOf({ ...base, securityDefinitions: definitions, security: [{ Basic: [] }, { AppKey: [] }] })).toEqual({ kind: "basic" });
  });

  it("schemes of one requirement that set the same header are read as alternatives", () => {
    const doc = {
      ...base,
      securityDefinitions: { Basic: { type: "basic" }, Token: { type: "apiKey", name: "Authorization", in: "header" } },
      security: [{ Basic: [], Token: [] }],
    };
    expect(securityOf(doc)).toEqual({ kind: "basic" });
    expect(securityOf({ ...doc, security: [{ Token: [], Basic: [] }] })).toEqual({ kind: "keyHeader", headerName: "Authorization" });
  });

  it("what is not supported is refused with file#pointer", () => {
    expect(errorOf({ ...key, securityDefinitions: { Key: { type: "apiKey", name: "k", in: "cookie" } } })).toBe(
      'spec.json#/securityDefinitions/Key/in: apiKey security scheme "Key" outside a header or the query is not supported (only "in": "header" or "query" with a "name" is)',
    );
    expect(
      errorOf({
        ...base,
        securityDefinitions: { Basic: { type: "basic" }, ...(key["securityDefinitions"] as JsonObject) },
        security: [{ Basic: [], Key: [] }],
      }),
    ).toBe("spec.json#/security/0: a security requirement combining HTTP basic with other schemes (Basic, Key) is not supported");
    expect(errorOf({ ...base, security: [{ Missing: [] }] })).toBe(
      'spec.json#/security/0/Missing: security scheme "Missing" is not defined',
    );
    expect(
      errorOf({
        ...aad,
        securityDefinitions: { ...(aad["securityDefinitions"] as JsonObject), ...(key["securityDefinitions"] as JsonObject) },
        security: [{ AADToken: ["s"], Key: [] }],
      }),
    ).toBe("spec.json#/security/0: a security requirement combining oauth2 with other schemes (AADToken, Key) is not supported");
    expect(errorOf({ ...aad, security: [{ AADToken: [] }] })).toBe(
      'spec.json#/security/0/AADToken: oauth2 security scheme "AADToken" names no scope to request a token for',
    );
  });

  it("the client (not the Core class) takes the credential after the endpoint; both kinds typecheck", () => {
    const aadText = clientText(aad);
    expect(aadText).toContain('import { type TokenCredential } from "@azure/core-auth";');
    expect(aadText).toContain("  constructor(endpoint: string, credential: TokenCredential, options: COptions = {}) {");
    expect(aadText).toContain("  constructor(endpoint: string, options: CCoreOptions) {");
    expect(aadText).toContain(
      '  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: ["https://service.example/.default"] }), { phase: "Sign" });',
    );
    expect(aadText).toContain("    const pipeline = options.pipeline.clone();");
    const keyText = clientText(key);
    expect(keyText).toContain("  constructor(endpoint: string, credential: KeyCredential, options: COptions = {}) {");
    expect(keyText).toContain('      request.headers.set("x-api-key", credential.key);');
    expect(typecheckFiles("client-security-aad", files(aad))).toEqual([]);
    expect(typecheckFiles("client-security-key", files(key))).toEqual([]);
  });

  it("API keys sent together: one KeyCredential each, in a credential object whose members are checked", () => {
    const keys: JsonObject = {
      ...base,
      securityDefinitions: {
        AppKey: { type: "apiKey", name: "X-App-Key", in: "header" },
        app_token: { type: "apiKey", name: "token", in: "query" },
      },
      security: [{ AppKey: [], app_token: [] }],
    };
    const text = clientText(keys);
    expect(text).toContain('import { type KeyCredential } from "@azure/core-auth";');
    expect(text).toContain(
      "  constructor(endpoint: string, credential: { appKey: KeyCredential; appToken: KeyCredential }, options: COptions = {}) {",
    );
    expect(text).toContain('    throw new TypeError("credential.appToken is required");');
    expect(text).toContain(
      [
        '      request.headers.set("X-App-Key", credential.appKey.key);',
        "      const url = new URL(request.url);",
        '      url.searchParams.set("token", credential.appToken.key);',
        "      request.url = url.toString();",
        "      return next(request);",
      ].join("\n"),
    );
    expect(typecheckFiles("client-security-keys", files(keys))).toEqual([]);
  });

  it("a spec without security emits no credential", () => {
    const text = clientText(base);
    expect(text).not.toContain("credential");
    expect(text).not.toContain("@azure/core-auth");
  });
});

describe("host template → endpoint", () => {
  const endpoint = (hostTemplate: string, names: string[], useSchemePrefix = false): ClientModel["endpoint"] => ({
    hostTemplate,
    useSchemePrefix,
    basePath: "",
    ...(useSchemePrefix ? { scheme: "https" as const } : {}),
    parameters: names.map((name) => ({ name, serializedName: name, description: `The ${name}.` })) as unknown as ClientModel["parameters"],
  });

  it("one parameter with fixed text around it is filled in (a trailing slash dropped before a path)", () => {
    expect(endpointExpression(endpoint("{Endpoint}/multiapiCustomBaseUrl/v1", ["Endpoint"]))).toBe(
      'endpoint.replace(/\\/+$/, "") + "/multiapiCustomBaseUrl/v1"',
    );
    expect(endpointExpression(endpoint("{account}.blob.example.net", ["account"], true))).toBe(
      '"https://" + endpoint + ".blob.example.net"',
    );
    // spec text is a JSON string literal, never template-literal text
    expect(endpointExpression(endpoint('{a}.`${"', ["a"]))).toBe('endpoint + ".`${\\""');
  });

  it("exactly {endpoint}, a plain host, or several parameters: the endpoint as given", () => {
    expect(endpointExpression(endpoint("{endpoint}", ["endpoint"]))).toBe("endpoint");
    expect(endpointExpression(endpoint("localhost:3000", [], true))).toBe("endpoint");
    expect(endpointExpression(endpoint("{accountName}{host}", ["accountName", "host"]))).toBe("endpoint");
  });

  it("the endpoint's JSDoc says which", () => {
    expect(endpointDoc(endpoint("{Endpoint}/v1", ["Endpoint"]))).toBe(
      "The Endpoint. Requests go to `{Endpoint}/v1` with it in place of `{Endpoint}`.",
    );
    expect(endpointDoc(endpoint("{endpoint}", ["endpoint"]))).toBe("The endpoint.");
    expect(endpointDoc(endpoint("{a}{b}", ["a", "b"]))).toBe(
      "Base URL of the service, the whole of `{a}{b}` filled in: `a` (The a.), `b` (The b.).",
    );
    expect(endpointDoc(endpoint("localhost:3000", [], true))).toBe("Base URL of the service, e.g. `localhost:3000`.");
  });
});

describe("constant client parameters", () => {
  const constants: JsonObject = {
    ...base,
    parameters: {
      Flag: { name: "flag", in: "header", required: true, type: "boolean", enum: [true], "x-ms-parameter-location": "client" },
      Sub: { name: "sub", in: "path", required: true, type: "string", "x-ms-parameter-location": "client" },
    },
    paths: {
      "/items/{sub}": {
        get: { operationId: "Items_Get", parameters: [{ $ref: "#/parameters/Flag" }, { $ref: "#/parameters/Sub" }], responses: ok },
      },
    },
  };

  it("are neither taken nor held; the operation sends the constant and picks only the others", () => {
    const out = files(constants);
    const client = out.find((f) => f.path === "src/c.ts")?.content ?? "";
    const items = out.find((f) => f.path === "src/operations/items.ts")?.content ?? "";
    expect(client).toContain("  constructor(endpoint: string, sub: string, options: COptions = {}) {");
    expect(client).not.toContain("flag");
    expect(items).toContain(
      'export async function itemsGet(context: OperationContext & Pick<C, "sub">, options: OperationOptions = {}): Promise<void> {',
    );
    expect(items).toContain('      "flag": "true",');
    expect(typecheckFiles("client-constants", out)).toEqual([]);
  });
});

describe("the default operation group next to a group named Operations (ARM's Operations_List)", () => {
  const doc: JsonObject = {
    ...base,
    paths: {
      "/check": { post: { operationId: "CheckNameAvailability", responses: ok } },
      "/operations": { get: { operationId: "Operations_List", responses: ok } },
    },
  };

  it("gets its own file and property, defaultOperations, and the output typechecks", () => {
    const emitted = files(doc);
    expect(emitted.map((f) => f.path).filter((p) => p.startsWith("src/operations/"))).toEqual([
      "src/operations/defaultOperations.ts",
      "src/operations/operations.ts",
    ]);
    const client = clientText(doc);
    expect(client).toContain("  readonly defaultOperations: DefaultOperations;\n");
    expect(client).toContain("  readonly operations: OperationsOperations;\n");
    expect(typecheckFiles("default-and-operations-groups", emitted)).toEqual([]);
  });

  it("without such a group stays operations", () => {
    const alone: JsonObject = { ...base, paths: { "/check": { post: { operationId: "CheckNameAvailability", responses: ok } } } };
    expect(
      files(alone)
        .map((f) => f.path)
        .filter((p) => p.startsWith("src/operations/")),
    ).toEqual(["src/operations/operations.ts"]);
  });
});
