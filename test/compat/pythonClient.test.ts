/**
 * Re-expresses azure-sdk-for-python
 * sdk/communication/azure-communication-identity/tests/test_communication_identity_client.py
 * (same test names) against the emulator. The `_from_managed_identity` variants build the client
 * from an endpoint and a TokenCredential (the AAD leg, https emulator); the others from the
 * connection string. Where the Python tests only check "is not None", this checks the emulator's
 * values, and what revoke and delete did (the emulator's introspection endpoint, a 404 after delete).
 */
import { describe, expect, it } from "vitest";
import { CLIENTS, MINUTE, introspect, serviceError, useCompatEnvironment } from "./harness.js";

const env = useCompatEnvironment();

describe.each(CLIENTS)("%s", (_name, clientUnderTest) => {
  describe("CommunicationIdentityClientTest [Emulator]", () => {
    const identityClient = (managedIdentity: boolean, skip: (note: string) => never) => env.client(clientUnderTest, managedIdentity, skip);
    const idOf = (resourceId: string) => new RegExp(`^8:acs:${resourceId}_[0-9a-f-]{36}$`);

    for (const managedIdentity of [true, false]) {
      const suffix = managedIdentity ? "_from_managed_identity" : "";

      it(`test_create_user${suffix}`, async ({ skip }) => {
        const { client, emulator } = identityClient(managedIdentity, skip);
        const user = await client.createUser();
        expect(user.communicationUserId).toMatch(idOf(emulator.resourceId));
      });

      it(`test_issue_token${suffix}`, async ({ skip }) => {
        const { client, emulator } = identityClient(managedIdentity, skip);
        const user = await client.createUser();
        const tokenResponse = await client.getToken(user, ["chat"]);
        expect(user.communicationUserId).toMatch(idOf(emulator.resourceId));
        expect(tokenResponse.expiresOn.getTime()).toBe(env.t0 + 1440 * MINUTE);
        expect(await introspect(emulator, tokenResponse.token)).toEqual({ active: true });
      });

      it(`test_revoke_tokens${suffix}`, async ({ skip }) => {
        const { client, emulator } = identityClient(managedIdentity, skip);
        const user = await client.createUser();
        const tokenResponse = await client.getToken(user, ["chat"]);
        await client.revokeTokens(user);
        expect(await introspect(emulator, tokenResponse.token)).toEqual({ active: false, reason: "revoked" });
      });

      it(`test_delete_user${suffix}`, async ({ skip }) => {
        const { client, emulator } = identityClient(managedIdentity, skip);
        const user = await client.createUser();
        await client.deleteUser(user);
        expect(user.communicationUserId).toMatch(idOf(emulator.resourceId));
        expect(await serviceError(client.getToken(user, ["chat"]))).toEqual({
          statusCode: 404,
          code: "IdentityNotFound",
          message: "Provided identity doesn't exist.",
        });
      });
    }

    it("test_create_user_with_token", async ({ skip }) => {
      const { client, emulator } = identityClient(false, skip);
      const { user, token, expiresOn } = await client.createUserAndToken(["chat"]);
      expect(user.communicationUserId).toMatch(idOf(emulator.resourceId));
      expect(expiresOn.getTime()).toBe(env.t0 + 1440 * MINUTE);
      expect(await introspect(emulator, token)).toEqual({ active: true });
    });
  });
});
