/**
 * Checks that an endpoint is an absolute http(s) URL with a host and returns it exactly as given
 * (a trailing slash included). Errors say what is wrong and never echo the value: a misplaced
 * connection string or key may be in it.
 * @param where - Appended to "Invalid endpoint" to say where it came from (e.g. `" in the connection string"`).
 */
export function checkEndpoint(endpoint: unknown, where = ""): string {
  const fail = (what: string): never => {
    throw new TypeError(`Invalid endpoint${where}: ${what}.`);
  };
  if (typeof endpoint !== "string") fail(`expected a string, got ${endpoint === null ? "null" : typeof endpoint}`);
  const text = endpoint as string;
  if (text.trim() === "") fail("it is empty");
  if (/^\s*(endpoint|accesskey)\s*=/i.test(text)) {
    fail("it is a connection string; pass a connection string alone (with options), or an endpoint and a credential");
  }
  let url: URL | undefined;
  try {
    url = new URL(text.trim());
  } catch {
    fail('it is not an absolute URL; expected "https://<resource>.communication.azure.com"');
  }
  if (url!.protocol !== "https:" && url!.protocol !== "http:") fail("its scheme must be http or https");
  if (url!.host === "") fail("it has no host");
  return text;
}

/** The endpoint as the generated operations expect it: without surrounding spaces or trailing slashes. */
export function trimEndpoint(endpoint: string): string {
  return endpoint.trim().replace(/\/+$/, "");
}

/** Whether an endpoint is on this machine: localhost, 127.0.0.1 or [::1]. */
export function isLoopback(endpoint: string): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(endpoint).hostname);
}
