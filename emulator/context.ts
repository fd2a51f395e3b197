import type { IncomingHttpHeaders } from "node:http";
import type { Store } from "./store.js";
import type { VersionTable } from "./versionTable.js";
import type { ApiVersion, VersionFeatures, VersionRules } from "./versions.js";

/** Settings of one running emulator, fixed at start. */
export interface EmulatorConfig {
  /** Decoded access key (HMAC key). */
  readonly accessKey: Buffer;
  /** GUID of the emulated resource, the first part of every identity id. */
  readonly resourceId: string;
  /** Key for the ACS access tokens the emulator issues. */
  readonly tokenKey: Buffer;
  /** Key that emulator-minted Entra tokens are signed with. */
  readonly entraSigningKey: string;
  /** Bearer tokens accepted in place of HMAC signing. */
  readonly trustedBearerTokens: readonly string[];
  /** Reject fields that exist in another api-version but not in the requested one. */
  readonly rejectFieldsOfOtherVersions: boolean;
  readonly maxBodyBytes: number;
  readonly bodyTimeoutMs: number;
  readonly now: () => number;
  /** Deterministic GUIDs for new identity ids (EmulatorOptions.idSeed); random when absent. */
  readonly nextSeededGuid?: () => string;
  /** Called with every request as received, before it is handled (EmulatorOptions.onRequest). */
  readonly onRequest?: (request: ReceivedRequest) => void;
  /** Answer CORS preflights and add CORS headers to every response (EmulatorOptions.cors). */
  readonly cors?: boolean;
  /** The api-versions served (from the manifest and the specs, read at start). */
  readonly versions: VersionTable;
}

/** A request exactly as the emulator received it. May hold credentials: never log it as is. */
export interface ReceivedRequest {
  readonly method: string;
  /** Path and query as sent on the request line. */
  readonly url: string;
  /** Header names (lower-case) and values in the order received. */
  readonly headers: ReadonlyArray<readonly [string, string]>;
  readonly body: Buffer;
}

/** Everything an operation handler needs about one request. */
export interface OperationContext {
  readonly config: EmulatorConfig;
  readonly store: Store;
  readonly version: ApiVersion;
  readonly features: VersionFeatures;
  /** Rules the spec does not give (ranges, defaults), from the version's rule version. */
  readonly rules: VersionRules;
  readonly params: Readonly<Record<string, string>>;
  /** Parsed JSON body, undefined when the request had none. */
  readonly body: unknown;
  readonly headers: IncomingHttpHeaders;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
