import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createEmptyPipeline, createHttpHeaders, type HttpClient, type PipelineRequest } from "@azure/core-rest-pipeline";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runtimeValueNames } from "../../generator/emit/runtimeNames.js";
import {
  CommunicationIdentityOperations,
  communicationIdentityCreate,
  communicationIdentityIssueAccessToken,
  type OperationContext,
} from "../../generated/src/index.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory } from "../fixtures/emit/generate.js";
import { generatedFrom } from "../fixtures/manifestVersions.js";

const generatedFile = (path: string): string => readFileSync(join(repoRoot, "generated", path), "utf8");

/** Names of the `export async function`s of a file, in order. */
const exportedFunctions = (text: string): string[] => [...text.matchAll(/^export async function (\w+)\(/gm)].map((m) => m[1]!);

/** An unminified ESM bundle (esbuild, tree-shaking on) of an entry importing `names` from generated/src/index.ts. */
async function bundleOf(names: string[]): Promise<string> {
  const result = await build({
    stdin: {
      contents: `import { ${names.join(", ")} } from "./generated/src/index.js";\nexport { ${names.join(", ")} };\n`,
      resolveDir: repoRoot,
      sourcefile: "entry.ts",
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "esm",
    minify: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

describe("operation functions: the Identity client in generated/", () => {
  it("one exported async function per operation, camelCase(group) + PascalCase(method), in every operations file and index.ts", () => {
    expect(exportedFunctions(generatedFile("src/operations/communicationIdentity.ts"))).toEqual([
      "communicationIdentityCreate",
      "communicationIdentityDelete",
      "communicationIdentityIssueAccessToken",
      "communicationIdentityRevokeAccessTokens",
      "communicationIdentityExchangeTeamsUserAccessToken",
      "communicationIdentityGet",
    ]);
    expect(exportedFunctions(generatedFile("src/operations/teamsExtension.ts"))).toEqual([
      "teamsExtensionExchangeAccessToken",
      "teamsExtensionGetAssignment",
      "teamsExtensionUpsertAssignment",
      "teamsExtensionDeleteAssignment",
    ]);
    const index = generatedFile("src/index.ts");
    expect(index).toContain(
      [
        "export {",
        "  CommunicationIdentityOperations,",
        "  communicationIdentityCreate,",
        "  communicationIdentityDelete,",
        "  communicationIdentityIssueAccessToken,",
        "  communicationIdentityRevokeAccessTokens,",
        "  communicationIdentityExchangeTeamsUserAccessToken,",
        "  communicationIdentityGet,",
        '} from "./operations/communicationIdentity.js";\n',
      ].join("\n"),
    );
    expect(index).toContain(
      [
        "export {",
        "  TeamsExtensionOperations,",
        "  teamsExtensionExchangeAccessToken,",
        "  teamsExtensionGetAssignment,",
        "  teamsExtensionUpsertAssignment,",
        "  teamsExtensionDeleteAssignment,",
        '} from "./operations/teamsExtension.js";\n',
      ].join("\n"),
    );
    expect(index).toContain('export { ApiVersionMismatchError, type OperationContext, type OperationOptions } from "./runtime.js";\n');
  });

  it("communicationIdentityCreate: context first, then the method's parameters and return type", () => {
    const text = generatedFile("src/operations/communicationIdentity.ts");
    expect(text).toContain(
      [
        " * Create a new identity, and optionally, an access token.",
        " * @param context - The endpoint, api-version, pipeline and HTTP client the request uses (instances of `IdentityRestClient` and `IdentityRestClientCore` have them).",
        " * @param options - Optional parameters and per-request options.",
        " * @returns The request has succeeded and a new resource has been created as a result.",
        " */",
        "export async function communicationIdentityCreate(",
        "  context: OperationContext,",
        "  options: CommunicationIdentityCreateOptionalParams = {},",
        "): Promise<CommunicationIdentityAccessTokenResult> {",
        "  if (options.body?.expiresInMinutes !== undefined) {",
        '    assertApiVersion(context.apiVersion, "create: body.expiresInMinutes", [',
        ...generatedFrom("2022-10-01").map((v) => `      "${v}",`),
        "    ]);",
        "  }",
      ].join("\n"),
    );
  });

  it("the class keeps its shape, and create() delegates to communicationIdentityCreate with its client", () => {
    const text = generatedFile("src/operations/communicationIdentity.ts");
    expect(text).toContain(
      [
        "export class CommunicationIdentityOperations {",
        "  readonly #client: IdentityRestClient;",
        "",
        "  /**",
        "   * Created by the client; use its property instead.",
        "   * @param client - The client whose endpoint, pipeline and api-version requests use.",
        "   */",
        "  constructor(client: IdentityRestClient) {",
        "    this.#client = client;",
        "  }",
        "",
        "  /**",
        "   * Create a new identity, and optionally, an access token.",
        "   * @param options - Optional parameters and per-request options.",
        "   * @returns The request has succeeded and a new resource has been created as a result.",
        "   */",
        "  async create(options: CommunicationIdentityCreateOptionalParams = {}): Promise<CommunicationIdentityAccessTokenResult> {",
        "    return communicationIdentityCreate(this.#client, options);",
        "  }",
        "",
      ].join("\n"),
    );
    // every method body is one delegation; no request logic is left in the class
    const cls = text.slice(text.indexOf("export class CommunicationIdentityOperations"));
    expect(cls).not.toContain("buildRequestUrl");
    expect(cls.match(/^ {4}return communicationIdentity\w+\(this\.#client, /gm)).toHaveLength(6);
  });

  it("the function and the method send the same request", async () => {
    const sent: PipelineRequest[] = [];
    const httpClient: HttpClient = {
      sendRequest: async (request) => {
        sent.push(request);
        return { request, status: 200, headers: createHttpHeaders(), bodyAsText: '{"token":"t","expiresOn":"2030-01-01T00:00:00Z"}' };
      },
    };
    const context: OperationContext = {
      endpoint: "https://x.example",
      apiVersion: "2023-10-01",
      pipeline: createEmptyPipeline(),
      httpClient,
    };
    const body = { scopes: ["chat"], expiresInMinutes: 60 };
    const fromFunction = await communicationIdentityIssueAccessToken(context, "id/1", body);
    const fromMethod = await new CommunicationIdentityOperations(context as never).issueAccessToken("id/1", body);
    expect(fromFunction).toEqual({ token: "t", expiresOn: new Date("2030-01-01T00:00:00Z") });
    expect(fromMethod).toEqual(fromFunction);
    const wire = sent.map((r) => ({ method: r.method, url: r.url, headers: r.headers.toJSON(), body: r.body }));
    expect(wire[0]).toEqual({
      method: "POST",
      url: "https://x.example/identities/id%2F1/:issueAccessToken?api-version=2023-10-01",
      headers: { accept: "application/json", "content-type": "application/json" },
      body: '{"scopes":["chat"],"expiresInMinutes":60}',
    });
    expect(wire[1]).toEqual(wire[0]);
  });

  it("the api-version gate runs in the function, before sending", async () => {
    const context: OperationContext = {
      endpoint: "https://x.example",
      apiVersion: "2021-03-07",
      pipeline: createEmptyPipeline(),
      httpClient: { sendRequest: () => Promise.reject(new Error("sent")) },
    };
    await expect(communicationIdentityCreate(context, { body: { expiresInMinutes: 60 } })).rejects.toThrow("create: body.expiresInMinutes");
  });
});

describe("operation functions tree-shake (esbuild bundle of generated/src/index.ts)", () => {
  it("importing only communicationIdentityCreate leaves out every other operation and the classes", async () => {
    const code = await bundleOf(["communicationIdentityCreate"]);
    // (esbuild may rename locals such as `context`)
    expect(code).toMatch(/^async function communicationIdentityCreate\(\w+, options = \{\}\) \{$/m);
    expect(code).toContain('"/identities"');
    for (const absent of [
      "/teamsUser/:exchangeAccessToken",
      ":revokeAccessTokens",
      ":issueAccessToken",
      "/identities/{id}",
      "/access/teamsExtension",
      "CommunicationIdentityOperations",
      "TeamsExtensionOperations",
      // (generated/ has no validators: the service checks its constraints, see constraints.test.ts)
    ]) {
      expect(code, absent).not.toContain(absent);
    }
  });

  it("control: importing the class brings in every operation of its group (so the absences above mean something)", async () => {
    const code = await bundleOf(["CommunicationIdentityOperations"]);
    for (const present of [
      "/teamsUser/:exchangeAccessToken",
      ":revokeAccessTokens",
      ":issueAccessToken",
      "async function communicationIdentityGet(",
    ]) {
      expect(code, present).toContain(present);
    }
    expect(code).not.toContain("/access/teamsExtension");
  });
});

describe("operation function names: unique, valid identifiers by the code model's rules", () => {
  let work = "";
  let files: Array<{ path: string; content: string }> = [];
  const file = (path: string): string => files.find((f) => f.path === path)?.content ?? "";
  const ok = { "200": { description: "OK" } };

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "acs-gen-functions-"));
    const spec = {
      swagger: "2.0",
      info: { title: "Naming", version: "2024-01-01" },
      host: "example.com",
      schemes: ["https"],
      paths: {
        // no group: a reserved word, a name the index already exports, the options bag's name
        "/a": { get: { operationId: "delete", responses: ok } },
        "/b": { get: { operationId: "apiVersions", responses: ok } },
        "/c": { get: { operationId: "options", responses: ok } },
        // two groups whose names run together
        "/d": { get: { operationId: "Foo_BarBaz", responses: ok } },
        "/e": { get: { operationId: "FooBar_Baz", responses: ok } },
        // a validator's name (Thing has a required property and is sent)
        "/f": {
          put: {
            operationId: "Validate_Thing",
            parameters: [{ name: "body", in: "body", required: true, schema: { $ref: "#/definitions/Thing" } }],
            responses: ok,
          },
        },
        // the method's own parameter would shadow the function it delegates to
        "/g/{fooQux}": {
          get: { operationId: "Foo_Qux", parameters: [{ name: "fooQux", in: "path", required: true, type: "string" }], responses: ok },
        },
        // a parameter named like the function's first parameter; a client-level header and the api-version
        "/h": {
          get: {
            operationId: "Things_Get",
            parameters: [
              { name: "context", in: "query", required: true, type: "string" },
              { $ref: "#/parameters/Tenant" },
              { $ref: "#/parameters/ApiVersion" },
            ],
            responses: ok,
          },
        },
      },
      parameters: {
        Tenant: { name: "tenant", in: "header", required: true, type: "string" },
        ApiVersion: { name: "api-version", in: "query", required: true, type: "string" },
      },
      definitions: { Thing: { type: "object", required: ["name"], properties: { name: { type: "string" } } } },
    };
    writeFileSync(join(work, "naming.json"), JSON.stringify(spec, null, 2));
    files = await generateInMemory(join(work, "naming.json"), work);
  });

  afterAll(() => {
    if (work !== "") rmSync(work, { recursive: true, force: true });
  });

  it("names every function, suffixing 2 for reserved words and taken names", () => {
    expect(
      files
        .filter((f) => f.path.startsWith("src/operations/"))
        .flatMap((f) => exportedFunctions(f.content))
        .sort(),
    ).toEqual(["apiVersions2", "delete2", "fooBarBaz", "fooBarBaz2", "fooQux2", "options2", "thingsGet", "validateThing2"].sort());
    expect(file("src/operations/operations.ts")).toContain(
      "  async delete(options: OperationOptions = {}): Promise<void> {\n    return delete2(this.#client, options);\n  }\n",
    );
    expect(file("src/operations/foo.ts")).toContain(
      "  async qux(fooQux: string, options: OperationOptions = {}): Promise<void> {\n    return fooQux2(this.#client, fooQux, options);\n  }\n",
    );
  });

  it("renames a `context` parameter, and types context with the client-level members the operation reads", () => {
    expect(file("src/operations/things.ts")).toContain(
      'export async function thingsGet(context: OperationContext & Pick<Naming, "tenant">, contextParam: string, options: OperationOptions = {}): Promise<void> {\n',
    );
    expect(file("src/operations/things.ts")).toContain('      "tenant": context.tenant,\n');
    expect(file("src/operations/things.ts")).toContain(
      " * @param context - The endpoint, api-version, pipeline, HTTP client and `tenant` the request uses (instances of `Naming` and `NamingCore` have them).\n",
    );
  });

  it("the output compiles (strict, noUnused*)", () => {
    expect(typecheckFiles("functions-naming", files)).toEqual([]);
  });
});

describe("runtimeValueNames", () => {
  it("lists exactly the values generator/emit/runtime/runtime.ts, constraints.ts, bodies.ts and anonymous.ts export", () => {
    const source = ["runtime.ts", "constraints.ts", "bodies.ts", "anonymous.ts"]
      .map((f) => readFileSync(join(repoRoot, "generator/emit/runtime", f), "utf8"))
      .join("\n");
    const exported = [...source.matchAll(/^export (?:async )?(?:function|class|const|let|var) (\w+)/gm)].map((m) => m[1]!);
    expect([...runtimeValueNames].sort()).toEqual(exported.sort());
  });
});
