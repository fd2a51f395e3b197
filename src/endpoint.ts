/**
 * Checks that an endpoint is an absolute http(s) URL and returns it without a trailing slash,
 * the form the generated client expects.
 * @param what - How the endpoint is named in the error message (for example `"endpoint"`).
 */
export function normalizeEndpoint(endpoint: unknown, what: string): string {
  if (typeof endpoint !== "string" || endpoint.trim() === "") {
    throw new TypeError(`${what} must be an absolute http(s) URL, got ${describe(endpoint)}.`);
  }
  const text = endpoint.trim();
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new TypeError(`${what} must be an absolute http(s) URL, got ${JSON.stringify(text)}.`);
  }
  if ((url.protocol !== "https:" && url.protocol !== "http:") || url.host === "") {
    throw new TypeError(`${what} must be an absolute http(s) URL, got ${JSON.stringify(text)}.`);
  }
  return text.replace(/\/+$/, "");
}

function describe(value: unknown): string {
  if (typeof value === "string") return JSON.stringify(value);
  if (value === null) return "null";
  return typeof value;
}

/** Whether an (already normalized) endpoint is on this machine: localhost, 127.0.0.1 or [::1]. */
export function isLoopback(endpoint: string): boolean {
  return ["localhost", "127.0.0.1", "[::1]"].includes(new URL(endpoint).hostname);
}
