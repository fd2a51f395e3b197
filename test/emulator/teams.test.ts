import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { mintEntraToken, startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { call, decodeJwtPayload, SERVICE_DATE, signedCall } from "./helpers.js";

const APP = "2c3e1e83-8fd7-4615-ad2b-b8c1229845ac";
const USER = "32c0a5db-05ec-78ea-51ab-3f06b329397e";
const TENANT = "c70d068c-2f32-484d-9455-73070cd5aadd";
const EXCHANGE = "/teamsUser/:exchangeAccessToken?api-version=2023-10-01";

let emu: RunningEmulator;
beforeAll(async () => {
  emu = await startEmulator({ accessKey: "random" });
});
afterAll(async () => {
  await emu.close();
});

const validToken = (): string => emu.mintEntraToken({ appId: APP, userId: USER, tenantId: TENANT });
const exchange = (body: unknown) => signedCall(emu, "POST", EXCHANGE, body);
const validation = (message: string, target?: string) => ({
  error: { code: "ValidationError", message, ...(target === undefined ? {} : { target }) },
});
const invalidToken = { error: { code: "InvalidAccessToken", message: "Provided access token is not valid." } };

describe("Teams user token exchange", () => {
  it("exchanges a valid token; the result expires when the Entra token does", async () => {
    const expiresOn = new Date(Math.floor(Date.now() / 1000) * 1000 + 50 * 60_000);
    const token = emu.mintEntraToken({ appId: APP, userId: USER, expiresOn });
    const res = await exchange({ token, appId: APP, userId: USER });
    expect(res.status).toBe(200);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.json.expiresOn).toMatch(SERVICE_DATE);
    expect(Date.parse(res.json.expiresOn)).toBe(expiresOn.getTime());
    expect(decodeJwtPayload(res.json.token).sub).toBe(`8:orgid:${USER}`);
  });

  it("accepts tokens minted by the standalone helper with the default key", async () => {
    const token = mintEntraToken({ appId: APP, userId: USER });
    expect((await exchange({ token, appId: APP, userId: USER })).status).toBe(200);
  });

  it("accepts tokens minted through /_emulator/entraToken", async () => {
    const minted = await call(emu.endpoint, {
      method: "POST",
      path: "/_emulator/entraToken",
      body: { appId: APP, userId: USER, expiresInSeconds: 600 },
    });
    expect(minted.status).toBe(200);
    expect(minted.json.expiresOn).toMatch(SERVICE_DATE);
    expect((await exchange({ token: minted.json.token, appId: APP, userId: USER })).status).toBe(200);
  });

  it("/_emulator/entraToken rejects an absurd lifetime with 400", async () => {
    const res = await call(emu.endpoint, {
      method: "POST",
      path: "/_emulator/entraToken",
      body: { appId: APP, userId: USER, expiresInSeconds: 1e308 },
    });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: {
        code: "ValidationError",
        message: "expiresInSeconds must be a number of seconds within ten years.",
        target: "expiresInSeconds",
      },
    });
  });

  it.each([
    ["expired", () => emu.mintEntraToken({ appId: APP, userId: USER, expiresOn: new Date(Date.now() - 60_000) })],
    ["malformed", () => "not.a.jwt"],
    ["empty", () => ""],
    ["signed with another key", () => mintEntraToken({ appId: APP, userId: USER, signingKey: "other" })],
  ])("%s token → 401 InvalidAccessToken", async (_name, token) => {
    const res = await exchange({ token: token(), appId: APP, userId: USER });
    expect(res.status).toBe(401);
    expect(res.headers["content-type"]).toBe("application/json");
    expect(res.json).toEqual(invalidToken);
  });

  it("empty appId → AppId required", async () => {
    const res = await exchange({ token: validToken(), appId: "", userId: USER });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(validation("AppId: The AppId field is required.", "AppId"));
  });

  it("appId not a GUID → invalid format", async () => {
    const res = await exchange({ token: validToken(), appId: "my-app", userId: USER });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(validation("Provided AppId has invalid format.", "appId"));
  });

  it("appId not the token's → not the expected application", async () => {
    const res = await exchange({ token: validToken(), appId: "00000000-0000-0000-0000-000000000001", userId: USER });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(validation("AAD application is not the expected one.", "appId"));
  });

  it("empty userId with a valid token → UserId required", async () => {
    const res = await exchange({ token: validToken(), appId: APP, userId: "" });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(validation("UserId: The UserId field is required.", "UserId"));
  });

  it("userId not a GUID → invalid format", async () => {
    const res = await exchange({ token: validToken(), appId: APP, userId: "bob" });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(validation("Provided UserId has invalid format.", "userId"));
  });

  it("userId not the token's → unexpected user", async () => {
    const res = await exchange({ token: validToken(), appId: APP, userId: "00000000-0000-0000-0000-000000000002" });
    expect(res.status).toBe(400);
    expect(res.json).toEqual(validation("Provided AAD token issued for unexpected user.", "userId"));
  });

  it.each([
    ["no token field", { appId: APP, userId: USER }],
    ["null token", { token: null, appId: APP, userId: USER }],
    ["no body", undefined],
  ])("%s → body missing or without token", async (_name, body) => {
    const res = await exchange(body);
    expect(res.status).toBe(400);
    expect(res.json).toEqual(validation("The body is either missing or doesn't contain any token."));
  });
});

