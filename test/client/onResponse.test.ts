import { describe, expect, it } from "vitest";
import { CommunicationIdentityClient as OfficialClient } from "@azure/communication-identity";
import type { FullOperationResponse as OfficialFullOperationResponse } from "@azure/core-client";
import { CommunicationIdentityClient, RestError, type FullOperationResponse } from "../../src/index.js";
import { DEFAULT_VERSION } from "../fixtures/manifestVersions.js";
import { rejection, sideBySide } from "./helpers.js";

/**
 * `onResponse` is called as @azure/core-client calls it for the official client: once per
 * operation, after deserialization, with (rawResponse, flatResponse, error?). Both clients run
 * against the emulator and their calls are compared, with ids, tokens and times masked.
 */
const both = sideBySide();

interface Call {
  status: number;
  method: string;
  path: string;
  parsedBody: unknown;
  flatResponse: unknown;
  error?: { statusCode?: number; code?: string; message: string; responseIsRaw: boolean; details: unknown };
}

/** Masks what differs between two runs: ids, tokens, times. */
const mask = (value: unknown): unknown =>
  JSON.parse(
    JSON.stringify(value, (_key, v: unknown) => (v instanceof Date ? "<Date>" : v))
      .replace(/8:acs:[0-9a-f-]+_[0-9a-f-]+/g, "<id>")
      .replace(/"ey[\w-]+\.[\w-]+\.[\w-]+"/g, '"<jwt>"')
      .replace(/"\d{4}-\d\d-\d\dT[\d:.]+Z"/g, '"<Date>"'),
  ) as unknown;

function recorder(): {
  calls: Call[];
  onResponse: (raw: FullOperationResponse | OfficialFullOperationResponse, flat: unknown, error?: unknown) => void;
} {
  const calls: Call[] = [];
  return {
    calls,
    onResponse: (raw, flat, error) => {
      const url = new URL(raw.request.url);
      const call: Call = {
        status: raw.status,
        method: raw.request.method,
        path: decodeURIComponent(url.pathname).replace(/8:acs:[0-9a-f-]+_[0-9a-f-]+/g, "<id>"),
        parsedBody: raw.parsedBody instanceof Object ? mask({ ...raw.parsedBody, dateTypes: dateKinds(raw.parsedBody) }) : raw.parsedBody,
        flatResponse: mask(flat),
      };
      if (error) {
        const e = error as RestError;
        call.error = {
          statusCode: e.statusCode,
          code: e.code,
          message: e.message,
          responseIsRaw: e.response === raw,
          details: mask(e.details),
        };
      }
      calls.push(call);
    },
  };
}

/** Where the parsed body holds Date objects (core-client deserializes date-times). */
function dateKinds(body: object): string[] {
  const found: string[] = [];
  const walk = (v: unknown, path: string) => {
    if (v instanceof Date) found.push(path);
    else if (v && typeof v === "object") for (const [k, w] of Object.entries(v)) walk(w, path ? `${path}.${k}` : k);
  };
  walk(body, "");
  return found;
}

type AnyClient = CommunicationIdentityClient | OfficialClient;
async function scenario(client: AnyClient): Promise<Call[]> {
  const { calls, onResponse } = recorder();
  const user = await client.createUser({ onResponse });
  await client.getToken(user, ["chat"], { onResponse });
  await client.createUserAndToken(["voip"], { onResponse, tokenExpiresInMinutes: 60 });
  await client.revokeTokens(user, { onResponse });
  await client.deleteUser(user, { onResponse });
  // The official client loads core-rest-pipeline's CommonJS build, so its RestError is another class object.
  const error = await rejection(client.getToken(user, ["chat"], { onResponse }));
  expect((error as Error).name).toBe("RestError");
  return calls;
}

describe("onResponse(rawResponse, flatResponse, error?)", () => {
  it("is called once per operation, after deserialization, exactly as the official client calls it", async () => {
    const expected = await scenario(both.official);
    expect(await scenario(both.ours)).toEqual(expected);
    expect(expected.map((c) => [c.method, c.status])).toEqual([
      ["POST", 201],
      ["POST", 200],
      ["POST", 201],
      ["POST", 204],
      ["DELETE", 204],
      ["POST", 404],
    ]);
  });

  it("gives the parsed body, dates as Date, and for an error status the RestError whose response it is", async () => {
    const { calls, onResponse } = recorder();
    const user = await both.ours.createUser();
    await both.ours.getToken(user, ["chat"], { onResponse });
    await both.ours.deleteUser(user, { onResponse });
    await rejection(both.ours.revokeTokens(user, { onResponse }));
    expect(calls).toEqual([
      {
        status: 200,
        method: "POST",
        path: "/identities/<id>/:issueAccessToken",
        parsedBody: { token: "<jwt>", expiresOn: "<Date>", dateTypes: ["expiresOn"] },
        flatResponse: { token: "<jwt>", expiresOn: "<Date>" },
      },
      { status: 204, method: "DELETE", path: "/identities/<id>", parsedBody: undefined, flatResponse: {} },
      {
        status: 404,
        method: "POST",
        path: "/identities/<id>/:revokeAccessTokens",
        parsedBody: { error: { code: "IdentityNotFound", message: "Provided identity doesn't exist." }, dateTypes: [] },
        flatResponse: { error: { code: "IdentityNotFound", message: "Provided identity doesn't exist." } },
        error: {
          statusCode: 404,
          code: "IdentityNotFound",
          message: "Provided identity doesn't exist.",
          responseIsRaw: true,
          details: { error: { code: "IdentityNotFound", message: "Provided identity doesn't exist." } },
        },
      },
    ]);
  });
});

describe("requestOptions set on the request as core-client sets them", () => {
  it("allowInsecureConnection lets one request use plain http that the client refuses", async () => {
    const strict = new CommunicationIdentityClient(both.emulator.connectionString, {
      allowInsecureConnection: false,
      retryOptions: { maxRetries: 0 },
    });
    const refused = (await rejection(strict.createUser())) as Error;
    expect(refused.message).toBe(
      `Cannot connect to ${both.emulator.endpoint.replace(/\/$/, "")}/identities?api-version=${DEFAULT_VERSION} while allowInsecureConnection is false.`,
    );
    const user = await strict.createUser({ requestOptions: { allowInsecureConnection: true } });
    expect(user.communicationUserId).toMatch(/^8:acs:/);
  });

  it("onUploadProgress and onDownloadProgress see the body bytes", async () => {
    const user = await both.ours.createUser();
    const uploaded: number[] = [];
    const downloaded: number[] = [];
    let bodyLength = 0;
    await both.ours.getToken(user, ["chat"], {
      requestOptions: {
        onUploadProgress: (progress) => void uploaded.push(progress.loadedBytes),
        onDownloadProgress: (progress) => void downloaded.push(progress.loadedBytes),
      },
      onResponse: (raw) => void (bodyLength = Buffer.byteLength(raw.bodyAsText ?? "")),
    });
    expect(uploaded.at(-1)).toBe(Buffer.byteLength('{"scopes":["chat"]}'));
    expect(downloaded.at(-1)).toBe(bodyLength);
  });
});
