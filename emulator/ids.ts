import { createHash, randomUUID } from "node:crypto";

/** Identity ids look like the service's: `8:acs:<resource guid>_<user guid>`. */
const ACS_ID = /^8:acs:([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})_(.+)$/i;
const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isGuid(value: string): boolean {
  return GUID.test(value);
}

/** Format 16 bytes as a lower-case GUID string. */
function guidFromBytes(bytes: Buffer): string {
  const hex = bytes.subarray(0, 16).toString("hex");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`;
}

/** A stable resource id derived from the access key, so ids survive restarts. */
export function resourceIdFromKey(accessKey: string): string {
  return guidFromBytes(createHash("sha256").update("acs-emulator-resource:").update(accessKey).digest());
}

export function newIdentityId(resourceId: string, nextSeeded?: () => string): string {
  return `8:acs:${resourceId}_${nextSeeded ? nextSeeded() : randomUUID()}`;
}

/**
 * GUIDs derived from a seed and a counter: the n-th identity an emulator started with the same
 * seed creates always has the same id (for recordings such as the wire contract).
 */
export function seededGuids(seed: string): () => string {
  let counter = 0;
  return () => {
    counter += 1;
    return guidFromBytes(createHash("sha256").update(`acs-emulator-id:${seed}:${counter}`).digest());
  };
}

export function teamsExtensionIdentityId(resourceId: string, tenantId: string, objectId: string): string {
  return `8:acs:${resourceId}_${tenantId}_${objectId}`;
}

export type ParsedIdentityId = { readonly kind: "acs"; readonly resourceId: string } | { readonly kind: "invalid" };

export function parseIdentityId(id: string): ParsedIdentityId {
  const match = ACS_ID.exec(id);
  if (!match || match[1] === undefined) return { kind: "invalid" };
  return { kind: "acs", resourceId: match[1].toLowerCase() };
}
