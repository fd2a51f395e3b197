import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AccessToken, GetTokenOptions, TokenCredential } from "@azure/core-auth";
import { AzureLogger, setLogLevel } from "@azure/logger";
import { createDefaultHttpClient, type HttpClient } from "@azure/core-rest-pipeline";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { apiVersions as generatedApiVersions, defaultApiVersion } from "../../generated/src/index.js";
import { ApiVersionMismatchError, AzureKeyCredential, CommunicationIdentityClient, KnownTokenScope, RestError } from "../../src/index.js";
import { startTlsProxy, type TlsProxy } from "./tlsProxy.js";
import { generatedFrom } from "../fixtures/manifestVersions.js";
import { counter, rejection } from "./helpers.js";

/** Integration tests: the client against the local Identity emulator, no mocks of our code. */
const BEARER = "emulator-trusted-bearer-token";
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator({ trustedBearerTokens: [BEARER] });
});
afterAll(async () => {
  await emulator.close();
});

const USER_ID = /^8:acs:[0-9a-f-]{36}_[0-9a-f-]{36}$/;
const DAY_MS = 24 * 60 * 60 * 1000;

describe("CommunicationIdentityClient against the emulator", () => {
  it("connection string: createUser, getToken, revokeTokens, deleteUser", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString);
    const user = await client.createUser();
    expect(Object.keys(user)).toEqual(["communicationUserId"]);
    expect(user.communicationUserId).toMatch(USER_ID);

    const before = Date.now();
    const token = await client.getToken(user, [KnownTokenScope.Chat, "voip"]);
    expect(Object.keys(token).sort()).toEqual(["expiresOn", "token"]);
    expect(token.token.split(".")).toHaveLength(3);
    expect(token.expiresOn).toBeInstanceOf(Date);
    expect(Math.abs(token.expiresOn.getTime() - before - DAY_MS)).toBeLessThan(60_000);

    await expect(client.revokeTokens(user)).resolves.toBeUndefined();
    await expect(client.deleteUser(user)).resolves.toBeUndefined();
    const error = await rejection(client.getToken(user, ["chat"]));
    expect(error).toBeInstanceOf(RestError);
    expect((error as RestError).statusCode).toBe(404);
  });

  it("createUserAndToken returns { user, token, expiresOn }", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString);
    const result = await client.createUserAndToken(["voip"]);
    expect(Object.keys(result).sort()).toEqual(["expiresOn", "token", "user"]);
    expect(result.user.communicationUserId).toMatch(USER_ID);
    expect(result.token.split(".")).toHaveLength(3);
    expect(result.expiresOn).toBeInstanceOf(Date);
  });

  it("endpoint + AzureKeyCredential, and key rotation takes effect on the next request", async () => {
    const key = new AzureKeyCredential(Buffer.from("not the emulator's key").toString("base64"));
    const client = new CommunicationIdentityClient(emulator.endpoint, key);
    const denied = (await rejection(client.createUser())) as RestError;
    expect(denied).toBeInstanceOf(RestError);
    expect([denied.statusCode, denied.code, denied.message]).toEqual([401, "Denied", "The request signature is not valid."]);
    key.update(emulator.accessKey);
    expect((await client.createUser()).communicationUserId).toMatch(USER_ID);
  });

  it("endpoint + TokenCredential: bearer token for the communication scope (https front)", async () => {
    const proxy: TlsProxy = await startTlsProxy(emulator.endpoint);
    try {
      const requested: string[][] = [];
      const credential: TokenCredential = {
        async getToken(scopes: string | string[], _options?: GetTokenOptions): Promise<AccessToken> {
          requested.push(Array.isArray(scopes) ? scopes : [scopes]);
          return { token: BEARER, expiresOnTimestamp: Date.now() + 3_600_000 };
        },
      };
      const client = new CommunicationIdentityClient(proxy.endpoint, credential, { tlsOptions: { ca: proxy.ca } });
      const { user, token } = await client.createUserAndToken(["chat"]);
      expect(user.communicationUserId).toMatch(USER_ID);
      expect(token.length).toBeGreaterThan(0);
      expect(requested[0]).toEqual(["https://communication.azure.com//.default"]);

      const untrusted: TokenCredential = { getToken: async () => ({ token: "other", expiresOnTimestamp: Date.now() + 3_600_000 }) };
      const denied = (await rejection(
        new CommunicationIdentityClient(proxy.endpoint, untrusted, { tlsOptions: { ca: proxy.ca } }).createUser(),
      )) as RestError;
      expect([denied.statusCode, denied.code, denied.message]).toEqual([401, "Denied", "The bearer token is not trusted by the emulator."]);
    } finally {
      await proxy.close();
    }
  });

  it("abortSignal: an aborted signal stops the request before it is sent, and mid-flight", async () => {
    const { sent, policies } = counter();
    const client = new CommunicationIdentityClient(emulator.connectionString, { additionalPolicies: policies });
    const user = await client.createUser();
    const aborted = AbortSignal.abort();
    const early = (await rejection(client.getToken(user, ["chat"], { abortSignal: aborted }))) as Error;
    expect(early.name).toBe("AbortError");

    const controller = new AbortController();
    const abortingClient = new CommunicationIdentityClient(emulator.connectionString, {
      additionalPolicies: [
        {
          position: "perRetry",
          policy: { name: "abortMidFlight", sendRequest: (req, next) => (controller.abort(), next(req)) },
        },
      ],
    });
    const late = (await rejection(abortingClient.deleteUser(user, { abortSignal: controller.signal }))) as Error;
    expect(late.name).toBe("AbortError");
    // The user was not deleted: the aborted delete never reached the server.
    await expect(client.getToken(user, ["chat"])).resolves.toMatchObject({ token: expect.any(String) });
    expect(sent()).toBe(3);
  });

  it("re-signs each retry: an attempt whose URL changed after a dropped connection is accepted", async () => {
    const real = createDefaultHttpClient();
    const urls: string[] = [];
    const flaky: HttpClient = {
      async sendRequest(request) {
        urls.push(request.url);
        if (urls.length === 1) throw new RestError("socket hang up", { code: "ECONNRESET", request });
        return real.sendRequest(request);
      },
    };
    let attempt = 0;
    const client = new CommunicationIdentityClient(emulator.connectionString, {
      httpClient: flaky,
      retryOptions: { maxRetries: 2, retryDelayInMs: 1, maxRetryDelayInMs: 2 },
      additionalPolicies: [
        {
          position: "perRetry",
          policy: {
            name: "markAttempt",
            sendRequest: (req, next) => {
              attempt += 1;
              req.url = req.url.replace(/&attempt=\d+$/, "") + `&attempt=${attempt}`;
              return next(req);
            },
          },
        },
      ],
    });
    const user = await client.createUser();
    expect(user.communicationUserId).toMatch(USER_ID);
    expect(urls.map((u) => new URL(u).search)).toEqual([
      `?api-version=${defaultApiVersion}&attempt=1`,
      `?api-version=${defaultApiVersion}&attempt=2`,
    ]);
  });

  it("service errors are RestErrors with statusCode, code, message and request id", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString);
    const user = await client.createUser();
    await client.deleteUser(user);
    const error = (await rejection(client.revokeTokens(user))) as RestError;
    expect(error).toBeInstanceOf(RestError);
    expect(error.statusCode).toBe(404);
    expect(error.code).toBe("IdentityNotFound");
    expect(error.message).toBe("Provided identity doesn't exist.");
    const requestId = error.request?.requestId;
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(error.response?.headers.get("x-ms-client-request-id")).toBe(requestId);
  });

  it("passes unknown scopes through to the service, which judges them", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString);
    const user = await client.createUser();
    const error = (await rejection(client.getToken(user, ["chat", "some.future.scope"]))) as RestError;
    expect(error).toBeInstanceOf(RestError);
    expect([error.statusCode, error.code]).toEqual([400, "ValidationError"]);
  });

  it("an apiVersion the client was not generated for fails at construction, naming the ones it has", () => {
    expect(() => new CommunicationIdentityClient(emulator.connectionString, { apiVersion: "2020-01-01" })).toThrow(
      new RangeError(`apiVersion "2020-01-01" is not one of the generated api-versions: ${generatedApiVersions.join(", ")}`),
    );
  });

  it("logs requests through @azure/logger with Authorization redacted and no key", async () => {
    const lines: string[] = [];
    const original = AzureLogger.log;
    AzureLogger.log = (...args: unknown[]) => void lines.push(args.map(String).join(" "));
    setLogLevel("verbose");
    try {
      const client = new CommunicationIdentityClient(emulator.connectionString);
      await client.createUserAndToken(["chat"]);
    } finally {
      setLogLevel(undefined);
      AzureLogger.log = original;
    }
    const text = lines.join("\n");
    expect(text).toContain("azure:communication-identity:info Request: {");
    expect(text).toMatch(/"authorization": "REDACTED"/i);
    expect(text).not.toContain(emulator.accessKey);
    expect(text).not.toContain("HMAC-SHA256");
    expect(text).not.toContain("Signature=");
  });
});

