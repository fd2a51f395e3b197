import { teamsExtensionDeleteAssignment, teamsExtensionGetAssignment, teamsExtensionUpsertAssignment } from "../../generated/src/index.js";
import { checkObject, checkPathSegment } from "../inputChecks.js";
import type { OperationOptions, TeamsExtensionAssignment, TeamsExtensionAssignmentSettings } from "../models.js";
import type { CommunicationIdentityContext } from "./context.js";
import { operation } from "./operation.js";
import { optional } from "./optional.js";

/**
 * Gets the Teams extension assignment of a principal (`RestError` 404 if there is none).
 * In api-versions `2025-03-02-preview`, `2025-06-30` and `2026-09-23`.
 */
export async function getTeamsExtensionAssignment(
  context: CommunicationIdentityContext,
  tenantId: string,
  objectId: string,
  options: OperationOptions = {},
): Promise<TeamsExtensionAssignment> {
  const [tenant, object] = principal(tenantId, objectId);
  const result = await operation(context, "getTeamsExtensionAssignment", options, (c, forwarded) =>
    teamsExtensionGetAssignment(c, tenant, object, forwarded),
  );
  return assignment(result);
}

/**
 * Creates or replaces the Teams extension assignment of a principal, which lets it exchange
 * its Entra tokens with `getTokenForTeamsExtensionUser`. In api-versions `2025-03-02-preview`,
 * `2025-06-30` and `2026-09-23`.
 */
export async function upsertTeamsExtensionAssignment(
  context: CommunicationIdentityContext,
  tenantId: string,
  objectId: string,
  settings: TeamsExtensionAssignmentSettings,
  options: OperationOptions = {},
): Promise<TeamsExtensionAssignment> {
  const [tenant, object] = principal(tenantId, objectId);
  const { principalType, clientIds } = checkObject(settings, "settings { principalType, clientIds? }");
  const body = { principalType, ...optional("clientIds", clientIds) };
  const result = await operation(context, "upsertTeamsExtensionAssignment", options, (c, forwarded) =>
    teamsExtensionUpsertAssignment(c, tenant, object, body, forwarded),
  );
  return assignment(result);
}

/**
 * Deletes the Teams extension assignment of a principal; deleting one that does not exist
 * succeeds. In api-versions `2025-03-02-preview`, `2025-06-30` and `2026-09-23`.
 */
export async function deleteTeamsExtensionAssignment(
  context: CommunicationIdentityContext,
  tenantId: string,
  objectId: string,
  options: OperationOptions = {},
): Promise<void> {
  const [tenant, object] = principal(tenantId, objectId);
  await operation(context, "deleteTeamsExtensionAssignment", options, (c, forwarded) =>
    teamsExtensionDeleteAssignment(c, tenant, object, forwarded),
  );
}

function principal(tenantId: string, objectId: string): [string, string] {
  return [checkPathSegment(tenantId, "tenantId"), checkPathSegment(objectId, "objectId")];
}

function assignment(result: { tenantId: string; objectId: string; principalType: string; clientIds?: string[] }): TeamsExtensionAssignment {
  return {
    tenantId: result.tenantId,
    objectId: result.objectId,
    principalType: result.principalType,
    ...optional("clientIds", result.clientIds),
  };
}
