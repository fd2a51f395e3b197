import { agentPolicy, decompressResponsePolicy, proxyPolicy, redirectPolicy, tlsPolicy, type Pipeline } from "@azure/core-rest-pipeline";
import type { CommunicationIdentityClientOptions } from "./models.js";

/**
 * The policies only Node.js needs, which a browser's fetch does itself (proxy, decompression,
 * redirects) or has no use for (agent, TLS options): first in the pipeline, the agent and TLS
 * options when given, the proxy (options or environment) and response decompression; right after
 * the "Retry" phase, redirects.
 *
 * Browser bundles resolve this file to nodePolicies.browser.ts (package.json "browser" field), so
 * they never carry these policies. Node-like runtimes that load this file anyway without
 * `process.versions.node` get nothing added.
 */
export function addNodePolicies(pipeline: Pipeline, options: CommunicationIdentityClientOptions): void {
  if (typeof (globalThis as { process?: { versions?: { node?: string } } }).process?.versions?.node !== "string") return;
  if (options.agent) pipeline.addPolicy(agentPolicy(options.agent));
  if (options.tlsOptions) pipeline.addPolicy(tlsPolicy(options.tlsOptions));
  pipeline.addPolicy(proxyPolicy(options.proxyOptions));
  pipeline.addPolicy(decompressResponsePolicy());
  pipeline.addPolicy(redirectPolicy(options.redirectOptions), { afterPhase: "Retry" });
}
