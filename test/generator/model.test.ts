import { describe, expect, it } from "vitest";
import { readCodeModel } from "../../generator/input/index.js";
import type { CodeModel, ObjectModel, Operation } from "../../generator/model/types.js";
import { IDENTITY_CONFIG, IDENTITY_DIR, identityVersion } from "../fixtures/model/load.js";

const ENTRY = `${IDENTITY_DIR}/stable/2021-03-07/CommunicationIdentity.json`;
const COMMON = "specification/communication/data-plane/Common/stable/2021-03-07/common.json";
const V = ["2021-03-07"];

function op(model: CodeModel, name: string): Operation {
  const found = model.operationGroups.flatMap((g) => g.operations).find((o) => o.name === name);
  if (found === undefined) throw new Error(`no operation ${name}`);
  return found;
}
function obj(model: CodeModel, name: string): ObjectModel {
  const found = model.objects.find((o) => o.name === name);
  if (found === undefined) throw new Error(`no model ${name}`);
  return found;
}

const apiVersionParam = {
  name: "apiVersion",
  serializedName: "api-version",
  location: "query",
  type: { kind: "string" },
  required: true,
  clientLevel: true,
  skipUrlEncoding: false,
  description: "Version of API to invoke.",
  isApiVersion: true,
  apiVersions: V,
  source: { file: ENTRY, pointer: "/parameters/ApiVersionParameter" },
};
const idParam = (description: string, opPointer: string) => ({
  name: "id",
  serializedName: "id",
  location: "path",
  type: { kind: "string" },
  required: true,
  clientLevel: false,
  skipUrlEncoding: false,
  description,
  isApiVersion: false,
  apiVersions: V,
  source: { file: ENTRY, pointer: `${opPointer}/parameters/0` },
});
const errorResponses = [
  {
    status: "default",
    description: "Error",
    bodyType: { kind: "model", name: "CommunicationErrorResponse" },
    headers: [],
  },
];

