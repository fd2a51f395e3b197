import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type ReceivedRequest, type RunningEmulator } from "../../emulator/index.js";
import { AzureKeyCredential, CommunicationIdentityClient, KnownTeamsExtensionPrincipalType, RestError } from "../../src/index.js";
import { generatedFrom } from "../fixtures/manifestVersions.js";
import { counter, rejection } from "./helpers.js";

/** customId, getUserDetail and the Teams extension operations, end to end against the emulator. */
let emulator: RunningEmulator;
const received: ReceivedRequest[] = [];
beforeAll(async () => {
  emulator = await startEmulator({ onRequest: (request) => void received.push(request) });
});
afterAll(async () => {
  await emulator.close();
});

const PREVIEW = "2025-03-02-preview";
const TENANT = "cccccccc-1111-4222-8333-444444444444";
const APP_ID = "11111111-2222-4333-8444-555555555555";
const OTHER_APP_ID = "99999999-2222-4333-8444-555555555555";

describe("createUser({ customId }) (2025-03-02-preview)", () => {
  it("returns the same user for the same customId, another for another, a new one after deletion", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString, { apiVersion: PREVIEW });
    const alice = await client.createUser({ customId: "alice@contoso.com" });
    expect(await client.createUser({ customId: "alice@contoso.com" })).toEqual(alice);
    const withToken = await client.createUserAndToken(["chat"], { customId: "alice@contoso.com" });
    expect(withToken.user).toEqual(alice);
    const bob = await client.createUser({ customId: "bob@contoso.com" });
    expect(bob.communicationUserId).not.toBe(alice.communicationUserId);
    await client.deleteUser(alice);
    const again = await client.createUser({ customId: "alice@contoso.com" });
    expect(again.communicationUserId).not.toBe(alice.communicationUserId);
  });

  it("sends { customId } as the body, and no body without it", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString, { apiVersion: PREVIEW });
    const start = received.length;
    await client.createUser({ customId: "carol" });
    await client.createUser();
    const [withId, without] = received.slice(start);
    expect(withId?.body.toString("utf8")).toBe('{"customId":"carol"}');
    expect(without?.body.length).toBe(0);
  });

  it("a customId the service rejects is sent, and the service's 400 reaches the caller", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString, { apiVersion: PREVIEW });
    const error = (await rejection(client.createUserAndToken(["chat"], { customId: 7 as never }))) as RestError;
    expect(error).toBeInstanceOf(RestError);
    expect([error.statusCode, error.code, error.message]).toEqual([
      400,
      "ValidationError",
      "CustomId must be a string of 1 to 256 characters.",
    ]);
    expect(received.at(-1)?.body.toString("utf8")).toBe('{"createTokenWithScopes":["chat"],"customId":7}');
  });
});

describe("getUserDetail (2025-03-02-preview)", () => {
  it("returns the user as an identifier, its customId, and lastTokenIssuedAt as a Date once a token was issued", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString, { apiVersion: PREVIEW });
    const user = await client.createUser({ customId: "detail-user" });
    expect(await client.getUserDetail(user)).toEqual({ user: { communicationUserId: user.communicationUserId }, customId: "detail-user" });
    const before = Date.now();
    await client.getToken(user, ["chat"]);
    const detail = await client.getUserDetail(user);
    expect(detail.lastTokenIssuedAt).toBeInstanceOf(Date);
    expect(Math.abs((detail.lastTokenIssuedAt as Date).getTime() - before)).toBeLessThan(60_000);
    expect(Object.keys(detail).sort()).toEqual(["customId", "lastTokenIssuedAt", "user"]);
    // The user comes back as an identifier, so it can be passed to the other methods.
    await expect(client.revokeTokens(detail.user)).resolves.toBeUndefined();
  });

  it("a user without customId has no customId member; an unknown user is a 404 RestError", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString, { apiVersion: PREVIEW });
    const user = await client.createUser();
    expect(await client.getUserDetail(user)).toEqual({ user });
    await client.deleteUser(user);
    const error = (await rejection(client.getUserDetail(user))) as RestError;
    expect(error).toBeInstanceOf(RestError);
    expect([error.statusCode, error.code]).toEqual([404, "IdentityNotFound"]);
  });
});

