import { AzureKeyCredential } from "@azure/core-auth";
import { checkEndpoint, invalid } from "./endpoint.js";

/** The parts of an Azure Communication Services connection string. */
export interface ParsedConnectionString {
  /** Absolute http(s) URL of the resource, exactly as the connection string gives it. */
  endpoint: string;
  /** The resource's access key, wrapped so it can be rotated with `update()`. */
  credential: AzureKeyCredential;
}

/**
 * Parses `endpoint=https://…;accesskey=<key>`.
 * Keys are case-insensitive; spaces around keys and values, and empty segments (a trailing `;`),
 * are tolerated. The endpoint is kept as given (a trailing slash included); the access key is not
 * decoded here (the signer does that), so any non-empty value is accepted, as
 * `@azure/communication-identity` does. Errors name the part that is wrong and never include a
 * value: any part may hold the key.
 */
export function parseConnectionString(connectionString: string): ParsedConnectionString {
  const { endpoint, accesskey } = connectionStringParts(connectionString);
  return { endpoint, credential: new AzureKeyCredential(accesskey) };
}

/** The endpoint (checked, as given) and the access key (as given) of a connection string; see {@link parseConnectionString}. */
export function connectionStringParts(connectionString: string): { endpoint: string; accesskey: string } {
  const fail = (problem: string): never => invalid("connection string", problem);
  if (typeof connectionString !== "string" || !connectionString.trim()) fail("it is empty or not a string");
  if (/^\s*https?:/i.test(connectionString)) fail("it is an endpoint, which needs a credential");
  const values: Record<string, string> = {};
  connectionString.split(";").forEach((segment, index) => {
    if (!segment.trim()) return;
    const [, key = "", value = ""] =
      /^\s*(endpoint|accesskey)\s*=(.*)$/is.exec(segment) ?? fail(`segment ${index + 1} is not endpoint=… or accesskey=…`);
    const name = key.toLowerCase();
    if (name in values) fail(`"${name}" is given twice`);
    values[name] = value.trim();
  });
  for (const name of ["endpoint", "accesskey"]) if (!values[name]) fail(`"${name}" is missing or empty`);
  return { endpoint: checkEndpoint(values["endpoint"]!, "endpoint in the connection string"), accesskey: values["accesskey"]! };
}
