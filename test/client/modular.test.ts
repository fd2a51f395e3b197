import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type ReceivedRequest, type RunningEmulator } from "../../emulator/index.js";
import {
  createIdentityContext,
  createIdentityContextFromConnectionString,
  createUser,
  createUserAndToken,
  deleteUser,
  getToken,
  getUserDetail,
  revokeTokens,
  type CommunicationIdentityContext,
} from "../../src/api/index.js";
import { ApiVersionMismatchError, AzureKeyCredential, CommunicationIdentityClient, defaultApiVersion, RestError } from "../../src/index.js";
import { GENERATED_VERSIONS } from "../fixtures/manifestVersions.js";
import { counter, rejection } from "./helpers.js";

/** The modular API (`./api`) against the emulator: its own contexts, and the same wire traffic as the class. */
let emulator: RunningEmulator;
beforeAll(async () => {
  emulator = await startEmulator();
});
afterAll(async () => {
  await emulator.close();
});

const USER_ID = /^8:acs:[0-9a-f-]{36}_[0-9a-f-]{36}$/;

describe("contexts", () => {
  it("from a connection string: the endpoint without its trailing slash, the default api-version, frozen", () => {
    const context = createIdentityContextFromConnectionString(`endpoint=${emulator.endpoint};accesskey=${emulator.accessKey}`);
    expect(context.endpoint).toBe(emulator.endpoint.replace(/\/$/, ""));
    expect(context.apiVersion).toBe(defaultApiVersion);
    expect(Object.isFrozen(context)).toBe(true);
    expect(Object.keys(context)).toEqual(["endpoint", "apiVersion", "pipeline", "httpClient"]);
  });

  it("rejects what the client constructor rejects, with the same messages", () => {
    const messages = (make: () => unknown) => {
      try {
        make();
      } catch (e) {
        return `${(e as Error).name}: ${(e as Error).message}`;
      }
      return "no error";
    };
    const cases: Array<[() => unknown, () => unknown]> = [
      [
        () => createIdentityContextFromConnectionString("endpoint=https://x.example"),
        () => new CommunicationIdentityClient("endpoint=https://x.example"),
      ],
      [
        () => createIdentityContextFromConnectionString(emulator.connectionString, { apiVersion: "2020-01-01" }),
        () => new CommunicationIdentityClient(emulator.connectionString, { apiVersion: "2020-01-01" }),
      ],
      [
        () => createIdentityContext("ftp://x.example", new AzureKeyCredential("a2V5")),
        () => new CommunicationIdentityClient("ftp://x.example", new AzureKeyCredential("a2V5")),
      ],
    ];
    expect(cases.map(([modular, classic]) => [messages(modular), messages(classic)])).toEqual([
      [
        'TypeError: Invalid connection string: "accesskey" is missing or empty.',
        'TypeError: Invalid connection string: "accesskey" is missing or empty.',
      ],
      [
        `RangeError: apiVersion "2020-01-01" is not one of the generated api-versions: ${GENERATED_VERSIONS.join(", ")}`,
        `RangeError: apiVersion "2020-01-01" is not one of the generated api-versions: ${GENERATED_VERSIONS.join(", ")}`,
      ],
      ["TypeError: Invalid endpoint: its scheme must be http or https.", "TypeError: Invalid endpoint: its scheme must be http or https."],
    ]);
    expect(messages(() => createIdentityContext(emulator.endpoint, { key: 1 } as never))).toBe(
      "TypeError: credential must be a KeyCredential (e.g. AzureKeyCredential) or a TokenCredential.",
    );
  });

  it("endpoint + AzureKeyCredential: rotating the key applies to the next request", async () => {
    const credential = new AzureKeyCredential(Buffer.from("not the key").toString("base64"));
    const context = createIdentityContext(emulator.endpoint, credential, { retryOptions: { maxRetries: 0 } });
    const denied = await rejection(createUser(context));
    expect([(denied as RestError).statusCode, (denied as RestError).code]).toEqual([401, "Denied"]);
    credential.update(emulator.accessKey);
    expect((await createUser(context)).communicationUserId).toMatch(USER_ID);
  });
});

