import type { IncomingHttpHeaders } from "node:http";
import { createPipelineFromOptions, isRestError, type Pipeline, type RestError } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { defaultApiVersion, IdentityRestClient as GeneratedClient, type IdentityRestClientOptions } from "../../generated/src/index.js";
import { allowPlainHttpPolicy, startLoopbackServer, withBody, type LoopbackServer } from "../fixtures/loopbackServer.js";
import { rejection } from "../fixtures/rejection.js";

/** The default pipeline plus what the handwritten layer adds for loopback endpoints: plain http allowed. */
function loopbackPipeline(): Pipeline {
  const pipeline = createPipelineFromOptions({});
  pipeline.addPolicy(allowPlainHttpPolicy());
  return pipeline;
}

class IdentityRestClient extends GeneratedClient {
  constructor(endpoint: string, options: IdentityRestClientOptions = {}) {
    super(endpoint, { pipeline: loopbackPipeline(), ...options });
  }
}

interface Recorded {
  method: string;
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
}

interface Reply {
  status: number;
  body?: string;
  /** Never answer (for abort). */
  hang?: boolean;
}

let server: LoopbackServer;
let endpoint = "";
let recorded: Recorded[] = [];
let replies: Reply[] = [];

beforeAll(async () => {
  server = await startLoopbackServer(
    withBody((request, response, body) => {
      recorded.push({ method: request.method ?? "", url: request.url ?? "", headers: request.headers, body });
      const reply = replies.shift() ?? { status: 500 };
      if (reply.hang) return;
      response.writeHead(reply.status, reply.body === undefined ? {} : { "content-type": "application/json" });
      response.end(reply.body);
    }),
  );
  endpoint = server.url;
});

afterAll(() => server.close());

beforeEach(() => {
  recorded = [];
  replies = [];
});

