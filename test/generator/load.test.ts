import { createHash } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadSpec, rootFor } from "../../generator/load/index.js";
import { resolveRef, resolveRefChain, tryResolveRef } from "../../generator/load/refs.js";
import { GeneratorError } from "../../generator/errors.js";
import { startLoopbackServer } from "../fixtures/loopbackServer.js";

const here = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(here, "..", "..");
const fixtures = join(repoRoot, "test", "fixtures", "load", "root");
const specsRoot = resolve(process.env["ACS_SPECS_ROOT"] || join(repoRoot, "..", "shared", "specs"));
const identity2021 = "specification/communication/data-plane/Identity/stable/2021-03-07/CommunicationIdentity.json";
const common2021 = "specification/communication/data-plane/Common/stable/2021-03-07/common.json";

const sha256 = (path: string): string => createHash("sha256").update(readFileSync(path)).digest("hex");

async function loadError(entry: string, options: Parameters<typeof loadSpec>[1] = { root: fixtures }): Promise<string> {
  try {
    await loadSpec(entry, options);
  } catch (err) {
    expect(err).toBeInstanceOf(GeneratorError);
    return (err as Error).message;
  }
  throw new Error(`expected ${entry} to fail`);
}

describe("loadSpec on the real Identity 2021-03-07 spec", () => {
  it("reads the entry and the Common file it references, relative to the specs root", async () => {
    const spec = await loadSpec(join(specsRoot, identity2021), { specsRoot });
    expect(spec.rootDir).toBe(specsRoot);
    expect(spec.entryFile).toBe(identity2021);
    expect(Object.keys(spec.documents)).toEqual([identity2021, common2021]);
    expect(spec.files).toEqual([
      { path: identity2021, sha256: sha256(join(specsRoot, identity2021)) },
      { path: common2021, sha256: sha256(join(specsRoot, common2021)) },
    ]);
    // documents come back unmodified
    expect(spec.documents[identity2021]).toEqual(JSON.parse(readFileSync(join(specsRoot, identity2021), "utf8")));
  });

  it("reports each missing x-ms-examples file as a warning, not an error", async () => {
    const spec = await loadSpec(join(specsRoot, identity2021), { specsRoot });
    expect(spec.warnings).toEqual([
      {
        code: "missing-example",
        file: identity2021,
        pointer: "/paths/~1identities~1{id}/delete/x-ms-examples/Delete an identity",
        message: 'example file "./examples/DeleteIdentity.json" does not exist',
      },
      {
        code: "missing-example",
        file: identity2021,
        pointer: "/paths/~1identities~1{id}~1:revokeAccessTokens/post/x-ms-examples/Revoke access tokens",
        message: 'example file "./examples/RevokeAccessTokens.json" does not exist',
      },
      {
        code: "missing-example",
        file: identity2021,
        pointer: "/paths/~1identities~1{id}~1:issueAccessToken/post/x-ms-examples/Issue an access token",
        message: 'example file "./examples/IssueAccessToken.json" does not exist',
      },
    ]);
  });

  it("follows the cross-file ref and the recursive innererror with resolveRef", async () => {
    const spec = await loadSpec(join(specsRoot, identity2021), { specsRoot });
    const response = resolveRef(
      spec,
      identity2021,
      "../../../Common/stable/2021-03-07/common.json#/definitions/CommunicationErrorResponse",
    );
    expect(response.file).toBe(common2021);
    expect(response.pointer).toBe("/definitions/CommunicationErrorResponse");
    const error = resolveRef(spec, response.file, "#/definitions/CommunicationError");
    const inner = (error.value as { properties: { innererror: { $ref: string } } }).properties.innererror;
    expect(inner).toEqual({
      $ref: "#/definitions/CommunicationError",
      description: "The inner error if any.",
      readOnly: true,
      "x-ms-client-name": "innerError",
    });
    const again = resolveRefChain(spec, error.file, inner);
    expect(again.file).toBe(common2021);
    expect(again.pointer).toBe("/definitions/CommunicationError");
    expect(again.value).toBe(error.value);
  });

  it("loads every API version in the specs root without error", async () => {
    const versions = [
      "stable/2022-06-01",
      "stable/2022-10-01",
      "stable/2023-10-01",
      "preview/2025-03-02-preview",
      "stable/2025-06-30",
      "stable/2026-09-23",
    ];
    const counts: Record<string, number> = {};
    for (const v of versions) {
      const spec = await loadSpec(join(specsRoot, `specification/communication/data-plane/Identity/${v}/CommunicationIdentity.json`), {
        specsRoot,
      });
      counts[v] = spec.files.length;
    }
    expect(counts).toEqual({
      "stable/2022-06-01": 2,
      "stable/2022-10-01": 2,
      "stable/2023-10-01": 2,
      "preview/2025-03-02-preview": 2,
      "stable/2025-06-30": 1,
      "stable/2026-09-23": 1,
    });
  });
});

