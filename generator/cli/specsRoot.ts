/** Where the specs are: one rule for the CLI and the tests that read the real specs. */
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** This checkout's root folder. */
export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** `--specs-root` when given, else $ACS_SPECS_ROOT, else `../shared/specs` from the repository root. */
export function resolveSpecsRoot(flag: string | undefined, env: Record<string, string | undefined>): string {
  return resolve(flag ?? (env["ACS_SPECS_ROOT"] || join(repoRoot, "..", "shared", "specs")));
}
