import { beforeAll, describe, expect, it } from "vitest";
import { diffCodeModels } from "../../generator/diff/spec/index.js";
import { loadSide, type LoadedSide } from "../../generator/diff/spec/load.js";
import { runSpecDiff } from "../../generator/diff/spec/command.js";
import { brief, PATHS } from "./helpers.js";

const VERSIONS = ["2021-03-07", "2022-06-01", "2022-10-01", "2023-10-01", "2025-03-02-preview", "2025-06-30", "2026-09-23"];
const sides = new Map<string, LoadedSide>();

beforeAll(async () => {
  for (const v of VERSIONS) sides.set(v, await loadSide(v, PATHS));
});

function diff(oldVersion: string, newVersion: string) {
  const a = sides.get(oldVersion);
  const b = sides.get(newVersion);
  if (a === undefined || b === undefined) throw new Error("version not loaded");
  return diffCodeModels(a.model, b.model);
}

const ASSIGNMENTS = "/access/teamsExtension/tenants/{tenantId}/assignments/{objectId}";

describe("diff spec applies spec/transforms.json to manifest versions only", () => {
  it("a spec path is compared as published: the preview's custom id is externalId there", async () => {
    const preview = "../shared/specs/specification/communication/data-plane/Identity/preview/2025-03-02-preview/CommunicationIdentity.json";
    const raw = await runSpecDiff("2023-10-01", preview, PATHS);
    expect(raw.changes.filter((c) => /(customId|externalId)$/.test(c.concerns.path)).map((c) => c.concerns.path)).toEqual([
      "POST /identities body.externalId",
      "POST /identities response 201 body.identity.externalId",
    ]);
  });
});

