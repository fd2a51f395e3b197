import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { useInstrumenter } from "@azure/core-tracing";
import { CommunicationIdentityClient as OfficialClient } from "@azure/communication-identity";
import { startEmulator, type ReceivedRequest, type RunningEmulator } from "../../emulator/index.js";
import { CommunicationIdentityClient, RestError, SDK_VERSION } from "../../src/index.js";
import { createIdentityContextFromConnectionString, createUserAndToken } from "../../src/api/index.js";
import { DEFAULT_VERSION } from "../fixtures/manifestVersions.js";
import { rejection } from "./helpers.js";
import { recordingInstrumenter, type RecordedSpan } from "./recordingInstrumenter.js";

/**
 * Tracing as @azure/communication-identity has it, with a real (recording) instrumenter
 * registered through core-tracing's useInstrumenter, against the emulator: one span per
 * operation named as the official client names it, in namespace Microsoft.Communication, with the
 * pipeline's HTTP span under it and its traceparent sent.
 */
const { instrumenter, spans, root } = recordingInstrumenter();
let emulator: RunningEmulator;
const received: ReceivedRequest[] = [];
beforeAll(async () => {
  useInstrumenter(instrumenter);
  emulator = await startEmulator({ onRequest: (request) => void received.push(request) });
});
afterAll(async () => {
  await emulator.close();
});

/** The spans recorded while `run` runs. */
async function traced(run: () => Promise<unknown>): Promise<RecordedSpan[]> {
  const start = spans.length;
  await run().catch(() => undefined);
  return spans.slice(start);
}

const header = (request: ReceivedRequest | undefined, name: string) => request?.headers.find(([n]) => n === name)?.[1];

