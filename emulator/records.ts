import type { AssignmentRecord, IdentityRecord, StateEvent } from "./state.js";

/**
 * Shape checks for journal records read back from disk: a record that cannot
 * be replayed is refused with a reason instead of half-applied (no identity
 * without an id, no `undefined` keys in the state).
 */

export type RecordCheck =
  | {
      readonly ok: true;
      readonly event: StateEvent;
      /** Entries of a whole-state snapshot that were dropped, with why. */
      readonly dropped: readonly string[];
    }
  | { readonly ok: false; readonly reason: string };

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

const isId = (value: unknown): value is string => typeof value === "string" && value !== "";
const isCount = (value: unknown): value is number => typeof value === "number" && Number.isSafeInteger(value) && value >= 0;
const isTime = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

/** Undefined when valid; otherwise what is wrong (names the field). */
function identityProblem(value: Json, time: "at" | "createdAt"): string | undefined {
  if (!isId(value.id)) return "'id' must be a non-empty string";
  if (value.customId !== undefined && typeof value.customId !== "string") return "'customId' must be a string";
  if (!isTime(value[time])) return `'${time}' must be a number`;
  return undefined;
}

export function checkIdentityRecord(value: unknown): IdentityRecord | string {
  if (!isObject(value)) return "an identity must be an object";
  const problem = identityProblem(value, "createdAt");
  if (problem !== undefined) return problem;
  if (!isCount(value.revokedSeq)) return "'revokedSeq' must be a non-negative integer";
  if (value.lastTokenIssuedAt !== undefined && !isTime(value.lastTokenIssuedAt)) return "'lastTokenIssuedAt' must be a number";
  return {
    id: value.id as string,
    createdAt: value.createdAt as number,
    revokedSeq: value.revokedSeq,
    ...(value.customId === undefined ? {} : { customId: value.customId as string }),
    ...(value.lastTokenIssuedAt === undefined ? {} : { lastTokenIssuedAt: value.lastTokenIssuedAt }),
  };
}

export function checkAssignmentRecord(value: unknown): AssignmentRecord | string {
  if (!isObject(value)) return "an assignment must be an object";
  for (const field of ["tenantId", "objectId", "principalType"] as const) {
    if (!isId(value[field])) return `'${field}' must be a non-empty string`;
  }
  const { clientIds } = value;
  if (clientIds !== undefined && !(Array.isArray(clientIds) && clientIds.every((id) => typeof id === "string"))) {
    return "'clientIds' must be an array of strings";
  }
  return {
    tenantId: value.tenantId as string,
    objectId: value.objectId as string,
    principalType: value.principalType as string,
    ...(clientIds === undefined ? {} : { clientIds: clientIds as string[] }),
  };
}

const fail = (reason: string): RecordCheck => ({ ok: false, reason });
const pass = (event: StateEvent, dropped: readonly string[] = []): RecordCheck => ({ ok: true, event, dropped });

export function checkRecord(value: unknown): RecordCheck {
  if (!isObject(value)) return fail("the record is not a JSON object");
  const t = value.t;
  switch (t) {
    case "create": {
      const problem = identityProblem(value, "at");
      if (problem !== undefined) return fail(`'create' record: ${problem}`);
      const customId = value.customId as string | undefined;
      return pass({ t, id: value.id as string, at: value.at as number, ...(customId === undefined ? {} : { customId }) });
    }
    case "issue":
    case "revoke":
    case "delete": {
      if (!isId(value.id)) return fail(`'${t}' record: 'id' must be a non-empty string`);
      if (!isCount(value.seq)) return fail(`'${t}' record: 'seq' must be a non-negative integer`);
      if (t !== "issue") return pass({ t, id: value.id, seq: value.seq });
      if (!isTime(value.at)) return fail("'issue' record: 'at' must be a number");
      return pass({ t, id: value.id, seq: value.seq, at: value.at });
    }
    case "assignmentPut": {
      const assignment = checkAssignmentRecord(value.assignment);
      return typeof assignment === "string" ? fail(`'assignmentPut' record: ${assignment}`) : pass({ t, assignment });
    }
    case "assignmentDelete":
      if (!isId(value.tenantId) || !isId(value.objectId)) {
        return fail("'assignmentDelete' record: 'tenantId' and 'objectId' must be non-empty strings");
      }
      return pass({ t, tenantId: value.tenantId, objectId: value.objectId });
    case "seq":
      return isCount(value.seq) ? pass({ t, seq: value.seq }) : fail("'seq' record: 'seq' must be a non-negative integer");
    case "identity": {
      const identity = checkIdentityRecord(value);
      return typeof identity === "string" ? fail(`'identity' record: ${identity}`) : pass({ t, ...identity });
    }
    case "snapshot":
      return checkSnapshot(value);
    default:
      return fail(typeof t === "string" ? `unknown record type '${t.slice(0, 40)}'` : "the record has no type ('t')");
  }
}

