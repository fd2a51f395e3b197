/**
 * Records the wire contract: every public method of CommunicationIdentityClient, called with a
 * fixed set of inputs under each pinned api-version, against a fresh emulator per case (identity
 * ids seeded by the case name, so paths are the same on every run).
 */
import { AzureKeyCredential, type TokenCredential } from "@azure/core-auth";
import { apiVersions as generatedApiVersions } from "../../generated/src/index.js";
import { mintEntraToken, startEmulator, type EmulatorOptions, type ReceivedRequest, type RunningEmulator } from "../../emulator/index.js";
import { WIRE_CONTRACT_FORMAT, type WireCase, type WireContract, type WireSection } from "../../generator/diff/wireContract.js";
import { ApiVersionMismatchError, CommunicationIdentityClient, type CommunicationIdentityClientOptions } from "../../src/index.js";
import { startTlsProxy, type TlsProxy } from "../client/tlsProxy.js";
import { normalizeError, normalizeRequest } from "./normalize.js";

/** `default` (no apiVersion option), then every api-version the client is generated for (a bump adds a section). */
export const SECTIONS: readonly string[] = ["default", ...generatedApiVersions];

const BEARER_TOKEN = "wire-contract-bearer-token";
const TEAMS = {
  clientId: "2fb3c6d4-52b0-4d9c-9f2b-7c9f1c0e0a11",
  userObjectId: "8d4c2e3a-0c8f-4a5b-b7e1-5c1d9e0f2a22",
  tenantId: "5e7d1c2b-3a4f-4e6d-9c8b-7a6f5e4d3c33",
  /** Fixed issue time and expiry, so the Entra token (and the body carrying it) never changes. */
  issuedAtMs: Date.UTC(2025, 0, 1),
  expiresOn: new Date(Date.UTC(2099, 0, 1)),
};

type ClientForm = "connectionString" | "keyCredential" | "tokenCredential";

/** A service error a case may meet on some api-versions (and that the contract then records). */
export interface ExpectedServiceError {
  status: number;
  code: string;
  /** Why the case meets it, for the message when something else happens. */
  when: string;
}

/**
 * What a case may end with: success; a refusal by the client before anything is sent
 * (`ApiVersionMismatchError`, on versions that lack the operation or an option); or one of the
 * case's `serviceErrors`. Anything else (e.g. the emulator's 400 UnsupportedApiVersion, a 500, a
 * connection error) aborts the recording: it is a broken emulator or case, not a contract.
 */
export interface CaseDef {
  name: string;
  call: string;
  form?: ClientForm;
  serviceErrors?: readonly ExpectedServiceError[];
  /** Runs before recording starts (e.g. creates the user the call needs). */
  run: (client: CommunicationIdentityClient, emulator: RunningEmulator, record: () => void) => Promise<unknown>;
}

const SCOPE_SETS: readonly string[][] = [["chat"], ["voip"], ["chat.join"], ["chat.join.limited"], ["voip.join"], ["chat", "voip"]];
const EXPIRIES: readonly number[] = [60, 1440];

/** The versions before 2023-10-01 lack the join scopes; the service rejects them. */
const SCOPE_ERRORS: readonly ExpectedServiceError[] = [
  { status: 400, code: "ValidationError", when: "the api-version's token scope enum lacks a requested scope" },
];

function scopesName(scopes: readonly string[]): string {
  return `scopes=[${scopes.join(",")}]`;
}

