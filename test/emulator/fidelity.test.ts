import { CommunicationIdentityClient, type TokenScope } from "@azure/communication-identity";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";

/**
 * The official @azure/communication-identity@1.3.1 (api-version 2023-10-01,
 * HMAC via @azure/communication-common) runs its lifecycle against the emulator.
 */

const APP = "2c3e1e83-8fd7-4615-ad2b-b8c1229845ac";
const USER = "32c0a5db-05ec-78ea-51ab-3f06b329397e";
const SCOPES: TokenScope[] = ["chat", "voip", "chat.join", "chat.join.limited", "voip.join"];

let emu: RunningEmulator;
let other: RunningEmulator;
let client: CommunicationIdentityClient;

beforeAll(async () => {
  emu = await startEmulator({ accessKey: "random" });
  other = await startEmulator({ accessKey: "random" });
  // The Azure pipeline refuses plain http unless told otherwise.
  client = new CommunicationIdentityClient(emu.connectionString, { allowInsecureConnection: true });
});
afterAll(async () => {
  await emu.close();
  await other.close();
});

async function failure(promise: Promise<unknown>): Promise<{ code: unknown; statusCode: unknown; message: unknown }> {
  try {
    await promise;
  } catch (error) {
    const e = error as { code?: unknown; statusCode?: unknown; message?: unknown };
    return { code: e.code, statusCode: e.statusCode, message: e.message };
  }
  throw new Error("expected the call to fail");
}

describe("official client lifecycle", () => {
  it("creates a user", async () => {
    const user = await client.createUser();
    expect(user.communicationUserId).toMatch(new RegExp(`^8:acs:${emu.resourceId}_`));
  });

  it("creates a user and token with each scope", async () => {
    for (const scope of SCOPES) {
      const before = Date.now();
      const result = await client.createUserAndToken([scope]);
      expect(result.user.communicationUserId).toMatch(/^8:acs:/);
      expect(typeof result.token).toBe("string");
      expect(Math.round((result.expiresOn.getTime() - before) / 60_000)).toBe(1440);
    }
  });

  it("creates a user and token with custom expiry", async () => {
    const before = Date.now();
    const result = await client.createUserAndToken(["chat"], { tokenExpiresInMinutes: 60 });
    expect(Math.round((result.expiresOn.getTime() - before) / 60_000)).toBe(60);
  });

  it("gets a token with each scope, with all scopes, and with custom expiry; revokes; deletes", async () => {
    const user = await client.createUser();
    for (const scope of SCOPES) {
      const token = await client.getToken(user, [scope]);
      expect(token.expiresOn).toBeInstanceOf(Date);
    }
    expect(typeof (await client.getToken(user, SCOPES)).token).toBe("string");
    for (const minutes of [60, 90, 1440]) {
      const before = Date.now();
      const token = await client.getToken(user, ["voip"], { tokenExpiresInMinutes: minutes });
      expect(Math.round((token.expiresOn.getTime() - before) / 60_000)).toBe(minutes);
    }
    await expect(client.revokeTokens(user)).resolves.toBeUndefined();
    await expect(client.deleteUser(user)).resolves.toBeUndefined();
    expect(await failure(client.getToken(user, ["chat"]))).toMatchObject({ code: "IdentityNotFound", statusCode: 404 });
  });

  it("exchanges a Teams user's Entra token", async () => {
    const expiresOn = new Date(Math.floor(Date.now() / 1000) * 1000 + 45 * 60_000);
    const teamsUserAadToken = emu.mintEntraToken({ appId: APP, userId: USER, expiresOn });
    const token = await client.getTokenForTeamsUser({ teamsUserAadToken, clientId: APP, userObjectId: USER });
    expect(token.expiresOn.getTime()).toBe(expiresOn.getTime());
  });
});

