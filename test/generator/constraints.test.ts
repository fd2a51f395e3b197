/**
 * Issue 9: the service's constraints (ranges, lengths, patterns, item counts, required properties inside
 * bodies) are the service's to check. By default the generator emits no checks of them: the request is
 * sent and the service's error reaches the caller as a RestError. `--validate-constraints` (or the
 * manifest's `client.validateConstraints`) turns the checks on, with the messages they always had.
 * Client parameters (a required path parameter or body, a required client-level parameter) and
 * api-version gating are checked either way.
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { AzureKeyCredential } from "@azure/core-auth";
import { createDefaultHttpClient, createEmptyPipeline, isRestError, type Pipeline, type RestError } from "@azure/core-rest-pipeline";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startEmulator, type ReceivedRequest, type RunningEmulator } from "../../emulator/index.js";
import { run } from "../../generator/cli/main.js";
import { buildFiles, loadSources, resolvePaths } from "../../generator/cli/pipeline.js";
import { resolveSpecsRoot } from "../../generator/cli/specsRoot.js";
import { readManifest, validateManifest } from "../../generator/load/manifest.js";
import { ApiVersionMismatchError, defaultApiVersion, IdentityRestClientCore } from "../../generated/src/index.js";
import { hmacAuthenticationPolicy } from "../../src/hmacAuthenticationPolicy.js";
import { repoRoot, typecheckFiles } from "../fixtures/emit/compile.js";
import { generateInMemory, withConstraints } from "../fixtures/emit/generate.js";
import { importGenerated } from "../fixtures/emit/generatedCode.js";
import { allowPlainHttpPolicy, startLoopbackServer, withBody, type LoopbackServer } from "../fixtures/loopbackServer.js";
import { generatedFrom } from "../fixtures/manifestVersions.js";
import { rejection } from "../fixtures/rejection.js";

const constraintHelpers = /assertInRange|assertLength|assertPattern|assertItemCount|NumberBounds|describeRange/;

/**
 * How many x-ms-examples references of the generated versions' spec files (spec/manifest.json) name
 * a file that does not exist: 15 for the seven published versions; a bumped spec adds its own.
 */
function missingExamples(): number {
  const manifest = readManifest(join(repoRoot, "spec", "manifest.json"));
  const specsRoot = resolveSpecsRoot(undefined, process.env);
  let missing = 0;
  const visit = (node: unknown, file: string): void => {
    if (node === null || typeof node !== "object") return;
    const examples = (node as Record<string, unknown>)["x-ms-examples"];
    for (const example of Object.values(examples !== null && typeof examples === "object" ? examples : {})) {
      const ref = (example as { $ref?: unknown }).$ref;
      if (typeof ref === "string" && !existsSync(join(specsRoot, dirname(file), ref))) missing += 1;
    }
    for (const child of Object.values(node)) visit(child, file);
  };
  for (const version of manifest.versions.filter((v) => manifest.generate.includes(v.apiVersion))) {
    for (const file of Object.keys(version.sha256)) visit(JSON.parse(readFileSync(join(specsRoot, file), "utf8")), file);
  }
  return missing;
}

let work = "";
let emulator: RunningEmulator;
const received: ReceivedRequest[] = [];

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), "acs-gen-constraints-"));
  emulator = await startEmulator({ onRequest: (request) => received.push(request) });
});

afterAll(async () => {
  await emulator.close();
  rmSync(work, { recursive: true, force: true });
});

/** A bare pipeline that signs with the emulator's key (the handwritten layer's policy) and allows plain http. */
function signedPipeline(): Pipeline {
  const pipeline = createEmptyPipeline();
  pipeline.addPolicy(allowPlainHttpPolicy());
  pipeline.addPolicy(hmacAuthenticationPolicy(new AzureKeyCredential(emulator.accessKey)), { phase: "Sign" });
  return pipeline;
}

/** An unminified ESM bundle (tree-shaking on) of an app importing `names` from the generated index in `dir`. */
async function bundleOf(dir: string, names: string[]): Promise<string> {
  const result = await build({
    stdin: {
      contents: `export { ${names.join(", ")} } from ${JSON.stringify(join(dir, "src/index.ts"))};\n`,
      resolveDir: dir,
      sourcefile: "entry.ts",
      loader: "ts",
    },
    bundle: true,
    write: false,
    format: "esm",
    nodePaths: [join(repoRoot, "node_modules")],
    logLevel: "silent",
  });
  return result.outputFiles[0]!.text;
}

