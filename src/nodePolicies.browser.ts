import type { Pipeline } from "@azure/core-rest-pipeline";
import type { CommunicationIdentityClientOptions } from "./models.js";

/**
 * Browser stand-in for nodePolicies.ts (chosen by package.json's "browser" field): fetch follows
 * redirects, decompresses and uses the browser's proxy and TLS settings itself, so nothing is added.
 */
export function addNodePolicies(_pipeline: Pipeline, _options: CommunicationIdentityClientOptions): void {}
