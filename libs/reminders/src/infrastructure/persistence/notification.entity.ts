import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ISO_TIMESTAMP } from '@app/database';
import type { ReminderKind } from '../../scheduling/reminder.types';

/** One in-app inbox entry for one user. */
@Entity({ name: 'notification' })
@Index('idx_notification_user_created', ['userId', 'createdAt'])
@Index('idx_notification_reminder', ['reminderId'])
export class NotificationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  userId: string;

  /** The recipient's organisation (partners only ever receive their own organisation's tasks). */
  @Column({ type: 'varchar', length: 36 })
  organisationId: string;

  @Column({ type: 'varchar', length: 36 })
  taskId: string;

  @Column({ type: 'varchar', length: 36 })
  reminderId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: ReminderKind;

  @Column({ type: 'varchar', length: 300 })
  subject: string;

  @Column({ type: 'text' })
  body: string;

  /** reminder id + recipient: a retried job inserts nothing twice. */
  @Index('uq_notification_dedupe', { unique: true })
  @Column({ type: 'varchar', length: 200 })
  dedupeKey: string;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  readAt: string | null;

  @Column(ISO_TIMESTAMP)
  createdAt: string;
}
