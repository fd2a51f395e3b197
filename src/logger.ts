import { createClientLogger } from "@azure/logger";

/** The client's logger: enable with `setLogLevel("info")` or `AZURE_LOG_LEVEL=info`. */
export const logger = createClientLogger("communication-identity");
