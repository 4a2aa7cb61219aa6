import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In, IsNull } from 'typeorm';
import { chunkForInsert, TransactionRunner } from '@app/database';
import type { TaskChange, TaskChangeListener, TaskSnapshot } from '@app/tasking/application/task-change-listener';
import type { ReminderPolicy } from '../policy/reminder-policy';
import { reconcileSchedule } from '../scheduling/diff-schedule';
import { reminderJobId } from '../scheduling/job-id';
import { planReminders } from '../scheduling/plan-reminders';
import { ReminderEntity } from '../infrastructure/persistence/reminder.entity';
import { ReminderQueues } from './reminder-queues';
import { REMINDER_POLICY } from './settings';

/** Rows per IN (...) list: far below every engine's bound-parameter limit. */
const ID_CHUNK = 500;
/** Columns of a reminder row, for chunkForInsert. */
const REMINDER_COLUMNS = 13;
/** A change whose transaction rolled back never reaches afterCommit; forget its notes after this. */
const PENDING_TTL_MS = 5 * 60_000;

interface PendingChange {
  /** Jobs of reminders this change cancelled (removed from Redis after commit, best effort). */
  removeJobIds: string[];
  /** Whether the change created or revived reminders that need a job. */
  queue: boolean;
  at: number;
}

/**
 * Keeps each task's reminders in step with the task. Tasking calls it through the TaskChangeListener
 * port:
 * - `onTasksChanged`, inside the transaction that changed the tasks: plans the reminders for each
 *   task's new state (planReminders), diffs them against the stored rows (reconcileSchedule), cancels
 *   what no longer applies and inserts the rest as `scheduled` rows. These rows are the outbox: they
 *   commit or roll back with the task change, so no reminder is ever lost to a crash in between.
 * - `afterCommit`: queues the new rows' delayed jobs with addBulk (deterministic job ids) and drops
 *   the cancelled ones. Best effort: with Redis down it logs and returns at once, the API answers,
 *   and the worker's reconciler queues the rows when Redis is back.
 */
@Injectable()
export class ReminderScheduler implements TaskChangeListener {
  private readonly logger = new Logger(ReminderScheduler.name);
  private readonly pending = new Map<string, PendingChange>();

