import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { ApiVersionMismatchError, apiVersions, CommunicationIdentityClient, defaultApiVersion } from "../../src/index.js";
import { DEFAULT_VERSION, GENERATED_VERSIONS, generatedFrom } from "../fixtures/manifestVersions.js";
import { counter } from "./helpers.js";

/**
 * Version gating against the emulator: every client method and version-specific option, under
 * every api-version the client is generated for. Where the version has it, the call succeeds end
 * to end; where it lacks it, the call throws ApiVersionMismatchError naming the client's method
 * (and option) and the versions that have it, and no request reaches the pipeline.
 */
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

/** The versions of spec/manifest.json: a bumped version joins every "from … on" list below. */
const ALL = [...GENERATED_VERSIONS];
const FROM_2022_06 = generatedFrom("2022-06-01");
const FROM_2022_10 = generatedFrom("2022-10-01");
const PREVIEW = ["2025-03-02-preview"];
const TEAMS_EXTENSION = generatedFrom("2025-03-02-preview");
const TENANT = "aaaaaaaa-1111-4222-8333-444444444444";
const APP_ID = "11111111-2222-4333-8444-555555555555";

interface Member {
  /** The member as the error names it. */
  member: string;
  versions: readonly string[];
  /** Runs the call; resolves to something checked for shape. */
  run: (client: CommunicationIdentityClient, version: string) => Promise<unknown>;
}

let seq = 0;
/** A fresh Entra object id per call, so cases never share assignments. */
function objectId(): string {
  seq += 1;
  return `bbbbbbbb-0000-4000-8000-${seq.toString(16).padStart(12, "0")}`;
}

const MEMBERS: readonly Member[] = [
  { member: "createUser", versions: ALL, run: (c) => c.createUser() },
  { member: "createUser: customId", versions: PREVIEW, run: (c, v) => c.createUser({ customId: `gate-${v}` }) },
  { member: "createUserAndToken", versions: ALL, run: (c) => c.createUserAndToken(["chat"]) },
  {
    member: "createUserAndToken: tokenExpiresInMinutes",
    versions: FROM_2022_10,
    run: (c) => c.createUserAndToken(["chat"], { tokenExpiresInMinutes: 60 }),
  },
  {
    member: "createUserAndToken: customId",
    versions: PREVIEW,
    run: (c, v) => c.createUserAndToken(["chat"], { customId: `gate-token-${v}` }),
  },
  { member: "getToken", versions: ALL, run: async (c) => c.getToken(await c.createUser(), ["voip"]) },
  {
    member: "getToken: tokenExpiresInMinutes",
    versions: FROM_2022_10,
    run: async (c) => c.getToken(await c.createUser(), ["voip"], { tokenExpiresInMinutes: 120 }),
  },
  { member: "revokeTokens", versions: ALL, run: async (c) => c.revokeTokens(await c.createUser()) },
  { member: "deleteUser", versions: ALL, run: async (c) => c.deleteUser(await c.createUser()) },
  { member: "getUserDetail", versions: PREVIEW, run: async (c) => c.getUserDetail(await c.createUser()) },
  {
    member: "getTokenForTeamsUser",
    versions: FROM_2022_06,
    run: (c) => {
      const userId = objectId();
      const teamsUserAadToken = emulator.mintEntraToken({ appId: APP_ID, userId });
      return c.getTokenForTeamsUser({ teamsUserAadToken, clientId: APP_ID, userObjectId: userId });
    },
  },
  {
    member: "upsertTeamsExtensionAssignment",
    versions: TEAMS_EXTENSION,
    run: (c) => c.upsertTeamsExtensionAssignment(TENANT, objectId(), { principalType: "user" }),
  },
  {
    member: "getTeamsExtensionAssignment",
    versions: TEAMS_EXTENSION,
    run: async (c, v) => {
      const id = objectId();
      if (TEAMS_EXTENSION.includes(v)) await c.upsertTeamsExtensionAssignment(TENANT, id, { principalType: "user" });
      return c.getTeamsExtensionAssignment(TENANT, id);
    },
  },
  {
    member: "deleteTeamsExtensionAssignment",
    versions: TEAMS_EXTENSION,
    run: (c) => c.deleteTeamsExtensionAssignment(TENANT, objectId()),
  },
  {
    member: "getTokenForTeamsExtensionUser",
    versions: TEAMS_EXTENSION,
    run: async (c, v) => {
      const id = objectId();
      if (TEAMS_EXTENSION.includes(v)) await c.upsertTeamsExtensionAssignment(TENANT, id, { principalType: "user" });
      const teamsUserAadToken = emulator.mintEntraToken({ appId: APP_ID, userId: id, tenantId: TENANT });
      return c.getTokenForTeamsExtensionUser({ teamsUserAadToken });
    },
  },
];

describe("api-versions", () => {
  it("the client exports the generated versions; the default is the newest stable", () => {
    expect(apiVersions).toEqual(ALL);
    expect(apiVersions.slice(0, 7)).toEqual([
      "2021-03-07",
      "2022-06-01",
      "2022-10-01",
      "2023-10-01",
      "2025-03-02-preview",
      "2025-06-30",
      "2026-09-23",
    ]);
    expect(defaultApiVersion).toBe(DEFAULT_VERSION);
    expect(new CommunicationIdentityClient(emulator.connectionString).apiVersion).toBe(DEFAULT_VERSION);
    expect(new CommunicationIdentityClient(emulator.connectionString, { apiVersion: "2022-06-01" }).apiVersion).toBe("2022-06-01");
  });

  const supported = MEMBERS.flatMap((m) => m.versions.map((version) => [m.member, version, m] as const));
  it.each(supported)("%s works under %s", async (_name, version, member) => {
    const client = new CommunicationIdentityClient(emulator.connectionString, { apiVersion: version });
    const result = await member.run(client, version);
    if (result !== undefined) expect(typeof result).toBe("object");
  });

  const unsupported = MEMBERS.flatMap((m) => ALL.filter((v) => !m.versions.includes(v)).map((version) => [m.member, version, m] as const));
  it.each(unsupported)("%s under %s throws ApiVersionMismatchError before sending", async (name, version, member) => {
    const { sent, policies } = counter();
    const client = new CommunicationIdentityClient(emulator.connectionString, { apiVersion: version, additionalPolicies: policies });
    // Members that need a user first create it (one request) before the gated call.
    const expectedSent = name.startsWith("getToken:") || name === "getUserDetail" ? 1 : 0;
    const error = await member.run(client, version).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(ApiVersionMismatchError);
    expect((error as Error).message).toBe(
      `${name} is not supported by api-version ${version} (supported in ${member.versions.join(", ")})`,
    );
    expect(error).toMatchObject({ name: "ApiVersionMismatchError", apiVersion: version, member: name, supportedVersions: member.versions });
    expect(sent()).toBe(expectedSent);
  });

  it("covers every gated member under every version at least once", () => {
    expect(supported.length + unsupported.length).toBe(MEMBERS.length * ALL.length);
    expect(unsupported.map(([name, version]) => `${name} @ ${version}`).slice(0, 3)).toEqual([
      "createUser: customId @ 2021-03-07",
      "createUser: customId @ 2022-06-01",
      "createUser: customId @ 2022-10-01",
    ]);
  });
});
