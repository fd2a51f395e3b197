import { execFile } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { defaultApiVersion } from "../../src/index.js";

/**
 * Consuming the package as users do: `npm run pack` (build, then pack dist/ with the package
 * README and LICENSE), install the tarball into a fresh project, import it from ESM and CommonJS,
 * typecheck a TypeScript program against its .d.ts files, and run everything against the emulator.
 *
 * The install needs no network and no npm cache: it runs with an empty cache and a registry on a
 * closed loopback port, and gets the package's dependencies (and @types/node, for the typecheck)
 * as tarballs packed from this repository's node_modules. So the consumer's package.json lists
 * those as its own dependencies, which a real app would not; npm still resolves the package's
 * declared dependency ranges against them.
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

/**
 * The packages `names` need at run time, from the repository's node_modules, resolved as Node
 * resolves them (nearest node_modules up from the requiring package): name -> directory.
 * Optional dependencies and peers that are not installed are left out.
 */
function installedClosure(names: string[]): Map<string, string> {
  const found = new Map<string, string>();
  const locate = (name: string, from: string): string | undefined => {
    for (let dir = from; ; dir = dirname(dir)) {
      const candidate = join(dir, "node_modules", name);
      if (existsSync(join(candidate, "package.json"))) return candidate;
      if (dir === root || dir === dirname(dir)) return undefined;
    }
  };
  const visit = (name: string, from: string, optional: boolean) => {
    const dir = locate(name, from);
    if (dir === undefined) {
      if (optional) return;
      throw new Error(`${name} (needed by ${from}) is not installed in node_modules: run npm ci first.`);
    }
    const known = found.get(name);
    if (known !== undefined) {
      if (known !== dir)
        throw new Error(`${name} is installed twice (${known}, ${dir}); one project cannot hold both as top-level tarballs.`);
      return;
    }
    found.set(name, dir);
    const pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as {
      dependencies?: Record<string, string>;
      optionalDependencies?: Record<string, string>;
      peerDependencies?: Record<string, string>;
      peerDependenciesMeta?: Record<string, { optional?: boolean }>;
    };
    for (const dep of Object.keys(pkg.dependencies ?? {})) visit(dep, dir, false);
    for (const dep of Object.keys(pkg.optionalDependencies ?? {})) visit(dep, dir, true);
    for (const dep of Object.keys(pkg.peerDependencies ?? {})) visit(dep, dir, pkg.peerDependenciesMeta?.[dep]?.optional === true);
  };
  for (const name of names) visit(name, root, false);
  return found;
}

beforeAll(async () => {
  emulator = await startEmulator();
  project = mkdtempSync(join(tmpdir(), "acs-client-pack-"));
  await run(npm, ["run", "pack", "--", "--pack-destination", project], { cwd: root });
  const tarball = readdirSync(project).find((f) => f.endsWith(".tgz"));
  if (!tarball) throw new Error("npm run pack produced no tarball");
  writeFileSync(join(project, "package.json"), JSON.stringify({ name: "consumer", version: "1.0.0", private: true, type: "module" }));

  // No network, no npm cache: an empty cache, a registry nobody listens on, and tarballs of the
  // dependencies packed from node_modules. @types/node: core-rest-pipeline's .d.ts files mention
  // NodeJS and Buffer.
  const offline = {
    ...process.env,
    npm_config_cache: join(project, ".npm-cache"),
    npm_config_registry: "http://127.0.0.1:9/",
    npm_config_audit: "false",
    npm_config_fund: "false",
  };
  const dependencies = Object.keys(
    (JSON.parse(readFileSync(join(root, "package.json"), "utf8")) as { dependencies: Record<string, string> }).dependencies,
  );
  const deps = join(project, "deps");
  mkdirSync(deps);
  // Absolute directories: npm would read "node_modules/x" as a GitHub shorthand.
  await run(npm, ["pack", "--ignore-scripts", "--pack-destination", deps, ...installedClosure([...dependencies, "@types/node"]).values()], {
    cwd: root,
    env: offline,
  });
  const depTarballs = readdirSync(deps).map((f) => `./deps/${f}`);
  await run(npm, ["install", "--offline", `./${tarball}`, ...depTarballs], { cwd: project, env: offline });

  writeFileSync(join(project, "esm.mjs"), lifecycle(`import { CommunicationIdentityClient } from "@acs-gen/communication-identity";`));
  writeFileSync(
    join(project, "cjs.cjs"),
    `(async () => {\n${lifecycle(`const { CommunicationIdentityClient } = require("@acs-gen/communication-identity");`)}\n})().catch((e) => { console.error(e); process.exit(1); });`,
  );
  // Web Crypto removed (randomUUID kept: core-rest-pipeline needs it), so only node:crypto can sign.
  const noSubtle = `const real = globalThis.crypto;
Object.defineProperty(globalThis, "crypto", { value: { randomUUID: () => real.randomUUID(), getRandomValues: (a) => real.getRandomValues(a) }, configurable: true });`;
  writeFileSync(
    join(project, "nosubtle.mjs"),
    `${noSubtle}\n${lifecycle(`const { CommunicationIdentityClient } = await import("@acs-gen/communication-identity");`)}`,
  );
  writeFileSync(
    join(project, "nosubtle.cjs"),
    `${noSubtle}\n(async () => {\n${lifecycle(`const { CommunicationIdentityClient } = require("@acs-gen/communication-identity");`)}\n})().catch((e) => { console.error(e); process.exit(1); });`,
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
      compilerOptions: {
        target: "ES2022",
        module: "NodeNext",
        moduleResolution: "NodeNext",
        strict: true,
        lib: ["ES2022", "DOM"],
        types: ["node"],
        skipLibCheck: false,
        outDir: "out",
      },
      files: ["program.ts", "program.cts"],
    }),
  );
}, 180_000);