export const CASES: readonly CaseDef[] = [
  ...(["connectionString", "keyCredential", "tokenCredential"] as const).map((form): CaseDef => ({
    name: `createUser ${form}`,
    call: "createUser",
    form,
    run: (c, _e, record) => (record(), c.createUser()),
  })),
  {
    name: "createUser customHeaders",
    call: "createUser",
    run: (c, _e, record) => (record(), c.createUser({ requestOptions: { customHeaders: { "x-wire-contract": "custom value" } } })),
  },
  ...SCOPE_SETS.map((scopes): CaseDef => ({
    name: `createUserAndToken ${scopesName(scopes)}`,
    call: "createUserAndToken",
    serviceErrors: SCOPE_ERRORS,
    run: (c, _e, record) => (record(), c.createUserAndToken(scopes)),
  })),
  ...EXPIRIES.map((minutes): CaseDef => ({
    name: `createUserAndToken scopes=[chat] tokenExpiresInMinutes=${minutes}`,
    call: "createUserAndToken",
    run: (c, _e, record) => (record(), c.createUserAndToken(["chat"], { tokenExpiresInMinutes: minutes })),
  })),
  ...SCOPE_SETS.map((scopes): CaseDef => ({
    name: `getToken ${scopesName(scopes)}`,
    call: "getToken",
    serviceErrors: SCOPE_ERRORS,
    run: async (c, _e, record) => {
      const user = await c.createUser();
      record();
      return c.getToken(user, scopes);
    },
  })),
  ...EXPIRIES.map((minutes): CaseDef => ({
    name: `getToken scopes=[chat] tokenExpiresInMinutes=${minutes}`,
    call: "getToken",
    run: async (c, _e, record) => {
      const user = await c.createUser();
      record();
      return c.getToken(user, ["chat"], { tokenExpiresInMinutes: minutes });
    },
  })),
  {
    name: "revokeTokens",
    call: "revokeTokens",
    run: async (c, _e, record) => {
      const user = await c.createUser();
      record();
      return c.revokeTokens(user);
    },
  },
  {
    name: "deleteUser",
    call: "deleteUser",
    run: async (c, _e, record) => {
      const user = await c.createUser();
      record();
      return c.deleteUser(user);
    },
  },
  {
    name: "getTokenForTeamsUser",
    call: "getTokenForTeamsUser",
    run: (c, e, record) => {
      const teamsUserAadToken = mintEntraToken(
        { appId: TEAMS.clientId, userId: TEAMS.userObjectId, expiresOn: TEAMS.expiresOn, signingKey: e.entraSigningKey },
        TEAMS.issuedAtMs,
      );
      record();
      return c.getTokenForTeamsUser({ teamsUserAadToken, clientId: TEAMS.clientId, userObjectId: TEAMS.userObjectId });
    },
  },
  {
    name: "createUser customId",
    call: "createUser",
    run: (c, _e, record) => (record(), c.createUser({ customId: "wire-contract-user" })),
  },
  {
    name: "createUserAndToken scopes=[chat] customId",
    call: "createUserAndToken",
    run: (c, _e, record) => (record(), c.createUserAndToken(["chat"], { customId: "wire-contract-user" })),
  },
  {
    name: "getUserDetail",
    call: "getUserDetail",
    run: async (c, _e, record) => {
      const user = await c.createUser();
      record();
      return c.getUserDetail(user);
    },
  },
  {
    name: "upsertTeamsExtensionAssignment principalType=user",
    call: "upsertTeamsExtensionAssignment",
    run: (c, _e, record) => (record(), c.upsertTeamsExtensionAssignment(TEAMS.tenantId, TEAMS.userObjectId, { principalType: "user" })),
  },
  {
    name: "upsertTeamsExtensionAssignment principalType=resourceAccount clientIds",
    call: "upsertTeamsExtensionAssignment",
    run: (c, _e, record) => (
      record(),
      c.upsertTeamsExtensionAssignment(TEAMS.tenantId, TEAMS.userObjectId, {
        principalType: "resourceAccount",
        clientIds: [TEAMS.clientId],
      })
    ),
  },
  {
    name: "getTeamsExtensionAssignment",
    call: "getTeamsExtensionAssignment",
    run: async (c, _e, record) => {
      await assignIfSupported(c);
      record();
      return c.getTeamsExtensionAssignment(TEAMS.tenantId, TEAMS.userObjectId);
    },
  },
  {
    name: "deleteTeamsExtensionAssignment",
    call: "deleteTeamsExtensionAssignment",
    run: async (c, _e, record) => {
      await assignIfSupported(c);
      record();
      return c.deleteTeamsExtensionAssignment(TEAMS.tenantId, TEAMS.userObjectId);
    },
  },
  ...(["connectionString", "tokenCredential"] as const).map((form): CaseDef => ({
    // With a TokenCredential client the Teams user's token must replace the client's own bearer token.
    name: form === "connectionString" ? "getTokenForTeamsExtensionUser" : `getTokenForTeamsExtensionUser ${form}`,
    call: "getTokenForTeamsExtensionUser",
    form,
    run: async (c, e, record) => {
      await assignIfSupported(c);
      const teamsUserAadToken = mintEntraToken(
        {
          appId: TEAMS.clientId,
          userId: TEAMS.userObjectId,
          tenantId: TEAMS.tenantId,
          expiresOn: TEAMS.expiresOn,
          signingKey: e.entraSigningKey,
        },
        TEAMS.issuedAtMs,
      );
      record();
      return c.getTokenForTeamsExtensionUser({ teamsUserAadToken });
    },
  })),
];

/**
 * The assignment the Teams extension cases need, where the client's api-version has the operation
 * (asked of the client, not listed here, so that a new version needs no edit).
 */
async function assignIfSupported(client: CommunicationIdentityClient): Promise<void> {
  try {
    await client.upsertTeamsExtensionAssignment(TEAMS.tenantId, TEAMS.userObjectId, { principalType: "user" });
  } catch (error) {
    if (!(error instanceof ApiVersionMismatchError)) throw error;
  }
}

function bearer(): TokenCredential {
  return { getToken: async () => ({ token: BEARER_TOKEN, expiresOnTimestamp: Date.UTC(2099, 0, 1) }) };
}