/** The calls the tests make, on the committed generated/ client or on one generated with --validate-constraints. */
interface IdentityOperations {
  create(options?: { body?: Record<string, unknown> }): Promise<{ identity: { id: string } }>;
  issueAccessToken(id: string, body: Record<string, unknown>): Promise<unknown>;
  delete(id: string): Promise<void>;
}
type IdentityCore = new (
  endpoint: string,
  options: { pipeline: Pipeline; httpClient: ReturnType<typeof createDefaultHttpClient>; apiVersion?: string },
) => {
  communicationIdentity: IdentityOperations;
};

const restErrorOf = (error: unknown): unknown[] => {
  const e = error as RestError;
  return [isRestError(e), e.statusCode, e.code, e.message];
};

describe("default: generated/ (the Identity client) leaves the service's constraints to the service", () => {
  it("carries no validators.ts, no validator calls and no constraint helpers", () => {
    const src = join(repoRoot, "generated", "src");
    expect(existsSync(join(src, "validators.ts"))).toBe(false);
    expect(readFileSync(join(src, "runtime.ts"), "utf8")).not.toMatch(constraintHelpers);
    for (const file of readdirSync(join(src, "operations"))) {
      const text = readFileSync(join(src, "operations", file), "utf8");
      expect(text, file).not.toMatch(/validators\.js|validate[A-Z]/);
      expect(text, file).not.toMatch(constraintHelpers);
    }
  });

  it("expiresInMinutes 59 goes to the emulator, whose 400 reaches the caller as a RestError with its code and message", async () => {
    const client = new IdentityRestClientCore(emulator.endpoint, { pipeline: signedPipeline(), httpClient: createDefaultHttpClient() });
    const { identity } = await client.communicationIdentity.create();
    received.length = 0;
    const error = await rejection(client.communicationIdentity.issueAccessToken(identity.id, { scopes: ["chat"], expiresInMinutes: 59 }));
    expect(restErrorOf(error)).toEqual([
      true,
      400,
      "ValidationError",
      "ExpiresInMinutes value 59 is invalid. Value must be within the [60, 1440] interval.",
    ]);
    const created = await rejection(
      client.communicationIdentity.create({ body: { createTokenWithScopes: ["chat"], expiresInMinutes: 1441 } }),
    );
    expect(restErrorOf(created)).toEqual([
      true,
      400,
      "ValidationError",
      "ExpiresInMinutes value 1441 is invalid. Value must be within the [60, 1440] interval.",
    ]);
    expect(received.map((r) => `${r.method} ${r.url} ${r.body.toString("utf8")}`)).toEqual([
      `POST /identities/${encodeURIComponent(identity.id)}/:issueAccessToken?api-version=${defaultApiVersion} {"scopes":["chat"],"expiresInMinutes":59}`,
      `POST /identities?api-version=${defaultApiVersion} {"createTokenWithScopes":["chat"],"expiresInMinutes":1441}`,
    ]);
  });

  it("a customId of length 0 (minLength 1 in the spec) is sent too: the emulator refuses it", async () => {
    const client = new IdentityRestClientCore(emulator.endpoint, {
      pipeline: signedPipeline(),
      httpClient: createDefaultHttpClient(),
      apiVersion: "2025-03-02-preview",
    });
    const error = await rejection(client.communicationIdentity.create({ body: { customId: "" } }));
    expect(restErrorOf(error)).toEqual([true, 400, "ValidationError", "CustomId must be a string of 1 to 256 characters."]);
  });

  it("client parameters are still checked before sending: a missing path parameter or body, and api-version gating", async () => {
    const client = new IdentityRestClientCore(emulator.endpoint, {
      pipeline: signedPipeline(),
      httpClient: createDefaultHttpClient(),
      apiVersion: "2021-03-07",
    });
    received.length = 0;
    await expect(client.communicationIdentity.delete(undefined as unknown as string)).rejects.toThrow(new TypeError("id is required"));
    await expect(client.communicationIdentity.issueAccessToken("u", undefined as unknown as { scopes: string[] })).rejects.toThrow(
      new TypeError("body is required"),
    );
    const gated = await rejection(client.communicationIdentity.issueAccessToken("u", { scopes: ["chat"], expiresInMinutes: 59 }));
    expect(gated).toBeInstanceOf(ApiVersionMismatchError);
    expect((gated as Error).message).toBe(
      `issueAccessToken: body.expiresInMinutes is not supported by api-version 2021-03-07 (supported in ${generatedFrom("2022-10-01").join(", ")})`,
    );
    expect(received).toEqual([]);
  });
});

