import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { resolveVersionSources } from "../../emulator/index.js";

/**
 * A temporary copy of the repository's manifest and specs with versions nobody has seen yet, as a
 * maintainer's bump would add them (a manifest entry and a spec file, nothing else). Their names lie
 * far ahead so that a real `npm run bump` (2027-01-01, say) never collides with them:
 * - 2098-01-01: the 2026-09-23 spec re-versioned, without `POST .../:revokeAccessTokens`,
 *   with an optional `displayName` on the create request, and with an operation the emulator has no
 *   handler for (`GET /identities/{id}/links`);
 * - 2097-12-01-preview: the 2025-03-02-preview spec re-versioned (a preview after a stable version).
 */

const IDENTITY = "specification/communication/data-plane/Identity";
export const NEW_STABLE = "2098-01-01";
export const NEW_PREVIEW = "2097-12-01-preview";
export const NEW_STABLE_PATH = `${IDENTITY}/stable/${NEW_STABLE}/CommunicationIdentity.json`;
export const NEW_PREVIEW_PATH = `${IDENTITY}/preview/${NEW_PREVIEW}/CommunicationIdentity.json`;

export interface BumpedCopy {
  readonly dir: string;
  readonly manifestFile: string;
  readonly specsRoot: string;
  cleanUp(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- spec JSON of any shape, edited by the fixtures
type Json = Record<string, any>;

function write(file: string, value: unknown): void {
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, JSON.stringify(value, null, 2) + "\n");
}

export function makeBumpedCopy(): BumpedCopy {
  const repo = resolveVersionSources();
  const dir = mkdtempSync(join(tmpdir(), "acs-emulator-versions-"));
  const specsRoot = join(dir, "specs");
  cpSync(repo.specsRoot, specsRoot, { recursive: true });

  const stable = JSON.parse(readFileSync(join(specsRoot, IDENTITY, "stable/2026-09-23/CommunicationIdentity.json"), "utf8")) as Json;
  stable.info.version = NEW_STABLE;
  delete stable.paths["/identities/{id}/:revokeAccessTokens"];
  stable.definitions.CommunicationIdentityCreateRequest.properties.displayName = { type: "string", description: "A display name." };
  stable.paths["/identities/{id}/links"] = { get: { operationId: "Links_Get", parameters: [], responses: { 200: { description: "ok" } } } };
  write(join(specsRoot, NEW_STABLE_PATH), stable);

  const preview = JSON.parse(
    readFileSync(join(specsRoot, IDENTITY, "preview/2025-03-02-preview/CommunicationIdentity.json"), "utf8"),
  ) as Json;
  preview.info.version = NEW_PREVIEW;
  write(join(specsRoot, NEW_PREVIEW_PATH), preview);

  const manifest = JSON.parse(readFileSync(repo.manifestFile, "utf8")) as Json;
  manifest.versions.push(
    { apiVersion: NEW_PREVIEW, status: "preview", path: NEW_PREVIEW_PATH, sha256: {} },
    { apiVersion: NEW_STABLE, status: "stable", path: NEW_STABLE_PATH, sha256: {} },
  );
  const manifestFile = join(dir, "spec", "manifest.json");
  write(manifestFile, manifest);
  return { dir, manifestFile, specsRoot, cleanUp: () => rmSync(dir, { recursive: true, force: true }) };
}
