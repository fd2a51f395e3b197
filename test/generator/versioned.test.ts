/** Versioned generation: all seven Identity versions into one client, stable names, transforms, gating. */
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { createEmptyPipeline } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readCodeModel } from "../../generator/input/index.js";
import type { CodeModel } from "../../generator/model/types.js";
import { applyTransforms, validateTransforms } from "../../generator/load/transforms.js";
import { checkNameMaps } from "../../generator/load/nameMaps.js";
import { addVersion } from "../../generator/load/addVersion.js";
import type { LoadedSpec, Manifest } from "../../generator/load/types.js";
import { emitClient } from "../../generator/emit/index.js";
import { resolvePaths } from "../../generator/cli/pipeline.js";
import { ALL_VERSIONS, loadVersions } from "../fixtures/emit/generateVersions.js";
import { plainHttpClient, startLoopbackServer, withBody, type LoopbackServer } from "../fixtures/loopbackServer.js";

let model: CodeModel;
let files: Array<{ path: string; content: string }>;
let outDir: string;

beforeAll(async () => {
  const { sources, config } = await loadVersions();
  model = readCodeModel(sources, config);
  files = emitClient(model, { templatesDir: resolvePaths(undefined, {}).templatesDir });
  outDir = join(import.meta.dirname, "../../.tmp", `versioned-${process.pid}`);
  for (const f of files) {
    mkdirSync(dirname(join(outDir, f.path)), { recursive: true });
    writeFileSync(join(outDir, f.path), f.content);
  }
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

const file = (path: string): string => files.find((f) => f.path === path)?.content ?? "";

describe("merged model of all seven versions", () => {
  it("keeps stable operation names across the 2025-06-30 operationId renames", () => {
    const ops = model.operationGroups.flatMap((g) =>
      g.operations.map(
        (o) => `${g.name}.${o.name} ${o.method.toUpperCase()} ${o.path} [${o.apiVersions.join(",")}] ${o.previousOperationIds.join(">")}`,
      ),
    );
    const all = ALL_VERSIONS.join(",");
    expect(ops.sort()).toEqual([
      `communicationIdentity.create POST /identities [${all}] CommunicationIdentity_Create>IdentityOperations_Create`,
      `communicationIdentity.delete DELETE /identities/{id} [${all}] CommunicationIdentity_Delete>IdentityOperations_Delete`,
      "communicationIdentity.exchangeTeamsUserAccessToken POST /teamsUser/:exchangeAccessToken [2022-06-01,2022-10-01,2023-10-01,2025-03-02-preview,2025-06-30,2026-09-23] CommunicationIdentity_ExchangeTeamsUserAccessToken>TeamsUserOperations_ExchangeTeamsUserAccessToken",
      "communicationIdentity.get GET /identities/{id} [2025-03-02-preview] CommunicationIdentity_Get",
      `communicationIdentity.issueAccessToken POST /identities/{id}/:issueAccessToken [${all}] CommunicationIdentity_IssueAccessToken>IdentityOperations_IssueAccessToken`,
      `communicationIdentity.revokeAccessTokens POST /identities/{id}/:revokeAccessTokens [${all}] CommunicationIdentity_RevokeAccessTokens>IdentityOperations_RevokeAccessTokens`,
      "teamsExtension.deleteAssignment DELETE /access/teamsExtension/tenants/{tenantId}/assignments/{objectId} [2025-03-02-preview,2025-06-30,2026-09-23] DeleteTeamsPhoneAssignment>TeamsExtensionOperations_DeleteAssignment",
      "teamsExtension.exchangeAccessToken POST /access/teamsExtension/:exchangeAccessToken [2025-03-02-preview,2025-06-30,2026-09-23] ExchangeTeamsPhoneToken>TeamsExtensionOperations_ExchangeToken",
      "teamsExtension.getAssignment GET /access/teamsExtension/tenants/{tenantId}/assignments/{objectId} [2025-03-02-preview,2025-06-30,2026-09-23] GetTeamsPhoneAssignment>TeamsExtensionOperations_GetAssignment",
      "teamsExtension.upsertAssignment PUT /access/teamsExtension/tenants/{tenantId}/assignments/{objectId} [2025-03-02-preview,2025-06-30,2026-09-23] CreateOrReplaceTeamsPhoneAssignment>TeamsExtensionOperations_UpsertAssignment",
    ]);
    expect(model.client.apiVersion).toEqual({ serializedName: "api-version", defaultValue: "2026-09-23" });
  });

  it("keeps model names stable (preview TeamsPhone* definitions map to TeamsExtension*)", () => {
    expect(model.objects.map((o) => `${o.name} [${o.apiVersions.join(",")}]`)).toEqual([
      `CommunicationError [${ALL_VERSIONS.join(",")}]`,
      `CommunicationErrorResponse [${ALL_VERSIONS.join(",")}]`,
      `CommunicationIdentity [${ALL_VERSIONS.join(",")}]`,
      `CommunicationIdentityAccessToken [${ALL_VERSIONS.join(",")}]`,
      `CommunicationIdentityAccessTokenRequest [${ALL_VERSIONS.join(",")}]`,
      `CommunicationIdentityAccessTokenResult [${ALL_VERSIONS.join(",")}]`,
      `CommunicationIdentityCreateRequest [${ALL_VERSIONS.join(",")}]`,
      "TeamsExtensionAssignmentCreateOrUpdateRequest [2025-03-02-preview,2025-06-30,2026-09-23]",
      "TeamsExtensionAssignmentResponse [2025-03-02-preview,2025-06-30,2026-09-23]",
      "TeamsExtensionExchangeTokenRequest [2025-03-02-preview,2025-06-30,2026-09-23]",
      "TeamsUserExchangeTokenRequest [2022-06-01,2022-10-01,2023-10-01,2025-03-02-preview,2025-06-30,2026-09-23]",
    ]);
    expect(model.enums.map((e) => e.name)).toEqual(["CommunicationIdentityTokenScope", "TeamsExtensionPrincipalType"]);
  });

  it("applies the customId transform to the preview and reports it", () => {
    const identity = model.objects.find((o) => o.name === "CommunicationIdentity");
    expect(identity?.properties.map((p) => `${p.serializedName} [${p.apiVersions.join(",")}]`)).toEqual([
      `id [${ALL_VERSIONS.join(",")}]`,
      "customId [2025-03-02-preview]",
      "lastTokenIssuedAt [2025-03-02-preview]",
    ]);
    const preview = model.apiVersions.find((v) => v.apiVersion === "2025-03-02-preview");
    expect(preview?.transforms?.map((t) => `#${t.index} ${t.kind} ${t.pointer}: ${t.change}`)).toEqual([
      '#0 renameProperty /definitions/CommunicationIdentityCreateRequest: renamed property "externalId" to "customId"',
      '#1 renameProperty /definitions/CommunicationIdentity: renamed property "externalId" to "customId"',
      "#2 setDescription /paths/~1identities/post/responses/200: set description",
      "#3 setDescription /definitions/CommunicationIdentity/properties/customId: set description",
    ]);
    expect(file("README.md")).toContain(
      '| 0 | 2025-03-02-preview | renameProperty | `specification/communication/data-plane/Identity/preview/2025-03-02-preview/CommunicationIdentity.json#/definitions/CommunicationIdentityCreateRequest` | renamed property "externalId" to "customId" |',
    );
    expect(file("src/models.ts")).not.toContain("externalId");
    expect(file("src/models.ts")).not.toMatch(/external id/i);
  });
});

describe("emitted versioned client", () => {
  it("exports the versions and the default", () => {
    expect(file("src/apiVersions.ts")).toContain(
      'export const apiVersions = ["2021-03-07", "2022-06-01", "2022-10-01", "2023-10-01", "2025-03-02-preview", "2025-06-30", "2026-09-23"] as const;',
    );
    expect(file("src/apiVersions.ts")).toContain('export const defaultApiVersion: ApiVersion = "2026-09-23";');
    expect(file("src/index.ts")).toContain(
      'export { apiVersions, type ApiVersion, defaultApiVersion, resolveApiVersion } from "./apiVersions.js";',
    );
    expect(file("src/index.ts")).toContain(
      'export { ApiVersionMismatchError, type OperationContext, type OperationOptions } from "./runtime.js";',
    );
  });

  it("documents gated members with their versions", () => {
    // on the function and on the class method that delegates to it
    expect(file("src/operations/communicationIdentity.ts")).toContain(
      " * Supported in api-version `2025-03-02-preview` only.\n * @param context",
    );
    expect(file("src/operations/communicationIdentity.ts")).toContain("   * Supported in api-version `2025-03-02-preview` only.\n");
    expect(file("src/models.ts")).toContain(
      "  /**\n   * Optional custom validity period of the token within [60,1440] minutes range. If not provided, the default value of 1440 minutes (24 hours) will be used.\n   *\n   * Supported in api-version `2022-10-01`, `2023-10-01`, `2025-03-02-preview`, `2025-06-30`, `2026-09-23` only.\n   */\n  expiresInMinutes?: number;",
    );
  });

  it("names the spec in a three-line header; README.md holds every file read with its sha256 and the transforms", () => {
    expect(file("src/index.ts").split("\n").slice(0, 4)).toEqual([
      "// Code generated by acs-gen. DO NOT EDIT.",
      "// Spec: specification/communication/data-plane/Identity/**/CommunicationIdentity.json, api-versions 2021-03-07 to 2026-09-23 (7)",
      "// API versions, every file read with its sha256, spec transforms: README.md.",
      "",
    ]);
    const readme = file("README.md");
    expect(readme).toContain(
      "| `af8eba2beafbd9a1d3e34ee3fe17f3a35c2159257a2e3cda48ad92e8502420ad` | `specification/communication/data-plane/Identity/preview/2025-03-02-preview/CommunicationIdentity.json` |\n",
    );
    expect(readme).toContain(
      "| `5a9beada36a8a2a33710331f8f2e83eb6cccdc8fe0f86b3354bc32816ae0ffbc` | `specification/communication/data-plane/Common/stable/2022-07-13/common.json` |\n",
    );
    expect(readme.match(/^\| \d \| 2025-03-02-preview \| (renameProperty|setDescription) \|/gm)).toHaveLength(4);
  });
});

describe("gating at runtime against a loopback server", () => {
  const seen: string[] = [];
  let server: LoopbackServer;
  let endpoint = "";
  beforeAll(async () => {
    server = await startLoopbackServer(
      withBody((req, res, body) => {
        seen.push(`${req.method} ${req.url} ${body}`);
        res.writeHead(200, { "content-type": "application/json" });
        res.end(JSON.stringify({ token: "t", expiresOn: "2030-01-01T00:00:00Z", id: "u1" }));
      }),
    );
    endpoint = server.url;
  });
  afterAll(() => server.close());

  const opts = (apiVersion?: string): object => ({
    pipeline: createEmptyPipeline(),
    httpClient: plainHttpClient(),
    ...(apiVersion ? { apiVersion } : {}),
  });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const load = async (): Promise<any> => import(join(outDir, "src/index.ts"));

  it("rejects an unknown api-version, listing the generated ones", async () => {
    const { IdentityRestClient } = await load();
    expect(() => new IdentityRestClient(endpoint, { apiVersion: "2020-01-01" })).toThrow(
      new RangeError(
        'apiVersion "2020-01-01" is not one of the generated api-versions: 2021-03-07, 2022-06-01, 2022-10-01, 2023-10-01, 2025-03-02-preview, 2025-06-30, 2026-09-23',
      ),
    );
  });

  it("fails before any request for an operation or field the pinned version lacks, and sends on one that has it", async () => {
    const { IdentityRestClient, ApiVersionMismatchError } = await load();
    const old = new IdentityRestClient(endpoint, opts("2021-03-07"));
    seen.length = 0;
    const opError = await old.communicationIdentity.get("u1").catch((e: unknown) => e);
    expect(opError).toBeInstanceOf(ApiVersionMismatchError);
    expect((opError as Error).message).toBe("get is not supported by api-version 2021-03-07 (supported in 2025-03-02-preview)");
    expect(opError).toMatchObject({ apiVersion: "2021-03-07", member: "get", supportedVersions: ["2025-03-02-preview"] });
    const fieldError = await old.communicationIdentity
      .issueAccessToken("u1", { scopes: ["chat"], expiresInMinutes: 60 })
      .catch((e: unknown) => e);
    expect((fieldError as Error).message).toBe(
      "issueAccessToken: body.expiresInMinutes is not supported by api-version 2021-03-07 (supported in 2022-10-01, 2023-10-01, 2025-03-02-preview, 2025-06-30, 2026-09-23)",
    );
    expect(seen).toEqual([]);

    await old.communicationIdentity.issueAccessToken("u1", { scopes: ["chat"] });
    const preview = new IdentityRestClient(endpoint, opts("2025-03-02-preview"));
    await preview.communicationIdentity.get("u1");
    await new IdentityRestClient(endpoint, opts()).communicationIdentity.issueAccessToken("u1", { scopes: ["chat"], expiresInMinutes: 60 });
    expect(seen).toEqual([
      'POST /identities/u1/:issueAccessToken?api-version=2021-03-07 {"scopes":["chat"]}',
      "GET /identities/u1?api-version=2025-03-02-preview ",
      'POST /identities/u1/:issueAccessToken?api-version=2026-09-23 {"scopes":["chat"],"expiresInMinutes":60}',
    ]);
  });
});

describe("spec transforms", () => {
  const spec: LoadedSpec = {
    rootDir: "/r",
    entryFile: "a.json",
    files: [],
    warnings: [],
    documents: {
      "a.json": {
        definitions: {
          M: { type: "object", required: ["old"], properties: { x: { type: "string" }, old: { type: "string" } } },
          E: { type: "string", enum: ["a", "b"], "x-ms-enum": { name: "E", values: [{ value: "a" }, { value: "b" }] } },
        },
      },
    },
  };
  const raw = {
    transforms: [
      { apiVersions: ["v1"], kind: "renameProperty", file: "a.json", pointer: "/definitions/M", from: "old", to: "new", reason: "r1" },
      { apiVersions: ["v1"], kind: "renameEnumValue", file: "a.json", pointer: "/definitions/E", from: "b", to: "c", reason: "r2" },
      {
        apiVersions: ["v1"],
        kind: "setType",
        file: "a.json",
        pointer: "/definitions/M/properties/x",
        type: "integer",
        format: "int32",
        reason: "r3",
      },
      { apiVersions: ["v2"], kind: "setDescription", file: "a.json", pointer: "/definitions/M", description: "d", reason: "r4" },
    ],
  };

  it("applies in order to a copy, for the listed versions only", () => {
    const before = JSON.stringify(spec.documents);
    const { spec: out, applied } = applyTransforms(spec, "v1", validateTransforms(raw, ["v1", "v2"]));
    expect(out.documents["a.json"]).toEqual({
      definitions: {
        M: { type: "object", required: ["new"], properties: { x: { type: "integer", format: "int32" }, new: { type: "string" } } },
        E: { type: "string", enum: ["a", "c"], "x-ms-enum": { name: "E", values: [{ value: "a" }, { value: "c" }] } },
      },
    });
    expect(applied.map((a) => `${a.index} ${a.change}`)).toEqual([
      '0 renamed property "old" to "new"',
      '1 renamed enum value "b" to "c"',
      "2 set type string -> integer (format int32)",
    ]);
    expect(JSON.stringify(spec.documents)).toBe(before);
  });

  it("fails naming the transform, file and pointer when the target is gone", () => {
    const gone = validateTransforms({ transforms: [{ ...raw.transforms[0], pointer: "/definitions/Missing" }] }, ["v1"]);
    expect(() => applyTransforms(spec, "v1", gone)).toThrow(
      "a.json#/definitions/Missing: transform #0 (renameProperty) for v1: the target no longer exists",
    );
    const noProp = validateTransforms({ transforms: [{ ...raw.transforms[0], from: "nope" }] }, ["v1"]);
    expect(() => applyTransforms(spec, "v1", noProp)).toThrow(
      'a.json#/definitions/M: transform #0 (renameProperty) for v1: property "nope" no longer exists',
    );
  });

  it("rejects bad declarations", () => {
    expect(() => validateTransforms({ transforms: [{ ...raw.transforms[0], apiVersions: ["v9"] }] }, ["v1"])).toThrow(
      'spec/transforms.json#/transforms/0/apiVersions/0: transform #0: API version "v9" is not in the manifest (known: v1)',
    );
    expect(() => validateTransforms({ transforms: [{ ...raw.transforms[0], reason: "" }] }, ["v1"])).toThrow(
      'spec/transforms.json#/transforms/0/reason: transform #0: "reason" must be a non-empty string',
    );
  });
});

describe("name maps and addVersion", () => {
  const docs = [{ paths: { "/a": { get: {} } }, definitions: { Foo: {} } }];
  it("fails on a key that matches nothing", () => {
    expect(() => checkNameMaps({ clientName: "C", operationNames: { "GET /b": { group: "g", name: "n" } } }, docs)).toThrow(
      'spec/manifest.json#/client/operationNames/GET ~1b: no operation "GET /b" in any listed API version',
    );
    expect(() => checkNameMaps({ clientName: "C", modelNames: { Bar: "Baz" } }, docs)).toThrow(
      'spec/manifest.json#/client/modelNames/Bar: no definition "Bar" in any listed API version',
    );
    expect(() =>
      checkNameMaps({ clientName: "C", operationNames: { "GET /a": { group: "g", name: "n" } }, modelNames: { Foo: "X" } }, docs),
    ).not.toThrow();
  });
  it("addVersion adds to generate, oldest first", () => {
    const m = {
      client: { clientName: "C" },
      generate: ["2022-06-01"],
      versions: [
        { apiVersion: "2021-03-07", status: "stable", path: "a.json", sha256: {} },
        { apiVersion: "2022-06-01", status: "stable", path: "b.json", sha256: {} },
      ],
    } as Manifest;
    expect(addVersion(m, "2021-03-07").generate).toEqual(["2021-03-07", "2022-06-01"]);
    expect(m.generate).toEqual(["2022-06-01"]);
    expect(() => addVersion(m, "2099-01-01")).toThrow(
      'spec/manifest.json#/versions: no API version "2099-01-01" (known: 2021-03-07, 2022-06-01)',
    );
  });
});
