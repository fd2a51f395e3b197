import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { call, decodeJwtPayload, SERVICE_DATE, signedCall } from "./helpers.js";

let emu: RunningEmulator;
let other: RunningEmulator;
const V = "2023-10-01";
const PREVIEW = "2025-03-02-preview";

beforeAll(async () => {
  emu = await startEmulator({ accessKey: "random" });
  other = await startEmulator({ accessKey: "random" });
});
afterAll(async () => {
  await emu.close();
  await other.close();
});

async function createUser(version = V, body: unknown = {}): Promise<string> {
  const res = await signedCall(emu, "POST", `/identities?api-version=${version}`, body);
  expect(res.status).toBe(201);
  return res.json.identity.id as string;
}

const path = (id: string, action = "", version = V): string => `/identities/${encodeURIComponent(id)}${action}?api-version=${version}`;

async function introspect(token: string): Promise<{ active: boolean; reason?: string }> {
  const res = await call(emu.endpoint, { method: "POST", path: "/_emulator/introspect", body: { token } });
  expect(res.status).toBe(200);
  return res.json;
}

describe("create identity", () => {
  it("returns 201 with a service-shaped id, headers and content type", async () => {
    const res = await signedCall(emu, "POST", `/identities?api-version=${V}`, {}, { "x-ms-client-request-id": "req-42" });
    expect(res.status).toBe(201);
    expect(res.headers["content-type"]).toBe("application/json; charset=utf-8");
    expect(res.headers["api-supported-versions"]).toBe(emu.supportedVersionsHeader);
    expect(res.headers["x-ms-client-request-id"]).toBe("req-42");
    expect(Object.keys(res.json)).toEqual(["identity"]);
    expect(res.json.identity.id).toMatch(
      new RegExp(`^8:acs:${emu.resourceId}_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$`),
    );
  });

  it("creates a token with the requested scopes, 24 h by default", async () => {
    const before = Date.now();
    const res = await signedCall(emu, "POST", `/identities?api-version=${V}`, { createTokenWithScopes: ["chat", "voip"] });
    expect(res.status).toBe(201);
    expect(res.json.accessToken.expiresOn).toMatch(SERVICE_DATE);
    const expires = Date.parse(res.json.accessToken.expiresOn);
    expect(Math.round((expires - before) / 60_000)).toBe(1440);
    const claims = decodeJwtPayload(res.json.accessToken.token);
    expect(claims.sub).toBe(res.json.identity.id);
    expect(claims.acsScope).toBe("chat,voip");
    expect(claims.exp).toBe(Math.floor(expires / 1000));
    expect(typeof claims.iat).toBe("number");
  });

  it("honours expiresInMinutes", async () => {
    const before = Date.now();
    const res = await signedCall(emu, "POST", `/identities?api-version=${V}`, {
      createTokenWithScopes: ["chat"],
      expiresInMinutes: 60,
    });
    expect(Math.round((Date.parse(res.json.accessToken.expiresOn) - before) / 60_000)).toBe(60);
  });

  it.each([59, 1441])("rejects expiresInMinutes %i", async (minutes) => {
    const res = await signedCall(emu, "POST", `/identities?api-version=${V}`, {
      createTokenWithScopes: ["chat"],
      expiresInMinutes: minutes,
    });
    expect(res.status).toBe(400);
    expect(res.headers["content-type"]).toBe("application/json");
    expect(res.json).toEqual({
      error: {
        code: "ValidationError",
        message: `ExpiresInMinutes value ${minutes} is invalid. Value must be within the [60, 1440] interval.`,
        target: "ExpiresInMinutes",
      },
    });
  });

  it("returns the same identity (201) for the same customId on the preview", async () => {
    const first = await signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, { customId: "alice@contoso.com" });
    const second = await signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, {
      customId: "alice@contoso.com",
      createTokenWithScopes: ["chat"],
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(201);
    expect(second.json.identity.id).toBe(first.json.identity.id);
    expect(first.json.identity).toEqual({ id: first.json.identity.id, customId: "alice@contoso.com" });
    expect(second.json.identity.customId).toBe("alice@contoso.com");
    expect(second.json.identity.lastTokenIssuedAt).toMatch(SERVICE_DATE);
  });

  it("a deleted identity's customId creates a new identity", async () => {
    const first = await signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, { customId: "erin" });
    await signedCall(emu, "DELETE", path(first.json.identity.id, "", PREVIEW));
    const second = await signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, { customId: "erin" });
    expect(second.status).toBe(201);
    expect(second.json.identity.id).not.toBe(first.json.identity.id);
  });

  it("ignores fields of other versions when started with rejectFieldsOfOtherVersions: false", async () => {
    const lenient = await startEmulator({ accessKey: "random", rejectFieldsOfOtherVersions: false });
    try {
      const res = await signedCall(lenient, "POST", "/identities?api-version=2021-03-07", {
        customId: "x",
        createTokenWithScopes: ["chat"],
        expiresInMinutes: 60,
      });
      expect(res.status).toBe(201);
      expect(Object.keys(res.json.identity)).toEqual(["id"]);
      expect(Math.round((Date.parse(res.json.accessToken.expiresOn) - Date.now()) / 60_000)).toBe(1440);
    } finally {
      await lenient.close();
    }
  });

  it("rejects a field the api-version does not have", async () => {
    const custom = await signedCall(emu, "POST", `/identities?api-version=${V}`, { customId: "bob" });
    expect(custom.status).toBe(400);
    expect(custom.json).toEqual({
      error: {
        code: "ValidationError",
        message: "The field 'customId' is not supported in api-version '2023-10-01'.",
        target: "customId",
      },
    });
    const expiry = await signedCall(emu, "POST", "/identities?api-version=2021-03-07", {
      createTokenWithScopes: ["chat"],
      expiresInMinutes: 60,
    });
    expect(expiry.json).toEqual({
      error: {
        code: "ValidationError",
        message: "The field 'expiresInMinutes' is not supported in api-version '2021-03-07'.",
        target: "expiresInMinutes",
      },
    });
  });

  it("rejects a scope the api-version does not have", async () => {
    const res = await signedCall(emu, "POST", "/identities?api-version=2022-10-01", { createTokenWithScopes: ["chat.join"] });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: {
        code: "ValidationError",
        message: "Invalid scopes - 'chat.join' is not a valid scope in api-version '2022-10-01'.",
        target: "createTokenWithScopes",
      },
    });
  });
});

