/**
 * Checks that an endpoint is an absolute http(s) URL and returns it exactly as given (a trailing
 * slash included). Errors say what is wrong and never echo the value: a misplaced connection
 * string or key may be in it.
 * @param where - Said after "Invalid endpoint" (e.g. `" in the connection string"`).
 */
export function checkEndpoint(endpoint: unknown, where = ""): string {
  let problem: string | undefined;
  if (typeof endpoint !== "string" || !endpoint.trim()) {
    problem = "it is empty or not a string";
  } else if (/^\s*(endpoint|accesskey)\s*=/i.test(endpoint)) {
    problem = "it is a connection string, which is passed alone, without a credential";
  } else {
    try {
      if (!/^https?:$/.test(new URL(endpoint.trim()).protocol)) problem = "its scheme must be http or https";
    } catch {
      problem = "it is not an absolute URL";
    }
  }
  if (problem) throw new TypeError(`Invalid endpoint${where}: ${problem}.`);
  return endpoint as string;
}

/** The endpoint as the generated operations expect it: without surrounding spaces or trailing slashes. */
export function trimEndpoint(endpoint: string): string {
  return endpoint.trim().replace(/\/+$/, "");
}

/** Whether an endpoint is on this machine: localhost, 127.0.0.1 or [::1]. */
export function isLoopback(endpoint: string): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(endpoint).hostname);
}
