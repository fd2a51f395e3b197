/**
 * Quickstart: create a user, issue it a token, revoke its tokens, delete it.
 *
 *   npm run sample
 *
 * Uses COMMUNICATION_SERVICES_CONNECTION_STRING when set; otherwise starts the local
 * Identity emulator in this process and talks to it.
 */
import { CommunicationIdentityClient, KnownTokenScope } from "../src/index.js";
import { startEmulator } from "../emulator/index.js";

async function main(): Promise<void> {
  let connectionString = process.env["COMMUNICATION_SERVICES_CONNECTION_STRING"];
  let close: (() => Promise<void>) | undefined;
  if (!connectionString) {
    const emulator = await startEmulator();
    connectionString = emulator.connectionString;
    close = () => emulator.close();
    console.log(`Started the Identity emulator at ${emulator.endpoint}`);
  }

  try {
    const client = new CommunicationIdentityClient(connectionString);

    const user = await client.createUser();
    console.log(`Created user ${user.communicationUserId}`);

    const { token, expiresOn } = await client.getToken(user, [KnownTokenScope.Chat, KnownTokenScope.Voip]);
    console.log(`Issued a chat+voip token (${token.length} characters) expiring ${expiresOn.toISOString()}`);

    await client.revokeTokens(user);
    console.log(`Revoked the user's tokens`);

    await client.deleteUser(user);
    console.log(`Deleted user ${user.communicationUserId}`);
  } finally {
    await close?.();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
