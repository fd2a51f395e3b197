import { execFile } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { defaultApiVersion } from "../../src/index.js";

/**
 * Consuming the package as users do: build, `npm pack`, install the tarball into a fresh project
 * (offline, from the npm cache), import it from ESM and CommonJS, typecheck a TypeScript program
 * against its .d.ts files, and run everything against the emulator.
 * Child processes are spawned asynchronously: the emulator shares this process's event loop.
 */
const run = promisify(execFile);
const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const npm = process.platform === "win32" ? "npm.cmd" : "npm";
const tsc = join(root, "node_modules", "typescript", "bin", "tsc");

let emulator: RunningEmulator;
let project: string;

const lifecycle = (importLine: string) => `${importLine}
const client = new CommunicationIdentityClient(process.argv[2]);
const user = await client.createUser();
const { token, expiresOn } = await client.getToken(user, ["chat"]);
await client.revokeTokens(user);
await client.deleteUser(user);
console.log(JSON.stringify({ user: user.communicationUserId.slice(0, 6), token: token.split(".").length, date: expiresOn instanceof Date }));
`;

/** The same lifecycle through the modular API (the package's "./api" export). */
const modularLifecycle = (importLine: string) => `${importLine}
const context = createIdentityContextFromConnectionString(process.argv[2]);
const user = await createUser(context);
const { token, expiresOn } = await getToken(context, user, ["chat"]);
await revokeTokens(context, user);
await deleteUser(context, user);
console.log(JSON.stringify({ user: user.communicationUserId.slice(0, 6), token: token.split(".").length, date: expiresOn instanceof Date, apiVersion: context.apiVersion }));
`;
const MODULAR_NAMES = "createIdentityContextFromConnectionString, createUser, getToken, revokeTokens, deleteUser";

beforeAll(async () => {
  emulator = await startEmulator();
  project = mkdtempSync(join(tmpdir(), "acs-client-pack-"));
  await run(npm, ["run", "build"], { cwd: root });
  await run(npm, ["pack", "--pack-destination", project], { cwd: root });
  const tarball = readdirSync(project).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error("npm pack produced no tarball");
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }));
  // @types/node: @azure/core-rest-pipeline's own .d.ts files mention NodeJS and Buffer.
  const typesNodeVersion = (JSON.parse(readFileSync(join(root, "node_modules", "@types", "node", "package.json"), "utf8")) as { version: string }).version;
  const typesNode = `@types/node@${typesNodeVersion}`;
  await run(npm, ["install", "--offline", "--no-audit", "--no-fund", `./${tarball}`, typesNode], { cwd: project });

  writeFileSync(join(project, "esm.mjs"), lifecycle(`import { CommunicationIdentityClient } from "@acs-gen/communication-identity";`));
  writeFileSync(
    join(project, "cjs.cjs"),
    `(async () => {\n${lifecycle(`const { CommunicationIdentityClient } = require("@acs-gen/communication-identity");`)}\n})().catch((e) => { console.error(e); process.exit(1); });`,
  );
  writeFileSync(join(project, "api.mjs"), modularLifecycle(`import { ${MODULAR_NAMES} } from "@acs-gen/communication-identity/api";`));
  writeFileSync(
    join(project, "api.cjs"),
    `(async () => {\n${modularLifecycle(`const { ${MODULAR_NAMES} } = require("@acs-gen/communication-identity/api");`)}\n})().catch((e) => { console.error(e); process.exit(1); });`,
  );
  writeFileSync(
    join(project, "program.ts"),
    `import {
  AzureKeyCredential,
  CommunicationIdentityClient,
  KnownTokenScope,
  isRestError,
  type CommunicationUserToken,
  type TokenScope,
} from "@acs-gen/communication-identity";
import { createIdentityContext, getUserDetail, type CommunicationIdentityContext } from "@acs-gen/communication-identity/api";
const scopes: TokenScope[] = [KnownTokenScope.Chat, "voip"];
export function modularNeverCalled(context: CommunicationIdentityContext) {
  // @ts-expect-error the modular functions take the context first: proves the ./api types are real
  return getUserDetail({ communicationUserId: "8:acs:x" }, context);
}
export const modularContext: (endpoint: string, key: AzureKeyCredential) => CommunicationIdentityContext = createIdentityContext;
const client = new CommunicationIdentityClient(process.argv[2]!, { retryOptions: { maxRetries: 1 } });
const created: CommunicationUserToken = await client.createUserAndToken(scopes);
export function neverCalled() {
  // @ts-expect-error communicationUserId must be a string: proves the types are real, not any
  return client.getToken({ communicationUserId: 1 }, ["chat"]);
}
try {
  await client.getToken({ communicationUserId: "8:acs:nobody" }, ["chat"], { tokenExpiresInMinutes: 59 });
} catch (e) {
  console.log(JSON.stringify({ created: created.user.communicationUserId.slice(0, 6), restError: isRestError(e), error: (e as Error).message }));
}
`,
  );
  writeFileSync(
    join(project, "program.cts"),
    `import identity = require("@acs-gen/communication-identity");
const client: identity.CommunicationIdentityClient = new identity.CommunicationIdentityClient("endpoint=https://h.example;accesskey=a2V5");
export const scope: identity.TokenScope = identity.KnownTokenScope.VoipJoin;
export { client };
`,
  );
  writeFileSync(
    join(project, "tsconfig.json"),
    JSON.stringify({
      compilerOptions: { target: "ES2022", module: "NodeNext", moduleResolution: "NodeNext", strict: true, lib: ["ES2022", "DOM"], types: ["node"], skipLibCheck: false, outDir: "out" },
      files: ["program.ts", "program.cts"],
    }),
  );
}, 180_000);

