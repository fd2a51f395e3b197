import { isTokenCredential, type KeyCredential, type TokenCredential } from "@azure/core-auth";
import {
  bearerTokenAuthenticationPolicy,
  createPipelineFromOptions,
  type Pipeline,
  type PipelinePolicy,
} from "@azure/core-rest-pipeline";
import { hmacAuthenticationPolicy } from "./hmacAuthenticationPolicy.js";
import { logger } from "./logger.js";
import type { CommunicationIdentityClientOptions } from "./models.js";
import { SDK_USER_AGENT } from "./version.js";

/** The Entra ID scope of the Communication Services data plane. */
export const COMMUNICATION_SCOPE = "https://communication.azure.com//.default";

/**
 * The client's pipeline: the standard policies from `@azure/core-rest-pipeline` (retry, redirect,
 * user agent, request id, logging), the caller's additional policies, then authentication in the
 * "Sign" phase, which runs after every policy that may change the URL or body, on each attempt.
 */
export function createIdentityPipeline(
  endpoint: string,
  credential: KeyCredential | TokenCredential,
  options: CommunicationIdentityClientOptions,
): Pipeline {
  const userAgentPrefix = [options.userAgentOptions?.userAgentPrefix, SDK_USER_AGENT].filter(Boolean).join(" ");
  const pipeline = createPipelineFromOptions({
    ...options,
    userAgentOptions: { ...options.userAgentOptions, userAgentPrefix },
    loggingOptions: {
      logger: logger.info,
      additionalAllowedHeaderNames: options.loggingOptions?.additionalAllowedHeaderNames?.filter(
        (name) => name.toLowerCase() !== "authorization",
      ),
      additionalAllowedQueryParameters: options.loggingOptions?.additionalAllowedQueryParameters,
    },
  });
  if (options.allowInsecureConnection ?? isLoopbackHttp(endpoint)) {
    pipeline.addPolicy(allowInsecureConnectionPolicy());
  }
  for (const { policy, position } of options.additionalPolicies ?? []) {
    pipeline.addPolicy(policy, position === "perRetry" ? { afterPhase: "Retry" } : {});
  }
  const auth = isTokenCredential(credential)
    ? bearerTokenAuthenticationPolicy({ credential, scopes: COMMUNICATION_SCOPE })
    : hmacAuthenticationPolicy(credential);
  pipeline.addPolicy(auth, { phase: "Sign" });
  return pipeline;
}

function allowInsecureConnectionPolicy(): PipelinePolicy {
  return {
    name: "communicationIdentityAllowInsecureConnectionPolicy",
    sendRequest(request, next) {
      request.allowInsecureConnection = true;
      return next(request);
    },
  };
}

/** Plain http to this machine (a local emulator): allowed without opting in. */
function isLoopbackHttp(endpoint: string): boolean {
  const url = new URL(endpoint);
  return url.protocol === "http:" && ["localhost", "127.0.0.1", "[::1]"].includes(url.hostname);
}
