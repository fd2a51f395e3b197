/** The wire-contract check: undefined when the recording matches, else the failure message. */
import { diffWireContracts } from "../../generator/diff/wireDiff.js";
import { toWireContract } from "../../generator/diff/wireContract.js";

export const UPDATE_HINT = "If the change is intended, update the file: UPDATE_WIRE_CONTRACT=1 npx vitest run test/wire";

/**
 * @param expected - the checked-in file's text; @param recorded - the new recording's text, already
 * written to `actualFile` so the message can point `npm run diff -- wire` at it.
 */
export function contractMismatch(expected: string, recorded: string, actualFile: string, limit = 40): string | undefined {
  if (recorded === expected) return undefined;
  const changes = diffWireContracts(
    toWireContract(JSON.parse(expected), "review/wire-contract.json"),
    toWireContract(JSON.parse(recorded), actualFile),
  );
  const lines = changes.slice(0, limit).map((c) => `  ${c.breaking ? "BREAKING" : "ok      "} ${c.rule} ${c.concerns.path}: ${c.message}`);
  if (changes.length > limit) lines.push(`  … and ${changes.length - limit} more`);
  if (changes.length === 0) lines.push("  (no semantic change: only the file's formatting or order differs)");
  return [
    `The requests the client sends differ from review/wire-contract.json (${changes.length} change${changes.length === 1 ? "" : "s"}):`,
    ...lines,
    `Full report: npm run diff -- wire review/wire-contract.json ${actualFile}`,
    UPDATE_HINT,
  ].join("\n");
}
