/**
 * The compatibility harness: every case of test/compat runs once per entry of CLIENTS, against
 * the same emulator, so each case body is written once and the official
 * `@azure/communication-identity` 1.3.1 is the control for our client.
 *
 * - Clients are built from the emulator's connection string, endpoint + AzureKeyCredential, or
 *   endpoint + TokenCredential (the AAD legs: an https emulator trusting one bearer token).
 * - Every request goes through `Transport`: the default Node HTTP client, wrapped so a case can see
 *   the request exactly as the pipeline hands it to the network (what the official tests spy on).
 * - The emulator runs on a fixed clock (T0), so token expiries are exact values.
 */
import { rejection as anyRejection } from "../fixtures/rejection.js";
import { createServer, request as httpRequest, type IncomingMessage, type Server } from "node:http";
import { request as httpsRequest } from "node:https";
import type { AddressInfo } from "node:net";
import { CommunicationIdentityClient as OfficialClient } from "@azure/communication-identity";
import {
  createCommunicationAccessKeyCredentialPolicy,
  parseConnectionString as officialParseConnectionString,
} from "@azure/communication-common";
import type { KeyCredential, TokenCredential } from "@azure/core-auth";
import {
  createDefaultHttpClient,
  type HttpClient,
  type PipelinePolicy,
  type PipelineRequest,
  type PipelineResponse,
} from "@azure/core-rest-pipeline";
import { afterAll, beforeAll } from "vitest";
import { startEmulator, type EmulatorOptions, type RunningEmulator } from "../../emulator/index.js";
import { DEFAULT_VERSION } from "../fixtures/manifestVersions.js";
import {
  CommunicationIdentityClient as OurClient,
  hmacAuthenticationPolicy,
  parseConnectionString as ourParseConnectionString,
} from "../../src/index.js";

/** A user as both clients take and return it. */
export interface User {
  communicationUserId: string;
}

export interface AccessToken {
  token: string;
  expiresOn: Date;
}

/**
 * What the cases call. Options are loosely typed on purpose: the official tests pass options our
 * types may not declare (core-client's `requestOptions.shouldDeserialize`, `serializerOptions`),
 * and this suite checks what each client does with them at run time.
 */
export interface CompatClient {
  createUser(options?: Record<string, unknown>): Promise<User>;
  createUserAndToken(scopes: string[], options?: Record<string, unknown>): Promise<AccessToken & { user: User }>;
  getToken(user: User, scopes: string[], options?: Record<string, unknown>): Promise<AccessToken>;
  revokeTokens(user: User, options?: Record<string, unknown>): Promise<void>;
  deleteUser(user: User, options?: Record<string, unknown>): Promise<void>;
  getTokenForTeamsUser(options: Record<string, unknown>): Promise<AccessToken>;
  /** Ours only (1.3.1 has no getUserDetail). */
  getUserDetail?(user: User, options?: Record<string, unknown>): Promise<unknown>;
}

/**
 * Features a case needs. 1.3.1 lacks the first three (cases needing them run with our client only)
 * and the last three, which the newest official tests expect from releases after 1.3.1:
 * - `requiredArgumentChecks`: missing required arguments (`createUserAndToken(undefined)`, the Teams
 *   exchange's `teamsUserAadToken`, `clientId`, `userObjectId`) refused before sending with
 *   "<name> cannot be null or undefined.";
 * - `rawErrorBodies`: with `shouldDeserialize: false` an error status returns the service's error body
 *   instead of throwing, and a pipeline failure reports `flatResponse` undefined to onResponse;
 * - `plainTextErrors`: a non-JSON error body (a gateway's "Bad Gateway") becomes the RestError's
 *   message and details.
 */
export type Feature = "customId" | "getUserDetail" | "apiVersion" | "requiredArgumentChecks" | "rawErrorBodies" | "plainTextErrors";

type Options = Record<string, unknown>;

export interface ClientUnderTest {
  readonly name: string;
  /** The api-version the client sends when none is chosen. */
  readonly defaultApiVersion: string;
  readonly lacks: readonly Feature[];
  /** Whether a value is an instance of this client's CommunicationIdentityClient class. */
  isClient(value: unknown): boolean;
  fromConnectionString(connectionString: string, options?: Options): CompatClient;
  fromEndpoint(endpoint: string, credential: KeyCredential | TokenCredential, options?: Options): CompatClient;
  /** The connection-string parser the client runs on. */
  parseConnectionString(connectionString: string): { endpoint: string; credential: KeyCredential };
  /** The HMAC request-signing policy the client runs on. */
  keyCredentialPolicy(credential: KeyCredential): PipelinePolicy;
}

