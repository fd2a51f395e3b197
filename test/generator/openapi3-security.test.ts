/**
 * OpenAPI 3 security schemes Swagger 2 cannot say (generator/input/openapi3/security.ts, emit/clientCredential.ts):
 * http bearer → a `KeyCredential` sent as `Authorization: Bearer <key>`; OAuth 2 with several flows → a
 * `TokenCredential` for the union of their scopes. Small inline documents; one run against a server on 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AzureKeyCredential } from "@azure/core-auth";
import { afterAll, describe, expect, it } from "vitest";
import type { JsonObject } from "../../generator/load/types.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { importGenerated } from "../fixtures/emit/generatedCode.js";
import { startLoopbackServer } from "../fixtures/loopbackServer.js";

const work = mkdtempSync(join(tmpdir(), "acs-gen-openapi3-security-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Files = Array<{ path: string; content: string }>;

async function generate(doc: JsonObject, name: string): Promise<Files> {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(doc));
  return generateInMemory(path, work);
}

const clientText = (files: Files): string => files.find((f) => f.path === "src/things.ts")?.content ?? "";

function spec(securitySchemes: JsonObject, security: JsonObject[]): JsonObject {
  return {
    openapi: "3.0.3",
    info: { title: "Things", version: "1" },
    servers: [{ url: "https://things.example" }],
    paths: { "/items": { get: { operationId: "Items_Get", responses: { "204": { description: "done" } } } } },
    components: { securitySchemes },
    security,
  };
}

const bearer = spec({ Token: { type: "http", scheme: "bearer", bearerFormat: "JWT" } }, [{ Token: [] }]);

const flows = {
  authorizationCode: {
    authorizationUrl: "https://login.example/authorize",
    tokenUrl: "https://login.example/token",
    scopes: { "things.read": "Read", "things.write": "Write" },
  },
  clientCredentials: { tokenUrl: "https://login.example/token", scopes: { "things.write": "Write", robot: "Server access" } },
};

describe("OpenAPI 3 http bearer", () => {
  it("is a KeyCredential sent as `Authorization: Bearer <key>`; the client typechecks strictly", async () => {
    const files = await generate(bearer, "bearer");
    const text = clientText(files);
    expect(text).toContain('import { type KeyCredential } from "@azure/core-auth";');
    expect(text).toContain("  constructor(endpoint: string, credential: KeyCredential, options: ThingsOptions = {}) {");
    expect(text).toContain(
      "   * @param credential - Its `key` is sent in the `Authorization` header (as `Bearer <key>`) of every request (read per request, so an updated key applies).",
    );
    expect(text.split('request.headers.set("Authorization", `Bearer ${credential.key}`);').length - 1).toBe(2);
    expect(text).toContain('throw new TypeError("credential is required");');
    expect(typecheckFiles("openapi3-security-bearer", files)).toEqual([]);
  });

  it("with an API key header in the same requirement: both sent, the bearer one with its prefix", async () => {
    const doc = spec({ Token: { type: "http", scheme: "Bearer" }, AppKey: { type: "apiKey", name: "X-App-Key", in: "header" } }, [
      { Token: [], AppKey: [] },
    ]);
    const files = await generate(doc, "bearer-and-key");
    const text = clientText(files);
    expect(text).toContain(
      "  constructor(endpoint: string, credential: { token: KeyCredential; appKey: KeyCredential }, options: ThingsOptions = {}) {",
    );
    expect(text).toContain(
      [
        '      request.headers.set("Authorization", `Bearer ${credential.token.key}`);',
        '      request.headers.set("X-App-Key", credential.appKey.key);',
      ].join("\n"),
    );
    expect(typecheckFiles("openapi3-security-bearer-and-key", files)).toEqual([]);
  });

  it("sends the key as a bearer token to a server on 127.0.0.1 (an updated key applies), and refuses a missing credential", async () => {
    const seen: Array<string | undefined> = [];
    const server = await startLoopbackServer((request, response) => {
      seen.push(request.headers.authorization);
      request.resume();
      response.writeHead(204);
      response.end();
    });
    try {
      type Client = { items: { get(): Promise<void> } };
      const mod = await importGenerated<{ Things: new (endpoint: string, credential: unknown, options?: object) => Client }>(
        join(work, "bearer-run"),
        await generate(bearer, "bearer-run"),
      );
      const credential = new AzureKeyCredential("token-1");
      const client = new mod.Things(server.url, credential, { allowInsecureConnection: true });
      await client.items.get();
      credential.update("token-2");
      await client.items.get();
      expect(seen).toEqual(["Bearer token-1", "Bearer token-2"]);
      expect(() => new mod.Things(server.url, undefined)).toThrow(new TypeError("credential is required"));
    } finally {
      await server.close();
    }
  });
});

describe("OpenAPI 3 OAuth 2 with several flows", () => {
  it("asks a TokenCredential for the union of the flows' scopes (document order, no duplicates)", async () => {
    const files = await generate(spec({ OAuth: { type: "oauth2", flows } }, [{ OAuth: [] }]), "flows");
    const text = clientText(files);
    expect(text).toContain("  constructor(endpoint: string, credential: TokenCredential, options: ThingsOptions = {}) {");
    expect(text).toContain(
      '  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: ["things.read", "things.write", "robot"] }), { phase: "Sign" });',
    );
    expect(typecheckFiles("openapi3-security-flows", files)).toEqual([]);
  });

  it("the requirement's own scopes win over the union", async () => {
    const text = clientText(await generate(spec({ OAuth: { type: "oauth2", flows } }, [{ OAuth: ["robot"] }]), "flows-listed"));
    expect(text).toContain('  pipeline.addPolicy(bearerTokenAuthenticationPolicy({ credential, scopes: ["robot"] }), { phase: "Sign" });');
  });
});

describe("OpenAPI 3 security schemes still refused", () => {
  it("OpenID Connect and http schemes other than basic and bearer, at their components/securitySchemes pointer", async () => {
    const refusal = async (doc: JsonObject, name: string): Promise<string> => {
      try {
        await generate(doc, name);
      } catch (error) {
        return (error as Error).message;
      }
      throw new Error(`${name} was not refused`);
    };
    expect(
      await refusal(spec({ Oidc: { type: "openIdConnect", openIdConnectUrl: "https://login.example" } }, [{ Oidc: [] }]), "oidc"),
    ).toBe('oidc.json#/components/securitySchemes/Oidc: the security scheme type "openIdConnect" is not supported (OpenAPI 3 input)');
    expect(await refusal(spec({ Digest: { type: "http", scheme: "digest" } }, [{ Digest: [] }]), "digest")).toBe(
      'digest.json#/components/securitySchemes/Digest: the security scheme type "http digest" is not supported (OpenAPI 3 input)',
    );
  });
});
