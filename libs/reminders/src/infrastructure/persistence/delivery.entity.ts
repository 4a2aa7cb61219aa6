import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ISO_TIMESTAMP } from '@app/database';

export const DELIVERY_CHANNELS = ['webhook', 'email'] as const;
export type DeliveryChannel = (typeof DELIVERY_CHANNELS)[number];
export const DELIVERY_STATUSES = ['pending', 'delivered', 'failed'] as const;
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** One outbound message (a webhook POST to an organisation, or an email to one address). */
@Entity({ name: 'delivery' })
@Index('idx_delivery_status_created', ['status', 'createdAt'])
@Index('idx_delivery_task', ['taskId'])
@Index('idx_delivery_reminder', ['reminderId'])
export class DeliveryEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 16 })
  channel: DeliveryChannel;

  /** Webhook URL or email address. */
  @Column({ type: 'varchar', length: 2000 })
  target: string;

  @Column({ type: 'varchar', length: 36 })
  organisationId: string;

  @Column({ type: 'varchar', length: 36 })
  taskId: string;

  @Column({ type: 'varchar', length: 36 })
  reminderId: string;

  /** reminder id + channel + organisation or address: one delivery per target by construction. */
  @Index('uq_delivery_dedupe', { unique: true })
  @Column({ type: 'varchar', length: 400 })
  dedupeKey: string;

  /** JSON: the webhook body, or `{ subject, text }` for email. Stored so every retry sends the same. */
  @Column({ type: 'text' })
  payload: string;

  @Column({ type: 'varchar', length: 16 })
  status: DeliveryStatus;

  @Column({ type: 'integer' })
  attempts: number;

  @Column({ type: 'text', nullable: true })
  lastError: string | null;

  @Column({ type: 'integer', nullable: true })
  lastStatusCode: number | null;

  @Column(ISO_TIMESTAMP)
  createdAt: string;

  @Column(ISO_TIMESTAMP)
  updatedAt: string;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  deliveredAt: string | null;
}

/** Every try of a delivery, kept so coordinators can see why one failed. */
@Entity({ name: 'delivery_attempt' })
@Index('uq_delivery_attempt', ['deliveryId', 'attempt'], { unique: true })
export class DeliveryAttemptEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  deliveryId: string;

  @Column({ type: 'integer' })
  attempt: number;

  @Column(ISO_TIMESTAMP)
  at: string;

  @Column({ type: 'integer', nullable: true })
  statusCode: number | null;

  @Column({ type: 'text', nullable: true })
  error: string | null;

  @Column({ type: 'integer' })
  durationMs: number;
}