describe("identity 2021-03-07 code model", () => {
  const model = readCodeModel([identityVersion("2021-03-07")], IDENTITY_CONFIG);

  it("describes the client: name, endpoint, api-version", () => {
    expect(model.client).toEqual({
      name: "IdentityRestClient",
      description: "Azure Communication Identity Service",
      endpoint: {
        hostTemplate: "{endpoint}",
        useSchemePrefix: false,
        basePath: "",
        parameters: [
          {
            name: "endpoint",
            serializedName: "endpoint",
            location: "path",
            type: { kind: "string" },
            required: true,
            clientLevel: true,
            skipUrlEncoding: true,
            description: "The communication resource, for example https://my-resource.communication.azure.com",
            isApiVersion: false,
            apiVersions: V,
            source: { file: ENTRY, pointer: "/x-ms-parameterized-host/parameters/0" },
          },
        ],
      },
      apiVersion: { serializedName: "api-version", defaultValue: "2021-03-07" },
      parameters: [],
    });
    expect(model.apiVersions).toEqual([
      {
        apiVersion: "2021-03-07",
        status: "stable",
        specPath: ENTRY,
        files: [
          { path: ENTRY, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
          { path: COMMON, sha256: expect.stringMatching(/^[0-9a-f]{64}$/) },
        ],
      },
    ]);
  });

  it("has the four operations in one group, in spec order", () => {
    expect(
      model.operationGroups.map((g) => ({
        name: g.name,
        typeName: g.typeName,
        operations: g.operations.map((o) => [o.name, o.operationId, o.method, o.path]),
      })),
    ).toEqual([
      {
        name: "communicationIdentity",
        typeName: "CommunicationIdentity",
        operations: [
          ["create", "CommunicationIdentity_Create", "post", "/identities"],
          ["delete", "CommunicationIdentity_Delete", "delete", "/identities/{id}"],
          ["revokeAccessTokens", "CommunicationIdentity_RevokeAccessTokens", "post", "/identities/{id}/:revokeAccessTokens"],
          ["issueAccessToken", "CommunicationIdentity_IssueAccessToken", "post", "/identities/{id}/:issueAccessToken"],
        ],
      },
    ]);
  });

  it("create: optional body, 201 result, default error", () => {
    expect(op(model, "create")).toEqual({
      name: "create",
      operationId: "CommunicationIdentity_Create",
      previousOperationIds: ["CommunicationIdentity_Create"],
      method: "post",
      path: "/identities",
      summary: "Create a new identity.",
      deprecated: false,
      parameters: [apiVersionParam],
      clientParameters: [],
      body: {
        name: "body",
        serializedName: "body",
        type: { kind: "model", name: "CommunicationIdentityCreateRequest" },
        required: false,
        apiVersions: V,
        source: { file: ENTRY, pointer: "/paths/~1identities/post/parameters/1" },
      },
      consumes: ["application/json"],
      produces: ["application/json"],
      responses: [
        {
          status: 201,
          description: "Created - Returns the created identity.",
          bodyType: { kind: "model", name: "CommunicationIdentityAccessTokenResult" },
          headers: [],
        },
      ],
      errorResponses,
      apiVersions: V,
      source: { file: ENTRY, pointer: "/paths/~1identities/post" },
    });
  });

  it("delete and revokeAccessTokens: path id, 204 without body", () => {
    const del = op(model, "delete");
    expect(del.parameters).toEqual([
      idParam("Identifier of the identity to be deleted.", "/paths/~1identities~1{id}/delete"),
      apiVersionParam,
    ]);
    expect(del.body).toBeUndefined();
    expect(del.consumes).toEqual([]);
    expect(del.responses).toEqual([{ status: 204, description: "Success", headers: [] }]);
    expect(del.errorResponses).toEqual(errorResponses);

    const revoke = op(model, "revokeAccessTokens");
    expect(revoke.parameters).toEqual([
      idParam("Identifier of the identity.", "/paths/~1identities~1{id}~1:revokeAccessTokens/post"),
      apiVersionParam,
    ]);
    expect(revoke.responses).toEqual([{ status: 204, description: "Success", headers: [] }]);
  });

  it("issueAccessToken: path id, required body, 200 token", () => {
    const issue = op(model, "issueAccessToken");
    const pointer = "/paths/~1identities~1{id}~1:issueAccessToken/post";
    expect(issue.parameters).toEqual([idParam("Identifier of the identity to issue token for.", pointer), apiVersionParam]);
    expect(issue.body).toEqual({
      name: "body",
      serializedName: "body",
      type: { kind: "model", name: "CommunicationIdentityAccessTokenRequest" },
      required: true,
      description: "Requesting scopes for the new token.",
      apiVersions: V,
      source: { file: ENTRY, pointer: `${pointer}/parameters/2` },
    });
    expect(issue.responses).toEqual([
      {
        status: 200,
        description: "Success",
        bodyType: { kind: "model", name: "CommunicationIdentityAccessToken" },
        headers: [],
      },
    ]);
  });

  it("has every model, sorted by name, with usage", () => {
    expect(model.objects.map((o) => [o.name, o.serializedName, o.usage, o.source.file])).toEqual([
      ["CommunicationError", "CommunicationError", ["output"], COMMON],
      ["CommunicationErrorResponse", "CommunicationErrorResponse", ["output"], COMMON],
      ["CommunicationIdentity", "CommunicationIdentity", ["output"], ENTRY],
      ["CommunicationIdentityAccessToken", "CommunicationIdentityAccessToken", ["output"], ENTRY],
      ["CommunicationIdentityAccessTokenRequest", "CommunicationIdentityAccessTokenRequest", ["input"], ENTRY],
      ["CommunicationIdentityAccessTokenResult", "CommunicationIdentityAccessTokenResult", ["output"], ENTRY],
      ["CommunicationIdentityCreateRequest", "CommunicationIdentityCreateRequest", ["input"], ENTRY],
    ]);
    const brief = (o: ObjectModel) => o.properties.map((p) => [p.name, p.serializedName, p.type, p.required, p.readOnly, p.nullable]);
    const scopes = { kind: "array", items: { kind: "enum", name: "CommunicationIdentityTokenScope" } };
    expect(brief(obj(model, "CommunicationIdentity"))).toEqual([["id", "id", { kind: "string" }, true, false, false]]);
    expect(brief(obj(model, "CommunicationIdentityAccessToken"))).toEqual([
      ["token", "token", { kind: "string" }, true, false, false],
      ["expiresOn", "expiresOn", { kind: "date", format: "date-time" }, true, false, false],
    ]);
    expect(brief(obj(model, "CommunicationIdentityAccessTokenResult"))).toEqual([
      ["identity", "identity", { kind: "model", name: "CommunicationIdentity" }, true, false, false],
      ["accessToken", "accessToken", { kind: "model", name: "CommunicationIdentityAccessToken" }, false, false, false],
    ]);
    expect(brief(obj(model, "CommunicationIdentityAccessTokenRequest"))).toEqual([["scopes", "scopes", scopes, true, false, false]]);
    expect(brief(obj(model, "CommunicationIdentityCreateRequest"))).toEqual([
      ["createTokenWithScopes", "createTokenWithScopes", scopes, false, false, false],
    ]);
    expect(brief(obj(model, "CommunicationErrorResponse"))).toEqual([
      ["error", "error", { kind: "model", name: "CommunicationError" }, true, false, false],
    ]);
  });

  it("CommunicationError: recursion, innererror renamed innerError, readOnly", () => {
    expect(obj(model, "CommunicationError")).toEqual({
      name: "CommunicationError",
      serializedName: "CommunicationError",
      description: "The Communication Services error.",
      parents: [],
      properties: [
        ["code", "The error code.", { kind: "string" }, true, false],
        ["message", "The error message.", { kind: "string" }, true, false],
        ["target", "The error target.", { kind: "string" }, false, true],
        [
          "details",
          "Further details about specific errors that led to this error.",
          { kind: "array", items: { kind: "model", name: "CommunicationError" } },
          false,
          true,
        ],
        ["innererror", "The inner error if any.", { kind: "model", name: "CommunicationError" }, false, true],
      ].map(([wire, description, type, required, readOnly]) => ({
        name: wire === "innererror" ? "innerError" : wire,
        serializedName: wire,
        type,
        required,
        readOnly,
        nullable: false,
        description,
        apiVersions: V,
        source: { file: COMMON, pointer: `/definitions/CommunicationError/properties/${String(wire)}` },
      })),
      usage: ["output"],
      apiVersions: V,
      source: { file: COMMON, pointer: "/definitions/CommunicationError" },
    });
  });

  it("CommunicationIdentityTokenScope is an extensible string enum", () => {
    expect(model.enums).toEqual([
      {
        name: "CommunicationIdentityTokenScope",
        serializedName: "CommunicationIdentityTokenScope",
        description: "List of scopes for an access token.",
        valueType: "string",
        extensible: true,
        values: [
          { name: "Chat", value: "chat", apiVersions: V },
          { name: "Voip", value: "voip", apiVersions: V },
        ],
        apiVersions: V,
        source: { file: ENTRY, pointer: "/definitions/CommunicationIdentityTokenScope" },
      },
    ]);
  });

  it("is deterministic", () => {
    const again = readCodeModel([identityVersion("2021-03-07")], IDENTITY_CONFIG);
    expect(JSON.stringify(again)).toBe(JSON.stringify(model));
  });
});

describe("later identity versions", () => {
  it("2023-10-01: expiresInMinutes constraints [60, 1440], default 1440, new scopes", () => {
    const model = readCodeModel([identityVersion("2023-10-01")], IDENTITY_CONFIG);
    const prop = obj(model, "CommunicationIdentityAccessTokenRequest").properties.find((p) => p.name === "expiresInMinutes");
    expect(prop).toEqual({
      name: "expiresInMinutes",
      serializedName: "expiresInMinutes",
      type: { kind: "integer", format: "int32" },
      required: false,
      readOnly: false,
      nullable: false,
      description:
        "Optional custom validity period of the token within [60,1440] minutes range. If not provided, the default value of 1440 minutes (24 hours) will be used.",
      constraints: { minimum: 60, maximum: 1440 },
      defaultValue: 1440,
      apiVersions: ["2023-10-01"],
      source: {
        file: `${IDENTITY_DIR}/stable/2023-10-01/CommunicationIdentity.json`,
        pointer: "/definitions/CommunicationIdentityAccessTokenRequest/properties/expiresInMinutes",
      },
    });
    expect(model.enums[0]?.values.map((v) => [v.name, v.value])).toEqual([
      ["Chat", "chat"],
      ["Voip", "voip"],
      ["ChatJoin", "chat.join"],
      ["ChatJoinLimited", "chat.join.limited"],
      ["VoipJoin", "voip.join"],
    ]);
  });

  it("2025-06-30 (TypeSpec): groups from IdentityOperations_*, x-ms-enum values with descriptions, method-level api-version", () => {
    const model = readCodeModel([identityVersion("2025-06-30")], IDENTITY_CONFIG);
    expect(model.operationGroups.map((g) => [g.name, g.typeName, g.operations.map((o) => o.name)])).toEqual([
      ["identityOperations", "IdentityOperations", ["create", "delete", "issueAccessToken", "revokeAccessTokens"]],
      ["teamsExtensionOperations", "TeamsExtensionOperations", ["exchangeToken", "getAssignment", "upsertAssignment", "deleteAssignment"]],
      ["teamsUserOperations", "TeamsUserOperations", ["exchangeTeamsUserAccessToken"]],
    ]);
    const scope = model.enums.find((e) => e.name === "CommunicationIdentityTokenScope");
    expect(scope?.values[3]).toEqual({
      name: "ChatJoinLimited",
      value: "chat.join.limited",
      description:
        "A more limited version of chat.join that doesn't allow to add or remove participants. Use this scope when the token bearer is not fully trusted, for example in guest scenarios.",
      apiVersions: ["2025-06-30"],
    });
    const api = op(model, "create").parameters[0];
    expect([api?.name, api?.isApiVersion, api?.clientLevel, api?.constraints]).toEqual(["apiVersion", true, true, { minLength: 1 }]);
    expect(op(model, "upsertAssignment").responses.map((r) => [r.status, r.bodyType])).toEqual([
      [200, { kind: "model", name: "TeamsExtensionAssignmentResponse" }],
      [201, { kind: "model", name: "TeamsExtensionAssignmentResponse" }],
    ]);
    expect(model.client.endpoint.parameters[0]?.type).toEqual({ kind: "string", format: "uri" });
  });

  it("2026-09-23: an empty object with additionalProperties {} is a model with unknown extra values", () => {
    const model = readCodeModel([identityVersion("2026-09-23")], IDENTITY_CONFIG);
    const request = obj(model, "TeamsExtensionExchangeTokenRequest");
    expect([request.properties, request.additionalProperties, request.usage]).toEqual([[], { kind: "unknown" }, ["input"]]);
  });

  it.each(["2022-06-01", "2022-10-01", "2025-03-02-preview"])("%s builds", (version) => {
    const model = readCodeModel([identityVersion(version)], IDENTITY_CONFIG);
    expect(model.client.apiVersion).toEqual({ serializedName: "api-version", defaultValue: version });
    expect(model.operationGroups.flatMap((g) => g.operations).every((o) => o.apiVersions.join() === version)).toBe(true);
  });
});