describe("issue token", () => {
  it("returns 200 with token and expiresOn", async () => {
    const id = await createUser();
    const res = await signedCall(emu, "POST", path(id, "/:issueAccessToken"), { scopes: ["chat.join"], expiresInMinutes: 120 });
    expect(res.status).toBe(200);
    expect(Object.keys(res.json).sort()).toEqual(["expiresOn", "token"]);
    expect(res.json.expiresOn).toMatch(SERVICE_DATE);
    expect(decodeJwtPayload(res.json.token).acsScope).toBe("chat.join");
  });

  it.each([59, 1441])("rejects expiresInMinutes %i", async (minutes) => {
    const id = await createUser();
    const res = await signedCall(emu, "POST", path(id, "/:issueAccessToken"), { scopes: ["chat"], expiresInMinutes: minutes });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: {
        code: "ValidationError",
        message: `ExpiresInMinutes value ${minutes} is invalid. Value must be within the [60, 1440] interval.`,
        target: "ExpiresInMinutes",
      },
    });
  });

  it("rejects null scopes", async () => {
    const id = await createUser();
    const res = await signedCall(emu, "POST", path(id, "/:issueAccessToken"), { scopes: null });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: { code: "ValidationError", message: "Scopes: The Scopes field is required.", target: "Scopes" },
    });
  });

  it("rejects empty scopes", async () => {
    const id = await createUser();
    const res = await signedCall(emu, "POST", path(id, "/:issueAccessToken"), { scopes: [] });
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: { code: "ValidationError", message: "Invalid scopes - Scopes field is required.", target: "scopes" },
    });
  });

  it("returns 404 for an unknown identity of this resource", async () => {
    const res = await signedCall(emu, "POST", path(`8:acs:${emu.resourceId}_unknown`, "/:issueAccessToken"), {
      scopes: ["chat"],
    });
    expect(res.status).toBe(404);
    expect(res.json).toEqual({ error: { code: "IdentityNotFound", message: "Provided identity doesn't exist." } });
  });
});

