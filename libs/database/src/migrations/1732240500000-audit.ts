import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../column-types';

/**
 * The audit log: append-only and hash-chained.
 *
 * - `seq` is the chain order. It is not a sequence or autoincrement: AuditService computes
 *   previous max + 1 inside the writing transaction while holding the chain lock (an advisory lock on
 *   PostgreSQL, the database write lock on SQLite), the same portable way on both engines.
 * - `hash` = sha256(prev_hash + canonical JSON of the entry's fields); `prev_hash` is the previous
 *   entry's hash (64 zeros for the first). GET /api/audit/verify recomputes the chain.
 * - The unique index on `prev_hash` makes a fork impossible even if the lock were bypassed: two
 *   entries can never claim the same predecessor, and the primary key refuses a repeated `seq`.
 * - `before` / `after` hold canonical JSON text (the bytes that were hashed), never queried inside.
 *
 * The application has no code path that updates or deletes a row. Production should make that a
 * database guarantee as well: run the application under a role without those rights on this table,
 *   REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM <application role>;
 * (keeping INSERT and SELECT), so that only a database owner could alter history, and the hash chain
 * shows when one did.
 */
export class Audit1732240500000 implements MigrationInterface {
  name = 'Audit1732240500000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'audit_log',
        columns: [
          { name: 'seq', type: 'integer', isPrimary: true },
          col.ref('id'),
          col.at('at'),
          col.ref('actor_id', true),
          col.str('actor_role', 16, true),
          col.ref('organisation_id', true),
          col.str('action', 64),
          col.str('entity_type', 32),
          col.str('entity_id', 64),
          col.json('before', true),
          col.json('after', true),
          col.str('prev_hash', 64),
          col.str('hash', 64),
        ],
      }),
    );
    await q.createIndex('audit_log', new TableIndex({ name: 'uq_audit_log_id', columnNames: ['id'], isUnique: true }));
    await q.createIndex('audit_log', new TableIndex({ name: 'uq_audit_log_prev_hash', columnNames: ['prev_hash'], isUnique: true }));
    // The list filters, each newest first: one entity's history, one actor's actions, one kind of action.
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_entity', columnNames: ['entity_type', 'entity_id', 'seq'] }));
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_actor', columnNames: ['actor_id', 'seq'] }));
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_action', columnNames: ['action', 'seq'] }));
    await q.createIndex('audit_log', new TableIndex({ name: 'idx_audit_log_at', columnNames: ['at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('audit_log');
  }
}
