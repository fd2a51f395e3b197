import { rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeVersionSupport, startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { killHard, runCli, spawnEmulator } from "./child.js";
import { call, decodeJwtPayload, signedCall } from "./helpers.js";
import { KNOWN_VERSIONS } from "../fixtures/manifestVersions.js";
import { makeBumpedCopy, NEW_PREVIEW, NEW_STABLE, NEW_STABLE_PATH, type BumpedCopy } from "./versionFixture.js";

/**
 * A version bump adds a manifest entry and a spec, nothing else: the emulator must serve the new
 * version as its spec says, with the rules of the nearest older known version.
 */

/** The versions of the repository's manifest, then the two the copy adds. */
const ALL = [...KNOWN_VERSIONS, NEW_PREVIEW, NEW_STABLE].join(", ");

let copy: BumpedCopy;
let emu: RunningEmulator;
let lenient: RunningEmulator;

beforeAll(async () => {
  copy = makeBumpedCopy();
  emu = await startEmulator({ accessKey: "random", manifestFile: copy.manifestFile, specsRoot: copy.specsRoot });
  lenient = await startEmulator({
    accessKey: "random",
    manifestFile: copy.manifestFile,
    specsRoot: copy.specsRoot,
    rejectFieldsOfOtherVersions: false,
  });
});
afterAll(async () => {
  await emu?.close();
  await lenient?.close();
  copy?.cleanUp();
});

async function createUser(version: string, body: unknown = {}): Promise<string> {
  const res = await signedCall(emu, "POST", `/identities?api-version=${version}`, body);
  expect(res.status).toBe(201);
  return res.json.identity.id as string;
}

describe("a version only the manifest and its spec know", () => {
  it("is served, and listed in api-supported-versions and in the unsupported-version error", async () => {
    expect(emu.apiVersions.join(", ")).toBe(ALL);
    const created = await signedCall(emu, "POST", `/identities?api-version=${NEW_STABLE}`, { createTokenWithScopes: ["voip.join"] });
    expect(created.status).toBe(201);
    expect(created.headers["api-supported-versions"]).toBe(ALL);
    expect(decodeJwtPayload(created.json.accessToken.token).scp).toBe("voip.join");

    const unknown = await signedCall(emu, "POST", "/identities?api-version=2099-02-01", {});
    expect(unknown.status).toBe(400);
    expect(unknown.json).toEqual({
      error: { code: "UnsupportedApiVersion", message: `The api-version '2099-02-01' is not supported. Supported versions: ${ALL}.` },
    });
    const health = await signedCall(emu, "GET", "/_emulator/health");
    expect(health.json.apiVersions).toEqual(ALL.split(", "));
  });

  it("answers an operation its spec removed as versions lacking an operation do (400 UnsupportedApiVersion)", async () => {
    const id = await createUser(NEW_STABLE);
    const path = (version: string) => `/identities/${encodeURIComponent(id)}/:revokeAccessTokens?api-version=${version}`;
    const removed = await signedCall(emu, "POST", path(NEW_STABLE));
    expect(removed.status).toBe(400);
    expect(removed.json).toEqual({
      error: {
        code: "UnsupportedApiVersion",
        message: `The HTTP resource that matches the request URI does not support the API version '${NEW_STABLE}'.`,
      },
    });
    // The same answer as an old version lacking an operation.
    const old = await signedCall(emu, "POST", "/teamsUser/:exchangeAccessToken?api-version=2021-03-07", {});
    expect(old.json.error.message).toBe("The HTTP resource that matches the request URI does not support the API version '2021-03-07'.");
    expect((await signedCall(emu, "POST", path("2026-09-23"))).status).toBe(204);
  });

  it("answers a spec operation it has no handler for with 404 NotFound", async () => {
    const res = await signedCall(emu, "GET", `/identities/x/links?api-version=${NEW_STABLE}`);
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: "NotFound", message: "The requested resource was not found." } });
  });

  it("accepts the new optional body field; older versions reject it as a field of another version", async () => {
    const created = await signedCall(emu, "POST", `/identities?api-version=${NEW_STABLE}`, { displayName: "Ada" });
    expect(created.status).toBe(201);
    expect(Object.keys(created.json.identity)).toEqual(["id"]);
    const older = await signedCall(emu, "POST", "/identities?api-version=2026-09-23", { displayName: "Ada" });
    expect(older.status).toBe(400);
    expect(older.json).toEqual({
      error: {
        code: "ValidationError",
        message: "The field 'displayName' is not supported in api-version '2026-09-23'.",
        target: "displayName",
      },
    });
    expect((await signedCall(lenient, "POST", "/identities?api-version=2026-09-23", { displayName: "Ada" })).status).toBe(201);
    // Fields no served version has are still ignored.
    expect((await signedCall(emu, "POST", "/identities?api-version=2026-09-23", { nickname: "x" })).status).toBe(201);
  });

  it("applies the rules of the nearest older known version (expiresInMinutes range and default)", async () => {
    const id = await createUser(NEW_STABLE);
    const issue = (body: unknown) =>
      signedCall(emu, "POST", `/identities/${encodeURIComponent(id)}/:issueAccessToken?api-version=${NEW_STABLE}`, body);
    const tooShort = await issue({ scopes: ["chat"], expiresInMinutes: 59 });
    expect(tooShort.status).toBe(400);
    expect(tooShort.json).toEqual({
      error: {
        code: "ValidationError",
        message: "ExpiresInMinutes value 59 is invalid. Value must be within the [60, 1440] interval.",
        target: "ExpiresInMinutes",
      },
    });
    const sixty = decodeJwtPayload((await issue({ scopes: ["chat"], expiresInMinutes: 60 })).json.token);
    expect(Number(sixty.exp) - Number(sixty.iat)).toBe(3600);
    const byDefault = decodeJwtPayload((await issue({ scopes: ["chat"] })).json.token);
    expect(Number(byDefault.exp) - Number(byDefault.iat)).toBe(86400);
  });

  it("serves a preview after a stable version as its spec says (GET identity, customId)", async () => {
    const id = await createUser(NEW_PREVIEW, { customId: "bump-user" });
    const got = await signedCall(emu, "GET", `/identities/${encodeURIComponent(id)}?api-version=${NEW_PREVIEW}`);
    expect(got.status).toBe(200);
    expect(got.json).toEqual({ id, customId: "bump-user" });
    const stable = await signedCall(emu, "GET", `/identities/${encodeURIComponent(id)}?api-version=${NEW_STABLE}`);
    expect(stable.status).toBe(400);
    expect(stable.json.error.code).toBe("UnsupportedApiVersion");
  });
});

