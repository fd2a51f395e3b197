import type { Journal } from "./journal.js";
import { applyEvent, assignmentKey, type AssignmentRecord, type IdentityRecord, type State, type StateEvent } from "./state.js";

/**
 * State of one emulator instance. Changes apply to memory at once (so
 * concurrent requests see each other, and a customId maps to one identity) and
 * the returned promise settles once the change is durable.
 */
export class Store {
  constructor(
    private readonly state: State,
    private readonly journal?: Journal,
  ) {}

  private latest: Promise<void> = Promise.resolve();

  commit(event: StateEvent): Promise<void> {
    applyEvent(this.state, event);
    if (!this.journal) return Promise.resolve();
    const durable = this.journal.append(event);
    this.latest = durable.catch(() => undefined);
    return durable;
  }

  /** Settles once every change committed so far is durable (the journal writes in order). */
  flushed(): Promise<void> {
    return this.latest;
  }

  nextSeq(): number {
    return this.state.seq + 1;
  }

  identity(id: string): IdentityRecord | undefined {
    return this.state.identities.get(id);
  }

  identityByCustomId(customId: string): IdentityRecord | undefined {
    const id = this.state.customIds.get(customId);
    return id === undefined ? undefined : this.state.identities.get(id);
  }

  assignment(tenantId: string, objectId: string): AssignmentRecord | undefined {
    return this.state.assignments.get(assignmentKey(tenantId, objectId));
  }

  stats(): { identities: number; assignments: number } {
    return { identities: this.state.identities.size, assignments: this.state.assignments.size };
  }

  async close(): Promise<void> {
    await this.journal?.close();
  }
}
