/**
 * Re-expresses azure-sdk-for-js
 * sdk/communication/communication-identity/test/public/communicationIdentityClient.mocked.spec.ts
 * (same test names). The official spec answers from canned HTTP clients; here the emulator
 * answers, and the official spy on the HTTP client becomes `Transport`, the default HTTP client
 * recording what the pipeline hands it. Canned failures become real ones: a request the emulator
 * refuses (400), a transport that throws once the emulator's response has arrived, and a local
 * server answering 502 text/plain like a gateway.
 *
 * `instanceof RestError` becomes `isRestError`: 1.3.1 is CommonJS and loads core-rest-pipeline's
 * CommonJS build, whose RestError is another class than the ESM one this file imports.
 */
import { RestError, createHttpHeaders, isRestError } from "@azure/core-rest-pipeline";
import { describe, expect, it, vi } from "vitest";
import { WELL_KNOWN_ACCESS_KEY } from "../../emulator/index.js";
import { CLIENTS, has, MINUTE, rejection, startGateway, useCompatEnvironment, type User } from "./harness.js";

const env = useCompatEnvironment();

const APP_ID = "2c3e1e83-8fd7-4615-ad2b-b8c1229845ac";
const USER_ID = "32c0a5db-05ec-78ea-51ab-3f06b329397e";

/** The emulator's reply to an issue-token request without scopes. */
const NO_SCOPES_BODY = {
  error: { code: "ValidationError", message: "Invalid scopes - Scopes field is required.", target: "scopes" },
};

