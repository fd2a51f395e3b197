import { isTokenCredential, type KeyCredential, type TokenCredential } from "@azure/core-auth";
import { bearerTokenAuthenticationPolicy, type PipelinePolicy } from "@azure/core-rest-pipeline";
import { hmacAuthenticationPolicy } from "./hmacAuthenticationPolicy.js";

/** The Entra ID scope of the Communication Services data plane. */
export const COMMUNICATION_SCOPE = "https://communication.azure.com//.default";

/**
 * The "Sign" policy for a credential: HMAC-SHA256 with a `KeyCredential`, Entra ID bearer tokens
 * with a `TokenCredential`. Kept apart from the pipeline so that a connection-string client,
 * which can only sign with HMAC, never bundles the bearer-token policy.
 */
export function credentialPolicy(credential: KeyCredential | TokenCredential): PipelinePolicy {
  return isTokenCredential(credential)
    ? bearerTokenAuthenticationPolicy({ credential, scopes: COMMUNICATION_SCOPE })
    : hmacAuthenticationPolicy(credential);
}