describe("--validate-constraints: the Identity client generated with the checks on", () => {
  let Core: IdentityCore;
  beforeAll(async () => {
    const files = await generateInMemory(undefined, undefined, [], withConstraints);
    expect(files.map((f) => f.path)).toContain("src/validators.ts");
    Core = (await importGenerated(join(work, "identity-checked"), files))["IdentityRestClientCore"] as IdentityCore;
  });

  it("checks before sending, with the exact messages, and sends nothing", async () => {
    const client = new Core(emulator.endpoint, {
      pipeline: signedPipeline(),
      httpClient: createDefaultHttpClient(),
      apiVersion: "2025-03-02-preview",
    });
    received.length = 0;
    const operations = client.communicationIdentity;
    await expect(operations.issueAccessToken("u", { scopes: ["chat"], expiresInMinutes: 59 })).rejects.toThrow(
      new RangeError("body.expiresInMinutes must be within [60, 1440], got 59"),
    );
    await expect(operations.issueAccessToken("u", {})).rejects.toThrow(new TypeError("body.scopes is required"));
    await expect(operations.create({ body: { expiresInMinutes: 1441 } })).rejects.toThrow(
      new RangeError("body.expiresInMinutes must be within [60, 1440], got 1441"),
    );
    await expect(operations.create({ body: { customId: "" } })).rejects.toThrow(
      new RangeError("body.customId length must be within [1, 256], got 0"),
    );
    await expect(operations.delete(undefined as unknown as string)).rejects.toThrow(new TypeError("id is required"));
    expect(received).toEqual([]);
  });

  it("a bundle keeps only the checks of the operations it imports (and none at all by default)", async () => {
    const checked = await bundleOf(join(work, "identity-checked"), ["communicationIdentityCreate"]);
    expect(checked).toContain("function validateCommunicationIdentityCreateRequest(");
    expect(checked).toContain("function assertInRange(");
    for (const absent of [
      "validateCommunicationIdentityAccessTokenRequest",
      "validateTeamsUserExchangeTokenRequest",
      "function assertPattern(",
    ]) {
      expect(checked, absent).not.toContain(absent);
    }
    const unchecked = await bundleOf(join(repoRoot, "generated"), ["communicationIdentityCreate"]);
    expect(unchecked).toContain("async function communicationIdentityCreate(");
    expect(unchecked).not.toMatch(/validate[A-Z]|assertInRange|assertLength|must be within/);
  });

  it("valid values are sent and answered as without the checks", async () => {
    const client = new Core(emulator.endpoint, { pipeline: signedPipeline(), httpClient: createDefaultHttpClient() });
    const { identity } = await client.communicationIdentity.create();
    await expect(
      client.communicationIdentity.issueAccessToken(identity.id, { scopes: ["chat"], expiresInMinutes: 60 }),
    ).resolves.toMatchObject({
      token: expect.any(String),
    });
  });
});