  constructor(
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    private readonly queues: ReminderQueues,
    private readonly tx: TransactionRunner,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async onTasksChanged(em: EntityManager, changes: TaskChange[]): Promise<void> {
    const tasks = latestPerTask(changes);
    if (tasks.size === 0) return;
    const now = new Date();
    const nowIso = now.toISOString();

    // Plan first: a task created in this batch that wants no reminders (a new plan is all `proposed`)
    // needs no lookup, which keeps storing a 10,000-task plan free of 10,000 pointless reads.
    const planned = [...tasks.values()].map(({ task, isNew }) => ({ task, isNew, desired: planReminders(task, this.policy, now) }));
    const lookup = planned.filter((p) => !p.isNew || p.desired.length > 0).map((p) => p.task.id);
    const existing = new Map<string, ReminderEntity[]>();
    for (let i = 0; i < lookup.length; i += ID_CHUNK) {
      const rows = await em.getRepository(ReminderEntity).find({ where: { taskId: In(lookup.slice(i, i + ID_CHUNK)) } });
      for (const row of rows) existing.set(row.taskId, [...(existing.get(row.taskId) ?? []), row]);
    }

    const toInsert: ReminderEntity[] = [];
    const toCancel: string[] = [];
    const toRevive: ReminderEntity[] = [];
    for (const { task, desired } of planned) {
      const rows = existing.get(task.id) ?? [];
      if (desired.length === 0 && !rows.some((r) => r.status === 'scheduled')) continue;
      const diff = reconcileSchedule(rows, desired, task.version);
      const byJobId = new Map(rows.map((r) => [r.jobId, r]));
      const cancelled = new Set(diff.toCancel);
      let queue = false;
      for (const want of diff.toCreate) {
        const jobId = reminderJobId({ taskId: task.id, kind: want.kind, occurrence: want.occurrence, version: task.version });
        const same = byJobId.get(jobId);
        if (same && same.status === 'sent') continue; // that job already went out: never twice
        const fields = { audience: want.audience, fireAt: want.fireAt, status: 'scheduled' as const, enqueuedAt: null, sentAt: null, updatedAt: nowIso };
        if (same) {
          // The same job id again (a change that kept the version): revive that row, since job_id is
          // unique. It may be one this very diff cancels; then it simply stays scheduled.
          cancelled.delete(same.id);
          toRevive.push({ ...same, ...fields });
        } else {
          toInsert.push({
            id: randomUUID(),
            taskId: task.id,
            kind: want.kind,
            occurrence: want.occurrence,
            taskVersion: task.version,
            jobId,
            createdAt: nowIso,
            ...fields,
          });
        }
        queue = true;
      }
      toCancel.push(...cancelled);
      const removeJobIds = rows.filter((r) => cancelled.has(r.id)).map((r) => r.jobId);
      if (queue || removeJobIds.length) this.pending.set(pendingKey(task), { removeJobIds, queue, at: Date.now() });
    }

    for (let i = 0; i < toCancel.length; i += ID_CHUNK) {
      await em
        .createQueryBuilder()
        .update(ReminderEntity)
        .set({ status: 'cancelled', updatedAt: nowIso })
        .where({ id: In(toCancel.slice(i, i + ID_CHUNK)), status: 'scheduled' })
        .execute();
    }
    for (const row of toRevive) {
      const { id, audience, fireAt, status, enqueuedAt, sentAt, updatedAt } = row;
      await em.update(ReminderEntity, { id }, { audience, fireAt, status, enqueuedAt, sentAt, updatedAt });
    }
    for (const chunk of chunkForInsert(toInsert, REMINDER_COLUMNS)) {
      await em.createQueryBuilder().insert().into(ReminderEntity).values(chunk).updateEntity(false).execute();
    }
  }

  async afterCommit(changes: TaskChange[]): Promise<void> {
    try {
      this.prune();
      const removeJobIds: string[] = [];
      const queueTaskIds: string[] = [];
      for (const { task } of latestPerTask(changes).values()) {
        const note = this.pending.get(pendingKey(task));
        this.pending.delete(pendingKey(task));
        if (!note) continue;
        removeJobIds.push(...note.removeJobIds);
        if (note.queue) queueTaskIds.push(task.id);
      }
      if (removeJobIds.length === 0 && queueTaskIds.length === 0) return;
      if (!this.queues.ready) {
        this.logger.warn(`Redis is unavailable: reminders of ${queueTaskIds.length} task(s) wait in the database for the reconciler`);
        return;
      }
      await this.enqueueOutbox(queueTaskIds);
      if (removeJobIds.length) await this.queues.removeReminderJobs(removeJobIds);
    } catch (err) {
      // Never fail the caller: the rows are committed, and the worker's reconciler queues them.
      this.logger.warn(`could not queue reminders now (${(err as Error).message}); the reconciler will`);
    }
  }

  /** Queues the not-yet-queued scheduled rows of these tasks and records that they were. */
  private async enqueueOutbox(taskIds: string[]): Promise<void> {
    const repo = this.dataSource.getRepository(ReminderEntity);
    for (let i = 0; i < taskIds.length; i += ID_CHUNK) {
      const rows = await repo.find({
        where: { taskId: In(taskIds.slice(i, i + ID_CHUNK)), status: 'scheduled', enqueuedAt: IsNull() },
        order: { fireAt: 'ASC' },
      });
      if (rows.length === 0) continue;
      await this.queues.enqueueReminders(rows);
      await markEnqueued(this.tx, rows.map((r) => r.id));
    }
  }

  private prune(): void {
    const cutoff = Date.now() - PENDING_TTL_MS;
    for (const [key, note] of this.pending) if (note.at < cutoff) this.pending.delete(key);
  }
}

/** Sets enqueued_at on rows just handed to Redis (a separate short write: the jobs exist now). */
export async function markEnqueued(tx: TransactionRunner, ids: string[]): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < ids.length; i += ID_CHUNK) {
    const chunk = ids.slice(i, i + ID_CHUNK);
    await tx.run((em) => em.createQueryBuilder().update(ReminderEntity).set({ enqueuedAt: at }).where({ id: In(chunk) }).execute());
  }
}

const pendingKey = (task: TaskSnapshot): string => `${task.id}@${task.version}`;

/** The last state of each task in a batch (a batch may hold several changes of one task). */
function latestPerTask(changes: readonly TaskChange[]): Map<string, { task: TaskSnapshot; isNew: boolean }> {
  const out = new Map<string, { task: TaskSnapshot; isNew: boolean }>();
  for (const change of changes) {
    const prior = out.get(change.after.id);
    out.set(change.after.id, { task: change.after, isNew: (prior?.isNew ?? true) && change.before === null });
  }
  return out;
}
