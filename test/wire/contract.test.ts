/**
 * The wire contract: records what every public client method sends against the emulator and
 * compares it with review/wire-contract.json. Any difference fails; the message lists it as
 * `npm run diff -- wire` would and says how to accept it.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { renderWireContract } from "../../generator/diff/wireContract.js";
import { contractMismatch, UPDATE_HINT } from "./compare.js";
import { CASES, recordContract, recordSection, SECTIONS } from "./record.js";

const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");
const CONTRACT_FILE = join(REPO_ROOT, "review", "wire-contract.json");
const UPDATE = process.env["UPDATE_WIRE_CONTRACT"] === "1";

describe("wire contract", () => {
  it("matches review/wire-contract.json", async () => {
    const recorded = renderWireContract(await recordContract());
    if (UPDATE) {
      writeFileSync(CONTRACT_FILE, recorded);
      return;
    }
    if (!existsSync(CONTRACT_FILE)) throw new Error(`review/wire-contract.json is missing. ${UPDATE_HINT}`);
    const expected = readFileSync(CONTRACT_FILE, "utf8");
    if (recorded === expected) return;
    const actualFile = join(tmpdir(), `wire-contract.actual.${process.pid}.json`);
    writeFileSync(actualFile, recorded);
    throw new Error(contractMismatch(expected, recorded, actualFile));
  });

  it("records the same bytes twice (deterministic ids, tokens and placeholders)", async () => {
    const first = await recordSection("default");
    const second = await recordSection("default");
    expect(second).toEqual(first);
    expect(first.cases.map((c) => c.name)).toEqual(CASES.map((c) => c.name));
  });

  it("a difference fails with the diff, the report command and how to update", () => {
    const expected = readFileSync(CONTRACT_FILE, "utf8");
    expect(contractMismatch(expected, expected, ".tmp/actual.json")).toBeUndefined();
    const dropped = expected.replace('"content-type": "application/json",\n', "");
    expect(contractMismatch(expected, dropped, ".tmp/actual.json", 1)).toBe(
      [
        "The requests the client sends differ from review/wire-contract.json (1 change):",
        '  BREAKING wire-header-removed [default] createUserAndToken scopes=[chat,voip] #0 header content-type: The header content-type is no longer sent (was "application/json").',
        "Full report: npm run diff -- wire review/wire-contract.json .tmp/actual.json",
        "If the change is intended, update the file: UPDATE_WIRE_CONTRACT=1 npx vitest run test/wire",
      ].join("\n"),
    );
  });

  it("pins one section per api-version: default first, then every version spec/manifest.json generates", () => {
    const manifest = JSON.parse(readFileSync(new URL("../../spec/manifest.json", import.meta.url), "utf8")) as { generate: string[] };
    expect(SECTIONS).toEqual(["default", ...manifest.generate]);
  });
});
