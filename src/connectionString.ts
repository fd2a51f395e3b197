import { AzureKeyCredential } from "@azure/core-auth";
import { isBase64 } from "./base64.js";
import { normalizeEndpoint } from "./endpoint.js";

/** The parts of an Azure Communication Services connection string. */
export interface ParsedConnectionString {
  /** Absolute http(s) URL of the resource, without a trailing slash. */
  endpoint: string;
  /** The resource's access key (base64), wrapped so it can be rotated with `update()`. */
  credential: AzureKeyCredential;
}

const PREFIX = "Invalid connection string:";

/**
 * Parses `endpoint=https://…;accesskey=<base64>`.
 * Keys are case-insensitive; spaces around keys and values and a trailing `;` are tolerated.
 * Errors name the part that is wrong and never include the access key.
 */
export function parseConnectionString(connectionString: string): ParsedConnectionString {
  if (typeof connectionString !== "string" || connectionString.trim() === "") {
    throw new TypeError(`${PREFIX} it is empty; expected "endpoint=https://<resource>;accesskey=<base64 key>".`);
  }
  const values = new Map<string, string>();
  const segments = connectionString.split(";");
  segments.forEach((segment, index) => {
    if (segment.trim() === "") {
      if (index === segments.length - 1) return; // trailing ';'
      throw new TypeError(`${PREFIX} segment ${index + 1} is empty.`);
    }
    const eq = segment.indexOf("=");
    if (eq < 0) {
      // Never echo the segment: it may be the access key itself.
      throw new TypeError(`${PREFIX} segment ${index + 1} is not of the form key=value.`);
    }
    const key = segment.slice(0, eq).trim().toLowerCase();
    const value = segment.slice(eq + 1).trim();
    if (key !== "endpoint" && key !== "accesskey") {
      // Not echoed either: a mangled segment may be part of the key.
      throw new TypeError(`${PREFIX} segment ${index + 1} has an unknown key; expected "endpoint" or "accesskey".`);
    }
    if (values.has(key)) {
      throw new TypeError(`${PREFIX} "${key}" is given more than once.`);
    }
    values.set(key, value);
  });

  const endpoint = values.get("endpoint");
  if (endpoint === undefined) throw new TypeError(`${PREFIX} "endpoint" is missing.`);
  const accessKey = values.get("accesskey");
  if (accessKey === undefined) throw new TypeError(`${PREFIX} "accesskey" is missing.`);
  if (endpoint === "") throw new TypeError(`${PREFIX} "endpoint" is empty.`);
  if (accessKey === "") throw new TypeError(`${PREFIX} "accesskey" is empty.`);

  let normalized: string;
  try {
    normalized = normalizeEndpoint(endpoint, "endpoint");
  } catch {
    throw new TypeError(`${PREFIX} "endpoint" must be an absolute http(s) URL, got ${JSON.stringify(endpoint)}.`);
  }
  if (!isBase64(accessKey)) {
    throw new TypeError(`${PREFIX} "accesskey" is not valid base64.`);
  }
  return { endpoint: normalized, credential: new AzureKeyCredential(accessKey) };
}
