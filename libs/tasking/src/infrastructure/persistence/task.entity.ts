import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ISO_TIMESTAMP } from '@app/database';
import type { Band, Classification, Strand, TaskDraft, TaskStatus } from '@app/common';

/**
 * A task of a tasking plan. The threat's regions and classification are copied onto the task when it
 * is generated: routing and reassignment need them, and a later revision or override of the threat
 * must not silently change who is cleared to hold work already routed.
 *
 * `version` is a plain integer, not @VersionColumn: every write is an explicit
 * `UPDATE … SET version = version + 1 WHERE id = ? AND version = ?` (TasksService), because
 * @VersionColumn only increments and never guards a write.
 */
/**
 * Lists are ordered by band, then due date with undated tasks last, then creation. `dueSort` is that
 * due date with a far-future stand-in for "none": SQLite puts NULLs first and cannot serve
 * `NULLS LAST` from an index, so without it every list page would sort all matching rows.
 */
export const NO_DUE_DATE_SORT = '9999-12-31T23:59:59.999Z';

/**
 * The predicate of the partial indexes behind a partner's list (idx_task_org_issued on task,
 * idx_task_supporter_org on task_supporter): a task enters partner scope when a coordinator first
 * issues it, and never leaves it by going back (no transition returns to `proposed`). Queries must
 * repeat it literally (not as a bound parameter) so that SQLite and PostgreSQL can prove the partial
 * index applies; proposed tasks, most of any large plan, are never in these indexes at all.
 */
export const ISSUED = 'issued_at IS NOT NULL';

@Entity({ name: 'task' })
@Index('idx_task_org_status', ['organisationId', 'status'])
@Index('idx_task_status_order', ['status', 'band', 'dueSort', 'createdAt', 'id'])
@Index('idx_task_threat', ['threatId'])
@Index('idx_task_band_due', ['band', 'dueSort', 'createdAt', 'id'])
@Index('idx_task_org_order', ['organisationId', 'band', 'dueSort', 'createdAt', 'id'])
@Index('idx_task_org_issued', ['organisationId', 'band', 'dueSort', 'createdAt', 'id'], { where: ISSUED })
@Index('idx_task_assessment_ref', ['assessmentId', 'threatRef'])
export class TaskEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** The threat row of the latest revision that still carries this threat (re-pointed on revision). */
  @Column({ type: 'varchar', length: 36 })
  threatId: string;

  @Column({ type: 'varchar', length: 64 })
  threatRef: string;

  @Column({ type: 'varchar', length: 36 })
  assessmentId: string;

  /** The revision whose threat the task currently points at. */
  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 16 })
  strand: Strand;

  @Column({ type: 'varchar', length: 64 })
  capability: string;

  @Column({ type: 'varchar', length: 16 })
  source: TaskDraft['source'];

  @Column({ type: 'varchar', length: 2 })
  band: Band;

  @Column({ type: 'varchar', length: 32, nullable: true })
  objectiveCode: string | null;

  @Column({ type: 'varchar', length: 16 })
  status: TaskStatus;

  /** The lead organisation; null while the task is unrouted (a gap). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  organisationId: string | null;

  /** Display copy of the supporters; task_supporter holds the same ids for indexed scoping. */
  @Column({ type: 'simple-json' })
  supporterIds: string[];

  @Column({ type: 'simple-json' })
  regions: string[];

  @Column({ type: 'varchar', length: 24 })
  classification: Classification;

  /** Intended durations, turned into dueAt/acceptBy when the task is issued. */
  @Column({ type: 'integer' })
  dueInDays: number;

  @Column({ type: 'integer' })
  acceptWithinHours: number;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  issuedAt: string | null;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  acceptBy: string | null;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  dueAt: string | null;

  /**
   * dueAt, or NO_DUE_DATE_SORT when there is none: the list order's second key. Tasking always sets it
   * with dueAt; the default only lets other writers (test fixtures) insert rows without knowing of it.
   */
  @Column({ ...ISO_TIMESTAMP, default: NO_DUE_DATE_SORT })
  dueSort: string;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  acceptedAt: string | null;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  startedAt: string | null;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  completedAt: string | null;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  closedAt: string | null;

  @Column({ type: 'text', nullable: true })
  outcome: string | null;

  @Column({ type: 'text', nullable: true })
  declineReason: string | null;

  /** Why a coordinator cancelled or superseded the task. */
  @Column({ type: 'text', nullable: true })
  cancelReason: string | null;

  @Column(ISO_TIMESTAMP)
  createdAt: string;

  @Column(ISO_TIMESTAMP)
  updatedAt: string;

  @Column({ type: 'integer' })
  version: number;
}

/**
 * Supporting organisations, one row each, so "lead OR supporter" scoping is an indexed lookup. The
 * task's list-order keys and issue time are copied here (band and createdAt never change; dueSort and
 * issuedAt are kept in step whenever the task is issued or re-issued), so a partner's list is two
 * index ranges merged in order (TasksService.list) rather than a sort of every task the partner can see.
 */
@Entity({ name: 'task_supporter' })
@Index('idx_task_supporter_org', ['organisationId', 'band', 'dueSort', 'createdAt', 'taskId'], { where: ISSUED })
export class TaskSupporterEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  taskId: string;

  @PrimaryColumn({ type: 'varchar', length: 36 })
  organisationId: string;

  @Column({ type: 'varchar', length: 2 })
  band: Band;

  @Column(ISO_TIMESTAMP)
  dueSort: string;

  /** The task's issuedAt: null while the task is proposed, when supporters may not see it yet. */
  @Column({ ...ISO_TIMESTAMP, nullable: true })
  issuedAt: string | null;

  @Column(ISO_TIMESTAMP)
  createdAt: string;
}

/** The task's history: every lifecycle action, who did it, when and why. Append-only. */
@Entity({ name: 'task_event' })
@Index('idx_task_event_task', ['taskId', 'at'])
export class TaskEventEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  taskId: string;

  @Column({ type: 'varchar', length: 16 })
  action: string;

  @Column({ type: 'varchar', length: 16, nullable: true })
  fromStatus: TaskStatus | null;

  @Column({ type: 'varchar', length: 16 })
  toStatus: TaskStatus;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  actorOrgId: string | null;

  @Column({ type: 'text', nullable: true })
  reason: string | null;

  /** Action-specific facts, e.g. the previous and new lead of a reassignment. */
  @Column({ type: 'simple-json', nullable: true })
  detail: object | null;

  @Column(ISO_TIMESTAMP)
  at: string;

  /** The task's version after this event. */
  @Column({ type: 'integer' })
  version: number;
}

export const TASK_NOTE_KINDS = ['update', 'comment'] as const;
export type TaskNoteKind = (typeof TASK_NOTE_KINDS)[number];

/** Progress updates and comments on a task (collaboration). */
@Entity({ name: 'task_note' })
@Index('idx_task_note_task', ['taskId', 'kind', 'createdAt'])
export class TaskNoteEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  taskId: string;

  @Column({ type: 'varchar', length: 8 })
  kind: TaskNoteKind;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  @Column({ type: 'varchar', length: 36 })
  authorOrgId: string;

  @Column({ type: 'text' })
  body: string;

  @Column(ISO_TIMESTAMP)
  createdAt: string;
}

export const TASKING_ENTITIES = [TaskEntity, TaskSupporterEntity, TaskEventEntity, TaskNoteEntity];
