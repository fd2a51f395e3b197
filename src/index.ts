export { CommunicationIdentityClient } from "./communicationIdentityClient.js";
export type { CommunicationUserIdentifier } from "./identifiers.js";
export type {
  AbortSignalLike,
  AdditionalPolicyConfig,
  CommunicationAccessToken,
  CommunicationIdentityClientOptions,
  CommunicationUserDetail,
  CommunicationUserToken,
  CreateUserAndTokenOptions,
  CreateUserOptions,
  FullOperationResponse,
  GetTokenForTeamsExtensionUserOptions,
  GetTokenForTeamsUserOptions,
  GetTokenOptions,
  OperationOptions,
  OperationRequestOptions,
  RawResponseCallback,
  SerializerOptions,
  TeamsExtensionAssignment,
  TeamsExtensionAssignmentSettings,
  TeamsExtensionPrincipalType,
  XmlOptions,
} from "./models.js";
export { KnownTeamsExtensionPrincipalType } from "./models.js";
export { ApiVersionMismatchError, apiVersions, defaultApiVersion, type ApiVersion } from "./apiVersions.js";
export { KnownTokenScope, type KnownTokenScopeValue, type TokenScope } from "./tokenScope.js";
export { parseConnectionString, type ParsedConnectionString } from "./connectionString.js";
export {
  hmacAuthenticationPolicy,
  hmacAuthenticationPolicyName,
  type HmacAuthenticationPolicyOptions,
} from "./hmacAuthenticationPolicy.js";
export { COMMUNICATION_SCOPE } from "./credentialPolicy.js";
export { SDK_VERSION } from "./version.js";
export { AzureKeyCredential, type KeyCredential, type TokenCredential } from "@azure/core-auth";
export { RestError, isRestError } from "@azure/core-rest-pipeline";
