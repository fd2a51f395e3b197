import { fileURLToPath } from "node:url";
import { dirname, join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Typechecks a snippet placed in test/client/ (so relative imports resolve) and returns its errors. */
function typeErrors(source: string): string[] {
  const fileName = join(root, "test", "client", "__snippet__.ts");
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    skipLibCheck: true,
    types: [],
    lib: ["lib.es2022.d.ts", "lib.dom.d.ts"],
  };
  const host = ts.createCompilerHost(options);
  const readFile = host.readFile.bind(host);
  host.readFile = (name) => (name === fileName ? source : readFile(name));
  const fileExists = host.fileExists.bind(host);
  host.fileExists = (name) => name === fileName || fileExists(name);
  const program = ts.createProgram([fileName], options, host);
  return ts
    .getPreEmitDiagnostics(program)
    .filter((d) => d.file?.fileName === fileName)
    .map((d) => ts.flattenDiagnosticMessageText(d.messageText, "\n").split("\n")[0]!);
}

describe("type compatibility with @azure/communication-common and the official client", () => {
  it("CommunicationUserIdentifier is assignable both ways and TokenScope accepts the official scopes", () => {
    const errors = typeErrors(`
      import type { CommunicationUserIdentifier as Common } from "@azure/communication-common";
      import type { TokenScope as OfficialScope } from "@azure/communication-identity";
      import type { CommunicationUserIdentifier as Ours } from "../../src/identifiers.js";
      import { KnownTokenScope, type TokenScope } from "../../src/tokenScope.js";
      declare const common: Common;
      declare const ours: Ours;
      declare const official: OfficialScope[];
      const a: Ours = common;
      const b: Common = ours;
      const scopes: TokenScope[] = official;
      const future: TokenScope = "some.future.scope";
      const known: OfficialScope[] = [KnownTokenScope.Chat, KnownTokenScope.Voip, KnownTokenScope.ChatJoin,
        KnownTokenScope.ChatJoinLimited, KnownTokenScope.VoipJoin];
      export { a, b, scopes, future, known };
    `);
    expect(errors).toEqual([]);
  });

  it("rejects an identifier whose id is not a string (the check above is not vacuous)", () => {
    const errors = typeErrors(`
      import type { CommunicationUserIdentifier as Ours } from "../../src/identifiers.js";
      const bad: Ours = { communicationUserId: 42 };
      export { bad };
    `);
    expect(errors).toEqual(["Type 'number' is not assignable to type 'string'."]);
  });
});

/**
 * Issue 9: code written against @azure/communication-identity 1.3.1's public types compiles with
 * this client when only the import is swapped: options (core-client's OperationOptions with
 * requestOptions, tracingOptions, serializerOptions, onResponse), results, identifiers, client
 * options and the three constructors.
 */
