import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { Brackets, DataSource, In } from 'typeorm';
import { TransactionRunner } from '@app/database';
import { DeliveryEntity } from '../infrastructure/persistence/delivery.entity';
import { ReminderEntity } from '../infrastructure/persistence/reminder.entity';
import { DELIVERIES_QUEUE, deliveryJobId, REMINDERS_QUEUE, ReminderQueues } from './reminder-queues';
import { markEnqueued } from './reminder-scheduler';
import { REMINDER_SETTINGS, type ReminderSettings } from './settings';

export interface ReconcileReport {
  /** Scheduled reminders that had no job and were queued. */
  reminders: number;
  /** Overdue reminders whose job had failed or finished, re-run. */
  revived: number;
  /** Pending deliveries that had no job and were queued (or whose failed job was retried). */
  deliveries: number;
}

/** A scheduled row overdue by more than this, whose job is finished or failed, is re-run. */
const OVERDUE_GRACE_MS = 5_000;

/**
 * The outbox side of "nothing lost": the database says what should be queued, Redis may have
 * forgotten (an outage during afterCommit, a Redis restart without persistence, a flushed queue).
 * At start, every RECONCILE_INTERVAL_SECONDS, and whenever Redis comes back, it walks every
 * `scheduled` reminder and every `pending` delivery in pages (one query and one pipelined EXISTS
 * per page) and queues what has no job. Queueing is idempotent (deterministic job ids) and the
 * worker re-checks rows, so several workers reconciling at once is harmless.
 */
@Injectable()
export class OutboxReconciler {
  private readonly logger = new Logger(OutboxReconciler.name);
  private running: Promise<ReconcileReport> | null = null;
  private again = false;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly queues: ReminderQueues,
    @Inject(REMINDER_SETTINGS) private readonly settings: ReminderSettings,
  ) {}

  /** Runs a pass; a call while one runs schedules one more pass after it instead of overlapping. */
  reconcile(): Promise<ReconcileReport> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      let report: ReconcileReport;
      do {
        this.again = false;
        report = await this.pass();
      } while (this.again);
      return report;
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private async pass(): Promise<ReconcileReport> {
    const report: ReconcileReport = { reminders: 0, revived: 0, deliveries: 0 };
    if (!this.queues.ready) return report;
    await this.reconcileReminders(report);
    await this.reconcileDeliveries(report);
    if (report.reminders || report.revived || report.deliveries) {
      this.logger.log(`reconciled the outbox: queued ${report.reminders} reminder(s), re-ran ${report.revived}, queued ${report.deliveries} delivery(ies)`);
    }
    return report;
  }

  private async reconcileReminders(report: ReconcileReport): Promise<void> {
    const repo = this.dataSource.getRepository(ReminderEntity);
    let after: { fireAt: string; id: string } | null = null;
    for (;;) {
      const qb = repo.createQueryBuilder('r').where('r.status = :status', { status: 'scheduled' });
      if (after) {
        const { fireAt, id } = after;
        qb.andWhere(new Brackets((b) => b.where('r.fireAt > :fireAt', { fireAt }).orWhere('r.fireAt = :fireAt AND r.id > :id', { fireAt, id })));
      }
      const rows = await qb.orderBy('r.fireAt', 'ASC').addOrderBy('r.id', 'ASC').take(this.settings.reconcileBatchSize).getMany();
      if (rows.length === 0) return;
      after = { fireAt: rows[rows.length - 1].fireAt, id: rows[rows.length - 1].id };

      const exists = await this.queues.jobsExist(REMINDERS_QUEUE, rows.map((r) => r.jobId));
      const missing = rows.filter((_, i) => !exists[i]);
      if (missing.length) {
        await this.queues.enqueueReminders(missing);
        await markEnqueued(this.tx, missing.map((r) => r.id));
        report.reminders += missing.length;
      }
      const overdue = rows.filter((r, i) => exists[i] && Date.parse(r.fireAt) < Date.now() - OVERDUE_GRACE_MS);
      for (const row of overdue) {
        const state = await this.queues.reminders.getJobState(row.jobId);
        if (state === 'failed') {
          // Every retry failed (e.g. the database was away), yet the row still wants sending.
          const job = await this.queues.reminders.getJob(row.jobId);
          await job?.retry('failed');
          report.revived++;
        } else if (state === 'completed') {
          // A finished job under this id (the row was revived with the same job id): run it again.
          await this.queues.reminders.remove(row.jobId);
          await this.queues.enqueueReminders([row]);
          report.revived++;
        }
      }
      if (rows.length < this.settings.reconcileBatchSize) return;
    }
  }

  private async reconcileDeliveries(report: ReconcileReport): Promise<void> {
    const repo = this.dataSource.getRepository(DeliveryEntity);
    let after: { createdAt: string; id: string } | null = null;
    for (;;) {
      const qb = repo.createQueryBuilder('d').select(['d.id', 'd.createdAt', 'd.attempts']).where('d.status = :status', { status: 'pending' });
      if (after) {
        const { createdAt, id } = after;
        qb.andWhere(
          new Brackets((b) => b.where('d.createdAt > :createdAt', { createdAt }).orWhere('d.createdAt = :createdAt AND d.id > :id', { createdAt, id })),
        );
      }
      const rows = await qb.orderBy('d.createdAt', 'ASC').addOrderBy('d.id', 'ASC').take(this.settings.reconcileBatchSize).getMany();
      if (rows.length === 0) return;
      after = { createdAt: rows[rows.length - 1].createdAt, id: rows[rows.length - 1].id };

      const exists = await this.queues.jobsExist(DELIVERIES_QUEUE, rows.map((d) => deliveryJobId(d.id)));
      const missing = rows.filter((_, i) => !exists[i]).map((d) => d.id);
      if (missing.length) {
        await this.queues.enqueueDeliveries(missing);
        report.deliveries += missing.length;
      }
      const giveUp: string[] = [];
      for (const d of rows.filter((_, i) => exists[i])) {
        if ((await this.queues.deliveries.getJobState(deliveryJobId(d.id))) !== 'failed') continue;
        // The job failed without the row saying so (a worker died during its last try).
        if (d.attempts >= this.settings.deliveryJob.attempts) {
          giveUp.push(d.id);
        } else {
          await (await this.queues.deliveries.getJob(deliveryJobId(d.id)))?.retry('failed');
          report.deliveries++;
        }
      }
      if (giveUp.length) {
        const at = new Date().toISOString();
        await this.tx.run((em) =>
          em.update(DeliveryEntity, { id: In(giveUp), status: 'pending' }, { status: 'failed', lastError: 'gave up: the job failed on its last try', updatedAt: at }),
        );
      }
      if (rows.length < this.settings.reconcileBatchSize) return;
    }
  }
}
