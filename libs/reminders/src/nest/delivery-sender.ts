import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationShutdown } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { TransactionRunner } from '@app/database';
import { OrganisationEntity } from '@app/identity';
import { Mailer } from '../delivery/mailer';
import { postWebhook } from '../delivery/webhook-client';
import type { EmailPayload } from '../notifications/build-dispatch';
import { DeliveryAttemptEntity, DeliveryEntity } from '../infrastructure/persistence/delivery.entity';
import { REMINDER_SETTINGS, type ReminderSettings } from './settings';

export interface DeliveryOutcome {
  /** Nothing was done: the delivery is gone or already delivered / failed. */
  skipped?: boolean;
  ok: boolean;
  /** A failure that no retry can fix (no secret, no SMTP): fail the job now. */
  permanent?: boolean;
  error?: string;
  attempt?: number;
}

/**
 * Sends one delivery (webhook POST or email) and records the attempt. The attempt row and the
 * delivery's new state are written in one transaction, guarded by the attempt count, so a replayed
 * job cannot record an attempt twice. Retrying is BullMQ's job (attempts + exponential backoff):
 * a failed try answers `ok: false` and the processor throws. On the last try the delivery becomes
 * `failed`, and stays visible to coordinators with every attempt's status and error.
 *
 * At least once: a crash after the POST but before the record means one more POST on retry. The
 * X-Taskforce-Delivery header carries the delivery id on every try so receivers can drop repeats.
 */
@Injectable()
export class DeliverySender implements OnApplicationShutdown {
  private readonly logger = new Logger(DeliverySender.name);
  private readonly mailer: Mailer | null;

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    private readonly tx: TransactionRunner,
    @Inject(REMINDER_SETTINGS) private readonly settings: ReminderSettings,
  ) {
    this.mailer = settings.smtpUrl ? new Mailer(settings.smtpUrl, { from: settings.smtpFrom }) : null;
  }

  /** `isLastTry`: BullMQ will not retry after this one, so a failure is final. */
  async deliver(deliveryId: string, isLastTry: boolean): Promise<DeliveryOutcome> {
    const delivery = await this.dataSource.getRepository(DeliveryEntity).findOne({ where: { id: deliveryId } });
    if (!delivery || delivery.status !== 'pending') return { skipped: true, ok: true };
    const attempt = delivery.attempts + 1;
    const started = Date.now();
    const result = delivery.channel === 'webhook' ? await this.postWebhook(delivery) : await this.sendEmail(delivery);
    const durationMs = Date.now() - started;
    const final = result.ok || result.permanent === true || isLastTry;
    const at = new Date().toISOString();

    const recorded = await this.tx.run(async (em) => {
      const update = await em.update(
        DeliveryEntity,
        { id: delivery.id, attempts: delivery.attempts, status: 'pending' },
        {
          attempts: attempt,
          status: result.ok ? 'delivered' : final ? 'failed' : 'pending',
          lastError: result.ok ? null : (result.error ?? 'unknown error'),
          lastStatusCode: result.status ?? null,
          deliveredAt: result.ok ? at : null,
          updatedAt: at,
        },
      );
      if (!update.affected) return false; // another run recorded this attempt already
      await em.insert(DeliveryAttemptEntity, {
        id: randomUUID(),
        deliveryId: delivery.id,
        attempt,
        at,
        statusCode: result.status ?? null,
        error: result.ok ? null : (result.error ?? 'unknown error'),
        durationMs,
      });
      return true;
    });
    if (!recorded) return { skipped: true, ok: true };
    if (!result.ok) {
      const level = final ? 'warn' : 'debug';
      this.logger[level](`${delivery.channel} delivery ${delivery.id} attempt ${attempt} failed: ${result.error}${final ? ' (giving up)' : ''}`);
    }
    return { ok: result.ok, permanent: result.permanent, error: result.error, attempt };
  }

  private async postWebhook(delivery: DeliveryEntity): Promise<{ ok: boolean; status?: number; error?: string; permanent?: boolean }> {
    const org = await this.dataSource.getRepository(OrganisationEntity).findOne({ where: { id: delivery.organisationId } });
    if (!org?.webhookSecret) return { ok: false, permanent: true, error: 'the organisation has no webhook signing secret' };
    return postWebhook(delivery.target, JSON.parse(delivery.payload) as unknown, org.webhookSecret, {
      timeoutMs: this.settings.webhookTimeoutMs,
      deliveryId: delivery.id,
    });
  }

  private async sendEmail(delivery: DeliveryEntity): Promise<{ ok: boolean; status?: number; error?: string; permanent?: boolean }> {
    if (!this.mailer) return { ok: false, permanent: true, error: 'SMTP is not configured in this worker (SMTP_URL)' };
    const { subject, text } = JSON.parse(delivery.payload) as EmailPayload;
    try {
      const sent = await this.mailer.send({ to: delivery.target, subject, text });
      if (sent.rejected.length) return { ok: false, error: `rejected by the SMTP server: ${sent.rejected.join(', ')}` };
      return { ok: true };
    } catch (err) {
      const e = err as { message?: string; responseCode?: number };
      return { ok: false, status: e.responseCode, error: e.message ?? String(err) };
    }
  }

  onApplicationShutdown(): void {
    this.mailer?.close();
  }
}
