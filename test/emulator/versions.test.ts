import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { describeVersionSupport, loadVersionTable, type OperationName } from "../../emulator/index.js";
import { compareApiVersions, ruleVersionOf } from "../../emulator/versions.js";

/**
 * The emulator derives each version's features from its Swagger document (spec/manifest.json →
 * ../shared/specs). For the seven versions we know, the derived table must be exactly the table
 * the emulator used to hard-code.
 */

const CORE: OperationName[] = ["createIdentity", "deleteIdentity", "issueAccessToken", "revokeAccessTokens"];
const TEAMS_EXTENSION: OperationName[] = ["exchangeTeamsExtensionToken", "getAssignment", "upsertAssignment", "deleteAssignment"];
const SCOPES_V1 = ["chat", "voip"];
const SCOPES_V2 = ["chat", "voip", "chat.join", "chat.join.limited", "voip.join"];

interface Row {
  operations: OperationName[];
  scopes: string[];
  createExpiresInMinutes: boolean;
  issueExpiresInMinutes: boolean;
  identityDetails: boolean;
}

function row(operations: OperationName[], scopes: string[], createExpires: boolean, issueExpires: boolean, details: boolean): Row {
  return {
    operations: [...operations].sort(),
    scopes,
    createExpiresInMinutes: createExpires,
    issueExpiresInMinutes: issueExpires,
    identityDetails: details,
  };
}

/** The table emulator/versions.ts hard-coded before the features were read from the specs. */
const BEFORE: Record<string, Row> = {
  "2021-03-07": row(CORE, SCOPES_V1, false, false, false),
  "2022-06-01": row([...CORE, "exchangeTeamsUserToken"], SCOPES_V1, false, false, false),
  "2022-10-01": row([...CORE, "exchangeTeamsUserToken"], SCOPES_V1, true, true, false),
  "2023-10-01": row([...CORE, "exchangeTeamsUserToken"], SCOPES_V2, true, true, false),
  "2025-03-02-preview": row([...CORE, "getIdentity", "exchangeTeamsUserToken", ...TEAMS_EXTENSION], SCOPES_V2, true, true, true),
  "2025-06-30": row([...CORE, "exchangeTeamsUserToken", ...TEAMS_EXTENSION], SCOPES_V2, true, true, false),
  "2026-09-23": row([...CORE, "exchangeTeamsUserToken", ...TEAMS_EXTENSION], SCOPES_V2, true, true, false),
};

describe("versions derived from the repository's manifest and specs", () => {
  const table = loadVersionTable();

  it("serves every version of spec/manifest.json, oldest first; the header lists them", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../spec/manifest.json", import.meta.url), "utf8")) as {
      versions: Array<{ apiVersion: string }>;
    };
    const listed = manifest.versions.map((v) => v.apiVersion);
    expect([...table.versions].sort()).toEqual([...listed].sort());
    expect(table.versions.slice(0, 7)).toEqual(Object.keys(BEFORE));
    expect(table.supportedVersionsHeader).toBe(table.versions.join(", "));
  });

  it("derives the table the emulator hard-coded before, for all seven", () => {
    const derived: Record<string, Row> = {};
    for (const version of Object.keys(BEFORE)) {
      const f = table.byVersion.get(version)?.features;
      if (f === undefined) throw new Error(version);
      derived[version] = row([...f.operations], [...f.scopes], f.createExpiresInMinutes, f.issueExpiresInMinutes, f.identityDetails);
    }
    expect(derived).toEqual(BEFORE);
  });

  it("reads the request body fields of each operation", () => {
    const fields = (version: string, operation: OperationName) =>
      [...(table.byVersion.get(version)?.features.requestFields.get(operation) ?? [])].sort();
    expect(fields("2021-03-07", "createIdentity")).toEqual(["createTokenWithScopes"]);
    expect(fields("2025-03-02-preview", "createIdentity")).toEqual(["createTokenWithScopes", "expiresInMinutes", "externalId"]);
    expect(fields("2026-09-23", "issueAccessToken")).toEqual(["expiresInMinutes", "scopes"]);
    expect(fields("2026-09-23", "upsertAssignment")).toEqual(["clientIds", "principalType"]);
    expect(fields("2026-09-23", "exchangeTeamsUserToken")).toEqual(["appId", "token", "userId"]);
    expect(table.byVersion.get("2026-09-23")?.features.requestFields.has("deleteIdentity")).toBe(false);
  });

  it("describes a known version as served with its own rules", () => {
    const support = describeVersionSupport("2025-03-02-preview");
    expect(support).toMatchObject({
      apiVersion: "2025-03-02-preview",
      status: "preview",
      specPath: "specification/communication/data-plane/Identity/preview/2025-03-02-preview/CommunicationIdentity.json",
      known: true,
      rulesFrom: "2025-03-02-preview",
      inherited: [],
      unservedOperations: [],
      summary: "the emulator serves 2025-03-02-preview with its own rules",
    });
    expect(support.derivedFromSpec).toEqual([
      "operations",
      "request body fields",
      "token scopes",
      "expiresInMinutes on create",
      "expiresInMinutes on issue",
      "identity details (customId, lastTokenIssuedAt)",
    ]);
  });

  it("a version the manifest does not list is an error naming the manifest and its versions", () => {
    expect(() => describeVersionSupport("2099-01-01")).toThrow(
      `api-version '2099-01-01' is not in ${table.manifestFile} (it lists: ${table.versions.join(", ")})`,
    );
  });
});

describe("rule versions", () => {
  it("orders versions by date, a preview before the stable version of the same date", () => {
    const sorted = ["2026-09-23", "2025-03-02-preview", "2021-03-07", "2026-09-23-preview", "2025-06-30"].sort(compareApiVersions);
    expect(sorted).toEqual(["2021-03-07", "2025-03-02-preview", "2025-06-30", "2026-09-23-preview", "2026-09-23"]);
  });

  it("a new version takes the rules of the nearest older known version", () => {
    expect(ruleVersionOf("2026-09-23")).toBe("2026-09-23");
    expect(ruleVersionOf("2027-01-01")).toBe("2026-09-23");
    expect(ruleVersionOf("2026-12-01-preview")).toBe("2026-09-23");
    expect(ruleVersionOf("2025-04-01-preview")).toBe("2025-03-02-preview");
    expect(ruleVersionOf("2026-09-23-preview")).toBe("2025-06-30");
    expect(ruleVersionOf("2024-01-01")).toBe("2023-10-01");
    expect(ruleVersionOf("2020-01-01")).toBe("2021-03-07");
  });
});