describe("official client error cases surface the service's RestError.code", () => {
  it.each([59, 1441])("getToken with tokenExpiresInMinutes %i → 400 ValidationError", async (minutes) => {
    const user = await client.createUser();
    expect(await failure(client.getToken(user, ["chat"], { tokenExpiresInMinutes: minutes }))).toEqual({
      code: "ValidationError",
      statusCode: 400,
      message: `ExpiresInMinutes value ${minutes} is invalid. Value must be within the [60, 1440] interval.`,
    });
  });

  it.each([59, 1441])("createUserAndToken with tokenExpiresInMinutes %i → 400 ValidationError", async (minutes) => {
    expect(await failure(client.createUserAndToken(["chat"], { tokenExpiresInMinutes: minutes }))).toMatchObject({
      code: "ValidationError",
      statusCode: 400,
    });
  });

  it("getToken with no scopes → 400 ValidationError", async () => {
    const user = await client.createUser();
    expect(await failure(client.getToken(user, []))).toEqual({
      code: "ValidationError",
      statusCode: 400,
      message: "Invalid scopes - Scopes field is required.",
    });
  });

  it("operations on another resource's identity → 401 IdentityNotOwned", async () => {
    const foreignClient = new CommunicationIdentityClient(other.connectionString, { allowInsecureConnection: true });
    const foreign = await foreignClient.createUser();
    const expected = { code: "IdentityNotOwned", statusCode: 401, message: "Provided identity doesn't belong to the resource." };
    expect(await failure(client.getToken(foreign, ["chat"]))).toEqual(expected);
    expect(await failure(client.revokeTokens(foreign))).toEqual(expected);
    expect(await failure(client.deleteUser(foreign))).toEqual(expected);
  });

  it("a client with the wrong key → 401 Denied", async () => {
    const wrong = new CommunicationIdentityClient(`endpoint=${emu.endpoint};accesskey=${Buffer.from("wrong").toString("base64")}`, {
      allowInsecureConnection: true,
    });
    expect(await failure(wrong.createUser())).toMatchObject({ code: "Denied", statusCode: 401 });
  });

  it("Teams exchange errors", async () => {
    const token = emu.mintEntraToken({ appId: APP, userId: USER });
    const expired = emu.mintEntraToken({ appId: APP, userId: USER, expiresOn: new Date(Date.now() - 60_000) });
    const cases: [Parameters<CommunicationIdentityClient["getTokenForTeamsUser"]>[0], string, number, string][] = [
      [{ teamsUserAadToken: expired, clientId: APP, userObjectId: USER }, "InvalidAccessToken", 401, "Provided access token is not valid."],
      [{ teamsUserAadToken: "x.y.z", clientId: APP, userObjectId: USER }, "InvalidAccessToken", 401, "Provided access token is not valid."],
      [{ teamsUserAadToken: "", clientId: APP, userObjectId: USER }, "InvalidAccessToken", 401, "Provided access token is not valid."],
      [{ teamsUserAadToken: token, clientId: "", userObjectId: USER }, "ValidationError", 400, "AppId: The AppId field is required."],
      [{ teamsUserAadToken: token, clientId: "app", userObjectId: USER }, "ValidationError", 400, "Provided AppId has invalid format."],
      [
        { teamsUserAadToken: token, clientId: USER, userObjectId: USER },
        "ValidationError",
        400,
        "AAD application is not the expected one.",
      ],
      [{ teamsUserAadToken: token, clientId: APP, userObjectId: "" }, "ValidationError", 400, "UserId: The UserId field is required."],
      [{ teamsUserAadToken: token, clientId: APP, userObjectId: "bob" }, "ValidationError", 400, "Provided UserId has invalid format."],
      [
        { teamsUserAadToken: token, clientId: APP, userObjectId: APP },
        "ValidationError",
        400,
        "Provided AAD token issued for unexpected user.",
      ],
    ];
    for (const [options, code, statusCode, message] of cases) {
      expect(await failure(client.getTokenForTeamsUser(options))).toEqual({ code, statusCode, message });
    }
  });
});
