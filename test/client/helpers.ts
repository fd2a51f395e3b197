/** Helpers shared by the client suites. */
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { AdditionalPolicyConfig } from "../../src/index.js";

/** A perCall policy counting requests that reach the pipeline (to prove "nothing was sent"). */
export function counter(): { sent: () => number; policies: AdditionalPolicyConfig[] } {
  let n = 0;
  const policy: PipelinePolicy = { name: "countRequests", sendRequest: (req, next) => ((n += 1), next(req)) };
  return { sent: () => n, policies: [{ policy, position: "perCall" }] };
}

export { rejection } from "../fixtures/rejection.js";
