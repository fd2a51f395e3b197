/**
 * Recording the wire contract must never turn a broken call into the contract: an outcome a case
 * does not expect (the emulator's 400 UnsupportedApiVersion above all) aborts the recording.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RestError } from "@azure/core-rest-pipeline";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { resolveVersionSources } from "../../emulator/index.js";
import { ApiVersionMismatchError } from "../../src/index.js";
import { DEFAULT_VERSION, KNOWN_VERSIONS } from "../fixtures/manifestVersions.js";
import { CASES, recordCase, unexpectedOutcome, type CaseDef } from "./record.js";

function caseNamed(name: string): CaseDef {
  const found = CASES.find((c) => c.name === name);
  if (found === undefined) throw new Error(`no case ${name}`);
  return found;
}

/** The newest version of spec/manifest.json: the client's default. */
const NEWEST = DEFAULT_VERSION;

/** The repository's manifest without its newest version, as if the emulator had not been told about it. */
let dir: string;
let withoutNewest: { manifestFile: string; specsRoot: string };

beforeAll(() => {
  const repo = resolveVersionSources();
  dir = mkdtempSync(join(tmpdir(), "acs-wire-guard-"));
  const manifest = JSON.parse(readFileSync(repo.manifestFile, "utf8")) as { generate: string[]; versions: Array<{ apiVersion: string }> };
  manifest.generate = manifest.generate.filter((v) => v !== NEWEST);
  manifest.versions = manifest.versions.filter((v) => v.apiVersion !== NEWEST);
  mkdirSync(join(dir, "spec"));
  const manifestFile = join(dir, "spec", "manifest.json");
  writeFileSync(manifestFile, JSON.stringify(manifest, null, 2));
  withoutNewest = { manifestFile, specsRoot: repo.specsRoot };
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const OLD_VERSIONS = KNOWN_VERSIONS.filter((v) => v !== NEWEST).join(", ");

describe("recording the wire contract", () => {
  it("refuses to record an unsupported-version answer, naming the case and the version", async () => {
    await expect(recordCase(caseNamed("createUser connectionString"), NEWEST, withoutNewest)).rejects.toThrow(
      [
        `wire contract: case "createUser connectionString" on api-version ${NEWEST} failed unexpectedly: the service answered 400 UnsupportedApiVersion: The api-version '${NEWEST}' is not supported. Supported versions: ${OLD_VERSIONS}.`,
        "  The case may end only with: success, ApiVersionMismatchError before sending.",
        `  Nothing was recorded. Fix the emulator (does it serve ${NEWEST}? see describeVersionSupport in emulator/)`,
        "  or declare the error on the case in test/wire/record.ts.",
      ].join("\n"),
    );
  });

  it("refuses it even on a case that expects other service errors", async () => {
    await expect(recordCase(caseNamed("getToken scopes=[chat]"), "default", withoutNewest)).rejects.toThrow(
      new RegExp(
        `^wire contract: case "getToken scopes=\\[chat\\]" on api-version default \\(${NEWEST}\\) failed unexpectedly: the service answered 400 UnsupportedApiVersion: .*\\n {2}The case may end only with: success, ApiVersionMismatchError before sending, 400 ValidationError \\(when the api-version's token scope enum lacks a requested scope\\)\\.\\n`,
      ),
    );
  });

  it("records the errors a case expects: a refusal before sending, a declared service error", async () => {
    const refused = await recordCase(caseNamed("getUserDetail"), "2021-03-07");
    expect([refused.outcome, refused.requests.length, refused.error]).toEqual([
      "error",
      0,
      "ApiVersionMismatchError: getUserDetail is not supported by api-version 2021-03-07 (supported in 2025-03-02-preview)",
    ]);
    const rejected = await recordCase(caseNamed("getToken scopes=[voip.join]"), "2021-03-07");
    expect([rejected.outcome, rejected.requests.length, rejected.error]).toEqual([
      "error",
      1,
      "RestError 400: Invalid scopes - 'voip.join' is not a valid scope in api-version '2021-03-07'.",
    ]);
  });
});

describe("unexpectedOutcome", () => {
  const scopes = caseNamed("createUserAndToken scopes=[chat.join]");
  const plain = caseNamed("createUser connectionString");
  const validation = new RestError("Invalid scopes", { statusCode: 400, code: "ValidationError" });

  it("accepts a refusal before sending and the declared service errors", () => {
    expect(
      unexpectedOutcome(plain, "2021-03-07", new ApiVersionMismatchError("2021-03-07", "createUser", ["2025-03-02-preview"]), 0),
    ).toBeUndefined();
    expect(unexpectedOutcome(scopes, "2021-03-07", validation, 1)).toBeUndefined();
  });

  it("refuses an undeclared service error, another status, a refusal after sending and any other error", () => {
    expect(unexpectedOutcome(plain, "2021-03-07", validation, 1)?.split("\n")[0]).toBe(
      'wire contract: case "createUser connectionString" on api-version 2021-03-07 failed unexpectedly: the service answered 400 ValidationError: Invalid scopes',
    );
    expect(
      unexpectedOutcome(scopes, "2021-03-07", new RestError("boom", { statusCode: 500, code: "InternalServerError" }), 1)?.split("\n")[0],
    ).toBe(
      'wire contract: case "createUserAndToken scopes=[chat.join]" on api-version 2021-03-07 failed unexpectedly: the service answered 500 InternalServerError: boom',
    );
    expect(unexpectedOutcome(plain, "2021-03-07", new ApiVersionMismatchError("2021-03-07", "createUser", []), 1)?.split("\n")[0]).toMatch(
      /^wire contract: case "createUser connectionString" on api-version 2021-03-07 failed unexpectedly: ApiVersionMismatchError: .* \(after 1 request\)$/,
    );
    expect(unexpectedOutcome(plain, "2021-03-07", new TypeError("fetch failed"), 0)?.split("\n")[0]).toBe(
      'wire contract: case "createUser connectionString" on api-version 2021-03-07 failed unexpectedly: TypeError: fetch failed (after 0 requests)',
    );
  });
});
