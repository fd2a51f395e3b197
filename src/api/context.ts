import { isKeyCredential, isTokenCredential, type KeyCredential, type TokenCredential } from "@azure/core-auth";
import { createDefaultHttpClient, type HttpClient, type Pipeline, type PipelinePolicy } from "@azure/core-rest-pipeline";
import { resolveApiVersion } from "../../generated/src/index.js";
import { connectionStringParts } from "../connectionString.js";
import { credentialPolicy } from "../credentialPolicy.js";
import { checkEndpointArgument, trimEndpoint } from "../endpoint.js";
import { hmacAuthenticationPolicy } from "../hmacAuthenticationPolicy.js";
import type { ApiVersion } from "../apiVersions.js";
import type { CommunicationIdentityClientOptions } from "../models.js";
import { createIdentityPipeline } from "../pipeline.js";

/**
 * What every function of the modular API (`@acs-gen/communication-identity/api`) takes first: the
 * resource, the api-version and the HTTP pipeline. Create one with
 * {@link createIdentityContextFromConnectionString} or {@link createIdentityContext} and reuse it;
 * it holds no per-request state.
 */
export interface CommunicationIdentityContext {
  /** The resource's absolute http(s) URL, without a trailing slash. */
  readonly endpoint: string;
  /** The api-version every request sends. */
  readonly apiVersion: ApiVersion;
  /** The pipeline requests go through: retry, logging with redaction, user agent, request signing. */
  readonly pipeline: Pipeline;
  /** The transport the pipeline sends with. */
  readonly httpClient: HttpClient;
}

/** Options of a context: the same as the client's (`CommunicationIdentityClientOptions`). */
export type CommunicationIdentityContextOptions = CommunicationIdentityClientOptions;

/**
 * A context that signs requests with the access key of a connection string
 * (`endpoint=https://<resource>.communication.azure.com/;accesskey=<base64 key>`). It only ever
 * signs with HMAC, so a bundle that uses it leaves out the Entra ID bearer-token policy.
 */
export function createIdentityContextFromConnectionString(
  connectionString: string,
  options: CommunicationIdentityContextOptions = {},
): CommunicationIdentityContext {
  const { endpoint, accesskey } = connectionStringParts(connectionString);
  // A plain KeyCredential: nothing outside the context can reach it to rotate it.
  return contextFor(endpoint, hmacAuthenticationPolicy({ key: accesskey }), options);
}

/**
 * A context for an endpoint and a credential: a `KeyCredential` (such as `AzureKeyCredential`,
 * whose `update()` rotates the key for the next request) signs with HMAC-SHA256, a
 * `TokenCredential` (`@azure/identity`) sends Entra ID bearer tokens.
 */
export function createIdentityContext(
  endpoint: string,
  credential: KeyCredential | TokenCredential,
  options: CommunicationIdentityContextOptions = {},
): CommunicationIdentityContext {
  checkEndpointArgument(endpoint);
  if (!isKeyCredential(credential) && !isTokenCredential(credential)) {
    throw new TypeError("credential must be a KeyCredential (e.g. AzureKeyCredential) or a TokenCredential.");
  }
  return contextFor(endpoint, credentialPolicy(credential), options);
}

function contextFor(
  endpoint: string,
  authentication: PipelinePolicy,
  options: CommunicationIdentityContextOptions,
): CommunicationIdentityContext {
  // (Creating the authentication policy has no effect: nothing is read or fetched before a request.)
  const apiVersion = resolveApiVersion(options.apiVersion);
  endpoint = trimEndpoint(endpoint);
  return Object.freeze({
    endpoint,
    apiVersion,
    pipeline: createIdentityPipeline(endpoint, authentication, options),
    httpClient: options.httpClient ?? createDefaultHttpClient(),
  });
}