const ours: ClientUnderTest = {
  name: "ours",
  // Our default: the newest stable version of spec/manifest.json (2026-09-23 when the newest
  // official mocked spec was adapted; a bump moves it).
  defaultApiVersion: DEFAULT_VERSION,
  // Not adopted: see README.md, "Known results".
  lacks: ["requiredArgumentChecks", "rawErrorBodies", "plainTextErrors"],
  isClient: (value) => value instanceof OurClient,
  fromConnectionString: (cs, options) => new OurClient(cs, options as never) as unknown as CompatClient,
  fromEndpoint: (endpoint, credential, options) =>
    new OurClient(endpoint, credential as KeyCredential, options as never) as unknown as CompatClient,
  parseConnectionString: (cs) => ourParseConnectionString(cs),
  keyCredentialPolicy: (credential) => hmacAuthenticationPolicy(credential),
};

/**
 * The control. 1.3.1 runs on @azure/communication-common (2.4.2 here) for connection strings and
 * signing, so those are the control for the communication-common cases.
 */
const official: ClientUnderTest = {
  name: "official 1.3.1",
  // 1.3.1's generated client defaults to 2023-10-01.
  defaultApiVersion: "2023-10-01",
  lacks: ["customId", "getUserDetail", "apiVersion", "requiredArgumentChecks", "rawErrorBodies", "plainTextErrors"],
  isClient: (value) => value instanceof OfficialClient,
  fromConnectionString: (cs, options) => new OfficialClient(cs, options as never) as unknown as CompatClient,
  fromEndpoint: (endpoint, credential, options) =>
    new OfficialClient(endpoint, credential as KeyCredential, options as never) as unknown as CompatClient,
  parseConnectionString: (cs) => officialParseConnectionString(cs),
  keyCredentialPolicy: (credential) => createCommunicationAccessKeyCredentialPolicy(credential),
};

/** For `describe.each(CLIENTS)("%s", (_name, clientUnderTest) => …)`. */
export const CLIENTS: ReadonlyArray<readonly [string, ClientUnderTest]> = [
  ["ours", ours],
  ["official 1.3.1", official],
];

/** Whether the client has every feature a case needs. */
export function has(client: ClientUnderTest, ...features: Feature[]): boolean {
  return features.every((f) => !client.lacks.includes(f));
}

/** A request as the pipeline handed it to the network. */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  /** Lower-cased names. */
  readonly headers: Readonly<Record<string, string>>;
  readonly body: unknown;
}

/**
 * The default HTTP client, recording what it sends. `failAfterResponse` makes it throw once the
 * real response has arrived (a pipeline failure that carries a response).
 */
export class Transport implements HttpClient {
  readonly sent: SentRequest[] = [];
  failAfterResponse?: (request: PipelineRequest, response: PipelineResponse) => Error;
  readonly #inner = createDefaultHttpClient();

  async sendRequest(request: PipelineRequest): Promise<PipelineResponse> {
    this.sent.push({
      method: request.method,
      url: request.url,
      headers: request.headers.toJSON(),
      body: request.body,
    });
    const response = await this.#inner.sendRequest(request);
    if (this.failAfterResponse) throw this.failAfterResponse(request, response);
    return response;
  }

  /** The only request sent so far (fails unless exactly one was). */
  only(): SentRequest {
    if (this.sent.length !== 1) throw new Error(`expected one request, ${this.sent.length} were sent`);
    return this.sent[0]!;
  }
}

/** The bearer token the https emulator trusts (an opaque test value, not a secret). */
export const TRUSTED_BEARER_TOKEN = "compat-suite-bearer-token";

/** A TokenCredential that always returns the trusted bearer token. */
export const staticTokenCredential: TokenCredential = {
  getToken: async () => ({ token: TRUSTED_BEARER_TOKEN, expiresOnTimestamp: Date.now() + 3_600_000 }),
};

/** The interface the emulator's https mode adds (being merged separately). */
export interface HttpsEmulator extends RunningEmulator {
  readonly tlsCertificatePem: string;
}

export const NEEDS_HTTPS = "needs emulator --https";

/** The auth modes of the official JS matrix: connection string (HMAC) and AAD (bearer over https). */
export const AUTH_MODES: ReadonlyArray<readonly [string, boolean]> = [
  ["connection string", false],
  ["AAD", true],
];

export interface CompatEnvironment {
  /** The emulator's fixed clock (ms since epoch, whole seconds). */
  readonly t0: number;
  /** Plain-http emulator (HMAC). */
  emulator(): RunningEmulator;
  /** The https emulator, or undefined until the emulator has an https mode. */
  httpsEmulator(): HttpsEmulator | undefined;
  /**
   * A client for a case: HMAC over http from the connection string, or (aad) a TokenCredential
   * over https. Skips the case (`needs emulator --https`) when aad and there is no https mode.
   */
  client(
    clientUnderTest: ClientUnderTest,
    aad: boolean,
    skip: (note: string) => never,
    options?: Options,
  ): { client: CompatClient; transport: Transport; emulator: RunningEmulator };
}

