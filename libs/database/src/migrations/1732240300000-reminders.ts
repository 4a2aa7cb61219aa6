import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../column-types';

/**
 * Reminders (the outbox: each row is also a delayed BullMQ job), the per-user inbox, and outbound
 * deliveries (webhook, email) with every attempt recorded.
 *
 * Unique keys make duplicates impossible by construction rather than by timing:
 * - reminder.job_id: one row per BullMQ job id (task, kind, occurrence, task version);
 * - notification.dedupe_key (reminder + recipient) and delivery.dedupe_key (reminder + channel +
 *   target): a retried or doubly-run job inserts nothing twice;
 * - delivery_attempt (delivery_id, attempt): an attempt is recorded once.
 * There is deliberately no foreign key to `task`: reminders are history that outlives re-planning, and
 * the task table belongs to tasking (whose migration runs before this one).
 */
export class Reminders1732240300000 implements MigrationInterface {
  name = 'Reminders1732240300000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'reminder',
        columns: [
          col.id(),
          col.ref('task_id'),
          col.str('kind', 32),
          col.int('occurrence'),
          col.str('audience', 16),
          col.at('fire_at'),
          col.str('status', 16),
          col.int('task_version'),
          col.str('job_id', 200),
          col.at('enqueued_at', true),
          col.at('sent_at', true),
          col.at('created_at'),
          col.at('updated_at'),
        ],
      }),
    );
    await q.createIndex('reminder', new TableIndex({ name: 'uq_reminder_job_id', columnNames: ['job_id'], isUnique: true }));
    // The reconciler scans scheduled rows in fire order; the worker and the API read them per task.
    await q.createIndex('reminder', new TableIndex({ name: 'idx_reminder_status_fire', columnNames: ['status', 'fire_at'] }));
    await q.createIndex('reminder', new TableIndex({ name: 'idx_reminder_task', columnNames: ['task_id'] }));

    await q.createTable(
      new Table({
        name: 'notification',
        columns: [
          col.id(),
          col.ref('user_id'),
          col.ref('organisation_id'),
          col.ref('task_id'),
          col.ref('reminder_id'),
          col.str('kind', 32),
          col.str('subject', 300),
          col.text('body'),
          col.str('dedupe_key', 200),
          col.at('read_at', true),
          col.at('created_at'),
        ],
        foreignKeys: [
          { columnNames: ['user_id'], referencedTableName: 'app_user', referencedColumnNames: ['id'] },
          { columnNames: ['reminder_id'], referencedTableName: 'reminder', referencedColumnNames: ['id'] },
        ],
      }),
    );
    await q.createIndex('notification', new TableIndex({ name: 'uq_notification_dedupe', columnNames: ['dedupe_key'], isUnique: true }));
    await q.createIndex('notification', new TableIndex({ name: 'idx_notification_user_created', columnNames: ['user_id', 'created_at'] }));
    await q.createIndex('notification', new TableIndex({ name: 'idx_notification_reminder', columnNames: ['reminder_id'] }));

    await q.createTable(
      new Table({
        name: 'delivery',
        columns: [
          col.id(),
          col.str('channel', 16),
          col.str('target', 2000),
          col.ref('organisation_id'),
          col.ref('task_id'),
          col.ref('reminder_id'),
          col.str('dedupe_key', 400),
          col.text('payload'),
          col.str('status', 16),
          col.int('attempts'),
          col.text('last_error', true),
          col.int('last_status_code', true),
          col.at('created_at'),
          col.at('updated_at'),
          col.at('delivered_at', true),
        ],
        foreignKeys: [{ columnNames: ['reminder_id'], referencedTableName: 'reminder', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('delivery', new TableIndex({ name: 'uq_delivery_dedupe', columnNames: ['dedupe_key'], isUnique: true }));
    await q.createIndex('delivery', new TableIndex({ name: 'idx_delivery_status_created', columnNames: ['status', 'created_at'] }));
    await q.createIndex('delivery', new TableIndex({ name: 'idx_delivery_task', columnNames: ['task_id'] }));
    await q.createIndex('delivery', new TableIndex({ name: 'idx_delivery_reminder', columnNames: ['reminder_id'] }));

    await q.createTable(
      new Table({
        name: 'delivery_attempt',
        columns: [
          col.id(),
          col.ref('delivery_id'),
          col.int('attempt'),
          col.at('at'),
          col.int('status_code', true),
          col.text('error', true),
          col.int('duration_ms'),
        ],
        foreignKeys: [{ columnNames: ['delivery_id'], referencedTableName: 'delivery', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex(
      'delivery_attempt',
      new TableIndex({ name: 'uq_delivery_attempt', columnNames: ['delivery_id', 'attempt'], isUnique: true }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('delivery_attempt');
    await q.dropTable('delivery');
    await q.dropTable('notification');
    await q.dropTable('reminder');
  }
}
