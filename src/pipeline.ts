import {
  createEmptyPipeline,
  defaultRetryPolicy,
  logPolicy,
  setClientRequestIdPolicy,
  tracingPolicy,
  userAgentPolicy,
  type Pipeline,
  type PipelinePolicy,
} from "@azure/core-rest-pipeline";
import { isLoopback } from "./endpoint.js";
import { logger } from "./logger.js";
import { addNodePolicies } from "./nodePolicies.js";
import type { CommunicationIdentityClientOptions } from "./models.js";
import { SDK_USER_AGENT } from "./version.js";

/**
 * The client's pipeline, composed from `@azure/core-rest-pipeline`'s own policies on an empty
 * pipeline (not `createPipelineFromOptions`, whose form-data, multipart and abort-wrapping
 * policies this client never needs and which would be bundled and run on every request).
 * Policies, in order:
 * - Node only (nodePolicies.ts; browser bundles get nodePolicies.browser.ts, which adds nothing):
 *   agent / TLS options when given, proxy (options or environment), response decompression;
 * - user agent, client request id;
 * - the caller's "perCall" policies;
 * - "Retry" phase: the default retry policy; after it, tracing (one HTTP span per attempt, under
 *   the operation's span, as with `@azure/communication-identity`), redirects (Node only: fetch
 *   follows them itself), then the caller's "perRetry" policies;
 * - "Sign" phase: `authentication` (HMAC or bearer, see credentialPolicy.ts), which runs after
 *   every policy that may change the URL or body, on each attempt;
 * - after signing: logging, with header and query redaction (`Authorization` always redacted).
 */
export function createIdentityPipeline(
  endpoint: string,
  authentication: PipelinePolicy,
  options: CommunicationIdentityClientOptions,
): Pipeline {
  const { loggingOptions = {} } = options;
  const prefix = options.userAgentOptions?.userAgentPrefix;
  const userAgentPrefix = prefix ? `${prefix} ${SDK_USER_AGENT}` : SDK_USER_AGENT;
  const pipeline = createEmptyPipeline();
  // Before the Node policies, so that it precedes the redirect policy, as in createPipelineFromOptions.
  pipeline.addPolicy(
    tracingPolicy({ userAgentPrefix, additionalAllowedQueryParameters: loggingOptions.additionalAllowedQueryParameters }),
    { afterPhase: "Retry" },
  );
  addNodePolicies(pipeline, options);
  pipeline.addPolicy(userAgentPolicy({ userAgentPrefix }));
  pipeline.addPolicy(setClientRequestIdPolicy(options.telemetryOptions?.clientRequestIdHeaderName));
  pipeline.addPolicy(defaultRetryPolicy(options.retryOptions), { phase: "Retry" });
  pipeline.addPolicy(
    logPolicy({
      ...loggingOptions,
      logger: logger.info,
      // The signature is a secret: Authorization is never logged.
      additionalAllowedHeaderNames: loggingOptions.additionalAllowedHeaderNames?.filter((name) => !/^authorization$/i.test(name)),
    }),
    { afterPhase: "Sign" },
  );
  if (options.allowInsecureConnection ?? isLoopbackHttp(endpoint)) {
    pipeline.addPolicy({
      name: "communicationIdentityAllowInsecureConnectionPolicy",
      sendRequest: (request, next) => next(Object.assign(request, { allowInsecureConnection: true })),
    });
  }
  for (const { policy, position } of options.additionalPolicies ?? []) {
    pipeline.addPolicy(policy, position === "perRetry" ? { afterPhase: "Retry" } : {});
  }
  pipeline.addPolicy(authentication, { phase: "Sign" });
  return pipeline;
}

/** Plain http to this machine (a local emulator): allowed without opting in. */
function isLoopbackHttp(endpoint: string): boolean {
  return /^http:/i.test(endpoint) && isLoopback(endpoint);
}
