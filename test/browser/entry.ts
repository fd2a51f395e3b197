import { CommunicationIdentityClient, isRestError } from "../../src/index.js";
import { createIdentityContextFromConnectionString, createUserAndToken, getToken } from "../../src/api/index.js";

/**
 * Runs in the browser page (bundled by esbuild for platform=browser): the client's lifecycle and
 * two error cases against the emulator, returned as plain data for the test to assert on.
 */

export interface CaughtError {
  readonly name: string;
  readonly message: string;
  readonly statusCode?: number;
  readonly code?: string;
}

export interface ScenarioResult {
  readonly userId: string;
  readonly token: string;
  readonly tokenExpiresOn: string;
  readonly bothUserId: string;
  readonly bothToken: string;
  readonly bothExpiresOn: string;
  readonly afterDelete: CaughtError | undefined;
  readonly rejectedByService: CaughtError | undefined;
  /** The page's clock when the token was asked for (ms since epoch). */
  readonly requestedAt: number;
  readonly hasWebCrypto: boolean;
}

async function caught(action: () => Promise<unknown>): Promise<CaughtError | undefined> {
  try {
    await action();
    return undefined;
  } catch (error) {
    if (isRestError(error)) {
      return {
        name: error.name,
        message: error.message,
        ...(error.statusCode !== undefined ? { statusCode: error.statusCode } : {}),
        ...(error.code !== undefined ? { code: error.code } : {}),
      };
    }
    const e = error as Error;
    return { name: e.name, message: e.message };
  }
}

export async function scenario(connectionString: string): Promise<ScenarioResult> {
  const client = new CommunicationIdentityClient(connectionString, { allowInsecureConnection: true });
  const user = await client.createUser();
  const requestedAt = Date.now();
  const token = await client.getToken(user, ["chat"], { tokenExpiresInMinutes: 60 });
  const both = await client.createUserAndToken(["chat"]);
  await client.revokeTokens(user);
  await client.deleteUser(user);
  const afterDelete = await caught(() => client.getToken(user, ["chat"]));
  // A value the service judges (no scopes): sent, and the service's 400 comes back as a RestError.
  const rejectedByService = await caught(() => client.getToken(both.user, []));
  return {
    userId: user.communicationUserId,
    token: token.token,
    tokenExpiresOn: token.expiresOn.toISOString(),
    bothUserId: both.user.communicationUserId,
    bothToken: both.token,
    bothExpiresOn: both.expiresOn.toISOString(),
    afterDelete,
    rejectedByService,
    requestedAt,
    hasWebCrypto: typeof globalThis.crypto?.subtle?.sign === "function",
  };
}

/** createUser with the given connection string; the error when it fails. */
export function createUserError(connectionString: string): Promise<CaughtError | undefined> {
  const client = new CommunicationIdentityClient(connectionString, { allowInsecureConnection: true });
  return caught(() => client.createUser());
}

/** The modular API (./api) in the page: createUserAndToken, then getToken with an expiry. */
export async function modularScenario(connectionString: string): Promise<{ userId: string; tokens: number; expiresOn: string }> {
  const context = createIdentityContextFromConnectionString(connectionString, { allowInsecureConnection: true });
  const { user, token } = await createUserAndToken(context, ["voip"]);
  const again = await getToken(context, user, ["chat"], { tokenExpiresInMinutes: 120 });
  return {
    userId: user.communicationUserId,
    tokens: [token, again.token].filter((t) => t.split(".").length === 3).length,
    expiresOn: again.expiresOn.toISOString(),
  };
}
