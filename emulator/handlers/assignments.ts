import { isObject, type OperationContext } from "../context.js";
import { errorReply, isReply, noContent, ok, validationError, type Reply } from "../errors.js";
import { isGuid } from "../ids.js";
import type { AssignmentRecord } from "../state.js";

/** Teams extension assignments: which Entra users may exchange Teams Phone tokens. */

const PRINCIPAL_TYPES = ["resourceAccount", "user"];

function pathIds(ctx: OperationContext): { tenantId: string; objectId: string } | Reply {
  const tenantId = ctx.params.tenantId ?? "";
  const objectId = ctx.params.objectId ?? "";
  if (!isGuid(tenantId)) return validationError("Provided TenantId has invalid format.", "tenantId");
  if (!isGuid(objectId)) return validationError("Provided ObjectId has invalid format.", "objectId");
  return { tenantId: tenantId.toLowerCase(), objectId: objectId.toLowerCase() };
}

function assignmentBody(assignment: AssignmentRecord): Record<string, unknown> {
  const body: Record<string, unknown> = {
    objectId: assignment.objectId,
    tenantId: assignment.tenantId,
    principalType: assignment.principalType,
  };
  if (assignment.clientIds !== undefined) body.clientIds = [...assignment.clientIds];
  return body;
}

const notFound = (): Reply => errorReply(404, "AssignmentNotFound", "The assignment was not found.");

export async function getAssignment(ctx: OperationContext): Promise<Reply> {
  const ids = pathIds(ctx);
  if (isReply(ids)) return ids;
  const assignment = ctx.store.assignment(ids.tenantId, ids.objectId);
  return assignment === undefined ? notFound() : ok(assignmentBody(assignment));
}

export async function upsertAssignment(ctx: OperationContext): Promise<Reply> {
  const ids = pathIds(ctx);
  if (isReply(ids)) return ids;
  const body = ctx.body;
  if (!isObject(body) || body.principalType === undefined || body.principalType === null) {
    return validationError("PrincipalType: The PrincipalType field is required.", "PrincipalType");
  }
  if (typeof body.principalType !== "string" || !PRINCIPAL_TYPES.includes(body.principalType)) {
    return validationError("Provided PrincipalType is not valid.", "principalType");
  }
  let clientIds: string[] | undefined;
  if (body.clientIds !== undefined && body.clientIds !== null) {
    if (!Array.isArray(body.clientIds) || !body.clientIds.every((id) => typeof id === "string" && isGuid(id))) {
      return validationError("Provided ClientIds has invalid format.", "clientIds");
    }
    clientIds = body.clientIds.map((id: string) => id.toLowerCase());
  }
  const existed = ctx.store.assignment(ids.tenantId, ids.objectId) !== undefined;
  const assignment: AssignmentRecord = {
    ...ids,
    principalType: body.principalType,
    ...(clientIds === undefined ? {} : { clientIds }),
  };
  await ctx.store.commit({ t: "assignmentPut", assignment });
  return ok(assignmentBody(assignment), existed ? 200 : 201);
}

/** Deleting an assignment that does not exist is a no-op (204). */
export async function deleteAssignment(ctx: OperationContext): Promise<Reply> {
  const ids = pathIds(ctx);
  if (isReply(ids)) return ids;
  if (ctx.store.assignment(ids.tenantId, ids.objectId) !== undefined) {
    await ctx.store.commit({ t: "assignmentDelete", ...ids });
  }
  return noContent;
}
