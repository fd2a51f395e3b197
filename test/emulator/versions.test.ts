import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { API_VERSIONS, VERSION_FEATURES, type OperationName } from "../../emulator/versions.js";

/** The emulator's per-version table must say what the Swagger documents say. */

const SPECS = fileURLToPath(new URL("../../../shared/specs/specification/communication/data-plane/Identity/", import.meta.url));

const OPERATIONS: Record<string, OperationName> = {
  "post /identities": "createIdentity",
  "get /identities/{id}": "getIdentity",
  "delete /identities/{id}": "deleteIdentity",
  "post /identities/{id}/:issueAccessToken": "issueAccessToken",
  "post /identities/{id}/:revokeAccessTokens": "revokeAccessTokens",
  "post /teamsUser/:exchangeAccessToken": "exchangeTeamsUserToken",
  "post /access/teamsExtension/:exchangeAccessToken": "exchangeTeamsExtensionToken",
  "get /access/teamsExtension/tenants/{tenantId}/assignments/{objectId}": "getAssignment",
  "put /access/teamsExtension/tenants/{tenantId}/assignments/{objectId}": "upsertAssignment",
  "delete /access/teamsExtension/tenants/{tenantId}/assignments/{objectId}": "deleteAssignment",
};

interface Spec {
  paths: Record<string, Record<string, unknown>>;
  definitions: Record<string, { enum?: string[]; properties?: Record<string, unknown> }>;
}

function load(version: string): Spec {
  const folder = version.endsWith("-preview") ? "preview" : "stable";
  return JSON.parse(readFileSync(`${SPECS}${folder}/${version}/CommunicationIdentity.json`, "utf8")) as Spec;
}

describe.each(API_VERSIONS)("api-version %s", (version) => {
  const spec = load(version);
  const features = VERSION_FEATURES[version];

  it("has exactly the spec's operations", () => {
    const fromSpec = Object.entries(spec.paths).flatMap(([path, methods]) =>
      Object.keys(methods)
        .filter((m) => m !== "parameters")
        .map((m) => OPERATIONS[`${m} ${path}`] ?? `unknown ${m} ${path}`),
    );
    expect([...features.operations].sort()).toEqual(fromSpec.sort());
  });

  it("has the spec's scopes and optional fields", () => {
    const defs = spec.definitions;
    expect(features.scopes).toEqual(defs.CommunicationIdentityTokenScope?.enum);
    expect(features.createExpiresInMinutes).toBe("expiresInMinutes" in (defs.CommunicationIdentityCreateRequest?.properties ?? {}));
    expect(features.issueExpiresInMinutes).toBe(
      "expiresInMinutes" in (defs.CommunicationIdentityAccessTokenRequest?.properties ?? {}),
    );
    expect(features.identityDetails).toBe("externalId" in (defs.CommunicationIdentity?.properties ?? {}));
  });
});
