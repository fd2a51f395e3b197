/**
 * Re-expresses azure-sdk-for-net
 * sdk/communication/Azure.Communication.Identity/tests/CommunicationIdentityClient/CommunicationIdentityClientLiveTests.cs
 * (its TestNames) and the customId / GetUserDetail tests of the same package's samples test class
 * (the test methods CreateCommunicationUserWithCustomId and GetUserDetail, which hold the
 * Snippet:CreateCommunicationUserWithCustomId and Snippet:GetUserDetail regions), against the
 * emulator.
 *
 * The live tests' three auth methods are the three ways to build a client: connection string,
 * endpoint + AzureKeyCredential, endpoint + TokenCredential (https emulator). The live tests'
 * TURN credential cases are not here: TURN is not part of the Identity api-versions the emulator
 * and both clients implement.
 */
import { AzureKeyCredential } from "@azure/core-auth";
import { describe, expect, it } from "vitest";
import {
  CLIENTS,
  MINUTE,
  NEEDS_HTTPS,
  Transport,
  has,
  jwtClaims,
  staticTokenCredential,
  useCompatEnvironment,
  type ClientUnderTest,
  type CompatClient,
} from "./harness.js";

const env = useCompatEnvironment();

type AuthMethod = "ConnectionString" | "KeyCredential" | "TokenCredential";

function createIdentityClient(
  clientUnderTest: ClientUnderTest,
  authMethod: AuthMethod,
  skip: (note: string) => never,
  options: Record<string, unknown> = {},
): CompatClient {
  const emulator = env.emulator();
  const transport = new Transport();
  switch (authMethod) {
    case "ConnectionString":
      return clientUnderTest.fromConnectionString(emulator.connectionString, {
        allowInsecureConnection: true,
        httpClient: transport,
        ...options,
      });
    case "KeyCredential":
      return clientUnderTest.fromEndpoint(emulator.endpoint, new AzureKeyCredential(emulator.accessKey), {
        allowInsecureConnection: true,
        httpClient: transport,
        ...options,
      });
    case "TokenCredential": {
      const secure = env.httpsEmulator();
      if (!secure) return skip(NEEDS_HTTPS);
      return clientUnderTest.fromEndpoint(secure.endpoint, staticTokenCredential, {
        tlsOptions: { ca: secure.tlsCertificatePem },
        httpClient: transport,
        ...options,
      });
    }
  }
}

const getTokenCases: Array<{ testName: string; authMethod: AuthMethod; scopes: string[] }> = [
  { testName: "GettingTokenWithSingleScopeWithConnectionString", authMethod: "ConnectionString", scopes: ["chat"] },
  { testName: "GettingTokenWithSingleScopeWithKeyCredential", authMethod: "KeyCredential", scopes: ["chat"] },
  { testName: "GettingTokenWithSingleScopeWithTokenCredential", authMethod: "TokenCredential", scopes: ["chat"] },
  { testName: "GettingTokenWithMultipleScopesWithConnectionString", authMethod: "ConnectionString", scopes: ["chat", "voip"] },
  { testName: "GettingTokenWithMultipleScopesWithKeyCredential", authMethod: "KeyCredential", scopes: ["chat", "voip"] },
  { testName: "GettingTokenWithMultipleScopesWithTokenCredential", authMethod: "TokenCredential", scopes: ["chat", "voip"] },
];

describe.each(CLIENTS)("%s", (_name, clientUnderTest) => {
  describe("CommunicationIdentityClientLiveTests [Emulator]", () => {
    for (const { testName, authMethod, scopes } of getTokenCases) {
      it(testName, async ({ skip }) => {
        const client = createIdentityClient(clientUnderTest, authMethod, skip);
        const user = await client.createUser();
        const tokenResponse = await client.getToken(user, scopes);
        expect(tokenResponse.token.trim()).not.toBe("");
        expect(tokenResponse.expiresOn.getTime()).toBe(env.t0 + 1440 * MINUTE);
        // The token's scopes are the ones asked for (the live test compares them as sets).
        const claims = jwtClaims(tokenResponse.token);
        expect(String(claims.scp).split(" ").sort()).toEqual([...scopes].sort());
        expect(claims.sub).toBe(user.communicationUserId);
      });
    }
  });

  describe("Samples [Emulator]", () => {
    // Control skipped: 1.3.1 has no customId option (a .NET/Python feature; it needs the
    // 2025-03-02-preview api-version, which 1.3.1 cannot pin), so this runs with our client only.
    it.skipIf(!has(clientUnderTest, "customId", "apiVersion"))("CreateCommunicationUserWithCustomId", async ({ skip }) => {
      const client = createIdentityClient(clientUnderTest, "ConnectionString", skip, {
        apiVersion: "2025-03-02-preview",
      });
      const user = await client.createUser({ customId: "alice@contoso.com" });
      expect(user.communicationUserId).toMatch(new RegExp(`^8:acs:${env.emulator().resourceId}_`));
      // The same customId gives the same user.
      expect(await client.createUser({ customId: "alice@contoso.com" })).toEqual(user);
    });

    // Control skipped: 1.3.1 has neither customId nor getUserDetail (.NET/Python features of
    // 2025-03-02-preview), so this runs with our client only.
    it.skipIf(!has(clientUnderTest, "customId", "getUserDetail", "apiVersion"))("GetUserDetail", async ({ skip }) => {
      const client = createIdentityClient(clientUnderTest, "ConnectionString", skip, {
        apiVersion: "2025-03-02-preview",
      });
      const customId = "bob@contoso.com";
      const user = await client.createUser({ customId });
      await client.getToken(user, ["chat"]);
      const userDetails = await client.getUserDetail!(user);
      // .NET's CommunicationUserDetail: User, CustomId, LastTokenIssuedAt.
      expect(userDetails).toEqual({
        user: { communicationUserId: user.communicationUserId },
        customId,
        lastTokenIssuedAt: new Date(env.t0),
      });
    });
  });
});