afterAll(async () => {
  await emulator?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("the packed package", () => {
  it("ships only the builds, package.json and the README", async () => {
    const { stdout } = await run("tar", ["-tzf", readdirSync(project).find((f) => f.endsWith(".tgz"))!], { cwd: project });
    const tops = new Set(stdout.trim().split("\n").map((p) => p.split("/").slice(0, 3).join("/")));
    expect([...tops].sort()).toEqual(["package/README.md", "package/dist/commonjs", "package/dist/esm", "package/package.json"]);
  });

  it("runs from ESM", async () => {
    const { stdout } = await run(process.execPath, ["esm.mjs", emulator.connectionString], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ user: "8:acs:", token: 3, date: true });
  });

  it("runs from CommonJS", async () => {
    const { stdout } = await run(process.execPath, ["cjs.cjs", emulator.connectionString], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({ user: "8:acs:", token: 3, date: true });
  });

  it("runs the modular API (./api) from ESM and CommonJS", async () => {
    for (const script of ["api.mjs", "api.cjs"]) {
      const { stdout } = await run(process.execPath, [script, emulator.connectionString], { cwd: project });
      expect(JSON.parse(stdout), script).toEqual({ user: "8:acs:", token: 3, date: true, apiVersion: defaultApiVersion });
    }
  });

  it("bundles for browsers without the Node-only policies (package.json \"browser\" field on the built files)", async () => {
    const bundle = async (contents: string) =>
      (
        await build({
          stdin: { contents, resolveDir: project, sourcefile: "entry.mjs" },
          bundle: true,
          format: "esm",
          platform: "browser",
          write: false,
          logLevel: "silent",
        })
      ).outputFiles[0]!.text;
    for (const code of [
      await bundle(`import { createIdentityContextFromConnectionString, createUserAndToken } from "@acs-gen/communication-identity/api";
        export const run = (cs) => createUserAndToken(createIdentityContextFromConnectionString(cs), ["chat"]);`),
      await bundle(`import { CommunicationIdentityClient } from "@acs-gen/communication-identity";
        export const run = (cs) => new CommunicationIdentityClient(cs).createUserAndToken(["chat"]);`),
    ]) {
      expect(code).toContain('"communicationHmacSha256AuthenticationPolicy"');
      expect(["redirectPolicy", "proxyPolicy", "agentPolicy", "tlsPolicy"].filter((name) => code.includes(`"${name}"`))).toEqual([]);
    }
  });

  it("typechecks a TypeScript program (ESM and CommonJS) against its types, which then runs", { timeout: 180_000 }, async () => {
    await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: project });
    const { stdout } = await run(process.execPath, ["out/program.js", emulator.connectionString], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      created: "8:acs:",
      restError: false,
      error: "tokenExpiresInMinutes must be an integer within [60, 1440], got 59.",
    });
  });
});
