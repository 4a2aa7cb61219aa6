import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ISO_TIMESTAMP } from '@app/database';
import type { ReminderAudience, ReminderKind, ReminderStatus } from '../../scheduling/reminder.types';

/**
 * A planned reminder: the source of truth (the outbox). Its BullMQ job only wakes the worker up at
 * `fireAt`; whether anything is sent is decided from this row and the task, never from the job.
 */
@Entity({ name: 'reminder' })
@Index('idx_reminder_status_fire', ['status', 'fireAt'])
@Index('idx_reminder_task', ['taskId'])
export class ReminderEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  taskId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: ReminderKind;

  @Column({ type: 'integer' })
  occurrence: number;

  @Column({ type: 'varchar', length: 16 })
  audience: ReminderAudience;

  @Column(ISO_TIMESTAMP)
  fireAt: string;

  @Column({ type: 'varchar', length: 16 })
  status: ReminderStatus;

  /** The task version this reminder was planned for; a job of another version is stale. */
  @Column({ type: 'integer' })
  taskVersion: number;

  /** reminderJobId(task, kind, occurrence, version); unique, so one row per job by construction. */
  @Index('uq_reminder_job_id', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  jobId: string;

  /** When the job was last handed to Redis; null while it waits in the outbox. */
  @Column({ ...ISO_TIMESTAMP, nullable: true })
  enqueuedAt: string | null;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  sentAt: string | null;

  @Column(ISO_TIMESTAMP)
  createdAt: string;

  @Column(ISO_TIMESTAMP)
  updatedAt: string;
}