describe("operations", () => {
  it("createUser, createUserAndToken, getToken, revokeTokens, deleteUser", async () => {
    const context = createIdentityContextFromConnectionString(emulator.connectionString);
    const user = await createUser(context);
    expect(Object.keys(user)).toEqual(["communicationUserId"]);
    const created = await createUserAndToken(context, ["chat"], { tokenExpiresInMinutes: 60 });
    expect(Object.keys(created).sort()).toEqual(["expiresOn", "token", "user"]);
    const issued = await getToken(context, user, ["voip"]);
    expect(issued.token.split(".")).toHaveLength(3);
    await expect(revokeTokens(context, user)).resolves.toBeUndefined();
    await expect(deleteUser(context, user)).resolves.toBeUndefined();
    const gone = await rejection(getToken(context, user, ["chat"]));
    expect([(gone as RestError).statusCode, (gone as RestError).code]).toEqual([404, "IdentityNotFound"]);
  });

  it("checks malformed input and the api-version before sending, with the client's method and option names", async () => {
    const sent = counter();
    const context = createIdentityContextFromConnectionString(emulator.connectionString, { additionalPolicies: sent.policies });
    const badUser = await rejection(revokeTokens(context, { communicationUserId: 7 } as never));
    expect(badUser).toEqual(new TypeError("user.communicationUserId must be a string (it is a URL path segment), got number."));
    const preview = await rejection(getUserDetail(context, { communicationUserId: "8:acs:x" }));
    expect(preview).toBeInstanceOf(ApiVersionMismatchError);
    expect((preview as ApiVersionMismatchError).member).toBe("getUserDetail");
    const customId = await rejection(createUser(context, { customId: "app-user-1" }));
    expect((customId as ApiVersionMismatchError).member).toBe("createUser: customId");
    expect(sent.sent()).toBe(0);
  });
});

describe("the class is the modular API with a context", () => {
  /** Method, path and query, body of every request, in order, with the HMAC headers left out. */
  async function traffic(drive: (connectionString: string) => Promise<void>): Promise<string[]> {
    const received: ReceivedRequest[] = [];
    const server = await startEmulator({ idSeed: "modular-vs-class", onRequest: (r) => void received.push(r) });
    try {
      await drive(server.connectionString);
    } finally {
      await server.close();
    }
    return received.map((r) => `${r.method} ${r.url} ${r.body.toString("utf8")}`);
  }

  it("sends byte-identical requests for the same calls", async () => {
    const viaClass = await traffic(async (cs) => {
      const client = new CommunicationIdentityClient(cs, { apiVersion: "2025-03-02-preview" });
      const user = await client.createUser({ customId: "c-1" });
      await client.createUserAndToken(["chat", "voip"], { tokenExpiresInMinutes: 90 });
      await client.getToken(user, ["chat.join"]);
      await client.getUserDetail(user);
      await client.revokeTokens(user);
      await client.deleteUser(user);
    });
    const viaFunctions = await traffic(async (cs) => {
      const context: CommunicationIdentityContext = createIdentityContextFromConnectionString(cs, { apiVersion: "2025-03-02-preview" });
      const user = await createUser(context, { customId: "c-1" });
      await createUserAndToken(context, ["chat", "voip"], { tokenExpiresInMinutes: 90 });
      await getToken(context, user, ["chat.join"]);
      await getUserDetail(context, user);
      await revokeTokens(context, user);
      await deleteUser(context, user);
    });
    expect(viaFunctions).toEqual(viaClass);
    expect(viaFunctions.map((line) => line.split(" ")[0])).toEqual(["POST", "POST", "POST", "GET", "POST", "DELETE"]);
    expect(viaFunctions[1]).toBe(
      'POST /identities?api-version=2025-03-02-preview {"createTokenWithScopes":["chat","voip"],"expiresInMinutes":90}',
    );
  });
});