describe("client-side checks: only what would make the request malformed", () => {
  it("missing scopes or user id, a user that is not an object, or an id that is not a string, is a TypeError and nothing is sent", async () => {
    const { sent, policies } = counter();
    const client = new CommunicationIdentityClient(emulator.connectionString, { additionalPolicies: policies });
    await expect(client.deleteUser({} as never)).rejects.toThrow(
      new TypeError("user.communicationUserId is missing: id cannot be null or undefined."),
    );
    await expect(client.createUserAndToken(undefined as never)).rejects.toThrow(new TypeError("scopes cannot be null or undefined."));
    await expect(client.revokeTokens(null as never)).rejects.toThrow(
      new TypeError("user must be a CommunicationUserIdentifier ({ communicationUserId: string }), got null."),
    );
    await expect(client.getToken({ communicationUserId: 7 } as never, ["chat"])).rejects.toThrow(
      new TypeError("user.communicationUserId must be a string (it is a URL path segment), got number."),
    );
    await expect(client.getToken({ communicationUserId: "8:acs:x" }, "chat" as never)).rejects.toThrow(
      new TypeError("scopes must be an array of strings."),
    );
    await expect(client.getTokenForTeamsUser(undefined as never)).rejects.toThrow(
      new TypeError("getTokenForTeamsUser options { teamsUserAadToken, clientId, userObjectId } must be an object, got undefined."),
    );
    expect(sent()).toBe(0);
  });

  it("constructor errors name the bad argument", () => {
    expect(() => new CommunicationIdentityClient("not a connection string")).toThrow(
      new TypeError("Invalid connection string: segment 1 is not endpoint=… or accesskey=…."),
    );
    expect(() => new CommunicationIdentityClient("contoso.communication.azure.com", new AzureKeyCredential("a2V5"))).toThrow(
      new TypeError("Invalid endpoint: it is not an absolute URL."),
    );
    expect(() => new CommunicationIdentityClient(emulator.endpoint, {} as never, {})).toThrow(
      new TypeError("credential must be a KeyCredential (e.g. AzureKeyCredential) or a TokenCredential."),
    );
  });
});

