import type { EntityManager } from 'typeorm';

/** Who made a change, as the audit log records it (never an email or a credential). */
export interface AuditActorRef {
  id: string;
  role: string;
  organisationId: string | null;
}

/** One state change to append to the audit log. */
export interface AuditRecord {
  /** What happened, `<entity>.<verb>`: `organisation.created`, `task.accept`, `threat.override`. */
  action: string;
  entityType: string;
  entityId: string;
  /** The entity before and after, as plain JSON; null when it did not exist. Never secrets. */
  before?: unknown;
  after?: unknown;
  /** Omitted: the signed-in user of the current request, or none for system work (bootstrap admin). */
  actor?: AuditActorRef | null;
}

/**
 * The port through which services record state changes, so identity, vision, assessments and
 * collaboration need no dependency on the audit library. It lives here, next to TransactionRunner,
 * because `record` must run inside the caller's `tx.run(em => …)`: an entry commits or rolls back
 * with its change. AuditModule provides it globally; where it is not provided (the worker, the CLI)
 * services inject it as @Optional() and record nothing.
 */
export abstract class AuditSink {
  abstract record(em: EntityManager, entries: readonly AuditRecord[]): Promise<void>;
}
