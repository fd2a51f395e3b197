/**
 * The modular API (`@acs-gen/communication-identity/api`): one function per operation, each
 * taking a {@link CommunicationIdentityContext} first. Same behaviour, validation and errors as
 * the `CommunicationIdentityClient` methods (which call these functions), but a bundler keeps
 * only the functions an app imports.
 */
export {
  createIdentityContext,
  createIdentityContextFromConnectionString,
  type CommunicationIdentityContext,
  type CommunicationIdentityContextOptions,
} from "./context.js";
export { createUser, createUserAndToken, deleteUser, getUserDetail } from "./users.js";
export { getToken, getTokenForTeamsExtensionUser, getTokenForTeamsUser, revokeTokens } from "./tokens.js";
export {
  deleteTeamsExtensionAssignment,
  getTeamsExtensionAssignment,
  upsertTeamsExtensionAssignment,
} from "./teamsExtensionAssignments.js";
export type { CommunicationUserIdentifier } from "../identifiers.js";
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
} from "../models.js";
export { KnownTokenScope, type KnownTokenScopeValue, type TokenScope } from "../tokenScope.js";
export { ApiVersionMismatchError, apiVersions, defaultApiVersion, type ApiVersion } from "../apiVersions.js";
export { RestError, isRestError } from "@azure/core-rest-pipeline";