/**
 * getTokenForTeamsUser arrived in api-version 2022-06-01, tokenExpiresInMinutes in 2022-10-01 (by
 * the Swagger files). They work under the default version; pinned to an older one they fail
 * before sending, naming the method or option and the versions that have it (every member under
 * every version: apiVersions.test.ts).
 */
describe("features of later api-versions", () => {
  const appId = "11111111-2222-4333-8444-555555555555";
  const userId = "66666666-7777-4888-8999-000000000000";

  it("tokenExpiresInMinutes", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString);
    const user = await client.createUser();
    const before = Date.now();
    const token = await client.getToken(user, ["chat"], { tokenExpiresInMinutes: 60 });
    expect(Math.abs(token.expiresOn.getTime() - before - 3_600_000)).toBeLessThan(60_000);
    const created = await client.createUserAndToken(["chat"], { tokenExpiresInMinutes: 90 });
    expect(Math.abs(created.expiresOn.getTime() - before - 5_400_000)).toBeLessThan(60_000);

    const { sent, policies } = counter();
    const old = new CommunicationIdentityClient(emulator.connectionString, { apiVersion: "2022-06-01", additionalPolicies: policies });
    const versions = generatedFrom("2022-10-01").join(", ");
    await expect(old.getToken(user, ["chat"], { tokenExpiresInMinutes: 60 })).rejects.toThrow(
      new ApiVersionMismatchError("2022-06-01", "getToken: tokenExpiresInMinutes", versions.split(", ")),
    );
    await expect(old.createUserAndToken(["chat"], { tokenExpiresInMinutes: 60 })).rejects.toThrow(
      `createUserAndToken: tokenExpiresInMinutes is not supported by api-version 2022-06-01 (supported in ${versions})`,
    );
    expect(sent()).toBe(0);
  });

  it("getTokenForTeamsUser", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString);
    const teamsUserAadToken = emulator.mintEntraToken({ appId, userId, expiresInSeconds: 1800 });
    const before = Date.now();
    const token = await client.getTokenForTeamsUser({ teamsUserAadToken, clientId: appId, userObjectId: userId });
    expect(token.token.split(".")).toHaveLength(3);
    expect(Math.abs(token.expiresOn.getTime() - before - 1_800_000)).toBeLessThan(60_000);

    const { sent, policies } = counter();
    const old = new CommunicationIdentityClient(emulator.connectionString, { apiVersion: "2021-03-07", additionalPolicies: policies });
    await expect(old.getTokenForTeamsUser({ teamsUserAadToken, clientId: appId, userObjectId: userId })).rejects.toThrow(
      `getTokenForTeamsUser is not supported by api-version 2021-03-07 (supported in ${generatedFrom("2022-06-01").join(", ")})`,
    );
    expect(sent()).toBe(0);
  });
});