describe("wire: the generated client against a real HTTP server on 127.0.0.1", () => {
  it("issueAccessToken: method, path, query, Content-Type, Accept, body bytes; typed result with Date", async () => {
    replies.push({ status: 200, body: '{"token":"tok-1","expiresOn":"2023-10-10T21:39:39.3244584+00:00"}' });
    const client = new IdentityRestClient(endpoint);
    const result = await client.communicationIdentity.issueAccessToken("8:acs:r_x/y z", { scopes: ["chat", "voip"] });
    expect(result).toEqual({ token: "tok-1", expiresOn: new Date("2023-10-10T21:39:39.324Z") });
    expect(result.expiresOn).toBeInstanceOf(Date);
    const [request] = recorded;
    expect(request?.method).toBe("POST");
    expect(request?.url).toBe(`/identities/8%3Aacs%3Ar_x%2Fy%20z/:issueAccessToken?api-version=${defaultApiVersion}`);
    expect(request?.headers["content-type"]).toBe("application/json");
    expect(request?.headers["accept"]).toBe("application/json");
    expect(request?.body).toBe('{"scopes":["chat","voip"]}');
  });

  it("create without body sends no body and no Content-Type; with body, absent optional fields are not sent; nested Date mapped", async () => {
    replies.push({ status: 201, body: '{"identity":{"id":"u1"}}' });
    replies.push({ status: 201, body: '{"identity":{"id":"u2"},"accessToken":{"token":"t","expiresOn":"2024-01-02T03:04:05Z"}}' });
    const client = new IdentityRestClient(`${endpoint}/`, { apiVersion: "2021-03-07" });
    expect(await client.communicationIdentity.create()).toEqual({ identity: { id: "u1" } });
    expect(await client.communicationIdentity.create({ body: { createTokenWithScopes: ["chat"] } })).toEqual({
      identity: { id: "u2" },
      accessToken: { token: "t", expiresOn: new Date("2024-01-02T03:04:05Z") },
    });
    expect(recorded.map((r) => [r.method, r.url, r.headers["content-type"], r.body])).toEqual([
      ["POST", "/identities?api-version=2021-03-07", undefined, ""],
      ["POST", "/identities?api-version=2021-03-07", "application/json", '{"createTokenWithScopes":["chat"]}'],
    ]);
  });

  it("an unparsable date gives an Invalid Date instead of crashing", async () => {
    replies.push({ status: 200, body: '{"token":"t","expiresOn":"not a date"}' });
    const result = await new IdentityRestClient(endpoint).communicationIdentity.issueAccessToken("u", { scopes: ["chat"] });
    expect(Number.isNaN(result.expiresOn.getTime())).toBe(true);
  });

  it("delete and revokeAccessTokens resolve to undefined on 204", async () => {
    replies.push({ status: 204 }, { status: 204 });
    const client = new IdentityRestClient(endpoint);
    await expect(client.communicationIdentity.delete("u1")).resolves.toBeUndefined();
    await expect(client.communicationIdentity.revokeAccessTokens("u1")).resolves.toBeUndefined();
    expect(recorded.map((r) => `${r.method} ${r.url}`)).toEqual([
      `DELETE /identities/u1?api-version=${defaultApiVersion}`,
      `POST /identities/u1/:revokeAccessTokens?api-version=${defaultApiVersion}`,
    ]);
  });

  it("an error body becomes a RestError with the service's code, message and status", async () => {
    replies.push({ status: 404, body: '{"error":{"code":"IdentityNotFound","message":"Identity u9 was not found."}}' });
    const error = (await rejection(new IdentityRestClient(endpoint).communicationIdentity.delete("u9"))) as RestError;
    expect(isRestError(error)).toBe(true);
    expect([error.statusCode, error.code, error.message]).toEqual([404, "IdentityNotFound", "Identity u9 was not found."]);
    expect(error.details).toEqual({ error: { code: "IdentityNotFound", message: "Identity u9 was not found." } });
  });

  it("a non-JSON error body still gives a RestError naming the status", async () => {
    replies.push({ status: 401, body: "<html>denied</html>" });
    const error = (await rejection(new IdentityRestClient(endpoint).communicationIdentity.revokeAccessTokens("u"))) as RestError;
    expect([isRestError(error), error.statusCode, error.code, error.message]).toEqual([
      true,
      401,
      undefined,
      "The service responded with status 401",
    ]);
  });

  it("a success status not in the spec is an error too", async () => {
    replies.push({ status: 200, body: "{}" });
    const error = (await rejection(new IdentityRestClient(endpoint).communicationIdentity.delete("u"))) as RestError;
    expect(error.statusCode).toBe(200);
  });

  it("client parameters are checked before sending, naming the parameter: a missing path parameter or body", async () => {
    const client = new IdentityRestClient(endpoint);
    await expect(client.communicationIdentity.delete(undefined as unknown as string)).rejects.toThrow(new TypeError("id is required"));
    // A version-gated body field is read before the presence check: a missing body must still get this error.
    await expect(client.communicationIdentity.issueAccessToken("u", undefined as unknown as { scopes: string[] })).rejects.toThrow(
      new TypeError("body is required"),
    );
    expect(recorded).toEqual([]);
  });

  it("what the body holds is the service's to check: a body without its required scopes, or a too-short expiry, is sent as is", async () => {
    const refusal = '{"error":{"code":"ValidationError","message":"The request is invalid."}}';
    replies.push({ status: 400, body: refusal }, { status: 400, body: refusal });
    const client = new IdentityRestClient(endpoint);
    const noScopes = { scopes: undefined } as unknown as { scopes: string[] };
    const errors = [
      (await rejection(client.communicationIdentity.issueAccessToken("u", noScopes))) as RestError,
      (await rejection(client.communicationIdentity.issueAccessToken("u", { scopes: ["chat"], expiresInMinutes: 59 }))) as RestError,
    ];
    expect(errors.map((e) => [isRestError(e), e.statusCode, e.code, e.message])).toEqual([
      [true, 400, "ValidationError", "The request is invalid."],
      [true, 400, "ValidationError", "The request is invalid."],
    ]);
    expect(recorded.map((r) => r.body)).toEqual(["{}", '{"scopes":["chat"],"expiresInMinutes":59}']);
  });

  it("abortSignal cancels an in-flight request; onResponse sees the raw response", async () => {
    replies.push({ hang: true, status: 0 });
    const controller = new AbortController();
    const pending = new IdentityRestClient(endpoint).communicationIdentity.delete("u", { abortSignal: controller.signal });
    await new Promise((resolve) => setTimeout(resolve, 50));
    controller.abort();
    const error = (await rejection(pending)) as Error;
    expect(error.name).toBe("AbortError");

    replies.push({ status: 204 });
    const statuses: number[] = [];
    await new IdentityRestClient(endpoint).communicationIdentity.delete("u", {
      onResponse: (response) => statuses.push(response.status),
      requestOptions: { customHeaders: { "x-test": "yes" } },
    });
    expect(statuses).toEqual([204]);
    expect(recorded.at(-1)?.headers["x-test"]).toBe("yes");
  });
});
