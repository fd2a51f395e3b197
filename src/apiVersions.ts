/**
 * The api-versions of the service and the error for a method or option a pinned version lacks:
 * both come from generated/ (one source of truth, regenerated with every bump).
 */
export { ApiVersionMismatchError, apiVersions, defaultApiVersion, type ApiVersion } from "../generated/src/index.js";