afterAll(async () => {
  await emulator?.close();
  if (project) rmSync(project, { recursive: true, force: true });
});

describe("the packed package", () => {
  const tarballPath = () =>
    join(
      project,
      readdirSync(project).find((f) => f.endsWith(".tgz"))!,
    );
  const fromTarball = async (path: string) =>
    (await run("tar", ["-xzOf", tarballPath(), `package/${path}`], { maxBuffer: 1 << 24 })).stdout;

  it("ships only the builds, package.json, the package README and LICENSE", async () => {
    const { stdout } = await run("tar", ["-tzf", tarballPath()]);
    const tops = new Set(
      stdout
        .trim()
        .split("\n")
        .map((p) => p.split("/").slice(0, 3).join("/")),
    );
    expect([...tops].sort()).toEqual([
      "package/LICENSE",
      "package/README.md",
      "package/dist/commonjs",
      "package/dist/esm",
      "package/package.json",
    ]);
  });

  it("carries the README for app developers (src/README.md), not the repository's", async () => {
    const readme = await fromTarball("README.md");
    expect(readme).toBe(readFileSync(join(root, "src", "README.md"), "utf8"));
    expect(readme).not.toBe(readFileSync(join(root, "README.md"), "utf8"));
    expect(readme.split("\n")[0]).toBe("# @acs-gen/communication-identity");
  });

  it("carries the MIT LICENSE of the acs-gen contributors", async () => {
    const license = await fromTarball("LICENSE");
    expect(license).toBe(readFileSync(join(root, "LICENSE"), "utf8"));
    expect(license.split("\n").slice(0, 3)).toEqual(["MIT License", "", "Copyright (c) acs-gen contributors"]);
  });

  it("publishes a package.json without the repository's scripts, devDependencies and source imports; each build has its own", async () => {
    const published = JSON.parse(await fromTarball("package.json")) as Record<string, unknown>;
    expect([published["scripts"], published["devDependencies"], published["imports"]]).toEqual([undefined, undefined, undefined]);
    for (const format of ["esm", "commonjs"]) {
      expect(JSON.parse(await fromTarball(`dist/${format}/package.json`)), format).toEqual({
        type: format === "esm" ? "module" : "commonjs",
        sideEffects: false,
        browser: { "./src/nodePolicies.js": "./src/nodePolicies.browser.js" },
        imports: {
          "#hmacSigner": { browser: "./src/webCryptoSigner.js", node: "./src/nodeCryptoSigner.js", default: "./src/webCryptoSigner.js" },
        },
      });
    }
  });

  it("signs with node:crypto on Node, from ESM and CommonJS (it runs with crypto.subtle taken away)", async () => {
    for (const script of ["nosubtle.mjs", "nosubtle.cjs"]) {
      const { stdout } = await run(process.execPath, [script, emulator.connectionString], { cwd: project });
      expect(JSON.parse(stdout), script).toEqual({ user: "8:acs:", token: 3, date: true });
    }
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

  it('bundles for browsers with the Web Crypto signer and without the Node-only policies (dist\'s "imports", the "browser" field)', async () => {
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
      // package.json imports "#hmacSigner", condition "browser": the Web Crypto signer, no node:crypto.
      expect([code.includes('"Web Crypto"'), code.includes(".importKey("), code.includes("node:crypto")]).toEqual([true, true, false]);
      expect(["redirectPolicy", "proxyPolicy", "agentPolicy", "tlsPolicy"].filter((name) => code.includes(`"${name}"`))).toEqual([]);
    }
  });

  it("typechecks a TypeScript program (ESM and CommonJS) against its types, which then runs", { timeout: 180_000 }, async () => {
    await run(process.execPath, [tsc, "-p", "tsconfig.json"], { cwd: project });
    const { stdout } = await run(process.execPath, ["out/program.js", emulator.connectionString], { cwd: project });
    expect(JSON.parse(stdout)).toEqual({
      created: "8:acs:",
      restError: true,
      error: "ExpiresInMinutes value 59 is invalid. Value must be within the [60, 1440] interval.",
    });
  });
});
