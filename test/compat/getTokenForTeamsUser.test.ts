/**
 * Re-expresses azure-sdk-for-js
 * sdk/communication/communication-identity/test/public/node/getTokenForTeamsUser.node.spec.ts
 * (same test names). The live test signs a Teams user in with MSAL; here the emulator mints the
 * Entra token (`mintEntraToken`), so every input is known and the answers are exact: the
 * exchanged token expires with the Entra token, and each refusal has the emulator's status, code
 * and message. As in the official spec, the three token cases pass the client id as
 * userObjectId: the token is checked first, so they fail on the token.
 */
import { describe, expect, it } from "vitest";
import { AUTH_MODES, CLIENTS, MINUTE, jwtClaims, serviceError, useCompatEnvironment } from "./harness.js";

const env = useCompatEnvironment();

/** The Entra application (client) id and the Teams user's object id. */
const CLIENT_ID = "2c3e1e83-8fd7-4615-ad2b-b8c1229845ac";
const USER_OBJECT_ID = "32c0a5db-05ec-78ea-51ab-3f06b329397e";

const INVALID_TOKEN = { statusCode: 401, code: "InvalidAccessToken", message: "Provided access token is not valid." };

describe.each(CLIENTS)("%s", (_name, clientUnderTest) => {
  describe.each(AUTH_MODES)("Get Token For Teams User [Emulator] (%s)", (_mode, useAad) => {
    const setup = (skip: (note: string) => never) => {
      const built = env.client(clientUnderTest, useAad, skip);
      const options = {
        // Valid for one hour from the emulator's clock.
        teamsUserAadToken: built.emulator.mintEntraToken({ appId: CLIENT_ID, userId: USER_OBJECT_ID }),
        clientId: CLIENT_ID,
        userObjectId: USER_OBJECT_ID,
      };
      return { ...built, options };
    };

    it("successfully exchanges a Teams User AAD token for a Communication access token", async ({ skip }) => {
      const { client, options } = setup(skip);
      const { token, expiresOn } = await client.getTokenForTeamsUser(options);
      expect(expiresOn).toBeInstanceOf(Date);
      expect(expiresOn.getTime()).toBe(env.t0 + 60 * MINUTE);
      const claims = jwtClaims(token);
      expect(claims.sub).toBe(`8:orgid:${USER_OBJECT_ID}`);
      expect(claims.exp).toBe((env.t0 + 60 * MINUTE) / 1000);
    });

    const tokenCases = [
      { description: "an empty teamsUserAadToken", token: () => "" },
      { description: "an invalid teamsUserAadToken", token: () => "invalid" },
      {
        description: "an expired teamsUserAadToken",
        // Expired a minute before the emulator's clock.
        token: (mint: (o: { appId: string; userId: string; expiresOn: Date }) => string) =>
          mint({ appId: CLIENT_ID, userId: USER_OBJECT_ID, expiresOn: new Date(env.t0 - MINUTE) }),
      },
    ];
    for (const input of tokenCases) {
      it(`throws an error when attempting to exchange <${input.description}>`, async ({ skip }) => {
        const { client, options, emulator } = setup(skip);
        const teamsUserAadToken = input.token((o) => emulator.mintEntraToken(o));
        const call = client.getTokenForTeamsUser({
          teamsUserAadToken,
          clientId: options.clientId,
          userObjectId: options.clientId,
        });
        expect(await serviceError(call)).toEqual(INVALID_TOKEN);
      });
    }

    const clientIdCases = [
      { clientId: "", description: "an empty clientId", message: "AppId: The AppId field is required." },
      { clientId: "invalid", description: "an invalid clientId", message: "Provided AppId has invalid format." },
      { clientId: USER_OBJECT_ID, description: "a wrong clientId", message: "AAD application is not the expected one." },
    ];
    for (const input of clientIdCases) {
      it(`throws an error when attempting to exchange <${input.description}>`, async ({ skip }) => {
        const { client, options } = setup(skip);
        const call = client.getTokenForTeamsUser({
          teamsUserAadToken: options.teamsUserAadToken,
          clientId: input.clientId,
          userObjectId: options.userObjectId,
        });
        expect(await serviceError(call)).toEqual({ statusCode: 400, code: "ValidationError", message: input.message });
      });
    }

    const userObjectIdCases = [
      { userObjectId: "", description: "an empty userObjectId", message: "UserId: The UserId field is required." },
      { userObjectId: "invalid", description: "an invalid userObjectId", message: "Provided UserId has invalid format." },
      {
        userObjectId: CLIENT_ID,
        description: "a wrong userObjectId",
        message: "Provided AAD token issued for unexpected user.",
      },
    ];
    for (const input of userObjectIdCases) {
      it(`throws an error when attempting to exchange <${input.description}>`, async ({ skip }) => {
        const { client, options } = setup(skip);
        const call = client.getTokenForTeamsUser({
          teamsUserAadToken: options.teamsUserAadToken,
          clientId: options.clientId,
          userObjectId: input.userObjectId,
        });
        expect(await serviceError(call)).toEqual({ statusCode: 400, code: "ValidationError", message: input.message });
      });
    }
  });
});
