import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager, In } from 'typeorm';
import { chunkForInsert, TransactionRunner } from '@app/database';
import { OrganisationEntity, UserEntity } from '@app/identity';
import { TaskEntity } from '@app/tasking/infrastructure/persistence/task.entity';
import { buildDispatch, type DispatchRecipient } from '../notifications/build-dispatch';
import type { ReminderPolicy } from '../policy/reminder-policy';
import { decideReminder } from '../scheduling/decide-reminder';
import { DeliveryEntity } from '../infrastructure/persistence/delivery.entity';
import { NotificationEntity } from '../infrastructure/persistence/notification.entity';
import { ReminderEntity } from '../infrastructure/persistence/reminder.entity';
import { ReminderQueues } from './reminder-queues';
import { REMINDER_POLICY, REMINDER_SETTINGS, type ReminderSettings } from './settings';

export type FireOutcome =
  | { action: 'sent'; notifications: number; deliveries: number }
  | { action: 'skipped'; reason: string }
  | { action: 'none'; reason: string }
  | { action: 'wait'; untilMs: number };

/**
 * Runs one reminder job (at least once, possibly twice at the same time on two workers, possibly
 * after a crash half-way). Every step is idempotent:
 * 1. The row and the task are re-read; the job's own data is only a pointer.
 * 2. decideReminder: a row that is not `scheduled` does nothing; a stale one becomes `skipped`.
 * 3. One transaction claims the row (`UPDATE … SET status = 'sent' WHERE id = ? AND status =
 *    'scheduled'`: of two workers exactly one updates a row) and inserts the inbox and delivery
 *    rows "if absent" on their unique dedupe keys, so even a replay inserts nothing twice.
 * 4. After commit, the delivery jobs are queued with deterministic ids. If that fails the job
 *    fails and is retried: a `sent` row re-queues its pending deliveries (and so does the reconciler).
 */
@Injectable()
export class ReminderDispatcher {
  private readonly logger = new Logger(ReminderDispatcher.name);

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    private readonly queues: ReminderQueues,
    @Inject(REMINDER_POLICY) private readonly policy: ReminderPolicy,
    @Inject(REMINDER_SETTINGS) private readonly settings: ReminderSettings,
  ) {}

  async fire(reminderId: string, now: Date = new Date()): Promise<FireOutcome> {
    const row = await this.dataSource.getRepository(ReminderEntity).findOne({ where: { id: reminderId } });
    if (!row) return { action: 'none', reason: 'no such reminder' };
    if (row.status === 'sent') {
      // A retry after the send committed but its deliveries were not queued: queue them now.
      await this.queuePendingDeliveries(row.id);
      return { action: 'none', reason: 'already sent' };
    }
    const task = await this.dataSource.getRepository(TaskEntity).findOne({ where: { id: row.taskId } });
    const decision = decideReminder(row, task, this.policy, now);
    switch (decision.action) {
      case 'none':
        return { action: 'none', reason: decision.reason };
      case 'wait':
        return { action: 'wait', untilMs: decision.untilMs };
      case 'skip': {
        await this.tx.run((em) =>
          em.update(ReminderEntity, { id: row.id, status: 'scheduled' }, { status: 'skipped', updatedAt: now.toISOString() }),
        );
        return { action: 'skipped', reason: decision.reason };
      }
      case 'send':
        break;
    }
    const sent = await this.tx.run((em) => this.send(em, row, task!, now));
    if (!sent) return { action: 'none', reason: 'another worker sent or cancelled it first' };
    // Only this run can have created this reminder's deliveries (the claim is exclusive).
    if (sent.deliveries > 0) await this.queuePendingDeliveries(row.id);
    return { action: 'sent', ...sent };
  }

  private async send(em: EntityManager, row: ReminderEntity, task: TaskEntity, now: Date): Promise<{ notifications: number; deliveries: number } | null> {
    const at = now.toISOString();
    const claim = await em.update(ReminderEntity, { id: row.id, status: 'scheduled' }, { status: 'sent', sentAt: at, updatedAt: at });
    if (!claim.affected) return null;

    const recipients = await this.recipients(em, row.audience, task);
    const orgIds = [...new Set(recipients.map((r) => r.organisationId))];
    const organisations = orgIds.length ? await em.getRepository(OrganisationEntity).find({ where: { id: In(orgIds) } }) : [];
    const band = this.policy.bands[task.band];
    const { notifications, deliveries } = buildDispatch({
      reminder: { id: row.id, kind: row.kind, occurrence: row.occurrence, audience: row.audience, fireAt: row.fireAt },
      task,
      recipients,
      organisations,
      emailEnabled: this.settings.smtpUrl !== null,
      maxOccurrences:
        row.kind === 'overdue-escalation' ? band.overdue.maxEscalations : row.kind === 'progress-request' ? band.progress.maxRequests : undefined,
      now,
      newId: randomUUID,
    });
    for (const chunk of chunkForInsert(notifications, 11)) {
      await em.createQueryBuilder().insert().into(NotificationEntity).values(chunk).orIgnore().updateEntity(false).execute();
    }
    for (const chunk of chunkForInsert(deliveries, 15)) {
      await em.createQueryBuilder().insert().into(DeliveryEntity).values(chunk).orIgnore().updateEntity(false).execute();
    }
    if (recipients.length === 0) this.logger.warn(`reminder ${row.id} (${row.kind}) of task ${task.id} had no recipients`);
    return { notifications: notifications.length, deliveries: deliveries.length };
  }

  /**
   * Who receives a reminder. `lead`: the active partner users of the task's lead organisation, and
   * nobody else, so a partner only ever hears about their own organisation's tasks. `coordinators`:
   * the active coordinators; when there are none, the admins (who may do all a coordinator does), so
   * an escalation is never sent to nobody.
   */
  private async recipients(em: EntityManager, audience: ReminderEntity['audience'], task: TaskEntity): Promise<DispatchRecipient[]> {
    const users = em.getRepository(UserEntity);
    const pick = { id: true, email: true, organisationId: true } as const;
    let found: Pick<UserEntity, 'id' | 'email' | 'organisationId'>[];
    if (audience === 'lead') {
      if (!task.organisationId) return [];
      found = await users.find({ where: { organisationId: task.organisationId, role: 'partner', active: true }, select: pick, order: { email: 'ASC' } });
    } else {
      found = await users.find({ where: { role: 'coordinator', active: true }, select: pick, order: { email: 'ASC' } });
      if (found.length === 0) found = await users.find({ where: { role: 'admin', active: true }, select: pick, order: { email: 'ASC' } });
    }
    return found.map((u) => ({ userId: u.id, organisationId: u.organisationId, email: u.email }));
  }

  private async queuePendingDeliveries(reminderId: string): Promise<void> {
    const pending = await this.dataSource.getRepository(DeliveryEntity).find({ where: { reminderId, status: 'pending' }, select: { id: true } });
    if (pending.length) await this.queues.enqueueDeliveries(pending.map((d) => d.id));
  }
}
