import { createHash, createHmac } from "node:crypto";
import { request } from "node:http";
import { request as tlsRequest } from "node:https";

/**
 * Test-side HTTP client with its own HMAC signer (written from the protocol,
 * independent of the emulator's verifier and of src/).
 */

export interface SignOptions {
  /** Base64 access key. */
  readonly key: string;
  /** Value for the date header; now by default. */
  readonly date?: string;
  /** Host value used in the string-to-sign (the Host header sent stays the real one). */
  readonly signedHost?: string;
  /** Sign this body instead of the one sent (tampering). */
  readonly signedBody?: string;
  /** Path and query used in the string-to-sign (the request goes to the real one). */
  readonly signedPath?: string;
  /** Use `date` instead of `x-ms-date`. */
  readonly useDateHeader?: boolean;
}

export interface CallOptions {
  readonly method: string;
  /** Path and query, e.g. `/identities?api-version=2023-10-01`. */
  readonly path: string;
  /** Object bodies are JSON-encoded; strings and buffers are sent as they are. */
  readonly body?: unknown;
  readonly headers?: Record<string, string>;
  readonly sign?: SignOptions;
  /** Certificate to trust for an https endpoint (the emulator's self-signed one). */
  readonly ca?: string;
}

export interface CallResult {
  readonly status: number;
  readonly headers: Record<string, string | string[] | undefined>;
  readonly text: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- response bodies of any shape, read by the tests
  readonly json: any;
}

function sha256Base64(data: string | Buffer): string {
  return createHash("sha256").update(data).digest("base64");
}

export function signHeaders(method: string, path: string, host: string, body: Buffer, sign: SignOptions): Record<string, string> {
  const date = sign.date ?? new Date().toUTCString();
  const hash = sha256Base64(sign.signedBody ?? body);
  const dateHeader = sign.useDateHeader ? "date" : "x-ms-date";
  const stringToSign = `${method}\n${sign.signedPath ?? path}\n${date};${sign.signedHost ?? host};${hash}`;
  const signature = createHmac("sha256", Buffer.from(sign.key, "base64")).update(stringToSign, "utf8").digest("base64");
  return {
    [dateHeader]: date,
    "x-ms-content-sha256": hash,
    authorization: `HMAC-SHA256 SignedHeaders=${dateHeader};host;x-ms-content-sha256&Signature=${signature}`,
  };
}

export function call(endpoint: string, options: CallOptions): Promise<CallResult> {
  const url = new URL(endpoint);
  const host = url.host;
  const body =
    options.body === undefined
      ? Buffer.alloc(0)
      : Buffer.isBuffer(options.body)
        ? options.body
        : Buffer.from(typeof options.body === "string" ? options.body : JSON.stringify(options.body));
  const headers: Record<string, string> = {
    host,
    ...(body.length > 0 ? { "content-type": "application/json" } : {}),
    "content-length": String(body.length),
    ...options.headers,
  };
  if (options.sign) Object.assign(headers, signHeaders(options.method, options.path, host, body, options.sign));
  return new Promise((resolve, reject) => {
    const send = url.protocol === "https:" ? tlsRequest : request;
    const req = send(
      {
        host: url.hostname,
        port: url.port,
        method: options.method,
        path: options.path,
        headers,
        ...(options.ca === undefined ? {} : { ca: options.ca }),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (chunk: Buffer) => chunks.push(chunk));
        res.on("end", () => {
          const text = Buffer.concat(chunks).toString("utf8");
          let json: unknown;
          try {
            json = text === "" ? undefined : JSON.parse(text);
          } catch {
            json = undefined;
          }
          resolve({ status: res.statusCode ?? 0, headers: res.headers, text, json });
        });
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

/** Signed call with the emulator's key. */
export function signedCall(
  emulator: { endpoint: string; accessKey: string; tlsCertificatePem?: string | undefined },
  method: string,
  path: string,
  body?: unknown,
  headers?: Record<string, string>,
): Promise<CallResult> {
  return call(emulator.endpoint, {
    method,
    path,
    ...(body === undefined ? {} : { body }),
    ...(headers === undefined ? {} : { headers }),
    ...(emulator.tlsCertificatePem === undefined ? {} : { ca: emulator.tlsCertificatePem }),
    sign: { key: emulator.accessKey },
  });
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const part = token.split(".")[1] ?? "";
  return JSON.parse(Buffer.from(part, "base64url").toString("utf8")) as Record<string, unknown>;
}

export const SERVICE_DATE = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}\+00:00$/;