const officialProgram = (from: string) => `
  import {
    CommunicationIdentityClient,
    type CommunicationAccessToken,
    type CommunicationIdentityClientOptions,
    type CommunicationUserToken,
    type CreateUserAndTokenOptions,
    type GetTokenForTeamsUserOptions,
    type GetTokenOptions,
    type TokenScope,
  } from ${JSON.stringify(from)};
  import type { FullOperationResponse, OperationOptions, RawResponseCallback } from "@azure/core-client";
  import type { CommunicationUserIdentifier } from "@azure/communication-common";
  import { AzureKeyCredential, type TokenCredential } from "@azure/core-auth";
  import type { PipelinePolicy } from "@azure/core-rest-pipeline";

  const seen: unknown[] = [];
  const onResponse: RawResponseCallback = (raw: FullOperationResponse, flat: unknown, error?: unknown) => {
    seen.push(raw.status, raw.parsedBody, raw.parsedHeaders, raw.request.url, raw.headers.get("x-ms-request-id"), raw.bodyAsText, flat, error);
  };
  const operationOptions: OperationOptions = {
    abortSignal: new AbortController().signal,
    requestOptions: {
      timeout: 5000,
      customHeaders: { "x-app": "1" },
      allowInsecureConnection: false,
      shouldDeserialize: (response) => response.status !== 204,
      onUploadProgress: (progress) => seen.push(progress.loadedBytes),
      onDownloadProgress: (progress) => seen.push(progress.loadedBytes),
    },
    tracingOptions: { tracingContext: undefined },
    serializerOptions: { xml: { includeRoot: false, rootName: "r", xmlCharKey: "_" }, ignoreUnknownProperties: true },
    onResponse,
  };
  const policy: PipelinePolicy = { name: "appPolicy", sendRequest: (request, next) => next(request) };
  const clientOptions: CommunicationIdentityClientOptions = {
    allowInsecureConnection: false,
    additionalPolicies: [{ policy, position: "perRetry" }],
    retryOptions: { maxRetries: 2, retryDelayInMs: 10 },
    userAgentOptions: { userAgentPrefix: "my-app" },
    telemetryOptions: { clientRequestIdHeaderName: "x-ms-client-request-id" },
    proxyOptions: { host: "http://localhost", port: 8888 },
    redirectOptions: { maxRetries: 1 },
  };
  declare const entra: TokenCredential;

  export const clients = [
    new CommunicationIdentityClient("endpoint=https://contoso.communication.azure.com/;accesskey=a2V5"),
    new CommunicationIdentityClient("endpoint=https://contoso.communication.azure.com/;accesskey=a2V5", clientOptions),
    new CommunicationIdentityClient("https://contoso.communication.azure.com", new AzureKeyCredential("a2V5"), clientOptions),
    new CommunicationIdentityClient("https://contoso.communication.azure.com", entra),
  ];

  export async function app(client: CommunicationIdentityClient): Promise<Date[]> {
    const user: CommunicationUserIdentifier = await client.createUser(operationOptions);
    const scopes: TokenScope[] = ["chat", "voip", "chat.join", "chat.join.limited", "voip.join"];
    const getTokenOptions: GetTokenOptions = { ...operationOptions, tokenExpiresInMinutes: 60 };
    const token: CommunicationAccessToken = await client.getToken(user, scopes, getTokenOptions);
    const createOptions: CreateUserAndTokenOptions = { tokenExpiresInMinutes: 120, onResponse };
    const created: CommunicationUserToken = await client.createUserAndToken(["chat"], createOptions);
    const next: CommunicationUserIdentifier = created.user;
    const teamsOptions: GetTokenForTeamsUserOptions = { teamsUserAadToken: "t", clientId: "c", userObjectId: "o", ...operationOptions };
    const teams: CommunicationAccessToken = await client.getTokenForTeamsUser(teamsOptions);
    await client.revokeTokens(next, { onResponse: (raw, flat) => seen.push(raw.parsedBody, flat) });
    await client.deleteUser(user);
    await client.deleteUser(next, {});
    const results: string[] = [token.token, created.token, teams.token, next.communicationUserId];
    seen.push(results);
    return [token.expiresOn, created.expiresOn, teams.expiresOn];
  }
`;

describe("a program written against @azure/communication-identity compiles with the import swapped", () => {
  it("compiles against the official package (the program itself is valid)", () => {
    expect(typeErrors(officialProgram("@azure/communication-identity"))).toEqual([]);
  });

  it("compiles against this package", () => {
    expect(typeErrors(officialProgram("../../src/index.js"))).toEqual([]);
  });

  it("the official option and result types are assignable to ours, and ours to theirs", () => {
    const errors = typeErrors(`
      import type * as Official from "@azure/communication-identity";
      import type * as CoreClient from "@azure/core-client";
      import type * as Ours from "../../src/index.js";
      declare const official: {
        getToken: Official.GetTokenOptions;
        createUserAndToken: Official.CreateUserAndTokenOptions;
        teams: Official.GetTokenForTeamsUserOptions;
        client: Official.CommunicationIdentityClientOptions;
        operation: CoreClient.OperationOptions;
        callback: CoreClient.RawResponseCallback;
        requestOptions: CoreClient.OperationRequestOptions;
        serializer: CoreClient.SerializerOptions;
      };
      declare const ours: { token: Ours.CommunicationAccessToken; userToken: Ours.CommunicationUserToken; response: Ours.FullOperationResponse };
      export const toOurs: [
        Ours.GetTokenOptions, Ours.CreateUserAndTokenOptions, Ours.GetTokenForTeamsUserOptions, Ours.CommunicationIdentityClientOptions,
        Ours.OperationOptions, Ours.RawResponseCallback, Ours.OperationRequestOptions, Ours.SerializerOptions,
      ] = [
        official.getToken, official.createUserAndToken, official.teams, official.client,
        official.operation, official.callback, official.requestOptions, official.serializer,
      ];
      export const toTheirs: [Official.CommunicationAccessToken, Official.CommunicationUserToken, CoreClient.FullOperationResponse] = [
        ours.token, ours.userToken, ours.response,
      ];
    `);
    expect(errors).toEqual([]);
  });
});
