/**
 * The emulator's state and the events that change it. Every change is an
 * event; replaying the events of a journal rebuilds the state.
 */

export interface IdentityRecord {
  readonly id: string;
  readonly customId?: string;
  readonly createdAt: number;
  lastTokenIssuedAt?: number;
  /** Tokens whose sequence number is at or below this are revoked. */
  revokedSeq: number;
}

export interface AssignmentRecord {
  readonly tenantId: string;
  readonly objectId: string;
  readonly principalType: string;
  readonly clientIds?: readonly string[];
}

export interface State {
  /** Last sequence number handed to a token or a revocation. */
  seq: number;
  readonly identities: Map<string, IdentityRecord>;
  /** customId -> identity id. */
  readonly customIds: Map<string, string>;
  /** `${tenantId}/${objectId}` (lower case) -> assignment. */
  readonly assignments: Map<string, AssignmentRecord>;
}

export type StateEvent =
  | { readonly t: "create"; readonly id: string; readonly customId?: string; readonly at: number }
  | { readonly t: "issue"; readonly id: string; readonly seq: number; readonly at: number }
  | { readonly t: "revoke"; readonly id: string; readonly seq: number }
  | { readonly t: "delete"; readonly id: string; readonly seq: number }
  | { readonly t: "assignmentPut"; readonly assignment: AssignmentRecord }
  | { readonly t: "assignmentDelete"; readonly tenantId: string; readonly objectId: string }
  /** Compacted form: the sequence counter, then one line per identity and per assignment. */
  | { readonly t: "seq"; readonly seq: number }
  | {
      readonly t: "identity";
      readonly id: string;
      readonly customId?: string;
      readonly createdAt: number;
      readonly lastTokenIssuedAt?: number;
      readonly revokedSeq: number;
    }
  /** Compacted form written before journal recovery existed: the whole state on one line. */
  | {
      readonly t: "snapshot";
      readonly seq: number;
      readonly identities: readonly IdentityRecord[];
      readonly assignments: readonly AssignmentRecord[];
    };

export function emptyState(): State {
  return { seq: 0, identities: new Map(), customIds: new Map(), assignments: new Map() };
}

export function assignmentKey(tenantId: string, objectId: string): string {
  return `${tenantId.toLowerCase()}/${objectId.toLowerCase()}`;
}

/** Apply one event to the state (the state object is owned by one Store). */
export function applyEvent(state: State, event: StateEvent): void {
  switch (event.t) {
    case "create": {
      const record: IdentityRecord = { id: event.id, createdAt: event.at, revokedSeq: 0 };
      state.identities.set(event.id, event.customId === undefined ? record : { ...record, customId: event.customId });
      if (event.customId !== undefined) state.customIds.set(event.customId, event.id);
      return;
    }
    case "issue": {
      state.seq = Math.max(state.seq, event.seq);
      const identity = state.identities.get(event.id);
      if (identity) identity.lastTokenIssuedAt = event.at;
      return;
    }
    case "revoke": {
      state.seq = Math.max(state.seq, event.seq);
      const identity = state.identities.get(event.id);
      if (identity) identity.revokedSeq = event.seq;
      return;
    }
    case "delete": {
      state.seq = Math.max(state.seq, event.seq);
      const identity = state.identities.get(event.id);
      if (identity?.customId !== undefined && state.customIds.get(identity.customId) === event.id) {
        state.customIds.delete(identity.customId);
      }
      state.identities.delete(event.id);
      return;
    }
    case "assignmentPut":
      state.assignments.set(assignmentKey(event.assignment.tenantId, event.assignment.objectId), event.assignment);
      return;
    case "assignmentDelete":
      state.assignments.delete(assignmentKey(event.tenantId, event.objectId));
      return;
    case "seq":
      state.seq = Math.max(state.seq, event.seq);
      return;
    case "identity": {
      const { t: _t, ...record } = event;
      state.identities.set(record.id, { ...record });
      if (record.customId !== undefined) state.customIds.set(record.customId, record.id);
      // Even if the seq line was lost, new tokens must get numbers above every revocation.
      state.seq = Math.max(state.seq, record.revokedSeq);
      return;
    }
    case "snapshot":
      state.seq = event.seq;
      state.identities.clear();
      state.customIds.clear();
      state.assignments.clear();
      for (const identity of event.identities) applyEvent(state, { t: "create", ...identity, at: identity.createdAt });
      for (const identity of event.identities) {
        const record = state.identities.get(identity.id);
        if (record) {
          record.revokedSeq = identity.revokedSeq;
          if (identity.lastTokenIssuedAt !== undefined) record.lastTokenIssuedAt = identity.lastTokenIssuedAt;
        }
      }
      for (const assignment of event.assignments) applyEvent(state, { t: "assignmentPut", assignment });
      return;
  }
}

/**
 * The state as compacted journal records: one line each, so that damage to one
 * line of the file loses one identity or assignment, never the rest.
 */
export function compactedEvents(state: State): StateEvent[] {
  const events: StateEvent[] = [{ t: "seq", seq: state.seq }];
  for (const identity of state.identities.values()) events.push({ t: "identity", ...identity });
  for (const assignment of state.assignments.values()) events.push({ t: "assignmentPut", assignment });
  return events;
}