describe("identities of another resource", () => {
  const notOwned = { error: { code: "IdentityNotOwned", message: "Provided identity doesn't belong to the resource." } };
  let foreign: string;
  beforeAll(async () => {
    const res = await signedCall(other, "POST", `/identities?api-version=${V}`, {});
    foreign = res.json.identity.id;
  });

  it("issue → 401 IdentityNotOwned", async () => {
    const res = await signedCall(emu, "POST", path(foreign, "/:issueAccessToken"), { scopes: ["chat"] });
    expect(res.status).toBe(401);
    expect(res.json).toEqual(notOwned);
  });
  it("revoke → 401 IdentityNotOwned", async () => {
    const res = await signedCall(emu, "POST", path(foreign, "/:revokeAccessTokens"));
    expect(res.status).toBe(401);
    expect(res.json).toEqual(notOwned);
  });
  it("delete → 401 IdentityNotOwned", async () => {
    const res = await signedCall(emu, "DELETE", path(foreign));
    expect(res.status).toBe(401);
    expect(res.json).toEqual(notOwned);
  });
  it("a malformed id → 400", async () => {
    const res = await signedCall(emu, "DELETE", path("not-an-id"));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: { code: "ValidationError", message: "Provided identity has invalid format.", target: "id" },
    });
  });
});

describe("revoke and delete", () => {
  it("revoking invalidates every token issued before it, not those after", async () => {
    const id = await createUser();
    const t1 = (await signedCall(emu, "POST", path(id, "/:issueAccessToken"), { scopes: ["chat"] })).json.token;
    const t2 = (await signedCall(emu, "POST", path(id, "/:issueAccessToken"), { scopes: ["voip"] })).json.token;
    expect(await introspect(t1)).toMatchObject({ active: true });
    const revoke = await signedCall(emu, "POST", path(id, "/:revokeAccessTokens"));
    expect(revoke.status).toBe(204);
    expect(revoke.text).toBe("");
    expect(revoke.headers["content-type"]).toBeUndefined();
    expect(await introspect(t1)).toMatchObject({ active: false, reason: "revoked" });
    expect(await introspect(t2)).toMatchObject({ active: false, reason: "revoked" });
    const t3 = (await signedCall(emu, "POST", path(id, "/:issueAccessToken"), { scopes: ["chat"] })).json.token;
    expect(await introspect(t3)).toMatchObject({ active: true });
  });

  it("deleting revokes and removes the identity; deleting again is 204", async () => {
    const id = await createUser();
    const token = (await signedCall(emu, "POST", path(id, "/:issueAccessToken"), { scopes: ["chat"] })).json.token;
    const del = await signedCall(emu, "DELETE", path(id));
    expect(del.status).toBe(204);
    expect(del.text).toBe("");
    expect(await introspect(token)).toMatchObject({ active: false, reason: "identityDeleted" });
    expect((await signedCall(emu, "POST", path(id, "/:issueAccessToken"), { scopes: ["chat"] })).status).toBe(404);
    expect((await signedCall(emu, "POST", path(id, "/:revokeAccessTokens"))).status).toBe(404);
    expect((await signedCall(emu, "DELETE", path(id))).status).toBe(204);
  });

  it("introspection reports a tampered token", async () => {
    const id = await createUser();
    const token: string = (await signedCall(emu, "POST", path(id, "/:issueAccessToken"), { scopes: ["chat"] })).json.token;
    const tampered = `${token.slice(0, -2)}${token.endsWith("AA") ? "BB" : "AA"}`;
    expect(await introspect(tampered)).toEqual({ active: false, reason: "signature" });
  });
});