describe("loadSpec on small fixtures", () => {
  it("resolves cross-file refs and checks (but never reads) x-ms-examples files", async () => {
    const spec = await loadSpec(join(fixtures, "api/spec.json"), { root: fixtures });
    expect(spec.rootDir).toBe(fixtures);
    expect(Object.keys(spec.documents)).toEqual(["api/spec.json", "common/common.json"]);
    expect(spec.files.map((f) => f.path)).toEqual(["api/spec.json", "common/common.json"]);
    expect(spec.warnings).toEqual([
      {
        code: "missing-example",
        file: "api/spec.json",
        pointer: "/paths/~1widgets/get/x-ms-examples/Missing",
        message: 'example file "./examples/Missing.json" does not exist',
      },
    ]);
  });

  it("reads YAML specs, including a self-recursive schema", async () => {
    const spec = await loadSpec(join(fixtures, "api/spec.yaml"), { root: fixtures });
    expect(Object.keys(spec.documents)).toEqual(["api/spec.yaml", "common/common.json"]);
    const widget = resolveRef(spec, "api/spec.yaml", "#/definitions/Widget");
    expect(widget.value).toEqual({
      type: "object",
      properties: { name: { type: "string" }, parts: { type: "array", items: { $ref: "#/definitions/Widget" } } },
    });
    expect(spec.files[0]).toEqual({ path: "api/spec.yaml", sha256: sha256(join(fixtures, "api/spec.yaml")) });
  });

  it("defaults the root to the specs root when the spec lies in it, else to the spec's folder", () => {
    expect(rootFor(join(fixtures, "api/spec.json"), { specsRoot: fixtures })).toBe(fixtures);
    expect(rootFor(join(fixtures, "api/spec.json"), { specsRoot: specsRoot })).toBe(join(fixtures, "api"));
    expect(rootFor(join(fixtures, "api/spec.json"))).toBe(join(fixtures, "api"));
    expect(rootFor(join(fixtures, "api/spec.json"), { root: repoRoot, specsRoot: fixtures })).toBe(repoRoot);
  });
});

describe("loadSpec errors name the file, the JSON pointer and what is wrong", () => {
  it("a document that is not valid Swagger 2.0", async () => {
    expect(await loadError(join(fixtures, "bad/invalid.json"))).toBe(
      'bad/invalid.json#/paths/~1widgets/get/responses/200: not valid Swagger 2.0: missing required property "description"',
    );
  });

  it("an invalid document reached through a $ref", async () => {
    expect(await loadError(join(fixtures, "bad/refs-invalid.json"))).toBe(
      'bad/invalid.json#/paths/~1widgets/get/responses/200: not valid Swagger 2.0: missing required property "description"',
    );
  });

  it("a $ref to a missing file", async () => {
    expect(await loadError(join(fixtures, "bad/missing-file.json"))).toBe(
      'bad/missing-file.json#/paths/~1widgets/get/responses/200/schema: $ref "../common/nope.json#/definitions/Error" does not resolve: file "common/nope.json" does not exist',
    );
  });

  it("a $ref to a missing definition", async () => {
    expect(await loadError(join(fixtures, "bad/missing-def.json"))).toBe(
      'bad/missing-def.json#/paths/~1widgets/get/responses/200/schema: $ref "#/definitions/Nope" does not resolve: no such definition',
    );
  });

  it("a $ref leaving the root folder", async () => {
    expect(await loadError(join(fixtures, "bad/escape.json"))).toBe(
      'bad/escape.json#/definitions/Secret: $ref "../../../../etc/passwd" points outside the root folder (use --root to widen it)',
    );
  });

  it("a cross-file $ref leaving the default root (the spec's own folder)", async () => {
    expect(await loadError(join(fixtures, "api/spec.json"), {})).toBe(
      'spec.json#/definitions/Widget/properties/error: $ref "../common/common.json#/definitions/Error" points outside the root folder (use --root to widen it)',
    );
  });

  it("a remote $ref, refused by default", async () => {
    expect(await loadError(join(fixtures, "bad/remote.json"))).toBe(
      'bad/remote.json#/definitions/Remote: $ref "https://example.com/schemas/common.json#/definitions/Error" is refused: remote references need --allow-remote-refs',
    );
  });

  it("an OpenAPI document of a version other than 3.0 and 3.1", async () => {
    expect(await loadError(join(fixtures, "bad/openapi4.json"))).toBe(
      "bad/openapi4.json#/openapi: OpenAPI 4.0.0 is not supported (OpenAPI 3.0.x and 3.1.x are)",
    );
  });

  it("a file that is not JSON", async () => {
    expect(await loadError(join(fixtures, "bad/broken.json"))).toBe(
      "bad/broken.json#: cannot parse JSON: Expected double-quoted property name in JSON at position 21",
    );
  });

  it("an entry that is a folder", async () => {
    expect(await loadError(join(fixtures, "api"), {})).toBe('api#: cannot read file "api" (EISDIR)');
  });

  it("an entry outside the given root", async () => {
    expect(await loadError(join(fixtures, "api/spec.json"), { root: join(fixtures, "common") })).toBe(
      `../api/spec.json#: the spec lies outside the root folder ${join(fixtures, "common")}`,
    );
  });

  it("a missing entry file", async () => {
    expect(await loadError(join(fixtures, "bad/nothere.json"))).toBe("bad/nothere.json#: file does not exist");
  });
});

