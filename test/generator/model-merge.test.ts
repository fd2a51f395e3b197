import { describe, expect, it } from "vitest";
import { readCodeModel } from "../../generator/input/index.js";
import { IDENTITY_CONFIG, identityVersion } from "../fixtures/model/load.js";

const BOTH = ["2021-03-07", "2022-06-01"];

describe("merging 2021-03-07 + 2022-06-01", () => {
  const model = readCodeModel([identityVersion("2021-03-07"), identityVersion("2022-06-01")], IDENTITY_CONFIG);
  const ops = model.operationGroups.flatMap((g) => g.operations);

  it("lists both versions, defaults to the newest stable", () => {
    expect(model.apiVersions.map((v) => [v.apiVersion, v.status])).toEqual([
      ["2021-03-07", "stable"],
      ["2022-06-01", "stable"],
    ]);
    expect(model.client.apiVersion).toEqual({ serializedName: "api-version", defaultValue: "2022-06-01" });
    expect(model.client.endpoint.parameters.map((p) => [p.name, p.apiVersions])).toEqual([["endpoint", BOTH]]);
  });

  it("the Teams exchange operation exists only in 2022-06-01", () => {
    expect(ops.map((o) => [o.name, o.apiVersions])).toEqual([
      ["create", BOTH],
      ["delete", BOTH],
      ["revokeAccessTokens", BOTH],
      ["exchangeTeamsUserAccessToken", ["2022-06-01"]],
      ["issueAccessToken", BOTH],
    ]);
    const exchange = ops.find((o) => o.name === "exchangeTeamsUserAccessToken");
    expect(exchange?.parameters.map((p) => [p.name, p.apiVersions])).toEqual([["apiVersion", ["2022-06-01"]]]);
    expect(exchange?.body?.apiVersions).toEqual(["2022-06-01"]);
  });

  it("takes texts from the newest version and keeps apiVersions on parameters, bodies and models", () => {
    const create = ops.find((o) => o.name === "create");
    expect(create?.summary).toBe("Create a new identity, and optionally, an access token.");
    expect(create?.body?.apiVersions).toEqual(BOTH);
    expect(create?.parameters.map((p) => [p.name, p.apiVersions])).toEqual([["apiVersion", BOTH]]);
    expect(model.objects.map((o) => [o.name, o.apiVersions])).toEqual([
      ["CommunicationError", BOTH],
      ["CommunicationErrorResponse", BOTH],
      ["CommunicationIdentity", BOTH],
      ["CommunicationIdentityAccessToken", BOTH],
      ["CommunicationIdentityAccessTokenRequest", BOTH],
      ["CommunicationIdentityAccessTokenResult", BOTH],
      ["CommunicationIdentityCreateRequest", BOTH],
      ["TeamsUserExchangeTokenRequest", ["2022-06-01"]],
    ]);
  });

  it("expiresInMinutes is in neither version (it arrives with 2022-10-01)", () => {
    const request = model.objects.find((o) => o.name === "CommunicationIdentityAccessTokenRequest");
    expect(request?.properties.map((p) => [p.name, p.apiVersions])).toEqual([["scopes", BOTH]]);
  });
});

describe("merging 2022-06-01 + 2022-10-01 + 2023-10-01", () => {
  const versions = ["2022-06-01", "2022-10-01", "2023-10-01"];
  const model = readCodeModel(versions.map(identityVersion), IDENTITY_CONFIG);

  it("properties merge by wire name with the versions that have them", () => {
    const request = model.objects.find((o) => o.name === "CommunicationIdentityAccessTokenRequest");
    expect(request?.properties.map((p) => [p.name, p.apiVersions, p.constraints])).toEqual([
      ["scopes", versions, undefined],
      ["expiresInMinutes", ["2022-10-01", "2023-10-01"], { minimum: 60, maximum: 1440 }],
    ]);
  });

  it("enum values are unioned, each with its versions", () => {
    expect(model.enums[0]?.values.map((v) => [v.name, v.apiVersions])).toEqual([
      ["Chat", versions],
      ["Voip", versions],
      ["ChatJoin", ["2023-10-01"]],
      ["ChatJoinLimited", ["2023-10-01"]],
      ["VoipJoin", ["2023-10-01"]],
    ]);
  });
});

describe("operationId renames (2023-10-01 + 2025-06-30)", () => {
  const versions = [identityVersion("2023-10-01"), identityVersion("2025-06-30")];

  it("same method + path is one operation; the newest operationId and group win", () => {
    const model = readCodeModel(versions, IDENTITY_CONFIG);
    const create = model.operationGroups.flatMap((g) => g.operations).find((o) => o.path === "/identities");
    expect([create?.name, create?.operationId, create?.previousOperationIds, create?.apiVersions]).toEqual([
      "create",
      "IdentityOperations_Create",
      ["CommunicationIdentity_Create", "IdentityOperations_Create"],
      ["2023-10-01", "2025-06-30"],
    ]);
    expect(model.operationGroups.map((g) => g.name)).toEqual(["identityOperations", "teamsExtensionOperations", "teamsUserOperations"]);
  });

  it("config.operationNames keeps groups and names stable across the rename", () => {
    const model = readCodeModel(versions, {
      clientName: "IdentityRestClient",
      operationNames: {
        "POST /identities": { group: "communicationIdentity", name: "create" },
        "POST /teamsUser/:exchangeAccessToken": { group: "communicationIdentity", name: "exchangeTeamsUserAccessToken" },
      },
    });
    expect(model.operationGroups.map((g) => [g.name, g.typeName, g.operations.map((o) => o.name)])).toEqual([
      ["communicationIdentity", "CommunicationIdentity", ["create", "exchangeTeamsUserAccessToken"]],
      ["identityOperations", "IdentityOperations", ["delete", "issueAccessToken", "revokeAccessTokens"]],
      ["teamsExtensionOperations", "TeamsExtensionOperations", ["exchangeToken", "getAssignment", "upsertAssignment", "deleteAssignment"]],
    ]);
  });
});