/** Starts the emulators for one test file (beforeAll) and stops them (afterAll). */
export function useCompatEnvironment(): CompatEnvironment {
  const t0 = Math.floor(Date.now() / 1000) * 1000;
  let http: RunningEmulator | undefined;
  let https: RunningEmulator | undefined;
  beforeAll(async () => {
    http = await startEmulator({ now: () => t0 });
    // `https` is the option the emulator's https mode adds; an emulator without it ignores it and
    // starts on plain http, which the tlsCertificatePem check below detects.
    const httpsOptions: EmulatorOptions & { https: boolean } = {
      https: true,
      trustedBearerTokens: [TRUSTED_BEARER_TOKEN],
      now: () => t0,
    };
    https = await startEmulator(httpsOptions);
  });
  afterAll(async () => {
    await http?.close();
    await https?.close();
  });
  const httpsEmulator = (): HttpsEmulator | undefined =>
    https !== undefined && "tlsCertificatePem" in https && typeof https.tlsCertificatePem === "string"
      ? (https as HttpsEmulator)
      : undefined;
  return {
    t0,
    emulator: () => {
      if (!http) throw new Error("emulator not started");
      return http;
    },
    httpsEmulator,
    client(clientUnderTest, aad, skip, options = {}) {
      const transport = new Transport();
      if (aad) {
        const secure = httpsEmulator();
        if (!secure) return skip(NEEDS_HTTPS);
        const client = clientUnderTest.fromEndpoint(secure.endpoint, staticTokenCredential, {
          tlsOptions: { ca: secure.tlsCertificatePem },
          httpClient: transport,
          ...options,
        });
        return { client, transport, emulator: secure };
      }
      const emulator = http!;
      const client = clientUnderTest.fromConnectionString(emulator.connectionString, {
        allowInsecureConnection: true,
        httpClient: transport,
        ...options,
      });
      return { client, transport, emulator };
    },
  };
}

/** The error a promise rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<Record<string, unknown>> {
  return (await anyRejection(promise)) as Record<string, unknown>;
}

/** Status, code and message of a service error, for exact comparison. */
export async function serviceError(promise: Promise<unknown>): Promise<{ statusCode: unknown; code: unknown; message: unknown }> {
  const e = await rejection(promise);
  return { statusCode: e.statusCode, code: e.code, message: e.message };
}

/** Claims of a JWT (no verification; the emulator issued it). */
export function jwtClaims(token: string): Record<string, unknown> {
  const payload = token.split(".")[1];
  if (payload === undefined) throw new Error("not a JWT");
  return JSON.parse(Buffer.from(payload, "base64url").toString("utf8")) as Record<string, unknown>;
}

/** A local server standing in for a gateway: every request gets 502 text/plain "Bad Gateway". */
export async function startGateway(): Promise<{ endpoint: string; requests: () => number; close: () => Promise<void> }> {
  let requests = 0;
  const server: Server = createServer((req, res) => {
    requests += 1;
    req.resume();
    req.on("end", () => {
      res.writeHead(502, { "content-type": "text/plain" });
      res.end("Bad Gateway");
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}/`,
    requests: () => requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** The id of the nonexistent user of the official error cases (an id of no resource of ours). */
export const FAKE_USER: User = {
  communicationUserId: "8:acs:00000000-0000-0000-0000-000000000000_00000000-0000-0000-0000-000000000000",
};

/** The emulator's answer for an id of another resource. */
export const NOT_OWNED = {
  statusCode: 401,
  code: "IdentityNotOwned",
  message: "Provided identity doesn't belong to the resource.",
};

export const MINUTE = 60_000;

/** What the emulator says of a token it issued (`POST /_emulator/introspect`). */
export async function introspect(emulator: RunningEmulator, token: string): Promise<{ active: boolean; reason?: string }> {
  const request = emulator.endpoint.startsWith("https:") ? httpsRequest : httpRequest;
  const ca = "tlsCertificatePem" in emulator ? (emulator as HttpsEmulator).tlsCertificatePem : undefined;
  const body = JSON.stringify({ token });
  return new Promise((resolve, reject) => {
    const req = request(
      new URL("_emulator/introspect", emulator.endpoint),
      { method: "POST", headers: { "content-type": "application/json" }, ...(ca ? { ca } : {}) },
      (res: IncomingMessage) => {
        let text = "";
        res.setEncoding("utf8");
        res.on("data", (chunk: string) => (text += chunk));
        res.on("end", () => {
          const { active, reason } = JSON.parse(text) as { active: boolean; reason?: string };
          resolve(reason === undefined ? { active } : { active, reason });
        });
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}