function makeClient(
  emulator: RunningEmulator,
  form: ClientForm,
  apiVersion: string,
  tls: TlsProxy | undefined,
): CommunicationIdentityClient {
  const options: CommunicationIdentityClientOptions = apiVersion === "default" ? {} : { apiVersion };
  switch (form) {
    case "connectionString":
      return new CommunicationIdentityClient(emulator.connectionString, options);
    case "keyCredential":
      return new CommunicationIdentityClient(emulator.endpoint, new AzureKeyCredential(emulator.accessKey), options);
    case "tokenCredential":
      // Bearer tokens need https: an https front (self-signed, trusted via tlsOptions) forwards to the emulator.
      if (tls === undefined) throw new Error("tokenCredential needs the https front");
      return new CommunicationIdentityClient(tls.endpoint, bearer(), { ...options, tlsOptions: { ca: tls.ca } });
  }
}

/**
 * Undefined when `error` (thrown by the case's call after `sent` requests) is an outcome the case
 * expects; otherwise the message that aborts the recording, naming the case, the section and the
 * api-version the client sent (`clientApiVersion`, for the `default` section).
 */
export function unexpectedOutcome(
  def: CaseDef,
  section: string,
  error: unknown,
  sent: number,
  clientApiVersion: string = section,
): string | undefined {
  if (error instanceof ApiVersionMismatchError && sent === 0) return undefined;
  const status = (error as { statusCode?: unknown }).statusCode;
  const code = (error as { code?: unknown }).code;
  const expected = def.serviceErrors ?? [];
  if (sent > 0 && expected.some((e) => e.status === status && e.code === code)) return undefined;
  const got =
    typeof status === "number"
      ? `the service answered ${status} ${typeof code === "string" ? code : "(no code)"}: ${(error as Error).message}`
      : `${error instanceof Error ? `${error.name}: ${error.message}` : String(error)} (after ${sent} request${sent === 1 ? "" : "s"})`;
  const allowed = [
    "success",
    "ApiVersionMismatchError before sending",
    ...expected.map((e) => `${e.status} ${e.code} (when ${e.when})`),
  ].join(", ");
  return [
    `wire contract: case "${def.name}" on api-version ${section === clientApiVersion ? section : `${section} (${clientApiVersion})`} failed unexpectedly: ${got}`,
    `  The case may end only with: ${allowed}.`,
    `  Nothing was recorded. Fix the emulator (does it serve ${clientApiVersion}? see describeVersionSupport in emulator/)`,
    "  or declare the error on the case in test/wire/record.ts.",
  ].join("\n");
}

/** Emulator options for a recording: where its version list and specs come from (default: the repository's). */
export type RecordOptions = Pick<EmulatorOptions, "manifestFile" | "specsRoot">;

/** @throws Error when the call fails in a way the case does not expect (see {@link unexpectedOutcome}). */
export async function recordCase(def: CaseDef, apiVersion: string, options: RecordOptions = {}): Promise<WireCase> {
  const received: ReceivedRequest[] = [];
  let recording = false;
  const emulator = await startEmulator({
    ...options,
    idSeed: `${apiVersion} ${def.name}`,
    trustedBearerTokens: [BEARER_TOKEN],
    onRequest: (request) => {
      if (recording) received.push(request);
    },
  });
  const form = def.form ?? "connectionString";
  const tls = form === "tokenCredential" ? await startTlsProxy(emulator.endpoint) : undefined;
  try {
    const client = makeClient(emulator, form, apiVersion, tls);
    let error: string | undefined;
    try {
      await def.run(client, emulator, () => {
        recording = true;
      });
    } catch (err) {
      const problem = unexpectedOutcome(def, apiVersion, err, received.length, client.apiVersion);
      if (problem !== undefined) throw new Error(problem.split(emulator.endpoint).join("http://127.0.0.1:<port>/"));
      error = normalizeError(err, emulator.endpoint);
    }
    const out: WireCase = {
      name: def.name,
      call: def.call,
      requests: received.map(normalizeRequest),
      outcome: error === undefined ? "ok" : "error",
    };
    if (error !== undefined) out.error = error;
    return out;
  } finally {
    await tls?.close();
    await emulator.close();
  }
}

export async function recordSection(apiVersion: string, options: RecordOptions = {}): Promise<WireSection> {
  const cases: WireCase[] = [];
  for (const def of CASES) cases.push(await recordCase(def, apiVersion, options));
  return { apiVersion, cases };
}

export async function recordContract(sections: readonly string[] = SECTIONS): Promise<WireContract> {
  const out: WireSection[] = [];
  for (const apiVersion of sections) out.push(await recordSection(apiVersion));
  return { format: WIRE_CONTRACT_FORMAT, sections: out };
}