describe("Teams extension (2025-06-30+)", () => {
  const V = "2025-06-30";
  const assignmentPath = (tenant = TENANT, object = USER, version = V) =>
    `/access/teamsExtension/tenants/${tenant}/assignments/${object}?api-version=${version}`;
  const exchangePath = `/access/teamsExtension/:exchangeAccessToken?api-version=${V}`;

  it("put creates (201) then replaces (200); get returns it; delete removes it", async () => {
    const created = await signedCall(emu, "PUT", assignmentPath(), { principalType: "user", clientIds: [APP] });
    expect(created.status).toBe(201);
    expect(created.json).toEqual({ objectId: USER, tenantId: TENANT, principalType: "user", clientIds: [APP] });
    const replaced = await signedCall(emu, "PUT", assignmentPath(), { principalType: "resourceAccount" });
    expect(replaced.status).toBe(200);
    expect(replaced.json).toEqual({ objectId: USER, tenantId: TENANT, principalType: "resourceAccount" });
    const got = await signedCall(emu, "GET", assignmentPath());
    expect(got.status).toBe(200);
    expect(got.json).toEqual(replaced.json);
    const deleted = await signedCall(emu, "DELETE", assignmentPath());
    expect(deleted.status).toBe(204);
    const gone = await signedCall(emu, "GET", assignmentPath());
    expect(gone.status).toBe(404);
    expect(gone.json).toEqual({ error: { code: "AssignmentNotFound", message: "The assignment was not found." } });
  });

  it("validates the assignment body and path", async () => {
    expect((await signedCall(emu, "PUT", assignmentPath(), {})).json).toEqual(
      validation("PrincipalType: The PrincipalType field is required.", "PrincipalType"),
    );
    expect((await signedCall(emu, "PUT", assignmentPath(), { principalType: "robot" })).json).toEqual(
      validation("Provided PrincipalType is not valid.", "principalType"),
    );
    expect((await signedCall(emu, "PUT", assignmentPath("tenant-x"), { principalType: "user" })).json).toEqual(
      validation("Provided TenantId has invalid format.", "tenantId"),
    );
  });

  it("exchanges a Teams Phone token (Bearer) for an assigned user", async () => {
    await signedCall(emu, "PUT", assignmentPath(), { principalType: "user", clientIds: [APP] });
    const expiresOn = new Date(Math.floor(Date.now() / 1000) * 1000 + 30 * 60_000);
    const entra = emu.mintEntraToken({ appId: APP, userId: USER, tenantId: TENANT, expiresOn });
    const res = await call(emu.endpoint, {
      method: "POST",
      path: exchangePath,
      body: {},
      headers: { authorization: `Bearer ${entra}` },
    });
    expect(res.status).toBe(200);
    expect(res.json.identity).toEqual({ id: `8:acs:${emu.resourceId}_${TENANT}_${USER}` });
    expect(Date.parse(res.json.accessToken.expiresOn)).toBe(expiresOn.getTime());
  });

  it("refuses unassigned users, other applications and bad tokens", async () => {
    const other = "11111111-2222-4333-8444-555555555555";
    await signedCall(emu, "PUT", assignmentPath(), { principalType: "user", clientIds: [APP] });
    const unassigned = emu.mintEntraToken({ appId: APP, userId: other, tenantId: TENANT });
    const wrongApp = emu.mintEntraToken({ appId: other, userId: USER, tenantId: TENANT });
    const send = (authorization: string) =>
      call(emu.endpoint, { method: "POST", path: exchangePath, body: {}, headers: { authorization } });
    expect((await send(`Bearer ${unassigned}`)).json.error.code).toBe("AssignmentNotFound");
    expect((await send(`Bearer ${wrongApp}`)).json.error.code).toBe("ClientNotAssigned");
    const bad = await send("Bearer garbage");
    expect(bad.status).toBe(401);
    expect(bad.json).toEqual(invalidToken);
  });

  it("is not available on 2023-10-01", async () => {
    const res = await signedCall(emu, "GET", assignmentPath(TENANT, USER, "2023-10-01"));
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("UnsupportedApiVersion");
  });
});
