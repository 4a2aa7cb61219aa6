import type { EntityManager } from 'typeorm';
import type { Band, Strand, TaskStatus } from '@app/common';

/** A task as listeners see it (a plain copy of the stored row after the change). */
export interface TaskSnapshot {
  id: string;
  threatId: string;
  threatRef: string;
  assessmentId: string;
  title: string;
  strand: Strand;
  capability: string;
  band: Band;
  status: TaskStatus;
  organisationId: string | null;
  supporterIds: string[];
  issuedAt: string | null;
  acceptBy: string | null;
  dueAt: string | null;
  startedAt: string | null;
  version: number;
}

export interface TaskChangeActor {
  id: string;
  role: string;
  organisationId: string;
}

export interface TaskChange {
  before: TaskSnapshot | null;
  after: TaskSnapshot;
  /** A lifecycle action, or 'create' when a plan stores a new task. */
  action: string;
  actor: TaskChangeActor | null;
  reason: string | null;
  at: string;
}

/**
 * The port through which reminders (and audit) follow task changes without tasking depending on them.
 * `onTasksChanged` runs inside the transaction that changed the tasks, so its writes (reminder rows:
 * the outbox) commit or roll back with the change. `afterCommit` runs once the transaction has
 * committed, for side effects outside the database (queueing jobs); it must never throw.
 */
export interface TaskChangeListener {
  onTasksChanged(em: EntityManager, changes: TaskChange[]): Promise<void>;
  afterCommit?(changes: TaskChange[]): Promise<void>;
}