describe("diff spec over every real consecutive pair", () => {
  it("2021-03-07 -> 2022-06-01 adds the Teams exchange operation, nothing else", () => {
    expect(diff("2021-03-07", "2022-06-01")).toEqual([
      {
        breaking: false,
        rule: "operation-added",
        message: "operation CommunicationIdentity_ExchangeTeamsUserAccessToken (POST /teamsUser/:exchangeAccessToken) added",
        concerns: {
          kind: "operation",
          path: "POST /teamsUser/:exchangeAccessToken",
          operation: "POST /teamsUser/:exchangeAccessToken",
          new: "CommunicationIdentity_ExchangeTeamsUserAccessToken",
        },
      },
    ]);
  });

  it("2022-06-01 -> 2022-10-01 adds an optional expiresInMinutes to both token requests; the error model moving to Common 2022-07-13 is no change", () => {
    expect(diff("2022-06-01", "2022-10-01")).toEqual([
      {
        breaking: false,
        rule: "request-property-added-optional",
        message: "optional property expiresInMinutes (integer (int32)) added to request model CommunicationIdentityCreateRequest",
        concerns: {
          kind: "property",
          path: "POST /identities body.expiresInMinutes",
          operation: "POST /identities",
          direction: "input",
          model: "CommunicationIdentityCreateRequest",
        },
      },
      {
        breaking: false,
        rule: "request-property-added-optional",
        message: "optional property expiresInMinutes (integer (int32)) added to request model CommunicationIdentityAccessTokenRequest",
        concerns: {
          kind: "property",
          path: "POST /identities/{id}/:issueAccessToken body.expiresInMinutes",
          operation: "POST /identities/{id}/:issueAccessToken",
          direction: "input",
          model: "CommunicationIdentityAccessTokenRequest",
        },
      },
    ]);
  });

  it("2022-10-01 -> 2023-10-01 adds three values to an extensible enum (once, not per operation) and a [60, 1440] range where there was none", () => {
    const changes = diff("2022-10-01", "2023-10-01");
    expect(changes.map(brief)).toEqual([
      ["enum-value-added-extensible", false, "POST /identities body.createTokenWithScopes[]"],
      ["enum-value-added-extensible", false, "POST /identities body.createTokenWithScopes[]"],
      ["enum-value-added-extensible", false, "POST /identities body.createTokenWithScopes[]"],
      ["constraint-added", true, "POST /identities/{id}/:issueAccessToken body.expiresInMinutes"],
      ["default-added", false, "POST /identities/{id}/:issueAccessToken body.expiresInMinutes"],
    ]);
    expect(changes.map((c) => c.message)).toEqual([
      'value "chat.join" added to extensible enum CommunicationIdentityTokenScope',
      'value "chat.join.limited" added to extensible enum CommunicationIdentityTokenScope',
      'value "voip.join" added to extensible enum CommunicationIdentityTokenScope',
      "constraints added: minimum 60, maximum 1440",
      "default 1440 added",
    ]);
    expect(changes.slice(0, 3).map((c) => [c.concerns.kind, c.concerns.model, c.concerns.new])).toEqual([
      ["enum", "CommunicationIdentityTokenScope", "chat.join"],
      ["enum", "CommunicationIdentityTokenScope", "chat.join.limited"],
      ["enum", "CommunicationIdentityTokenScope", "voip.join"],
    ]);
  });

  it("2023-10-01 -> 2025-03-02-preview adds the get and Teams Phone operations, customId (externalId renamed by spec/transforms.json) and lastTokenIssuedAt, and a 200 on create", () => {
    expect(diff("2023-10-01", "2025-03-02-preview").map(brief)).toEqual([
      ["operation-added", false, `DELETE ${ASSIGNMENTS}`],
      ["operation-added", false, `GET ${ASSIGNMENTS}`],
      ["operation-added", false, "GET /identities/{id}"],
      ["operation-added", false, "POST /access/teamsExtension/:exchangeAccessToken"],
      ["request-property-added-optional", false, "POST /identities body.customId"],
      ["response-status-added", true, "POST /identities response 200"],
      ["response-property-added", false, "POST /identities response 201 body.identity.customId"],
      ["response-property-added", false, "POST /identities response 201 body.identity.lastTokenIssuedAt"],
      ["response-property-added", false, "POST /identities response 201 body.lastTokenIssuedAt"],
      ["operation-added", false, `PUT ${ASSIGNMENTS}`],
    ]);
  });

  it("2025-03-02-preview -> 2025-06-30 renames all nine operationIds, adds the required api-version to the Teams extension operations and drops the preview-only surface (models renamed TeamsPhone* -> TeamsExtension* are no change)", () => {
    const changes = diff("2025-03-02-preview", "2025-06-30");
    expect(changes.map(brief)).toEqual([
      ["operation-renamed", false, `DELETE ${ASSIGNMENTS}`],
      ["parameter-added-required", true, `DELETE ${ASSIGNMENTS} query.api-version`],
      ["operation-renamed", false, "DELETE /identities/{id}"],
      ["operation-renamed", false, `GET ${ASSIGNMENTS}`],
      ["parameter-added-required", true, `GET ${ASSIGNMENTS} query.api-version`],
      ["operation-removed", true, "GET /identities/{id}"],
      ["operation-renamed", false, "POST /access/teamsExtension/:exchangeAccessToken"],
      ["parameter-added-required", true, "POST /access/teamsExtension/:exchangeAccessToken query.api-version"],
      // removed from the identity model every operation returns: reported under the operation
      // the preview lists first (POST /identities), not under the Teams extension exchange
      ["operation-renamed", false, "POST /identities"],
      ["request-property-removed", true, "POST /identities body.customId"],
      ["response-status-removed", true, "POST /identities response 200"],
      ["response-property-removed", true, "POST /identities response 201 body.identity.customId"],
      ["response-property-removed", true, "POST /identities response 201 body.identity.lastTokenIssuedAt"],
      ["response-property-removed", true, "POST /identities response 201 body.lastTokenIssuedAt"],
      ["operation-renamed", false, "POST /identities/{id}/:issueAccessToken"],
      ["operation-renamed", false, "POST /identities/{id}/:revokeAccessTokens"],
      ["operation-renamed", false, "POST /teamsUser/:exchangeAccessToken"],
      ["operation-renamed", false, `PUT ${ASSIGNMENTS}`],
      ["parameter-added-required", true, `PUT ${ASSIGNMENTS} query.api-version`],
    ]);
    expect(changes.find((c) => c.rule === "parameter-added-required")?.message).toBe("required query parameter api-version (string) added");
    expect(changes.filter((c) => c.rule === "operation-renamed").map((c) => [c.concerns.old, c.concerns.new])).toEqual([
      ["DeleteTeamsPhoneAssignment", "TeamsExtensionOperations_DeleteAssignment"],
      ["CommunicationIdentity_Delete", "IdentityOperations_Delete"],
      ["GetTeamsPhoneAssignment", "TeamsExtensionOperations_GetAssignment"],
      ["ExchangeTeamsPhoneToken", "TeamsExtensionOperations_ExchangeToken"],
      ["CommunicationIdentity_Create", "IdentityOperations_Create"],
      ["CommunicationIdentity_IssueAccessToken", "IdentityOperations_IssueAccessToken"],
      ["CommunicationIdentity_RevokeAccessTokens", "IdentityOperations_RevokeAccessTokens"],
      ["CommunicationIdentity_ExchangeTeamsUserAccessToken", "TeamsUserOperations_ExchangeTeamsUserAccessToken"],
      ["CreateOrReplaceTeamsPhoneAssignment", "TeamsExtensionOperations_UpsertAssignment"],
    ]);
  });

  it("2023-10-01 -> 2025-06-30 renames five operationIds without changing the wire (inlined error models are no change) and adds the Teams extension operations", () => {
    const changes = diff("2023-10-01", "2025-06-30");
    expect(changes.map(brief)).toEqual([
      ["operation-added", false, `DELETE ${ASSIGNMENTS}`],
      ["operation-renamed", false, "DELETE /identities/{id}"],
      ["operation-added", false, `GET ${ASSIGNMENTS}`],
      ["operation-added", false, "POST /access/teamsExtension/:exchangeAccessToken"],
      ["operation-renamed", false, "POST /identities"],
      ["operation-renamed", false, "POST /identities/{id}/:issueAccessToken"],
      ["operation-renamed", false, "POST /identities/{id}/:revokeAccessTokens"],
      ["operation-renamed", false, "POST /teamsUser/:exchangeAccessToken"],
      ["operation-added", false, `PUT ${ASSIGNMENTS}`],
    ]);
    expect(changes.find((c) => c.concerns.path === "POST /identities")?.message).toBe(
      "operationId CommunicationIdentity_Create renamed to IdentityOperations_Create (same method and path, same wire)",
    );
  });

  it("2025-06-30 -> 2026-09-23 lets the Teams extension exchange request carry additional properties", () => {
    expect(diff("2025-06-30", "2026-09-23")).toEqual([
      {
        breaking: false,
        rule: "additional-properties-added",
        message: "model TeamsExtensionExchangeTokenRequest now allows additional properties (any)",
        concerns: {
          kind: "model",
          path: "POST /access/teamsExtension/:exchangeAccessToken body",
          operation: "POST /access/teamsExtension/:exchangeAccessToken",
          direction: "input",
          model: "TeamsExtensionExchangeTokenRequest",
        },
      },
    ]);
  });

  it.each(VERSIONS)("%s against itself is no change", (v) => {
    expect(diff(v, v)).toEqual([]);
  });

  it("backwards (2022-10-01 -> 2022-06-01) the optional request properties are removals, hence breaking", () => {
    expect(diff("2022-10-01", "2022-06-01").map(brief)).toEqual([
      ["request-property-removed", true, "POST /identities body.expiresInMinutes"],
      ["request-property-removed", true, "POST /identities/{id}/:issueAccessToken body.expiresInMinutes"],
    ]);
  });

  it("runSpecDiff names both sides by version and entry file", async () => {
    const result = await runSpecDiff("2025-06-30", "2026-09-23", PATHS);
    expect(result.old).toEqual({
      label: "2025-06-30",
      apiVersion: "2025-06-30",
      file: "specification/communication/data-plane/Identity/stable/2025-06-30/CommunicationIdentity.json",
    });
    expect(result.new.file).toBe("specification/communication/data-plane/Identity/stable/2026-09-23/CommunicationIdentity.json");
    expect(result.changes.map(brief)).toEqual([
      ["additional-properties-added", false, "POST /access/teamsExtension/:exchangeAccessToken body"],
    ]);
  });
});
