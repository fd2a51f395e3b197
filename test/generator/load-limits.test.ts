// Issue 10 items 6 and 7: $ref loops, deep nesting and unbounded remote documents end in a
// `file#pointer` error and a non-zero exit, never in a stack overflow or a run that never ends.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { parseCliArgs } from "../../generator/cli/args.js";
import { run } from "../../generator/cli/main.js";
import { GeneratorError } from "../../generator/errors.js";
import { loadSpec } from "../../generator/load/index.js";
import { MAX_NESTING, MAX_REF_CHAIN, MAX_SCHEMA_NESTING, tooDeepAt } from "../../generator/load/limits.js";
import { startLoopbackServer, type LoopbackServer } from "../fixtures/loopbackServer.js";

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const launcher = join(repoRoot, "generator", "cli", "launch.mjs");

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), "acs-load-limits-"));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** A Swagger 2.0 document with one operation returning `#/definitions/A`, and `definitions`. */
function spec(definitions: Record<string, unknown>): string {
  return JSON.stringify({
    swagger: "2.0",
    info: { title: "Limits", version: "1.0.0" },
    paths: { "/a": { get: { operationId: "A_Get", responses: { "200": { description: "ok", schema: { $ref: "#/definitions/A" } } } } } },
    definitions,
  });
}

/** Write `files` into a fresh folder under tmp; returns the folder. */
function folder(name: string, files: Record<string, string>): string {
  const dir = join(tmp, name);
  mkdirSync(dir);
  for (const [file, text] of Object.entries(files)) writeFileSync(join(dir, file), text);
  return dir;
}

/** `npm run generate -- --spec <dir>/spec.json --out <dir>/out` as a real process. */
function generate(dir: string, ...extra: string[]) {
  const result = spawnSync(process.execPath, [launcher, "--spec", join(dir, "spec.json"), "--out", join(dir, "out"), ...extra], {
    cwd: repoRoot,
    encoding: "utf8",
  });
  return { status: result.status, stderr: result.stderr, stdout: result.stdout };
}

async function loadError(dir: string): Promise<string> {
  try {
    await loadSpec(join(dir, "spec.json"));
  } catch (err) {
    expect(err).toBeInstanceOf(GeneratorError);
    return (err as Error).message;
  }
  throw new Error(`expected ${dir}/spec.json to fail`);
}

/** `A0 → A1 → … → A<links-1> → { type: string }`: a chain of `links` $refs from the operation (A is A0). */
function refChain(links: number): Record<string, unknown> {
  const definitions: Record<string, unknown> = {};
  for (let i = 0; i < links - 1; i++) definitions[i === 0 ? "A" : `A${i}`] = { $ref: `#/definitions/A${i + 1}` };
  definitions[`A${links - 1}`] = { type: "string" };
  return definitions;
}

/** `levels` object schemas, each the only property `x` of the one before, as JSON text (too deep for JSON.stringify). */
function deepInline(levels: number): string {
  const open = '{"type":"object","properties":{"x":';
  return spec({ A: "@" }).replace('"@"', open.repeat(levels) + '{"type":"string"}' + "}}".repeat(levels));
}