describe("loadSpec with temporary specs", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "acs-load-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const minimal = (extra: object): string => JSON.stringify({ swagger: "2.0", info: { title: "T", version: "1" }, paths: {}, ...extra });

  it("refuses a symbolic link that leads outside the root", async () => {
    const root = join(dir, "linkroot");
    mkdirSync(root);
    writeFileSync(join(dir, "outside.json"), minimal({ definitions: { X: { type: "string" } } }));
    symlinkSync(join(dir, "outside.json"), join(root, "inside.json"));
    writeFileSync(join(root, "spec.json"), minimal({ definitions: { A: { $ref: "./inside.json#/definitions/X" } } }));
    expect(await loadError(join(root, "spec.json"), { root })).toBe(
      'spec.json#/definitions/A: $ref "./inside.json#/definitions/X" points outside the root folder (through a symbolic link)',
    );
  });

  it("never shows credentials of a remote ref", async () => {
    const root = join(dir, "secret");
    mkdirSync(root);
    writeFileSync(
      join(root, "spec.json"),
      minimal({ definitions: { A: { $ref: "https://user:pw@example.com/c.json?sig=abc123&sv=2024#/definitions/E" } } }),
    );
    expect(await loadError(join(root, "spec.json"), { root })).toBe(
      'spec.json#/definitions/A: $ref "https://***:***@example.com/c.json?sig=***&sv=***#/definitions/E" is refused: remote references need --allow-remote-refs',
    );
  });

  it.each(["file:///etc/passwd#/definitions/A", "/etc/passwd#/definitions/A"])("refuses an absolute $ref %s", async (ref) => {
    const root = join(dir, `abs-${ref.length}`);
    mkdirSync(root);
    writeFileSync(join(root, "spec.json"), minimal({ definitions: { A: { $ref: ref } } }));
    expect(await loadError(join(root, "spec.json"), { root })).toBe(
      `spec.json#/definitions/A: $ref "${ref}" is not supported: use a path relative to the file`,
    );
  });

  it("gives each x-ms-examples warning a code: missing-example, example-outside-root, remote-example", async () => {
    const root = join(dir, "example-codes");
    mkdirSync(join(root, "examples"), { recursive: true });
    writeFileSync(join(root, "examples", "Here.json"), "{}");
    const examples = {
      Here: { $ref: "./examples/Here.json" },
      Gone: { $ref: "./examples/Gone.json" },
      Outside: { $ref: "../Outside.json" },
      Remote: { $ref: "https://example.com/Remote.json" },
    };
    const paths = { "/w": { get: { responses: { "200": { description: "OK" } }, "x-ms-examples": examples } } };
    writeFileSync(join(root, "spec.json"), minimal({ paths }));
    const spec = await loadSpec(join(root, "spec.json"), { root });
    expect(spec.warnings).toEqual([
      {
        code: "missing-example",
        file: "spec.json",
        pointer: "/paths/~1w/get/x-ms-examples/Gone",
        message: 'example file "./examples/Gone.json" does not exist',
      },
      {
        code: "example-outside-root",
        file: "spec.json",
        pointer: "/paths/~1w/get/x-ms-examples/Outside",
        message: 'example file "../Outside.json" is outside the root folder; not checked',
      },
      {
        code: "remote-example",
        file: "spec.json",
        pointer: "/paths/~1w/get/x-ms-examples/Remote",
        message: 'example "https://example.com/Remote.json" is remote; not checked',
      },
    ]);
  });

  it("refuses other URL schemes like http ones", async () => {
    const root = join(dir, "ftp");
    mkdirSync(root);
    writeFileSync(join(root, "spec.json"), minimal({ definitions: { A: { $ref: "ftp://example.com/c.json#/definitions/E" } } }));
    expect(await loadError(join(root, "spec.json"), { root })).toBe(
      'spec.json#/definitions/A: $ref "ftp://example.com/c.json#/definitions/E" is refused: remote references need --allow-remote-refs',
    );
  });

  it("keys a downloaded document by its URL without the token", async () => {
    const server = await startLoopbackServer((req, res) => {
      if ((req.url ?? "").split("?")[0] === "/common.json") res.end(minimal({ definitions: { E: { type: "object" } } }));
      else res.writeHead(404).end();
    });
    try {
      const base = `${server.url}/common.json`;
      const root = join(dir, "sas");
      mkdirSync(root);
      writeFileSync(join(root, "spec.json"), minimal({ definitions: { A: { $ref: `${base}?sig=s3cret#/definitions/E` } } }));
      const spec = await loadSpec(join(root, "spec.json"), { root, allowRemoteRefs: true });
      expect(Object.keys(spec.documents)).toEqual(["spec.json", `${base}?sig=***`]);
      expect(spec.files.map((f) => f.path)).toEqual(["spec.json", `${base}?sig=***`]);
      expect(resolveRef(spec, "spec.json", `${base}?sig=s3cret#/definitions/E`).value).toEqual({ type: "object" });
    } finally {
      await server.close();
    }
  });

  it("follows remote refs when allowed, and hashes what it downloaded", async () => {
    const common = minimal({ definitions: { E: { type: "object" } } });
    const server = await startLoopbackServer((req, res) => {
      if ((req.url ?? "").split("?")[0] === "/common.json") res.end(common);
      else res.writeHead(404).end();
    });
    try {
      const url = `${server.url}/common.json`;
      const root = join(dir, "remote");
      mkdirSync(root);
      writeFileSync(join(root, "spec.json"), minimal({ definitions: { A: { $ref: `${url}#/definitions/E` } } }));
      const spec = await loadSpec(join(root, "spec.json"), { root, allowRemoteRefs: true });
      expect(Object.keys(spec.documents)).toEqual(["spec.json", url]);
      expect(spec.files[1]).toEqual({ path: url, sha256: createHash("sha256").update(common).digest("hex") });
      expect(resolveRef(spec, "spec.json", `${url}#/definitions/E`).value).toEqual({ type: "object" });
    } finally {
      await server.close();
    }
  });
});

