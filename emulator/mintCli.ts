import { parseArgs } from "node:util";
import { DEFAULT_ENTRA_SIGNING_KEY, mintEntraToken } from "./tokens.js";

/**
 * `npm run emulator -- mint-entra-token --app-id X --user-id Y [--tenant-id T]
 * [--expires-in-minutes N] [--signing-key K]`: prints a test Entra token that
 * an emulator with the same signing key accepts in Teams token exchanges.
 */

export const MINT_USAGE =
  "usage: npm run emulator -- mint-entra-token --app-id ID --user-id ID [--tenant-id ID] [--expires-in-minutes N] [--signing-key KEY]";

export type MintResult =
  { readonly ok: true; readonly token: string } | { readonly ok: false; readonly error: string } | { readonly ok: "help" };

const TEN_YEARS_MINUTES = 10 * 366 * 24 * 60;

/** Pure: arguments and environment in, token or usage error out. */
export function mintFromArgs(args: readonly string[], env: Readonly<Record<string, string | undefined>>, nowMs: number): MintResult {
  let values;
  try {
    ({ values } = parseArgs({
      args: [...args],
      options: {
        "app-id": { type: "string" },
        "user-id": { type: "string" },
        "tenant-id": { type: "string" },
        "expires-in-minutes": { type: "string" },
        "signing-key": { type: "string" },
        help: { type: "boolean", default: false },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    return { ok: false, error: (error as Error).message };
  }
  if (values.help) return { ok: "help" };
  const appId = values["app-id"];
  const userId = values["user-id"];
  if (appId === undefined || appId === "") return { ok: false, error: "--app-id: required (the token's appid claim)" };
  if (userId === undefined || userId === "") return { ok: false, error: "--user-id: required (the token's oid claim)" };
  const tenantId = values["tenant-id"];
  if (tenantId === "") return { ok: false, error: "--tenant-id: must not be empty" };
  const minutesText = values["expires-in-minutes"];
  const minutes = minutesText === undefined ? 60 : Number(minutesText);
  if (minutesText !== undefined && (minutesText.trim() === "" || !Number.isFinite(minutes) || Math.abs(minutes) > TEN_YEARS_MINUTES)) {
    return {
      ok: false,
      error: `--expires-in-minutes: expected a number of minutes within ten years (negative for an expired token), got '${minutesText}'`,
    };
  }
  const signingKey = values["signing-key"] ?? env.ACS_EMULATOR_ENTRA_SIGNING_KEY ?? DEFAULT_ENTRA_SIGNING_KEY;
  if (signingKey === "") return { ok: false, error: "--signing-key: must not be empty" };
  const token = mintEntraToken(
    { appId, userId, signingKey, expiresInSeconds: Math.round(minutes * 60), ...(tenantId === undefined ? {} : { tenantId }) },
    nowMs,
  );
  return { ok: true, token };
}