describe("$ref loops with no schema in between", () => {
  it("A → A: error at the definition, exit 1, no stack trace (real CLI process)", () => {
    const dir = folder("self", { "spec.json": spec({ A: { $ref: "#/definitions/A" } }) });
    expect(generate(dir)).toEqual({
      status: 1,
      stdout: "",
      stderr: "error: spec.json#/definitions/A: $ref loop with no schema in between: spec.json#/definitions/A → spec.json#/definitions/A\n",
    });
    expect(existsSync(join(dir, "out"))).toBe(false);
  });

  it("A → B → A: error at the first definition of the loop reached (real CLI process)", () => {
    const dir = folder("pair", { "spec.json": spec({ A: { $ref: "#/definitions/B" }, B: { $ref: "#/definitions/A" } }) });
    expect(generate(dir)).toEqual({
      status: 1,
      stdout: "",
      stderr:
        "error: spec.json#/definitions/A: $ref loop with no schema in between: spec.json#/definitions/A → spec.json#/definitions/B → spec.json#/definitions/A\n",
    });
  });

  it("a loop across two files names each link's file", async () => {
    const other = JSON.stringify({
      swagger: "2.0",
      info: { title: "Other", version: "1.0.0" },
      paths: {},
      definitions: { B: { $ref: "spec.json#/definitions/A" } },
    });
    const dir = folder("cross", { "spec.json": spec({ A: { $ref: "other.json#/definitions/B" } }), "other.json": other });
    expect(await loadError(dir)).toBe(
      "spec.json#/definitions/A: $ref loop with no schema in between: spec.json#/definitions/A → other.json#/definitions/B → spec.json#/definitions/A",
    );
  });

  it("a recursive model through a property (Node with children: Node[]) is not a loop: it generates", () => {
    const node = {
      type: "object",
      properties: {
        name: { type: "string" },
        children: { type: "array", items: { $ref: "#/definitions/A" } },
        parent: { $ref: "#/definitions/A" },
      },
    };
    const dir = folder("node", { "spec.json": spec({ A: node }) });
    const result = generate(dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    const models = readFileSync(join(dir, "out", "src", "models.ts"), "utf8");
    expect(models).toContain("children?: A[];");
    expect(models).toContain("parent?: A;");
  });
});

describe(`chains of $refs: at most ${MAX_REF_CHAIN} links`, () => {
  it("a 10,000-link chain: error at its start naming link 101, exit 1 (real CLI process)", () => {
    const dir = folder("chain10000", { "spec.json": spec(refChain(10_000)) });
    expect(generate(dir)).toEqual({
      status: 1,
      stdout: "",
      stderr:
        "error: spec.json#/paths/~1a/get/responses/200/schema: $ref chain is longer than 100 links (a $ref to a $ref to a $ref ...); link 101 is at spec.json#/definitions/A99\n",
    });
  });

  it("exactly 100 links load; 101 do not", async () => {
    // the operation's $ref is link 1, so refChain(n) holds n links
    const ok = folder("chain100", { "spec.json": spec(refChain(100)) });
    expect(Object.keys((await loadSpec(join(ok, "spec.json"))).documents)).toEqual(["spec.json"]);
    const tooLong = folder("chain101", { "spec.json": spec(refChain(101)) });
    expect(await loadError(tooLong)).toBe(
      "spec.json#/paths/~1a/get/responses/200/schema: $ref chain is longer than 100 links (a $ref to a $ref to a $ref ...); link 101 is at spec.json#/definitions/A99",
    );
  });
});

describe(`nesting: at most ${MAX_NESTING} levels of objects and arrays per document`, () => {
  it("a 3,000-level inline schema: error at the first value too deep, exit 1 (real CLI process)", () => {
    const dir = folder("deep3000", { "spec.json": deepInline(3000) });
    // the document is level 1, definitions 2, A 3; each properties/x adds two levels: x number 127 is level 257
    const pointer = "/definitions/A" + "/properties/x".repeat(127);
    expect(generate(dir)).toEqual({
      status: 1,
      stdout: "",
      stderr: `error: spec.json#${pointer}: nested deeper than 256 levels of objects and arrays (the limit)\n`,
    });
  });

  it("in a referenced file, the error names that file and the pointer in it", async () => {
    const common = JSON.stringify({
      swagger: "2.0",
      info: { title: "Common", version: "1.0.0" },
      paths: {},
      definitions: { E: "@" },
    }).replace('"@"', '{"type":"array","items":'.repeat(400) + '{"type":"string"}' + "}".repeat(400));
    const dir = folder("deepfile", { "spec.json": spec({ A: { $ref: "common.json#/definitions/E" } }), "common.json": common });
    // common.json: document 1, definitions 2, E 3; items number 254 is level 257
    expect(await loadError(dir)).toBe(
      `common.json#/definitions/E${"/items".repeat(254)}: nested deeper than 256 levels of objects and arrays (the limit)`,
    );
  });

  it("a 20,000-level YAML document, too deep for the YAML parser itself: an error naming the file", async () => {
    const open = "{type: object, properties: {x: ";
    const yaml = `swagger: "2.0"\ninfo: {title: Deep, version: "1.0.0"}\npaths: {}\ndefinitions:\n  A: ${open.repeat(20_000)}{type: string}${"}}".repeat(20_000)}\n`;
    const dir = folder("deepyaml", { "spec.yaml": yaml });
    await expect(loadSpec(join(dir, "spec.yaml"))).rejects.toThrow(
      new GeneratorError("spec.yaml", "", "cannot parse YAML: nested too deeply to parse (the limit is 256 levels of objects and arrays)"),
    );
  });

  it("tooDeepAt: exactly the limit passes, one more level is reported (first in key order)", () => {
    let value: unknown = 1;
    for (let i = 0; i < 3; i++) value = { k: value };
    expect(tooDeepAt(value as never, 3)).toBeUndefined();
    expect(tooDeepAt({ a: [1], b: { c: { d: {} } } } as never, 3)).toEqual(["b", "c", "d"]);
    expect(tooDeepAt([[[[]]]] as never, 3)).toEqual([0, 0, 0]);
  });
});

describe(`the model stage: schemas nested at most ${MAX_SCHEMA_NESTING} levels`, () => {
  /** A → A1 → … each an object whose property x is the next, `count` models (in reverse document order when `reversed`). */
  function modelChain(count: number, reversed = false): Record<string, unknown> {
    const names = Array.from({ length: count }, (_, i) => (i === 0 ? "A" : `A${i}`));
    const entries = names.map((name, i): [string, unknown] => [
      name,
      { type: "object", properties: { x: i < count - 1 ? { $ref: `#/definitions/${names[i + 1]}` } : { type: "string" } } },
    ]);
    return Object.fromEntries(reversed ? entries.reverse() : entries);
  }

  it("300 models each holding the next, built from the first: error where the limit is passed, exit 1 (real CLI process)", () => {
    const dir = folder("models300", { "spec.json": spec(modelChain(300)) });
    expect(generate(dir)).toEqual({
      status: 1,
      stdout: "",
      stderr:
        "error: spec.json#/definitions/A256/properties/x: schemas nested deeper than 256 levels (the limit), counting properties, items, additionalProperties, allOf and $ref targets\n",
    });
  });

  it("3,000 such models listed last first are built one level deep each, and generate (usage is marked without recursion)", () => {
    const dir = folder("models3000", { "spec.json": spec(modelChain(3000, true)) });
    const result = generate(dir);
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(readFileSync(join(dir, "out", "src", "models.ts"), "utf8")).toContain("export interface A2999 {");
  });
});

describe("remote documents: a time limit and a size limit each", () => {
  let server: LoopbackServer;
  let base: string;
  beforeAll(async () => {
    server = await startLoopbackServer((req, res) => {
      if (req.url === "/endless.json") {
        // headers and a first byte, then nothing, forever
        res.writeHead(200, { "content-type": "application/json" });
        res.write("{");
      } else if (req.url === "/silent.json") {
        // not even headers
      } else if (req.url === "/large.json" || req.url === "/declared.json") {
        const body = JSON.stringify({
          swagger: "2.0",
          info: { title: "L", version: "1" },
          paths: {},
          definitions: { E: { type: "string", description: "x".repeat(5000) } },
        });
        if (req.url === "/declared.json") res.writeHead(200, { "content-length": String(Buffer.byteLength(body)) }).end(body);
        else {
          // chunked, no content-length: only counting the bytes finds it out
          res.writeHead(200);
          for (let i = 0; i < body.length; i += 1000) res.write(body.slice(i, i + 1000));
          res.end();
        }
      } else res.writeHead(404).end();
    });
    base = server.url;
  });
  afterAll(() => server.close());

  async function cli(file: string, ...flags: string[]) {
    const dir = folder(`remote-${file}-${flags.join("")}`, { "spec.json": spec({ A: { $ref: `${base}/${file}#/definitions/E` } }) });
    let stdout = "";
    let stderr = "";
    const code = await run(
      ["--spec", join(dir, "spec.json"), "--out", join(dir, "out"), "--allow-remote-refs", ...flags],
      {},
      {
        stdout: (t) => (stdout += t),
        stderr: (t) => (stderr += t),
      },
    );
    return { code, stdout, stderr, wrote: existsSync(join(dir, "out")) };
  }

  it("a body that never ends: --remote-ref-timeout 200 stops it, naming the URL and the limit", async () => {
    expect(await cli("endless.json", "--remote-ref-timeout", "200")).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: spec.json#/definitions/A: $ref "${base}/endless.json#/definitions/E" does not resolve: download failed (no complete response within 200 ms, the limit set by --remote-ref-timeout)\n`,
      wrote: false,
    });
  });

  it("a server that never answers: the same limit", async () => {
    expect(await cli("silent.json", "--remote-ref-timeout", "200")).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: spec.json#/definitions/A: $ref "${base}/silent.json#/definitions/E" does not resolve: download failed (no complete response within 200 ms, the limit set by --remote-ref-timeout)\n`,
      wrote: false,
    });
  });

  it("a body larger than --remote-ref-max-bytes, sent without a length: stopped once past the limit", async () => {
    expect(await cli("large.json", "--remote-ref-max-bytes", "2000")).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: spec.json#/definitions/A: $ref "${base}/large.json#/definitions/E" does not resolve: download failed (larger than 2000 bytes, the limit set by --remote-ref-max-bytes)\n`,
      wrote: false,
    });
  });

  it("a declared content-length over the limit: refused before reading the body", async () => {
    expect(await cli("declared.json", "--remote-ref-max-bytes", "2000")).toEqual({
      code: 1,
      stdout: "",
      stderr: `error: spec.json#/definitions/A: $ref "${base}/declared.json#/definitions/E" does not resolve: download failed (larger than 2000 bytes, the limit set by --remote-ref-max-bytes)\n`,
      wrote: false,
    });
  });

  it("under the limits the same documents load (load API, defaults)", async () => {
    const dir = folder("remote-ok", { "spec.json": spec({ A: { $ref: `${base}/large.json#/definitions/E` } }) });
    const loaded = await loadSpec(join(dir, "spec.json"), { allowRemoteRefs: true });
    expect(Object.keys(loaded.documents)).toEqual(["spec.json", `${base}/large.json`]);
  });

  it("the load API takes the limits as options", async () => {
    const dir = folder("remote-api", { "spec.json": spec({ A: { $ref: `${base}/large.json#/definitions/E` } }) });
    await expect(loadSpec(join(dir, "spec.json"), { allowRemoteRefs: true, remoteRefMaxBytes: 10 })).rejects.toThrow(
      `spec.json#/definitions/A: $ref "${base}/large.json#/definitions/E" does not resolve: download failed (larger than 10 bytes, the limit set by --remote-ref-max-bytes)`,
    );
  });
});

describe("--remote-ref-timeout and --remote-ref-max-bytes on the command line", () => {
  it("parse to numbers; absent, the load defaults apply", () => {
    expect(parseCliArgs(["--remote-ref-timeout", "1500", "--remote-ref-max-bytes", "4096"])).toMatchObject({
      remoteRefTimeoutMs: 1500,
      remoteRefMaxBytes: 4096,
    });
    const plain = parseCliArgs([]);
    expect("remoteRefTimeoutMs" in plain || "remoteRefMaxBytes" in plain).toBe(false);
  });

  it("a value that is not a whole number of at least 1 is a usage error, exit 2", async () => {
    for (const [flag, value] of [
      ["--remote-ref-timeout", "0"],
      ["--remote-ref-timeout", "2s"],
      ["--remote-ref-max-bytes", "-5"],
      ["--remote-ref-max-bytes", "1e6"],
    ] as const) {
      let stderr = "";
      const code = await run([flag, value], {}, { stdout: () => {}, stderr: (t) => (stderr += t) });
      expect({ code, stderr }).toEqual({ code: 2, stderr: `error: option "${flag}" needs a whole number of at least 1, not "${value}"\n` });
    }
  });
});