describe("get identity (preview)", () => {
  it("returns id, customId and lastTokenIssuedAt", async () => {
    const created = await signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, { customId: "carol" });
    const id = created.json.identity.id as string;
    const fresh = await signedCall(emu, "GET", path(id, "", PREVIEW));
    expect(fresh.status).toBe(200);
    expect(fresh.json).toEqual({ id, customId: "carol" });
    await signedCall(emu, "POST", path(id, "/:issueAccessToken", PREVIEW), { scopes: ["chat"] });
    const after = await signedCall(emu, "GET", path(id, "", PREVIEW));
    expect(after.json.lastTokenIssuedAt).toMatch(SERVICE_DATE);
  });

  it("accepts the Swagger's externalId as an alias of customId", async () => {
    const a = await signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, { externalId: "dave" });
    const b = await signedCall(emu, "POST", `/identities?api-version=${PREVIEW}`, { customId: "dave" });
    expect(b.json.identity.id).toBe(a.json.identity.id);
    expect(a.json.identity).toEqual({ id: a.json.identity.id, customId: "dave" });
  });

  it("is rejected in a version without it", async () => {
    const id = await createUser();
    const res = await signedCall(emu, "GET", path(id, "", "2025-06-30"));
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: {
        code: "UnsupportedApiVersion",
        message: "The HTTP resource that matches the request URI does not support the API version '2025-06-30'.",
      },
    });
  });

  it("returns 404 for a deleted identity", async () => {
    const id = await createUser(PREVIEW);
    await signedCall(emu, "DELETE", path(id, "", PREVIEW));
    const res = await signedCall(emu, "GET", path(id, "", PREVIEW));
    expect(res.status).toBe(404);
    expect(res.json.error.code).toBe("IdentityNotFound");
  });
});

describe("api-version", () => {
  it("rejects an unknown api-version with 400 UnsupportedApiVersion", async () => {
    const res = await signedCall(emu, "POST", "/identities?api-version=2020-01-01", {});
    expect(res.status).toBe(400);
    expect(res.headers["api-supported-versions"]).toBe(emu.supportedVersionsHeader);
    expect(res.json).toEqual({
      error: {
        code: "UnsupportedApiVersion",
        message: `The api-version '2020-01-01' is not supported. Supported versions: ${emu.supportedVersionsHeader}.`,
      },
    });
  });

  it("rejects a missing api-version with 400 MissingApiVersionParameter", async () => {
    const res = await signedCall(emu, "POST", "/identities", {});
    expect(res.status).toBe(400);
    expect(res.json).toEqual({
      error: {
        code: "MissingApiVersionParameter",
        message: "The api-version query parameter (?api-version=) is required for all requests.",
      },
    });
  });

  it("rejects the Teams exchange on 2021-03-07, which lacks it", async () => {
    const res = await signedCall(emu, "POST", "/teamsUser/:exchangeAccessToken?api-version=2021-03-07", {});
    expect(res.status).toBe(400);
    expect(res.json.error.code).toBe("UnsupportedApiVersion");
  });

  it("serves the core operations on every version", async () => {
    for (const version of emu.apiVersions) {
      const id = await createUser(version, { createTokenWithScopes: ["chat"] });
      expect((await signedCall(emu, "POST", path(id, "/:issueAccessToken", version), { scopes: ["voip"] })).status).toBe(200);
      expect((await signedCall(emu, "POST", path(id, "/:revokeAccessTokens", version))).status).toBe(204);
      expect((await signedCall(emu, "DELETE", path(id, "", version))).status).toBe(204);
    }
  });
});
