/**
 * Operation-level `security` and HTTP basic authentication (generator/input/security.ts, emit/anonymous.ts,
 * emit/clientCredential.ts): a spec that states security only on its operations gets a credential from them; an
 * operation whose own requirement allows anonymous requests is sent without it; HTTP basic is a
 * `NamedKeyCredential` sent as `Authorization: Basic base64(name:key)`. Small inline Swagger 2 and OpenAPI 3
 * documents; one run against a server on 127.0.0.1.
 */
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { AzureKeyCredential, AzureNamedKeyCredential } from "@azure/core-auth";
import { afterAll, describe, expect, it } from "vitest";
import { readCodeModel } from "../../generator/input/index.js";
import type { JsonObject } from "../../generator/load/types.js";
import type { CodeModel } from "../../generator/model/types.js";
import { typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { importGenerated } from "../fixtures/emit/generatedCode.js";
import { startLoopbackServer } from "../fixtures/loopbackServer.js";
import { errorOf } from "../fixtures/model/errors.js";
import { inMemory } from "../fixtures/model/load.js";

const work = mkdtempSync(join(tmpdir(), "acs-gen-operation-security-"));
afterAll(() => rmSync(work, { recursive: true, force: true }));

type Files = Array<{ path: string; content: string }>;

async function generate(doc: JsonObject, name: string): Promise<Files> {
  const path = join(work, `${name}.json`);
  writeFileSync(path, JSON.stringify(doc));
  return generateInMemory(path, work, [], { format: true });
}

const fileText = (files: Files, path: string): string => files.find((f) => f.path === path)?.content ?? "";

const modelOf = (doc: JsonObject): CodeModel => readCodeModel([inMemory(doc)], { clientName: "C" });

/** Each operation's name and `anonymous` flag, in document order. */
const anonymity = (model: CodeModel): Array<[string, boolean]> =>
  model.operationGroups.flatMap((g) => g.operations).map((o) => [o.operationId, o.anonymous === true]);

const done = { "204": { description: "done" } };

/** Swagger 2: `/items` GET needs the scheme(s) `security`, PUT states nothing, `/health` GET allows anonymous requests. */
function swagger2(securityDefinitions: JsonObject, security: JsonObject[], extra: JsonObject = {}): JsonObject {
  return {
    swagger: "2.0",
    info: { title: "Things", version: "1" },
    host: "things.example",
    schemes: ["https"],
    securityDefinitions,
    paths: {
      "/items": {
        get: { operationId: "Items_List", security, responses: done },
        put: { operationId: "Items_Put", responses: done },
      },
      "/health": { get: { operationId: "Health_Get", security: [], responses: done } },
    },
    ...extra,
  };
}

/** The same in OpenAPI 3, `/health` allowing anonymous requests with `[{}]`. */
function openApi3(securitySchemes: JsonObject, security: JsonObject[]): JsonObject {
  return {
    openapi: "3.0.3",
    info: { title: "Things", version: "1" },
    servers: [{ url: "https://things.example" }],
    paths: {
      "/items": {
        get: { operationId: "Items_List", security, responses: done },
        put: { operationId: "Items_Put", responses: done },
      },
      "/health": { get: { operationId: "Health_Get", security: [{}], responses: done } },
    },
    components: { securitySchemes },
  };
}

describe("operation-level security in the code model", () => {
  it("Swagger 2, no top-level security: the client's credential is the operations' API key; `security: []` marks the operation anonymous", () => {
    const model = modelOf(swagger2({ Key: { type: "apiKey", name: "X-Key", in: "header" } }, [{ Key: [] }]));
    expect(model.client.security).toEqual({ kind: "keyHeader", headerName: "X-Key" });
    expect(anonymity(model)).toEqual([
      ["Health_Get", true],
      ["Items_List", false],
      ["Items_Put", false],
    ]);
  });

  it("OpenAPI 3: an oauth2 requirement on an operation gives a token credential; `security: [{}]` marks the operation anonymous", () => {
    const oauth = {
      type: "oauth2",
      flows: { clientCredentials: { tokenUrl: "https://login.example/token", scopes: { "things.read": "Read" } } },
    };
    const model = modelOf(openApi3({ OAuth: oauth }, [{ OAuth: [] }]));
    expect(model.client.security).toEqual({ kind: "bearerToken", scopes: ["things.read"] });
    expect(anonymity(model)).toEqual([
      ["Health_Get", true],
      ["Items_List", false],
      ["Items_Put", false],
    ]);
  });

  it("HTTP basic: Swagger 2 `type: basic` and OpenAPI 3 `http` + `scheme: basic` are the same credential", () => {
    expect(modelOf(swagger2({ Basic: { type: "basic" } }, [{ Basic: [] }])).client.security).toEqual({ kind: "basic" });
    expect(modelOf(openApi3({ Basic: { type: "http", scheme: "Basic" } }, [{ Basic: [] }])).client.security).toEqual({ kind: "basic" });
  });

  it("several differing requirements: the first alternative the client can meet, operations in document order, empty alternatives skipped", () => {
    const doc = openApi3(
      {
        Cookie: { type: "apiKey", name: "session", in: "cookie" },
        Basic: { type: "http", scheme: "basic" },
        Key: { type: "apiKey", name: "X-Key", in: "header" },
      },
      [{}, { Cookie: [] }, { Basic: [] }],
    );
    (doc["paths"] as Record<string, Record<string, JsonObject>>)["/items"]!["put"]!["security"] = [{ Key: [] }];
    const model = modelOf(doc);
    expect(model.client.security).toEqual({ kind: "basic" });
    // optional authentication ([{}, ...]) is not anonymous: the credential is sent
    expect(anonymity(model)).toEqual([
      ["Health_Get", true],
      ["Items_List", false],
      ["Items_Put", false],
    ]);
  });

  it("a top-level requirement wins over the operations'; a top-level `[{}]` makes the operations without their own anonymous", () => {
    const topLevel = swagger2(
      { Key: { type: "apiKey", name: "X-Key", in: "header" }, Query: { type: "apiKey", name: "code", in: "query" } },
      [{ Key: [] }],
      { security: [{ Query: [] }] },
    );
    expect(modelOf(topLevel).client.security).toEqual({ kind: "apiKeys", keys: [{ name: "query", serializedName: "code", in: "query" }] });
    const anonymousByDefault = modelOf({ ...topLevel, security: [{}] });
    expect(anonymousByDefault.client.security).toEqual({ kind: "keyHeader", headerName: "X-Key" });
    expect(anonymity(anonymousByDefault)).toEqual([
      ["Health_Get", true],
      ["Items_List", false],
      ["Items_Put", true],
    ]);
  });

  it("no alternative of any operation can be met: the first refusal, at the operation's requirement", () => {
    expect(errorOf(swagger2({}, [{ Missing: [] }]))).toBe(
      'spec.json#/paths/~1items/get/security/0/Missing: security scheme "Missing" is not defined',
    );
    expect(
      errorOf(swagger2({ Basic: { type: "basic" }, Key: { type: "apiKey", name: "X-Key", in: "query" } }, [{ Basic: [], Key: [] }])),
    ).toBe(
      "spec.json#/paths/~1items/get/security/0: a security requirement combining HTTP basic with other schemes (Basic, Key) is not supported",
    );
  });

  it("a spec without any requirement has no credential, and no operation is anonymous but those that say so", () => {
    const model = modelOf(swagger2({}, []));
    expect(model.client.security).toBeUndefined();
    expect(anonymity(model)).toEqual([
      ["Health_Get", true],
      ["Items_List", true],
      ["Items_Put", false],
    ]);
  });
});

describe("HTTP basic and anonymous operations in the emitted client", () => {
  const basic = swagger2({ Basic: { type: "basic" } }, [{ Basic: [] }]);

  it("takes a NamedKeyCredential and sends it with core-util's UTF-8 and base64 encoders; the client typechecks strictly", async () => {
    const files = await generate(basic, "basic");
    const client = fileText(files, "src/things.ts");
    expect(client).toContain(
      'import { type NamedKeyCredential } from "@azure/core-auth";\nimport { stringToUint8Array, uint8ArrayToString } from "@azure/core-util";',
    );
    expect(client).toContain("  constructor(endpoint: string, credential: NamedKeyCredential, options: ThingsOptions = {}) {");
    expect(client).toContain(
      "   * @param credential - Its `name` (the user name) and `key` (the password) are sent in the `Authorization` header of every request, as HTTP basic authentication (read per request, so an updated credential applies).",
    );
    expect(client).toContain(
      [
        "  pipeline.addPolicy(",
        "    {",
        '      name: "basicCredentialPolicy",',
        "      sendRequest(request, next) {",
        '        const userPass = stringToUint8Array(`${credential.name}:${credential.key}`, "utf-8");',
        '        request.headers.set("Authorization", `Basic ${uint8ArrayToString(userPass, "base64")}`);',
        "        return next(request);",
        "      },",
        "    },",
        '    { phase: "Sign" },',
        "  );",
      ].join("\n"),
    );
    expect(typecheckFiles("operation-security-basic", files)).toEqual([]);
  });

  it("an anonymous operation sends through `withoutCredential(context)`, which only its client's runtime.ts has", async () => {
    const files = await generate(basic, "anonymous");
    expect(fileText(files, "src/operations/health.ts")).toContain(
      ["  await sendOperation(", "    withoutCredential(context),", "    {", '      method: "GET",'].join("\n"),
    );
    expect(fileText(files, "src/operations/health.ts")).toContain(
      ["/**", " * Sends `GET /health`.", " *", " * Sent without the client's credential: the service allows anonymous requests."].join(
        "\n",
      ),
    );
    expect(fileText(files, "src/operations/items.ts")).not.toContain("withoutCredential");
    expect(fileText(files, "src/operations/items.ts")).not.toContain("Sent without");
    expect(fileText(files, "src/runtime.ts")).toContain(
      [
        "export function withoutCredential(context: OperationContext): OperationContext {",
        "  const pipeline = context.pipeline.clone();",
        '  pipeline.removePolicy({ phase: "Sign" });',
        "  return { endpoint: context.endpoint, apiVersion: context.apiVersion, pipeline, httpClient: context.httpClient };",
        "}",
      ].join("\n"),
    );
    // without a credential there is nothing to leave out
    const plain = await generate(swagger2({}, []), "no-credential");
    expect(fileText(plain, "src/operations/health.ts")).toContain("  await sendOperation(\n    context,\n");
    expect(fileText(plain, "src/runtime.ts")).not.toContain("withoutCredential");
  });

  it("sends `Authorization: Basic base64(UTF-8 name:key)` to a server on 127.0.0.1 (an updated credential applies); the anonymous operation sends none", async () => {
    const seen: Array<[string, string | undefined]> = [];
    const server = await startLoopbackServer((request, response) => {
      seen.push([`${request.method} ${request.url}`, request.headers.authorization]);
      request.resume();
      response.writeHead(204);
      response.end();
    });
    try {
      type Client = { items: { list(): Promise<void>; put(): Promise<void> }; health: { get(): Promise<void> } };
      const mod = await importGenerated<{ Things: new (endpoint: string, credential: unknown, options?: object) => Client }>(
        join(work, "basic-run"),
        await generate(basic, "basic-run"),
      );
      const credential = new AzureNamedKeyCredential("user", "päss");
      const client = new mod.Things(server.url, credential, { allowInsecureConnection: true });
      await client.items.list();
      await client.health.get();
      credential.update("admin", "s3cret");
      await client.items.put();
      await client.health.get();
      expect(seen).toEqual([
        ["GET /items", "Basic dXNlcjpww6Rzcw=="],
        ["GET /health", undefined],
        ["PUT /items", "Basic YWRtaW46czNjcmV0"],
        ["GET /health", undefined],
      ]);
      expect(() => new mod.Things(server.url, undefined)).toThrow(new TypeError("credential is required"));
    } finally {
      await server.close();
    }
  });

  it("an OpenAPI 3 API key on operations only: sent by the operations that need it, not by the one allowing anonymous requests", async () => {
    const seen: Array<[string, string | undefined]> = [];
    const server = await startLoopbackServer((request, response) => {
      seen.push([`${request.method} ${request.url}`, request.headers["x-key"] as string | undefined]);
      request.resume();
      response.writeHead(204);
      response.end();
    });
    try {
      type Client = { items: { list(): Promise<void> }; health: { get(): Promise<void> } };
      const mod = await importGenerated<{ Things: new (endpoint: string, credential: unknown, options?: object) => Client }>(
        join(work, "key-run"),
        await generate(openApi3({ Key: { type: "apiKey", name: "X-Key", in: "header" } }, [{ Key: [] }]), "key-run"),
      );
      const client = new mod.Things(server.url, new AzureKeyCredential("k-1"), { allowInsecureConnection: true });
      await client.items.list();
      await client.health.get();
      expect(seen).toEqual([
        ["GET /items", "k-1"],
        ["GET /health", undefined],
      ]);
    } finally {
      await server.close();
    }
  });
});