describe.each(generatedFrom("2025-03-02-preview"))("Teams extension under %s", (apiVersion) => {
  it("upsert, get, exchange (Entra token as Bearer), delete", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString, { apiVersion });
    const objectId = `dddddddd-0000-4000-8000-${apiVersion.replace(/\D/g, "").slice(0, 12).padStart(12, "0")}`;
    const created = await client.upsertTeamsExtensionAssignment(TENANT, objectId, {
      principalType: KnownTeamsExtensionPrincipalType.User,
      clientIds: [APP_ID],
    });
    expect(created).toEqual({ tenantId: TENANT, objectId, principalType: "user", clientIds: [APP_ID] });
    expect(await client.getTeamsExtensionAssignment(TENANT, objectId)).toEqual(created);

    const teamsUserAadToken = emulator.mintEntraToken({ appId: APP_ID, userId: objectId, tenantId: TENANT, expiresInSeconds: 1800 });
    const start = received.length;
    const before = Date.now();
    const exchanged = await client.getTokenForTeamsExtensionUser({ teamsUserAadToken });
    expect(exchanged.user).toEqual({ communicationUserId: `8:acs:${emulator.resourceId}_${TENANT}_${objectId}` });
    expect(exchanged.token.split(".")).toHaveLength(3);
    expect(Math.abs(exchanged.expiresOn.getTime() - before - 1_800_000)).toBeLessThan(60_000);
    // On the wire: the Teams user's token as Bearer, no HMAC headers, body {}.
    const request = received[start];
    const headers = new Map(request?.headers.map(([name, value]) => [name, value]));
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`/access/teamsExtension/:exchangeAccessToken?api-version=${apiVersion}`);
    expect(headers.get("authorization")).toBe(`Bearer ${teamsUserAadToken}`);
    expect(headers.has("x-ms-content-sha256")).toBe(false);
    expect(request?.body.toString("utf8")).toBe("{}");

    // The client's own credential is untouched: the next call is HMAC-signed again.
    const replaced = await client.upsertTeamsExtensionAssignment(TENANT, objectId, { principalType: "user", clientIds: [OTHER_APP_ID] });
    expect(replaced.clientIds).toEqual([OTHER_APP_ID]);
    const notAssigned = (await rejection(client.getTokenForTeamsExtensionUser({ teamsUserAadToken }))) as RestError;
    expect([notAssigned.statusCode, notAssigned.code]).toEqual([403, "ClientNotAssigned"]);
    expect(notAssigned.message).not.toContain(teamsUserAadToken);

    await client.deleteTeamsExtensionAssignment(TENANT, objectId);
    await client.deleteTeamsExtensionAssignment(TENANT, objectId);
    const missing = (await rejection(client.getTeamsExtensionAssignment(TENANT, objectId))) as RestError;
    expect([missing.statusCode, missing.code]).toEqual([404, "AssignmentNotFound"]);
    const unassigned = (await rejection(client.getTokenForTeamsExtensionUser({ teamsUserAadToken }))) as RestError;
    expect([unassigned.statusCode, unassigned.code]).toEqual([403, "AssignmentNotFound"]);
  });
});

describe("Teams extension validation before any request", () => {
  it("bad arguments are TypeErrors; http to another machine is refused, so the Entra token is never sent in clear", async () => {
    const { sent, policies } = counter();
    const client = new CommunicationIdentityClient(emulator.connectionString, { additionalPolicies: policies });
    await expect(client.getTokenForTeamsExtensionUser({ teamsUserAadToken: 7 as never })).rejects.toThrow(
      new TypeError("teamsUserAadToken must be a string, got number."),
    );
    await expect(client.getTokenForTeamsExtensionUser(undefined as never)).rejects.toThrow(
      new TypeError("getTokenForTeamsExtensionUser options { teamsUserAadToken } must be an object, got undefined."),
    );
    await expect(client.getTeamsExtensionAssignment(undefined as never, "o")).rejects.toThrow(
      new TypeError("tenantId must be a string (it is a URL path segment), got undefined."),
    );
    await expect(client.deleteTeamsExtensionAssignment("t", null as never)).rejects.toThrow(
      new TypeError("objectId must be a string (it is a URL path segment), got null."),
    );
    await expect(client.upsertTeamsExtensionAssignment("t", "o", null as never)).rejects.toThrow(
      new TypeError("settings { principalType, clientIds? } must be an object, got null."),
    );
    const remote = new CommunicationIdentityClient("http://identity.example.invalid/", new AzureKeyCredential(emulator.accessKey), {
      allowInsecureConnection: true,
      additionalPolicies: policies,
    });
    await expect(remote.getTokenForTeamsExtensionUser({ teamsUserAadToken: "secret-entra-token" })).rejects.toThrow(
      new Error(
        "getTokenForTeamsExtensionUser sends the Teams user's Entra token, so it needs an https endpoint (or plain http to this machine, such as the local emulator).",
      ),
    );
    expect(sent()).toBe(0);
  });
});
