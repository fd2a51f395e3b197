/**
 * Throws `TypeError("Invalid <what>: <problem>.")`. Client-parameter errors say what is wrong and
 * never echo the value: a misplaced connection string or key may be in it.
 */
export function invalid(what: string, problem: string): never {
  throw new TypeError(`Invalid ${what}: ${problem}.`);
}

/**
 * Checks that an endpoint (a non-empty string) is an absolute http(s) URL and returns it exactly as
 * given (a trailing slash included).
 * @param what - Named in the error (`"endpoint in the connection string"`).
 */
export function checkEndpoint(endpoint: string, what = "endpoint"): string {
  let protocol: string;
  try {
    protocol = new URL(endpoint.trim()).protocol;
  } catch {
    invalid(what, "it is not an absolute URL");
  }
  if (!/^https?:$/.test(protocol)) invalid(what, "its scheme must be http or https");
  return endpoint;
}

/**
 * Checks the endpoint argument of a client or context created with a credential: a non-empty
 * string that is not a connection string (that is passed alone), then {@link checkEndpoint}.
 */
export function checkEndpointArgument(endpoint: unknown): string {
  if (typeof endpoint !== "string" || !endpoint.trim()) invalid("endpoint", "it is empty or not a string");
  if (/^\s*(endpoint|accesskey)\s*=/i.test(endpoint)) {
    invalid("endpoint", "it is a connection string, which is passed alone, without a credential");
  }
  return checkEndpoint(endpoint);
}

/** The endpoint as the generated operations expect it: without surrounding spaces or trailing slashes. */
export function trimEndpoint(endpoint: string): string {
  return endpoint.trim().replace(/\/+$/, "");
}

/** Whether an endpoint is on this machine: localhost, 127.0.0.1 or [::1]. */
export function isLoopback(endpoint: string): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(endpoint).hostname);
}
