import { createTracingClient } from "@azure/core-tracing";
import { SDK_VERSION } from "./version.js";

/**
 * The client's tracing client, as `@azure/communication-identity` has it: spans carry the
 * `az.namespace` `Microsoft.Communication`. Spans are recorded only once an instrumenter is
 * registered (`@azure/opentelemetry-instrumentation-azure-sdk`, or core-tracing's `useInstrumenter`).
 */
export const tracingClient = createTracingClient({
  namespace: "Microsoft.Communication",
  packageName: "@acs-gen/communication-identity",
  packageVersion: SDK_VERSION,
});
