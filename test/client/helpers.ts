/** Helpers shared by the client suites. */
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import type { AdditionalPolicyConfig } from "../../src/index.js";

/** A perCall policy counting requests that reach the pipeline (to prove "nothing was sent"). */
export function counter(): { sent: () => number; policies: AdditionalPolicyConfig[] } {
  let n = 0;
  const policy: PipelinePolicy = { name: "countRequests", sendRequest: (req, next) => ((n += 1), next(req)) };
  return { sent: () => n, policies: [{ policy, position: "perCall" }] };
}

/** The value a promise rejects with; fails when it resolves. */
export async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (e) {
    return e;
  }
  throw new Error("expected a rejection");
}
