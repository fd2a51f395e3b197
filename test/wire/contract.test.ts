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
import { readWireContract, renderWireContract, toWireContract } from "../../generator/diff/wireContract.js";
import { diffWireContracts } from "../../generator/diff/wireDiff.js";
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
    const how = "If the change is intended, update the file: UPDATE_WIRE_CONTRACT=1 npx vitest run test/wire";
    if (!existsSync(CONTRACT_FILE)) throw new Error(`review/wire-contract.json is missing. ${how}`);
    const expected = readFileSync(CONTRACT_FILE, "utf8");
    if (recorded === expected) return;
    const actualFile = join(tmpdir(), `wire-contract.actual.${process.pid}.json`);
    writeFileSync(actualFile, recorded);
    const changes = diffWireContracts(readWireContract(CONTRACT_FILE, "review/wire-contract.json"), toWireContract(JSON.parse(recorded), actualFile));
    const lines = changes.slice(0, 40).map((c) => `  ${c.breaking ? "BREAKING" : "ok      "} ${c.rule} ${c.concerns.path}: ${c.message}`);
    if (changes.length > 40) lines.push(`  … and ${changes.length - 40} more`);
    if (changes.length === 0) lines.push("  (no semantic change: only the file's formatting or order differs)");
    throw new Error(
      [
        `The requests the client sends differ from review/wire-contract.json (${changes.length} changes):`,
        ...lines,
        `Full report: npm run diff -- wire review/wire-contract.json ${actualFile}`,
        how,
      ].join("\n"),
    );
  });

  it("records the same bytes twice (deterministic ids, tokens and placeholders)", async () => {
    const first = await recordSection("default");
    const second = await recordSection("default");
    expect(second).toEqual(first);
    expect(first.cases.map((c) => c.name)).toEqual(CASES.map((c) => c.name));
  });

  it("pins one section per api-version: default first, then every emulator version", () => {
    expect(SECTIONS).toEqual(["default", "2021-03-07", "2022-06-01", "2022-10-01", "2023-10-01", "2025-03-02-preview", "2025-06-30", "2026-09-23"]);
  });
});
