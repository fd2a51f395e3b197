import { AzureKeyCredential } from "@azure/core-auth";
import { checkEndpoint } from "./endpoint.js";

/** The parts of an Azure Communication Services connection string. */
export interface ParsedConnectionString {
  /** Absolute http(s) URL of the resource, exactly as the connection string gives it. */
  endpoint: string;
  /** The resource's access key, wrapped so it can be rotated with `update()`. */
  credential: AzureKeyCredential;
}

const PREFIX = "Invalid connection string:";

/**
 * Parses `endpoint=https://…;accesskey=<key>`.
 * Keys are case-insensitive; spaces around keys and values and a trailing `;` are tolerated. The
 * endpoint is kept as given (a trailing slash included); the access key is not decoded here (the
 * signer does that), so any non-empty value is accepted, as `@azure/communication-identity` does.
 * Errors name the part that is wrong and never include a value: any part may hold the key.
 */
export function parseConnectionString(connectionString: string): ParsedConnectionString {
  const fail = (what: string): never => {
    throw new TypeError(`${PREFIX} ${what}.`);
  };
  if (typeof connectionString !== "string" || connectionString.trim() === "") {
    fail('it is empty; expected "endpoint=https://<resource>;accesskey=<key>"');
  }
  if (/^\s*https?:\/\//i.test(connectionString)) {
    fail("it is an endpoint; an endpoint needs a credential as its second argument, e.g. new AzureKeyCredential(key)");
  }
  const values = new Map<string, string>();
  const segments = connectionString.split(";");
  segments.forEach((segment, index) => {
    const at = `segment ${index + 1}`;
    if (segment.trim() === "") {
      if (index === segments.length - 1) return; // trailing ';'
      fail(`${at} is empty`);
    }
    const eq = segment.indexOf("=");
    if (eq < 0) fail(`${at} is not of the form key=value`);
    const key = segment.slice(0, eq).trim().toLowerCase();
    if (key !== "endpoint" && key !== "accesskey") fail(`${at} has an unknown key; expected "endpoint" or "accesskey"`);
    if (values.has(key)) fail(`"${key}" is given more than once`);
    values.set(key, segment.slice(eq + 1).trim());
  });

  const endpoint = values.get("endpoint");
  const accessKey = values.get("accesskey");
  if (endpoint === undefined) fail('"endpoint" is missing');
  if (accessKey === undefined) fail('"accesskey" is missing');
  if (endpoint === "") fail('"endpoint" is empty');
  if (accessKey === "") fail('"accesskey" is empty');
  return { endpoint: checkEndpoint(endpoint, " in the connection string"), credential: new AzureKeyCredential(accessKey!) };
}
