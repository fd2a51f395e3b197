/**
 * The client's base URL from the spec's host template (`x-ms-parameterized-host`): what the constructor's
 * `endpoint` is, and how `this.endpoint` is computed from it.
 *
 * - A template that is one parameter with fixed text around it (`{Endpoint}/multiapiCustomBaseUrl/v1`,
 *   `{accountName}.blob.core.windows.net` with the scheme prefix) is filled in: `endpoint` is that parameter.
 * - A template that is exactly one parameter without a scheme prefix (`{endpoint}`), a plain `host`, or a
 *   template of several parameters (`{accountName}{host}`): `endpoint` is the whole base URL, as given.
 *   Filling several parameters would need one constructor argument each, and the parts rarely make sense
 *   apart; the Azure convention is one `endpoint` argument.
 */
import type { ClientModel } from "../model/types.js";
import { codeSpan } from "./docs.js";
import { docText, stringLiteral } from "./text.js";

type Endpoint = ClientModel["endpoint"];

/** The one parameter the template is filled with, or undefined when `endpoint` is used as given. */
function filledParameter(endpoint: Endpoint): string | undefined {
  if (endpoint.parameters.length !== 1) return undefined;
  const name = endpoint.parameters[0]!.serializedName;
  const placeholders = endpoint.hostTemplate.match(/\{[^}]*\}/g) ?? [];
  if (placeholders.length !== 1 || placeholders[0] !== `{${name}}`) return undefined;
  if (endpoint.hostTemplate === `{${name}}` && !endpoint.useSchemePrefix) return undefined;
  return name;
}

/**
 * The expression assigned to `this.endpoint`, from the constructor's `endpoint`: the template's text as
 * JSON string literals joined with `+` (spec text never goes into a template literal).
 */
export function endpointExpression(endpoint: Endpoint): string {
  const name = filledParameter(endpoint);
  if (name === undefined) return "endpoint";
  const [before = "", after = ""] = endpoint.hostTemplate.split(`{${name}}`);
  const scheme = endpoint.useSchemePrefix ? `${endpoint.scheme ?? "https"}://` : "";
  // a trailing slash of the value would double the template's own
  const value = after.startsWith("/") ? 'endpoint.replace(/\\/+$/, "")' : "endpoint";
  return [scheme + before, value, after]
    .map((part, i) => (i === 1 ? part : part === "" ? "" : stringLiteral(part)))
    .filter((p) => p !== "")
    .join(" + ");
}

/** The `@param endpoint - ...` text (without the name). */
export function endpointDoc(endpoint: Endpoint): string {
  const name = filledParameter(endpoint);
  const parameters = endpoint.parameters;
  if (name !== undefined) {
    const scheme = endpoint.useSchemePrefix ? `${endpoint.scheme ?? "https"}://` : "";
    const text = parameters[0]!.description ? docText(parameters[0]!.description).trim() : "";
    const description = text === "" ? "" : /[.!?]$/.test(text) ? `${text} ` : `${text}. `;
    return `${description}Requests go to ${codeSpan(scheme + endpoint.hostTemplate)} with it in place of ${codeSpan(`{${name}}`)}.`;
  }
  if (parameters.length === 1 && parameters[0]!.description) return docText(parameters[0]!.description);
  if (parameters.length > 1) {
    const parts = parameters.map((p) => `${codeSpan(p.serializedName)}${p.description ? ` (${docText(p.description)})` : ""}`).join(", ");
    return `Base URL of the service, the whole of ${codeSpan(endpoint.hostTemplate)} filled in: ${parts}.`;
  }
  return `Base URL of the service, e.g. ${codeSpan(endpoint.hostTemplate)}.`;
}