describe("describeVersionSupport", () => {
  it("says what the new version's spec gave and what it inherited from which version", () => {
    const support = describeVersionSupport(NEW_STABLE, { manifestFile: copy.manifestFile, specsRoot: copy.specsRoot });
    expect(support).toEqual({
      apiVersion: NEW_STABLE,
      status: "stable",
      specPath: NEW_STABLE_PATH,
      known: false,
      derivedFromSpec: [
        "operations",
        "request body fields",
        "token scopes",
        "expiresInMinutes on create",
        "expiresInMinutes on issue",
        "identity details (customId, lastTokenIssuedAt)",
      ],
      features: {
        operations: [
          "createIdentity",
          "deleteAssignment",
          "deleteIdentity",
          "exchangeTeamsExtensionToken",
          "exchangeTeamsUserToken",
          "getAssignment",
          "issueAccessToken",
          "upsertAssignment",
        ],
        scopes: ["chat", "voip", "chat.join", "chat.join.limited", "voip.join"],
        createExpiresInMinutes: true,
        issueExpiresInMinutes: true,
        identityDetails: false,
        requestFields: {
          createIdentity: ["createTokenWithScopes", "displayName", "expiresInMinutes"],
          exchangeTeamsExtensionToken: [],
          exchangeTeamsUserToken: ["appId", "token", "userId"],
          issueAccessToken: ["expiresInMinutes", "scopes"],
          upsertAssignment: ["clientIds", "principalType"],
        },
      },
      unservedOperations: ["GET /identities/{id}/links"],
      rulesFrom: "2026-09-23",
      inherited: [
        "expiresInMinutes range and default",
        "error codes and messages",
        "token lifetime, claims and expiresOn format",
        "customId rules (length, reuse after delete)",
        "Teams token exchange checks",
        "Teams extension assignment checks",
      ].map((behaviour) => ({ behaviour, from: "2026-09-23" })),
      summary: `the emulator serves ${NEW_STABLE} with rules inherited from 2026-09-23; spec operations without a handler: GET /identities/{id}/links`,
    });
  });

  it("a preview after a stable version inherits from that stable version", () => {
    const support = describeVersionSupport(NEW_PREVIEW, { manifestFile: copy.manifestFile, specsRoot: copy.specsRoot });
    expect([support.known, support.rulesFrom, support.features.identityDetails, support.summary]).toEqual([
      false,
      "2026-09-23",
      true,
      `the emulator serves ${NEW_PREVIEW} with rules inherited from 2026-09-23`,
    ]);
  });
});