describe("tracing", () => {
  it("createUser: an operation span in Microsoft.Communication, and the HTTP span under it with its traceparent sent", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString);
    const recorded = await traced(() => client.createUser());
    const [operation, http] = recorded;
    expect(recorded).toHaveLength(2);
    expect(operation).toEqual({
      name: "CommunicationIdentity-createUser",
      parent: undefined,
      packageName: "@acs-gen/communication-identity",
      kind: undefined,
      attributes: { "az.namespace": "Microsoft.Communication" },
      status: { status: "success" },
      ended: true,
      traceparent: operation!.traceparent,
    });
    const request = received.at(-1);
    expect(http).toEqual({
      name: "HTTP POST",
      parent: "CommunicationIdentity-createUser",
      packageName: "@azure/core-rest-pipeline",
      kind: "client",
      attributes: {
        "az.namespace": "Microsoft.Communication",
        "http.method": "POST",
        "http.url": `${emulator.endpoint.replace(/\/$/, "")}/identities?api-version=${DEFAULT_VERSION}`,
        "http.user_agent": header(request, "user-agent"),
        "http.status_code": 201,
        requestId: header(request, "x-ms-client-request-id"),
      },
      status: undefined,
      ended: true,
      traceparent: http!.traceparent,
    });
    expect(header(request, "traceparent")).toBe(http!.traceparent);
    expect(header(request, "user-agent")).toMatch(
      new RegExp(`^azsdk-js-communication-identity-acsgen/${SDK_VERSION.replace(/\./g, "\\.")} core-rest-pipeline/`),
    );
  });

  it.each([
    [
      "getToken",
      "CommunicationIdentity-issueToken",
      (c: CommunicationIdentityClient, u: { communicationUserId: string }) => c.getToken(u, ["chat"]),
    ],
    ["createUserAndToken", "CommunicationIdentity-createUserAndToken", (c: CommunicationIdentityClient) => c.createUserAndToken(["chat"])],
    [
      "revokeTokens",
      "CommunicationIdentity-revokeTokens",
      (c: CommunicationIdentityClient, u: { communicationUserId: string }) => c.revokeTokens(u),
    ],
    [
      "deleteUser",
      "CommunicationIdentity-deleteUser",
      (c: CommunicationIdentityClient, u: { communicationUserId: string }) => c.deleteUser(u),
    ],
  ])("%s: span %s", async (_method, name, call) => {
    const client = new CommunicationIdentityClient(emulator.connectionString);
    const user = await client.createUser();
    const recorded = await traced(() => call(client, user));
    expect(recorded.map((s) => [s.name, s.parent, s.status?.status, s.ended])).toEqual([
      [name, undefined, "success", true],
      [expect.stringMatching(/^HTTP (POST|DELETE)$/), name, undefined, true],
    ]);
  });

  it("a service error: the HTTP span has the status code and status error, the operation span the RestError", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString, { retryOptions: { maxRetries: 0 } });
    const user = await client.createUser();
    await client.deleteUser(user);
    let error: unknown;
    const recorded = await traced(async () => {
      error = await rejection(client.revokeTokens(user));
    });
    expect(error).toBeInstanceOf(RestError);
    expect(recorded.map((s) => [s.name, s.parent, s.attributes["http.status_code"], s.ended])).toEqual([
      ["CommunicationIdentity-revokeTokens", undefined, undefined, true],
      ["HTTP POST", "CommunicationIdentity-revokeTokens", 404, true],
    ]);
    expect(recorded[0]!.status).toEqual({ status: "error", error });
    expect(recorded[1]!.status).toEqual({ status: "error" });
  });

  it("tracingOptions.tracingContext makes the operation span a child of the caller's span", async () => {
    const client = new CommunicationIdentityClient(emulator.connectionString);
    const tracingContext = root("app-request");
    const recorded = await traced(() => client.createUser({ tracingOptions: { tracingContext } }));
    expect(recorded.map((s) => [s.name, s.parent])).toEqual([
      ["CommunicationIdentity-createUser", "app-request"],
      ["HTTP POST", "CommunicationIdentity-createUser"],
    ]);
  });

  it("the modular API traces the same way", async () => {
    const context = createIdentityContextFromConnectionString(emulator.connectionString);
    const recorded = await traced(() => createUserAndToken(context, ["chat"]));
    expect(recorded.map((s) => [s.name, s.parent, s.attributes["az.namespace"]])).toEqual([
      ["CommunicationIdentity-createUserAndToken", undefined, "Microsoft.Communication"],
      ["HTTP POST", "CommunicationIdentity-createUserAndToken", "Microsoft.Communication"],
    ]);
  });

  it("the official client's operation spans have the same names (it adds an inner IdentityRestClient.* span)", async () => {
    // The official client loads core-tracing's CommonJS build: register the recorder there too.
    const commonJs = createRequire(import.meta.url)("@azure/core-tracing") as typeof import("@azure/core-tracing");
    commonJs.useInstrumenter(instrumenter);
    const official = new OfficialClient(emulator.connectionString, { allowInsecureConnection: true });
    const recorded = await traced(async () => {
      const user = await official.createUser();
      await official.getToken(user, ["chat"]);
      await official.deleteUser(user);
    });
    expect(recorded.map((s) => [s.name, s.parent, s.attributes["az.namespace"]])).toEqual([
      ["CommunicationIdentity-createUser", undefined, "Microsoft.Communication"],
      ["IdentityRestClient.create", "CommunicationIdentity-createUser", "Microsoft.Communication"],
      ["HTTP POST", "IdentityRestClient.create", "Microsoft.Communication"],
      ["CommunicationIdentity-issueToken", undefined, "Microsoft.Communication"],
      ["IdentityRestClient.issueAccessToken", "CommunicationIdentity-issueToken", "Microsoft.Communication"],
      ["HTTP POST", "IdentityRestClient.issueAccessToken", "Microsoft.Communication"],
      ["CommunicationIdentity-deleteUser", undefined, "Microsoft.Communication"],
      ["IdentityRestClient.delete", "CommunicationIdentity-deleteUser", "Microsoft.Communication"],
      ["HTTP DELETE", "IdentityRestClient.delete", "Microsoft.Communication"],
    ]);
  });
});