describe.each(CLIENTS)("%s", (_name, clientUnderTest) => {
  describe("CommunicationIdentityClient [Emulator, was Mocked]", () => {
    const setup = (options?: Record<string, unknown>) =>
      env.client(
        clientUnderTest,
        false,
        () => {
          throw new Error("unreachable");
        },
        options,
      );
    const dateHeader = "x-ms-date";
    const apiVersion = clientUnderTest.defaultApiVersion;

    /** A user of the emulator, created by a client of its own so the case's transport sees one request. */
    async function newUser(): Promise<User> {
      return setup().client.createUser();
    }

    it("creates instance of CommunicationIdentityClient", () => {
      const client = clientUnderTest.fromConnectionString("endpoint=https://contoso.spool.azure.local;accesskey=banana");
      expect(clientUnderTest.isClient(client)).toBe(true);
    });

    it("sets correct headers", async () => {
      const user = await newUser();
      const { client, transport, emulator } = setup();
      await client.getToken(user, ["chat"]);
      const request = transport.only();
      expect(request.headers.host).toBe(`127.0.0.1:${emulator.port}`);
      expect(request.headers[dateHeader]).toBeTypeOf("string");
      expect(request.headers.authorization).toMatch(/^HMAC-SHA256 SignedHeaders=.+&Signature=.+$/);
    });

    it("sends the expected api-version", async () => {
      const user = await newUser();
      const { client, transport } = setup();
      await client.getToken(user, ["chat"]);
      expect(new URL(transport.only().url).searchParams.get("api-version")).toBe(apiVersion);
    });

    it("sends scopes in issue token request", async () => {
      const user = await newUser();
      const { client, transport } = setup();
      const response = await client.getToken(user, ["chat"]);
      expect(response.token).toBeTypeOf("string");
      expect(response.expiresOn.getTime()).toBe(env.t0 + 1440 * MINUTE);
      expect(JSON.parse(transport.only().body as string)).toEqual({ scopes: ["chat"] });
    });

    it("preserves legacy operation options", async () => {
      const user = await newUser();
      const { client, transport } = setup();
      const response = await client.getToken(user, ["chat"], {
        requestOptions: {
          customHeaders: { "x-custom-header": "custom-value" },
          shouldDeserialize: false,
        },
        serializerOptions: { xml: {} },
      });
      expect(transport.only().headers["x-custom-header"]).toBe("custom-value");
      // Not deserialized: expiresOn stays the wire string.
      expect(response.expiresOn).toBeTypeOf("string");
    });

    it("preserves the shouldDeserialize callback", async () => {
      const user = await newUser();
      const { client } = setup();
      const order: string[] = [];
      const shouldDeserialize = vi.fn(() => {
        order.push("shouldDeserialize");
        return false;
      });
      const onResponse = vi.fn((_response: unknown, flatResponse: unknown) => {
        order.push("onResponse");
        expect((flatResponse as { expiresOn: unknown }).expiresOn).toBeTypeOf("string");
      });
      const response = await client.getToken(user, ["chat"], { requestOptions: { shouldDeserialize }, onResponse });
      expect(shouldDeserialize).toHaveBeenCalledOnce();
      expect(onResponse).toHaveBeenCalledOnce();
      expect(order).toEqual(["shouldDeserialize", "onResponse"]);
      expect(response.expiresOn).toBeTypeOf("string");
    });

    // Needs rawErrorBodies (see Feature in harness.ts): not in 1.3.1.
    it.skipIf(!has(clientUnderTest, "rawErrorBodies"))("bypasses generated error handling when shouldDeserialize is false", async () => {
      const user = await newUser();
      const { client } = setup();
      const response = await client.getToken(user, [], { requestOptions: { shouldDeserialize: false } });
      expect(response).toEqual(NO_SCOPES_BODY);
    });

    // Needs rawErrorBodies (see Feature in harness.ts): not in 1.3.1.
    it.skipIf(!has(clientUnderTest, "rawErrorBodies"))("does not suppress pipeline failures when shouldDeserialize is false", async () => {
      const user = await newUser();
      const { client, transport } = setup();
      transport.failAfterResponse = (request, response) =>
        new RestError("pipeline failure", { code: "PipelineFailure", statusCode: response.status, request, response });
      const onResponse = vi.fn();
      const error = await rejection(client.getToken(user, [], { requestOptions: { shouldDeserialize: false }, onResponse }));
      expect(error.message).toBe("pipeline failure");
      expect(onResponse).toHaveBeenCalledOnce();
      const [rawResponse, flatResponse, callbackError] = onResponse.mock.calls[0]!;
      expect(rawResponse.status).toBe(400);
      expect(flatResponse).toBeUndefined();
      expect(isRestError(callbackError)).toBe(true);
    });

    it("preserves legacy callbacks for non-RestError failures with a response", async () => {
      const user = await newUser();
      const { client, transport } = setup();
      const pipelineError = new Error("pipeline failure") as Error & {
        statusCode?: number;
        response?: unknown;
        details?: unknown;
      };
      transport.failAfterResponse = (request, response) => {
        pipelineError.statusCode = response.status;
        pipelineError.response = { status: response.status, headers: createHttpHeaders(), request, bodyAsText: response.bodyAsText };
        return pipelineError;
      };
      const onResponse = vi.fn();
      expect(await rejection(client.getToken(user, [], { onResponse }))).toBe(pipelineError);
      expect(onResponse).toHaveBeenCalledOnce();
      const [rawResponse, flatResponse, callbackError] = onResponse.mock.calls[0]!;
      expect(rawResponse.status).toBe(400);
      expect(flatResponse).toEqual({});
      expect(callbackError).toBe(pipelineError);
      expect(pipelineError.details).toEqual({});
    });

    it("preserves the legacy onResponse error arguments", async () => {
      const user = await newUser();
      const { client } = setup();
      const onResponse = vi.fn();
      expect(isRestError(await rejection(client.getToken(user, [], { onResponse })))).toBe(true);
      expect(onResponse).toHaveBeenCalledOnce();
      const [rawResponse, flatResponse, callbackError] = onResponse.mock.calls[0]!;
      expect(rawResponse.status).toBe(400);
      expect(flatResponse).toEqual(NO_SCOPES_BODY);
      expect(isRestError(callbackError)).toBe(true);
    });

    // Needs plainTextErrors (see Feature in harness.ts): not in 1.3.1.
    it.skipIf(!has(clientUnderTest, "plainTextErrors"))("preserves RestError metadata for non-envelope gateway errors", async () => {
      const gateway = await startGateway();
      try {
        const client = clientUnderTest.fromConnectionString(`endpoint=${gateway.endpoint};accesskey=${WELL_KNOWN_ACCESS_KEY}`, {
          allowInsecureConnection: true,
          retryOptions: { maxRetries: 0 },
        });
        const error = await rejection(client.getToken({ communicationUserId: "ACS_ID" }, ["chat"]));
        expect(isRestError(error)).toBe(true);
        expect(error.message).toBe("Bad Gateway");
        expect(error.statusCode).toBe(502);
        expect((error.response as { bodyAsText?: string } | undefined)?.bodyAsText).toBe("Bad Gateway");
        expect(error.details).toBe("Bad Gateway");
        expect(gateway.requests()).toBe(1);
      } finally {
        await gateway.close();
      }
    });

    // Needs requiredArgumentChecks (see Feature in harness.ts): not in 1.3.1.
    it.skipIf(!has(clientUnderTest, "requiredArgumentChecks"))(
      "validates required operation arguments before sending a request",
      async () => {
        const user = await newUser();
        const { client, transport } = setup();
        // The official test expects synchronous throws; 1.3.1's methods are async, so a rejection
        // before any request is accepted too (the message is matched as a substring, as there).
        const refusal = async (call: () => Promise<unknown>) => (await rejection(call())).message;
        expect(await refusal(() => client.getToken({} as User, ["chat"]))).toContain("id cannot be null or undefined.");
        expect(await refusal(() => client.getToken(user, undefined as never))).toContain("scopes cannot be null or undefined.");
        expect(await refusal(() => client.revokeTokens({} as User))).toContain("id cannot be null or undefined.");
        expect(await refusal(() => client.createUserAndToken(undefined as never))).toContain("scopes cannot be null or undefined.");
        expect(await refusal(() => client.deleteUser({} as User))).toContain("id cannot be null or undefined.");
        expect(await refusal(() => client.getTokenForTeamsUser({ clientId: "clientId", userObjectId: "userObjectId" }))).toContain(
          "teamsUserAadToken cannot be null or undefined.",
        );
        expect(await refusal(() => client.getTokenForTeamsUser({ teamsUserAadToken: "token", userObjectId: "userObjectId" }))).toContain(
          "clientId cannot be null or undefined.",
        );
        expect(await refusal(() => client.getTokenForTeamsUser({ teamsUserAadToken: "token", clientId: "clientId" }))).toContain(
          "userObjectId cannot be null or undefined.",
        );
        expect(transport.sent).toEqual([]);
      },
    );

    it("[getToken] excludes _response from results", async () => {
      const user = await newUser();
      const { client } = setup();
      const response = await client.getToken(user, ["chat"]);
      expect("_response" in response).toBe(false);
      expect(Object.keys(response).sort()).toEqual(["expiresOn", "token"]);
    });

    it("[createUser] excludes _response from results", async () => {
      const { client, transport, emulator } = setup();
      const newUserResult = await client.createUser();
      expect(newUserResult.communicationUserId).toMatch(new RegExp(`^8:acs:${emulator.resourceId}_`));
      expect("_response" in newUserResult).toBe(false);
      const request = transport.only();
      expect(request.method).toBe("POST");
      expect(request.url).toContain(`/identities?api-version=${apiVersion}`);
      expect(request.body).toBeUndefined();
    });

    it("sends scopes and expiration when creating a user and token", async () => {
      const { client, transport, emulator } = setup();
      const response = await client.createUserAndToken(["chat"], { tokenExpiresInMinutes: 60 });
      expect(response.user.communicationUserId).toMatch(new RegExp(`^8:acs:${emulator.resourceId}_`));
      expect(response.token).toBeTypeOf("string");
      expect(response.expiresOn.getTime()).toBe(env.t0 + 60 * MINUTE);
      const request = transport.only();
      expect(request.method).toBe("POST");
      expect(request.url).toContain(`/identities?api-version=${apiVersion}`);
      expect(JSON.parse(request.body as string)).toEqual({ createTokenWithScopes: ["chat"], expiresInMinutes: 60 });
    });

    it("sends the expected revoke and delete requests", async () => {
      const user = await newUser();
      const encoded = encodeURIComponent(user.communicationUserId);
      const { client, transport } = setup();
      await client.revokeTokens(user);
      await client.deleteUser(user);
      expect(transport.sent.map((r) => r.method)).toEqual(["POST", "DELETE"]);
      expect(transport.sent[0]!.url).toContain(`/identities/${encoded}/:revokeAccessTokens?api-version=${apiVersion}`);
      expect(transport.sent[0]!.body).toBeUndefined();
      expect(transport.sent[1]!.url).toContain(`/identities/${encoded}?api-version=${apiVersion}`);
      expect(transport.sent[1]!.body).toBeUndefined();
    });

    it("exchanges Teams token for ACS token", async () => {
      const { client, transport, emulator } = setup();
      const teamsToken = emulator.mintEntraToken({ appId: APP_ID, userId: USER_ID });
      const response = await client.getTokenForTeamsUser({
        teamsUserAadToken: teamsToken,
        clientId: APP_ID,
        userObjectId: USER_ID,
      });
      expect(response.token).toBeTypeOf("string");
      // The exchanged token expires with the Entra token: one hour after the emulator's clock.
      expect(response.expiresOn.getTime()).toBe(env.t0 + 60 * MINUTE);
      const request = transport.only();
      expect(request.method).toBe("POST");
      expect(request.url).toContain(`/teamsUser/:exchangeAccessToken?api-version=${apiVersion}`);
      expect(JSON.parse(request.body as string)).toEqual({ token: teamsToken, appId: APP_ID, userId: USER_ID });
    });

    it("[getTokenForTeamsUser] excludes _response from results", async () => {
      const { client, emulator } = setup();
      const response = await client.getTokenForTeamsUser({
        teamsUserAadToken: emulator.mintEntraToken({ appId: APP_ID, userId: USER_ID }),
        clientId: APP_ID,
        userObjectId: USER_ID,
      });
      expect("_response" in response).toBe(false);
      expect(Object.keys(response).sort()).toEqual(["expiresOn", "token"]);
    });
  });
});
