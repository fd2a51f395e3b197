import { describe, expect, it } from "vitest";
import { CommunicationIdentityClient as OfficialClient } from "@azure/communication-identity";
import { CommunicationIdentityClient, RestError } from "../../src/index.js";
import { rejection, sideBySide } from "./helpers.js";

/**
 * Service parameters are not validated by the client (issue 9): values the service rejects are
 * sent, and the service's RestError reaches the caller, error for error as with
 * `@azure/communication-identity` 1.3.1. Both clients run against the emulator; ours is pinned to
 * the official client's api-version (2023-10-01) because some service messages name it.
 */
const both = sideBySide();

type Outcome = [name: string, statusCode: number | undefined, code: string | undefined, message: string];
const outcome = async (promise: Promise<unknown>): Promise<Outcome> => {
  const error = (await rejection(promise)) as RestError;
  return [error.constructor.name, error.statusCode, error.code, error.message];
};

const APP_ID = "11111111-2222-4333-8444-555555555555";
const USER_ID = "66666666-7777-4888-8999-000000000000";
const user = { communicationUserId: "8:acs:00000000-0000-4000-8000-000000000000_00000000-0000-4000-8000-000000000001" };

type Client = CommunicationIdentityClient | OfficialClient;
const cases: Array<[string, (client: Client) => Promise<unknown>, Outcome]> = [
  [
    "getToken with no scopes",
    (c) => c.getToken(user, []),
    ["RestError", 400, "ValidationError", "Invalid scopes - Scopes field is required."],
  ],
  [
    "getToken with an empty-string scope",
    (c) => c.getToken(user, ["" as never]),
    ["RestError", 400, "ValidationError", "Invalid scopes - '' is not a valid scope in api-version '2023-10-01'."],
  ],
  [
    "getToken for a user with an empty id",
    (c) => c.getToken({ communicationUserId: "" }, ["chat"]),
    ["RestError", 405, "MethodNotAllowed", "The POST method is not allowed here."],
  ],
  [
    "deleteUser of a user with an empty id",
    (c) => c.deleteUser({ communicationUserId: "" }),
    ["RestError", 405, "MethodNotAllowed", "The DELETE method is not allowed here."],
  ],
  [
    "getTokenForTeamsUser with an empty Entra token",
    (c) => c.getTokenForTeamsUser({ teamsUserAadToken: "", clientId: APP_ID, userObjectId: USER_ID }),
    ["RestError", 401, "InvalidAccessToken", "Provided access token is not valid."],
  ],
  [
    "getTokenForTeamsUser with an empty clientId",
    (c) =>
      c.getTokenForTeamsUser({
        teamsUserAadToken: both.emulator.mintEntraToken({ appId: APP_ID, userId: USER_ID, expiresInSeconds: 1800 }),
        clientId: "",
        userObjectId: USER_ID,
      }),
    ["RestError", 400, "ValidationError", "AppId: The AppId field is required."],
  ],
  [
    "getTokenForTeamsUser with an empty userObjectId",
    (c) =>
      c.getTokenForTeamsUser({
        teamsUserAadToken: both.emulator.mintEntraToken({ appId: APP_ID, userId: USER_ID, expiresInSeconds: 1800 }),
        clientId: APP_ID,
        userObjectId: "",
      }),
    ["RestError", 400, "ValidationError", "UserId: The UserId field is required."],
  ],
];

const rangeCases: Array<[string, (client: Client) => Promise<unknown>, Outcome]> = [59, 1441].flatMap(
  (minutes): Array<[string, (client: Client) => Promise<unknown>, Outcome]> => {
    const expected: Outcome = [
      "RestError",
      400,
      "ValidationError",
      `ExpiresInMinutes value ${minutes} is invalid. Value must be within the [60, 1440] interval.`,
    ];
    return [
      [
        `getToken with tokenExpiresInMinutes ${minutes}`,
        async (c) => c.getToken(await c.createUser(), ["chat"], { tokenExpiresInMinutes: minutes }),
        expected,
      ],
      [
        `createUserAndToken with tokenExpiresInMinutes ${minutes}`,
        (c) => c.createUserAndToken(["chat"], { tokenExpiresInMinutes: minutes }),
        expected,
      ],
    ];
  },
);

describe("values the service rejects are sent, and its error reaches the caller as with the official client", () => {
  it.each(cases)("%s", async (_name, call, expected) => {
    expect(await outcome(call(both.official))).toEqual(expected);
    expect(await outcome(call(both.ours))).toEqual(expected);
  });

  it.each(rangeCases)("%s", async (_name, call, expected) => {
    expect(await outcome(call(both.official))).toEqual(expected);
    expect(await outcome(call(both.ours))).toEqual(expected);
  });

  it("createUser with an empty customId (preview) is the service's to judge", async () => {
    const preview = new CommunicationIdentityClient(both.emulator.connectionString, { apiVersion: "2025-03-02-preview" });
    expect(await outcome(preview.createUser({ customId: "" }))).toEqual([
      "RestError",
      400,
      "ValidationError",
      "CustomId must be a string of 1 to 256 characters.",
    ]);
  });
});