describe("bad manifests and specs stop the start with a clear error", () => {
  it("names the spec file a listed version lacks", async () => {
    const bad = makeBumpedCopy();
    try {
      rmSync(join(bad.specsRoot, NEW_STABLE_PATH));
      await expect(startEmulator({ manifestFile: bad.manifestFile, specsRoot: bad.specsRoot })).rejects.toThrow(
        `cannot read the spec of api-version ${NEW_STABLE}: ${join(bad.specsRoot, NEW_STABLE_PATH)} (ENOENT); ` +
          "set the emulator's specsRoot option, --specs-root or ACS_SPECS_ROOT",
      );
      writeFileSync(join(bad.specsRoot, NEW_STABLE_PATH), "{ not json");
      await expect(startEmulator({ manifestFile: bad.manifestFile, specsRoot: bad.specsRoot })).rejects.toThrow(
        new RegExp(`^${escape(join(bad.specsRoot, NEW_STABLE_PATH))}: the spec of api-version ${NEW_STABLE} cannot be parsed: `),
      );
    } finally {
      bad.cleanUp();
    }
  });

  it("names the manifest that cannot be read", async () => {
    const missing = join(copy.dir, "no-such-manifest.json");
    await expect(startEmulator({ manifestFile: missing, specsRoot: copy.specsRoot })).rejects.toThrow(
      `${missing}#: cannot read the manifest (ENOENT)`,
    );
  });
});

describe("the CLI", () => {
  it("serves the versions of --manifest, with specs from --specs-root (or ACS_SPECS_ROOT)", async () => {
    const child = await spawnEmulator(["--manifest", copy.manifestFile, "--specs-root", copy.specsRoot]);
    try {
      const health = await call(child.endpoint, { method: "GET", path: "/_emulator/health" });
      expect(health.json.apiVersions).toEqual(ALL.split(", "));
    } finally {
      await killHard(child);
    }
    const fromEnv = await spawnEmulator(["--manifest", copy.manifestFile], { ACS_SPECS_ROOT: copy.specsRoot });
    try {
      const health = await call(fromEnv.endpoint, { method: "GET", path: "/_emulator/health" });
      expect(health.json.apiVersions).toEqual(ALL.split(", "));
    } finally {
      await killHard(fromEnv);
    }
  });

  it("a specs root without the specs stops the start with exit code 1 naming the file", async () => {
    const empty = join(copy.dir, "empty-specs");
    const run = await runCli(["--manifest", copy.manifestFile, "--specs-root", empty]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    expect(run.stderr).toBe(
      `emulator failed to start: cannot read the spec of api-version 2021-03-07: ${join(empty, "specification/communication/data-plane/Identity/stable/2021-03-07/CommunicationIdentity.json")} (ENOENT); ` +
        "set the emulator's specsRoot option, --specs-root or ACS_SPECS_ROOT\n",
    );
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
