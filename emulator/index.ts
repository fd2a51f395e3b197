import { randomBytes } from "node:crypto";
import { createServer, type Server } from "node:http";
import { createServer as createTlsServer, type Server as TlsServer } from "node:https";
import type { AddressInfo } from "node:net";
import { answerClientError } from "./clientError.js";
import type { EmulatorConfig, ReceivedRequest } from "./context.js";
import { resourceIdFromKey, seededGuids } from "./ids.js";
import { Journal, type JournalProblem } from "./journal.js";
import { createRequestListener } from "./server.js";
import { loadVersionTable } from "./versionTable.js";
import { emptyState } from "./state.js";
import { Store } from "./store.js";
import { acsTokenKey, DEFAULT_ENTRA_SIGNING_KEY, mintEntraToken, type EntraTokenOptions } from "./tokens.js";

export type { ReceivedRequest } from "./context.js";
export type { JournalProblem } from "./journal.js";
export {
  API_VERSIONS,
  KNOWN_API_VERSIONS,
  SUPPORTED_VERSIONS_HEADER,
  type ApiVersion,
  type KnownApiVersion,
  type OperationName,
  type VersionFeatures,
  type VersionRules,
} from "./versions.js";
export { describeVersionSupport, type VersionSupport } from "./versionSupport.js";
export {
  loadVersionTable,
  resolveVersionSources,
  type ServedVersion,
  type VersionSourceOptions,
  type VersionTable,
} from "./versionTable.js";
export { DEFAULT_ENTRA_SIGNING_KEY, DEFAULT_TEST_TENANT, mintEntraToken, type EntraTokenOptions } from "./tokens.js";

/**
 * A published development key (like Azurite's): connection strings stay the
 * same between runs. It protects nothing; pass `accessKey` for a private one.
 */
export const WELL_KNOWN_ACCESS_KEY = "opMCZDOAS7GYsFEZZU0iQUSc9U9356Tq62MojtJEOTqFpgGI7V/YGSp01Kj9zmQtQACr/3KO/nv5IvFbU3Wpfg==";

export interface EmulatorOptions {
  /** TCP port; 0 (default) picks a free one. */
  readonly port?: number;
  /** Interface to bind; default 127.0.0.1. */
  readonly host?: string;
  /** Journal file; state is in memory only when omitted. */
  readonly dataFile?: string;
  /** Base64 access key; WELL_KNOWN_ACCESS_KEY by default, "random" for a fresh one. */
  readonly accessKey?: string;
  /** Bearer tokens accepted instead of HMAC signing (e.g. for clients using a TokenCredential). */
  readonly trustedBearerTokens?: readonly string[];
  /** Key of emulator-minted Entra tokens; DEFAULT_ENTRA_SIGNING_KEY by default. */
  readonly entraSigningKey?: string;
  /** Reject fields that the requested api-version lacks (default true); false ignores them. */
  readonly rejectFieldsOfOtherVersions?: boolean;
  /** Request body limit in bytes; default 64 KiB. */
  readonly maxBodyBytes?: number;
  /** Time allowed to receive a request body; default 30 s. */
  readonly bodyTimeoutMs?: number;
  /** Clock, for tests. */
  readonly now?: () => number;
  /**
   * Make identity ids deterministic: the n-th identity created gets a GUID derived from this seed
   * and n. Random GUIDs when omitted.
   */
  readonly idSeed?: string;
  /**
   * Called with every request as received (method, path and query, headers, body bytes), before it
   * is authenticated or handled; e.g. to record what a client sends. The request holds the
   * Authorization header: redact it before logging or storing.
   */
  readonly onRequest?: (request: ReceivedRequest) => void;
  /**
   * CORS mode, for browser apps on another origin (off by default): any OPTIONS request is a
   * preflight answered 204 with Access-Control-Allow-Methods, -Headers (the requested ones) and
   * -Max-Age; every response gets Access-Control-Allow-Origin (the request's Origin, or *) and
   * Access-Control-Expose-Headers.
   */
  readonly cors?: boolean;
  /**
   * Serve HTTPS with a self-signed certificate made at start (for 127.0.0.1, ::1 and localhost;
   * valid for 7 days), so that Azure SDK clients can send bearer tokens (core-rest-pipeline refuses
   * them over plain http). The certificate is `RunningEmulator.tlsCertificatePem`.
   */
  readonly https?: boolean;
  /**
   * Called for each damaged record of `dataFile` that was dropped while replaying it, and when the
   * damaged file was kept aside; every problem is also written to stderr unless this is given.
   */
  readonly onJournalProblem?: (problem: JournalProblem) => void;
  /**
   * The manifest whose `versions` the emulator serves, each as its Swagger spec describes it;
   * default: the repository's spec/manifest.json.
   */
  readonly manifestFile?: string;
  /** Folder the manifest's spec paths are relative to; default: $ACS_SPECS_ROOT, else ../shared/specs from the repository root. */
  readonly specsRoot?: string;
}

