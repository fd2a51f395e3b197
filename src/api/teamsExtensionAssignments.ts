import {
  teamsExtensionDeleteAssignment,
  teamsExtensionGetAssignment,
  teamsExtensionUpsertAssignment,
} from "../../generated/src/index.js";
import { checkAssignmentSettings, checkRequiredString } from "../inputChecks.js";
import type { OperationOptions, TeamsExtensionAssignment, TeamsExtensionAssignmentSettings } from "../models.js";
import type { CommunicationIdentityContext } from "./context.js";
import { asClient, forward } from "./generatedCall.js";
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
  const result = await asClient({ method: "getTeamsExtensionAssignment" }, () =>
    teamsExtensionGetAssignment(context, tenant, object, forward(options)),
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
  const { principalType, clientIds } = checkAssignmentSettings(settings);
  const body = { principalType, ...optional("clientIds", clientIds) };
  const result = await asClient({ method: "upsertTeamsExtensionAssignment" }, () =>
    teamsExtensionUpsertAssignment(context, tenant, object, body, forward(options)),
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
  await asClient({ method: "deleteTeamsExtensionAssignment" }, () =>
    teamsExtensionDeleteAssignment(context, tenant, object, forward(options)),
  );
}

function principal(tenantId: string, objectId: string): [string, string] {
  return [checkRequiredString(tenantId, "tenantId"), checkRequiredString(objectId, "objectId")];
}

function assignment(result: { tenantId: string; objectId: string; principalType: string; clientIds?: string[] }): TeamsExtensionAssignment {
  return {
    tenantId: result.tenantId,
    objectId: result.objectId,
    principalType: result.principalType,
    ...optional("clientIds", result.clientIds),
  };
}
