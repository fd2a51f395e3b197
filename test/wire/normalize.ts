/**
 * From a request as the emulator received it to a wire-contract entry: volatile values (dates,
 * signatures, request ids, the port, versions in the user agent) become placeholders; secrets
 * (signatures, bearer tokens) never reach the contract.
 */
import { createHash } from "node:crypto";
import type { ReceivedRequest } from "../../emulator/index.js";
import type { WireRequest } from "../../generator/diff/wireContract.js";

/** Transport-level headers the client does not decide; left out of the contract. */
const DROPPED_HEADERS = new Set(["connection"]);

const HTTP_DATE = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d{2}:\d{2}:\d{2} GMT$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const HMAC = /^(HMAC-SHA256 SignedHeaders=[A-Za-z0-9;-]+&Signature=)[A-Za-z0-9+/]{43}=$/;

export function normalizeHeader(name: string, value: string): string {
  switch (name) {
    case "authorization": {
      const hmac = HMAC.exec(value);
      if (hmac) return `${hmac[1]}<signature>`;
      if (/^Bearer \S+$/.test(value)) return "Bearer <token>";
      return "<unrecognized authorization>";
    }
    case "x-ms-date":
    case "date":
      return HTTP_DATE.test(value) ? "<http-date>" : `<not an HTTP date: ${value.length} chars>`;
    case "x-ms-client-request-id":
      return UUID.test(value) ? "<uuid>" : value;
    case "host":
      return value.replace(/^127\.0\.0\.1:\d+$/, "127.0.0.1:<port>");
    case "user-agent":
      return value.replace(/\/v?\d+(\.\d+)*[^\s]*/g, "/<version>").replace(/\([^)]*\)/g, "(<os>)");
    default:
      return value;
  }
}

export function normalizeRequest(request: ReceivedRequest): WireRequest {
  const url = new URL(request.url, "http://wire.invalid");
  const query: Record<string, string[]> = {};
  for (const name of [...new Set(url.searchParams.keys())].sort()) query[name] = url.searchParams.getAll(name);
  const grouped = new Map<string, string[]>();
  for (const [name, value] of request.headers) {
    if (DROPPED_HEADERS.has(name)) continue;
    grouped.set(name, [...(grouped.get(name) ?? []), normalizeHeader(name, value)]);
  }
  const headers: Record<string, string> = {};
  for (const name of [...grouped.keys()].sort()) headers[name] = (grouped.get(name) as string[]).join(", ");
  const pathEnd = request.url.indexOf("?");
  return {
    method: request.method,
    path: pathEnd === -1 ? request.url : request.url.slice(0, pathEnd),
    query,
    headers,
    body:
      request.body.length === 0
        ? null
        : { text: request.body.toString("utf8"), sha256: createHash("sha256").update(request.body).digest("hex") },
  };
}

/** `Name 400: message` for errors the call rejected with; the endpoint's port becomes a placeholder. */
export function normalizeError(error: unknown, endpoint: string): string {
  const err = error instanceof Error ? error : new Error(String(error));
  const status = (err as { statusCode?: unknown }).statusCode;
  const text = `${err.name}${typeof status === "number" ? ` ${status}` : ""}: ${err.message}`;
  return text
    .split(endpoint)
    .join("http://127.0.0.1:<port>/")
    .replace(/127\.0\.0\.1:\d+/g, "127.0.0.1:<port>");
}
