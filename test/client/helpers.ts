/** Helpers shared by the client suites. */
import { afterAll, beforeAll } from "vitest";
import { CommunicationIdentityClient as OfficialClient } from "@azure/communication-identity";
import type { PipelinePolicy } from "@azure/core-rest-pipeline";
import { startEmulator, type RunningEmulator } from "../../emulator/index.js";
import { CommunicationIdentityClient } from "../../src/index.js";
import type { AdditionalPolicyConfig } from "../../src/index.js";

/** A perCall policy counting requests that reach the pipeline (to prove "nothing was sent"). */
export function counter(): { sent: () => number; policies: AdditionalPolicyConfig[] } {
  let n = 0;
  const policy: PipelinePolicy = { name: "countRequests", sendRequest: (req, next) => ((n += 1), next(req)) };
  return { sent: () => n, policies: [{ policy, position: "perCall" }] };
}

export { rejection } from "../fixtures/rejection.js";

/**
 * An emulator for the file's tests, with our client pinned to the official client's api-version
 * (2023-10-01: some service messages name it) and `@azure/communication-identity` 1.3.1 beside it,
 * for side-by-side comparisons. Filled in by `beforeAll`, closed by `afterAll`.
 */
export function sideBySide(): { emulator: RunningEmulator; ours: CommunicationIdentityClient; official: OfficialClient } {
  const both = {} as { emulator: RunningEmulator; ours: CommunicationIdentityClient; official: OfficialClient };
  beforeAll(async () => {
    both.emulator = await startEmulator();
    both.ours = new CommunicationIdentityClient(both.emulator.connectionString, { apiVersion: "2023-10-01" });
    both.official = new OfficialClient(both.emulator.connectionString, { allowInsecureConnection: true });
  });
  afterAll(async () => {
    await both.emulator.close();
  });
  return both;
}