describe("refs helpers", () => {
  const docs = {
    documents: {
      "a/x.json": {
        definitions: {
          A: { $ref: "#/definitions/B" },
          B: { $ref: "../b/y.json#/definitions/C" },
          Loop: { $ref: "#/definitions/Loop2" },
          Loop2: { $ref: "#/definitions/Loop" },
        },
      },
      "b/y.json": { definitions: { C: { type: "string" }, "with/slash": { type: "integer" } } },
    },
  };

  it("follows a chain of refs across files", () => {
    expect(resolveRefChain(docs, "a/x.json", { $ref: "#/definitions/A" })).toEqual({
      file: "b/y.json",
      pointer: "/definitions/C",
      value: { type: "string" },
    });
  });

  it("unescapes pointer segments", () => {
    expect(resolveRef(docs, "a/x.json", "../b/y.json#/definitions/with~1slash").value).toEqual({ type: "integer" });
  });

  it("rejects a cycle of pure refs", () => {
    expect(() => resolveRefChain(docs, "a/x.json", { $ref: "#/definitions/Loop" }, "/definitions/Start")).toThrow(
      "a/x.json#/definitions/Start: $ref chain is circular (through a/x.json#/definitions/Loop)",
    );
  });

  it("explains what does not resolve", () => {
    expect(tryResolveRef(docs, "a/x.json", "#/parameters/P")).toEqual({ ok: false, file: "a/x.json", problem: "no such parameter" });
    expect(tryResolveRef(docs, "a/x.json", "#definitions/A")).toEqual({
      ok: false,
      file: "a/x.json",
      problem: '"definitions/A" is not a JSON pointer (it must start with "/")',
    });
    expect(() => resolveRef(docs, "a/x.json", "../c/z.json#/definitions/C", "/definitions/D")).toThrow(
      'a/x.json#/definitions/D: $ref "../c/z.json#/definitions/C" does not resolve: file "c/z.json" was not loaded',
    );
  });
});