/** A whole-state snapshot keeps its valid entries; each invalid one is reported and dropped. */
function checkSnapshot(value: Json): RecordCheck {
  if (!isCount(value.seq)) return fail("'snapshot' record: 'seq' must be a non-negative integer");
  if (!Array.isArray(value.identities) || !Array.isArray(value.assignments)) {
    return fail("'snapshot' record: 'identities' and 'assignments' must be arrays");
  }
  const dropped: string[] = [];
  const identities: IdentityRecord[] = [];
  value.identities.forEach((entry: unknown, i: number) => {
    const identity = checkIdentityRecord(entry);
    if (typeof identity === "string") dropped.push(`identities[${i}]: ${identity}`);
    else identities.push(identity);
  });
  const assignments: AssignmentRecord[] = [];
  value.assignments.forEach((entry: unknown, i: number) => {
    const assignment = checkAssignmentRecord(entry);
    if (typeof assignment === "string") dropped.push(`assignments[${i}]: ${assignment}`);
    else assignments.push(assignment);
  });
  return pass({ t: "snapshot", seq: value.seq, identities, assignments }, dropped);
}

/** JSON of one flat object: strings, numbers, or arrays of strings as values (identity and assignment records). */
const STRING = String.raw`"(?:[^"\\\u0000-\u001f]|\\.)*"`;
const VALUE = String.raw`(?:-?\d+(?:\.\d+)?(?:[eE][-+]?\d+)?|${STRING}|\[(?:${STRING}(?:,${STRING})*)?\])`;
const FLAT_OBJECT = new RegExp(String.raw`\{"(?:id|tenantId)":${VALUE}(?:,${STRING}:${VALUE})*\}`, "g");

/**
 * Salvage from a damaged whole-state snapshot line: every identity and
 * assignment whose bytes are intact (a complete, valid flat object), and the
 * sequence counter when it is readable.
 */
export function salvageSnapshot(line: string): {
  readonly seq: number | undefined;
  readonly identities: IdentityRecord[];
  readonly assignments: AssignmentRecord[];
  /** How many identity and assignment records the line seems to have held (intact or not). */
  readonly identitiesSeen: number;
  readonly assignmentsSeen: number;
} {
  const seqMatch = /^\{"t":"snapshot","seq":(\d+),/.exec(line);
  const identities: IdentityRecord[] = [];
  const assignments: AssignmentRecord[] = [];
  for (const match of line.matchAll(FLAT_OBJECT)) {
    let value: unknown;
    try {
      value = JSON.parse(match[0]);
    } catch {
      continue;
    }
    if (isObject(value) && "id" in value) {
      const identity = checkIdentityRecord(value);
      if (typeof identity !== "string") identities.push(identity);
    } else {
      const assignment = checkAssignmentRecord(value);
      if (typeof assignment !== "string") assignments.push(assignment);
    }
  }
  return {
    seq: seqMatch?.[1] === undefined ? undefined : Number(seqMatch[1]),
    identities,
    assignments,
    identitiesSeen: line.split('"id":').length - 1,
    assignmentsSeen: line.split('"tenantId":').length - 1,
  };
}