export interface RunningEmulator {
  /** e.g. `http://127.0.0.1:43117/` */
  readonly endpoint: string;
  readonly port: number;
  /**
   * With `https: true`, the PEM of the self-signed certificate; trust it with
   * `tlsOptions: { ca: tlsCertificatePem }` or NODE_EXTRA_CA_CERTS. Undefined without https.
   */
  readonly tlsCertificatePem: string | undefined;
  /** `endpoint=<endpoint>;accesskey=<key>` */
  readonly connectionString: string;
  readonly accessKey: string;
  /** GUID in every identity id the emulator creates. */
  readonly resourceId: string;
  readonly entraSigningKey: string;
  /** The api-versions served (the manifest's), oldest first. */
  readonly apiVersions: readonly string[];
  /** The `api-supported-versions` header value: `apiVersions` joined with ", ". */
  readonly supportedVersionsHeader: string;
  /** Mint an Entra token this emulator accepts in Teams exchanges. */
  mintEntraToken(options: Omit<EntraTokenOptions, "signingKey">): string;
  /** Stop accepting connections, wait for durable writes, close the journal. */
  close(): Promise<void>;
}

export const DEFAULT_MAX_BODY_BYTES = 64 * 1024;
export const DEFAULT_BODY_TIMEOUT_MS = 30_000;

function decodeKey(accessKey: string): Buffer {
  const key = Buffer.from(accessKey, "base64");
  if (key.length === 0 || key.toString("base64").replace(/=+$/, "") !== accessKey.replace(/=+$/, "")) {
    throw new Error("emulator option accessKey: must be a non-empty base64 string");
  }
  return key;
}

type HttpServer = Server | TlsServer;

function listen(server: HttpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

export async function startEmulator(options: EmulatorOptions = {}): Promise<RunningEmulator> {
  const accessKey = options.accessKey === "random" ? randomBytes(64).toString("base64") : (options.accessKey ?? WELL_KNOWN_ACCESS_KEY);
  const key = decodeKey(accessKey);
  const entraSigningKey = options.entraSigningKey ?? DEFAULT_ENTRA_SIGNING_KEY;
  const versions = loadVersionTable(options);
  const config: EmulatorConfig = {
    accessKey: key,
    resourceId: resourceIdFromKey(accessKey),
    tokenKey: acsTokenKey(key),
    entraSigningKey,
    trustedBearerTokens: options.trustedBearerTokens ?? [],
    rejectFieldsOfOtherVersions: options.rejectFieldsOfOtherVersions ?? true,
    maxBodyBytes: options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES,
    bodyTimeoutMs: options.bodyTimeoutMs ?? DEFAULT_BODY_TIMEOUT_MS,
    now: options.now ?? Date.now,
    ...(options.idSeed !== undefined ? { nextSeededGuid: seededGuids(options.idSeed) } : {}),
    ...(options.onRequest !== undefined ? { onRequest: options.onRequest } : {}),
    ...(options.cors === true ? { cors: true } : {}),
    versions,
  };
  let store: Store;
  if (options.dataFile !== undefined) {
    const { journal, state } = await Journal.open(options.dataFile, {
      now: config.now,
      ...(options.onJournalProblem === undefined ? {} : { onProblem: options.onJournalProblem }),
    });
    store = new Store(state, journal);
  } else {
    store = new Store(emptyState());
  }
  // Loaded only for https, so that the plain emulator needs nothing beyond Node's built-ins.
  const certificate = options.https === true ? (await import("./certificate.js")).createSelfSignedCertificate(config.now()) : undefined;
  const listener = createRequestListener(config, store);
  // requireHostHeader off: the listener itself answers a missing or repeated Host with a JSON 400.
  const server: HttpServer =
    certificate === undefined
      ? createServer({ requireHostHeader: false }, listener)
      : createTlsServer({ key: certificate.privateKeyPem, cert: certificate.certificatePem, requireHostHeader: false }, listener);
  server.headersTimeout = Math.min(60_000, config.bodyTimeoutMs + 1_000);
  server.requestTimeout = config.bodyTimeoutMs + 5_000;
  server.on("clientError", (error: Error, socket) => answerClientError(error, socket, versions.supportedVersionsHeader));
  const host = options.host ?? "127.0.0.1";
  let port: number;
  try {
    port = await listen(server, options.port ?? 0, host);
  } catch (error) {
    await store.close();
    throw error;
  }
  const endpoint = `${certificate === undefined ? "http" : "https"}://${host.includes(":") ? `[${host}]` : host}:${port}/`;
  return {
    endpoint,
    port,
    tlsCertificatePem: certificate?.certificatePem,
    connectionString: `endpoint=${endpoint};accesskey=${accessKey}`,
    accessKey,
    resourceId: config.resourceId,
    entraSigningKey,
    apiVersions: versions.versions,
    supportedVersionsHeader: versions.supportedVersionsHeader,
    mintEntraToken: (entra) => mintEntraToken({ ...entra, signingKey: entraSigningKey }, config.now()),
    close: async () => {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await store.close();
    },
  };
}
