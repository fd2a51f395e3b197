import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** A minified browser ESM bundle of an app (as in bench/client.bench.ts). */
async function browserBundle(contents: string): Promise<string> {
  const result = await build({
    stdin: { contents, resolveDir: root, sourcefile: "entry.ts", loader: "ts" },
    bundle: true,
    minify: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    write: false,
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** Policy names are string literals that survive minification. */
const policyNames = (code: string) => [...new Set(code.match(/"[A-Za-z0-9]+Policy"/g) ?? [])].sort();

/** Request paths of the Identity operations, as the generated code writes them. */
const OPERATION_PATHS = [
  '"/identities"',
  '"/identities/{id}"',
  '"/identities/{id}/:issueAccessToken"',
  '"/identities/{id}/:revokeAccessTokens"',
  '"/teamsUser/:exchangeAccessToken"',
  '"/access/teamsExtension/:exchangeAccessToken"',
  '"/access/teamsExtension/tenants/{tenantId}/assignments/{objectId}"',
];
const operationPaths = (code: string) => OPERATION_PATHS.filter((path) => code.includes(path));

describe("browser bundle of the client class (createUserAndToken)", () => {
  const bundle = browserBundle(`import { CommunicationIdentityClient } from "./src/index.js";
    export const run = (cs: string) => new CommunicationIdentityClient(cs).createUserAndToken(["chat"]);`);

  it("holds exactly the pipeline policies the client composes: none of createPipelineFromOptions' extras, none of Node's", async () => {
    expect(policyNames(await bundle)).toEqual([
      '"bearerTokenAuthenticationPolicy"',
      '"communicationHmacSha256AuthenticationPolicy"',
      '"communicationIdentityAllowInsecureConnectionPolicy"',
      '"communicationTeamsExtensionUserBearerPolicy"',
      '"defaultRetryPolicy"',
      '"logPolicy"',
      '"retryPolicy"',
      '"setClientRequestIdPolicy"',
      '"userAgentPolicy"',
    ]);
  });

  it("holds every operation: a class's methods cannot be tree-shaken", async () => {
    expect(operationPaths(await bundle)).toEqual(OPERATION_PATHS);
  });
});

describe("browser bundle of the modular API (createIdentityContextFromConnectionString + createUserAndToken)", () => {
  const bundle = browserBundle(`import { createIdentityContextFromConnectionString, createUserAndToken } from "./src/api/index.js";
    export const run = (cs: string) => createUserAndToken(createIdentityContextFromConnectionString(cs), ["chat"]);`);

  it("has no bearer-token policy (a connection string only signs with HMAC) and no Teams exchange policy", async () => {
    expect(policyNames(await bundle)).toEqual([
      '"communicationHmacSha256AuthenticationPolicy"',
      '"communicationIdentityAllowInsecureConnectionPolicy"',
      '"defaultRetryPolicy"',
      '"logPolicy"',
      '"retryPolicy"',
      '"setClientRequestIdPolicy"',
      '"userAgentPolicy"',
    ]);
  });

  it("holds only the operation it calls", async () => {
    expect(operationPaths(await bundle)).toEqual(['"/identities"']);
  });
});

describe("bundle-size budget (issue #4: <= 50% of @azure/communication-identity, gzipped)", () => {
  it("the modular createUserAndToken bundle is at most half the official client's", async () => {
    const gzipped = async (contents: string) => gzipSync(await browserBundle(contents), { level: 9 }).byteLength;
    const ours = await gzipped(`import { createIdentityContextFromConnectionString, createUserAndToken } from "./src/api/index.js";
      export const run = (cs: string) => createUserAndToken(createIdentityContextFromConnectionString(cs), ["chat"]);`);
    const official = await gzipped(`import { CommunicationIdentityClient } from "@azure/communication-identity";
      export const run = (cs: string) => new CommunicationIdentityClient(cs).createUserAndToken(["chat"]);`);
    // Deterministic (same esbuild, same lockfile): a failure means the change made the bundle larger.
    expect(ours, `ours ${ours} B vs official ${official} B gzipped (${((ours / official) * 100).toFixed(1)}%)`).toBeLessThanOrEqual(official / 2);
  });
});