describe("turning the checks on: the CLI flag and the manifest's client.validateConstraints", () => {
  async function cli(argv: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    let stdout = "";
    let stderr = "";
    const code = await run(argv, { ...process.env }, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it("--validate-constraints wins over the manifest (which leaves it off): generated/ is then out of date by exactly the checks", async () => {
    const result = await cli(["--check", "--validate-constraints"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(
      [
        `warning: ${missingExamples()} x-ms-examples references point to example files that do not exist (harmless: examples are not used for generation); run with --verbose to list them`,
        "generated is out of date:",
        "  stale:   .acs-gen-output.json",
        "  stale:   README.md",
        "  stale:   src/operations/communicationIdentity.ts",
        "  stale:   src/operations/teamsExtension.ts",
        "  stale:   src/runtime.ts",
        "  missing: src/validators.ts",
        "run `npm run generate` to update it",
        "",
      ].join("\n"),
    );
    expect((await cli(["--check"])).code).toBe(0);
  });

  it("client.validateConstraints: true in the manifest gives what the flag gives; the schema takes a boolean only", async () => {
    const paths = resolvePaths(undefined, {});
    const { sources, config } = await loadSources({ apiVersions: [], allowRemoteRefs: false }, paths, () => undefined);
    expect(config.validateConstraints).toBeUndefined();
    const fromManifest = await buildFiles(sources, { ...config, validateConstraints: true }, paths);
    expect(fromManifest).toEqual(await generateInMemory(undefined, undefined, [], withConstraints));
    const manifest = {
      client: { clientName: "IdentityRestClient", validateConstraints: true },
      generate: ["2021-03-07"],
      versions: [{ apiVersion: "2021-03-07", status: "stable", path: "a/spec.json", sha256: { "a/spec.json": "0".repeat(64) } }],
    };
    expect(validateManifest(manifest)).toEqual(manifest);
    expect(() => validateManifest({ ...manifest, client: { clientName: "IdentityRestClient", validateConstraints: "yes" } })).toThrow(
      "spec/manifest.json#/client/validateConstraints: invalid manifest: must be of type boolean",
    );
  });

  it("--help documents the flag", async () => {
    const result = await cli(["--help"]);
    expect(result.stdout).toContain(
      "  --validate-constraints check the service's constraints (ranges, lengths, patterns,\n" +
        "                         required body properties) before sending; default: the\n" +
        "                         manifest's client.validateConstraints, else off\n",
    );
  });
});

describe("a small spec both ways: query range, body pattern and item count, a required property, a required client parameter", () => {
  const spec = {
    swagger: "2.0",
    info: { title: "Gadgets", version: "2024-01-01" },
    host: "example.com",
    schemes: ["https"],
    paths: {
      "/tenants/{tenant}/gadgets/{name}": {
        put: {
          operationId: "Gadgets_Put",
          parameters: [
            { $ref: "#/parameters/Tenant" },
            { name: "name", in: "path", required: true, type: "string", maxLength: 5 },
            { name: "gadget", in: "body", required: true, schema: { $ref: "#/definitions/Gadget" } },
            { name: "top", in: "query", type: "integer", minimum: 1, maximum: 10 },
            { $ref: "#/parameters/ApiVersion" },
          ],
          responses: {
            "200": { description: "Stored" },
            default: { description: "Error", schema: { $ref: "#/definitions/ErrorResponse" } },
          },
        },
      },
    },
    parameters: {
      ApiVersion: { name: "api-version", in: "query", required: true, type: "string" },
      Tenant: { name: "tenant", in: "path", required: true, type: "string" },
    },
    definitions: {
      Gadget: {
        type: "object",
        required: ["label"],
        properties: {
          label: { type: "string", pattern: "^[a-z]+$" },
          tags: { type: "array", items: { type: "string" }, minItems: 1 },
        },
      },
      ErrorResponse: {
        type: "object",
        properties: { error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } } },
      },
    },
  };
  type Put = (context: unknown, name: string, gadget: unknown, options?: { top?: number }) => Promise<void>;
  type Client = new (
    endpoint: string,
    tenant: string,
    options: unknown,
  ) => { gadgets: { put: (name: string, gadget: unknown, options?: { top?: number }) => Promise<void> } };
  let server: LoopbackServer | undefined;
  let endpoint = "";
  const requests: string[] = [];
  let unchecked: Array<{ path: string; content: string }> = [];
  let checked: Array<{ path: string; content: string }> = [];
  let plain: Record<string, unknown> = {};
  let strict: Record<string, unknown> = {};
  const context = () => ({
    endpoint,
    apiVersion: "2024-01-01",
    tenant: "t1",
    pipeline: loopbackPipeline(),
    httpClient: createDefaultHttpClient(),
  });
  const loopbackPipeline = (): Pipeline => {
    const pipeline = createEmptyPipeline();
    pipeline.addPolicy(allowPlainHttpPolicy());
    return pipeline;
  };
  const bad = { label: "Not Lower", tags: [] };

  beforeAll(async () => {
    const file = join(work, "gadgets.json");
    writeFileSync(file, JSON.stringify(spec, null, 2));
    unchecked = await generateInMemory(file, work);
    checked = await generateInMemory(file, work, [], withConstraints);
    plain = await importGenerated(join(work, "gadgets"), unchecked);
    strict = await importGenerated(join(work, "gadgets-checked"), checked);
    server = await startLoopbackServer(
      withBody((request, response, body) => {
        requests.push(`${request.method} ${request.url} ${body}`);
        response.writeHead(400, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { code: "InvalidGadget", message: "The gadget is invalid." } }));
      }),
    );
    endpoint = server.url;
  });

  afterAll(async () => {
    await server?.close();
  });

  it("both outputs compile (strict); only the checked one has validators.ts and the constraint helpers", () => {
    expect(typecheckFiles("constraints-off", unchecked)).toEqual([]);
    expect(typecheckFiles("constraints-on", checked)).toEqual([]);
    expect(unchecked.map((f) => f.path)).not.toContain("src/validators.ts");
    expect(checked.map((f) => f.path)).toContain("src/validators.ts");
    expect(unchecked.find((f) => f.path === "src/runtime.ts")?.content).not.toMatch(constraintHelpers);
    expect(checked.find((f) => f.path === "src/runtime.ts")?.content).toMatch(constraintHelpers);
  });

  it("off: every value is sent as given and the server's 400 is a RestError with its code and message", async () => {
    requests.length = 0;
    const error = await rejection((plain["gadgetsPut"] as Put)(context(), "toolongname", bad, { top: 11 }));
    expect(restErrorOf(error)).toEqual([true, 400, "InvalidGadget", "The gadget is invalid."]);
    const missingLabel = await rejection((plain["gadgetsPut"] as Put)(context(), "g", {}));
    expect(restErrorOf(missingLabel)).toEqual([true, 400, "InvalidGadget", "The gadget is invalid."]);
    expect(requests).toEqual([
      'PUT /tenants/t1/gadgets/toolongname?top=11&api-version=2024-01-01 {"label":"Not Lower","tags":[]}',
      "PUT /tenants/t1/gadgets/g?api-version=2024-01-01 {}",
    ]);
  });

  it("on: the first failing check throws its exact message, and nothing is sent", async () => {
    requests.length = 0;
    const put = strict["gadgetsPut"] as Put;
    await expect(put(context(), "toolongname", { label: "ok" })).rejects.toThrow(new RangeError("name length must be <= 5, got 11"));
    await expect(put(context(), "g", { label: "ok" }, { top: 11 })).rejects.toThrow(new RangeError("top must be within [1, 10], got 11"));
    await expect(put(context(), "g", { label: "Not Lower" })).rejects.toThrow(
      new RangeError("gadget.label must match the pattern ^[a-z]+$"),
    );
    await expect(put(context(), "g", { label: "ok", tags: [] })).rejects.toThrow(
      new RangeError("gadget.tags item count must be >= 1, got 0"),
    );
    await expect(put(context(), "g", {})).rejects.toThrow(new TypeError("gadget.label is required"));
    expect(requests).toEqual([]);
  });

  it("both ways: a missing path parameter or body, and a missing required client parameter, are TypeErrors; nothing is sent", async () => {
    requests.length = 0;
    for (const mod of [plain, strict]) {
      const put = mod["gadgetsPut"] as Put;
      await expect(put(context(), undefined as unknown as string, { label: "ok" })).rejects.toThrow(new TypeError("name is required"));
      await expect(put(context(), "g", undefined)).rejects.toThrow(new TypeError("gadget is required"));
      const Core = mod["GadgetsCore"] as Client;
      expect(
        () => new Core(endpoint, undefined as unknown as string, { pipeline: loopbackPipeline(), httpClient: createDefaultHttpClient() }),
      ).toThrow(new TypeError("tenant is required"));
    }
    expect(requests).toEqual([]);
  });
});
