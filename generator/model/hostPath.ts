/**
 * The path an `x-ms-parameterized-host` template puts after its one leading parameter: `/multiapiCustomBaseUrl/v1`
 * for `{Endpoint}/multiapiCustomBaseUrl/v1`, without a trailing slash. The caller passes the parameter's value
 * as the client's endpoint, so this path goes before every operation's path, as a `basePath` does. Any other
 * template (no path, more parameters, parameters in the path) gives "": the caller passes the whole base URL.
 */
export function hostTemplatePath(hostTemplate: string): string {
  const match = /^\{[^{}]+\}(\/[^{}]*)$/.exec(hostTemplate);
  return (match?.[1] ?? "").replace(/\/+$/, "");
}
