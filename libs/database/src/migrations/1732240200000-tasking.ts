import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../column-types';

/** Tasking: tasks, their supporters (indexed partner scoping), history, and collaboration notes. */
export class Tasking1732240200000 implements MigrationInterface {
  name = 'Tasking1732240200000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'task',
        columns: [
          col.id(),
          col.ref('threat_id'),
          col.str('threat_ref', 64),
          col.ref('assessment_id'),
          col.int('revision'),
          col.str('title', 300),
          col.text('description'),
          col.str('strand', 16),
          col.str('capability', 64),
          col.str('source', 16),
          col.str('band', 2),
          col.str('objective_code', 32, true),
          col.str('status', 16),
          col.ref('organisation_id', true),
          col.json('supporter_ids'),
          col.json('regions'),
          col.str('classification', 24),
          col.int('due_in_days'),
          col.int('accept_within_hours'),
          col.at('issued_at', true),
          col.at('accept_by', true),
          col.at('due_at', true),
          // due_at, or this far-future stand-in for "no due date": list order, undated last, from an index.
          { ...col.at('due_sort'), default: "'9999-12-31T23:59:59.999Z'" },
          col.at('accepted_at', true),
          col.at('started_at', true),
          col.at('completed_at', true),
          col.at('closed_at', true),
          col.text('outcome', true),
          col.text('decline_reason', true),
          col.text('cancel_reason', true),
          col.at('created_at'),
          col.at('updated_at'),
          col.int('version'),
        ],
        foreignKeys: [
          { columnNames: ['threat_id'], referencedTableName: 'threat', referencedColumnNames: ['id'] },
          { columnNames: ['assessment_id'], referencedTableName: 'assessment', referencedColumnNames: ['id'] },
          { columnNames: ['organisation_id'], referencedTableName: 'organisation', referencedColumnNames: ['id'] },
        ],
      }),
    );
    // The hot queries: a partner's work by status (and routing loads); lists in their order (band, due
    // date with undated last, creation) for everyone, per status and per lead organisation; a threat's
    // tasks; and a plan's tasks (bulk issue, re-pointing on a revision).
    await q.createIndex('task', new TableIndex({ name: 'idx_task_org_status', columnNames: ['organisation_id', 'status'] }));
    await q.createIndex('task', new TableIndex({ name: 'idx_task_status_order', columnNames: ['status', 'band', 'due_sort', 'created_at', 'id'] }));
    await q.createIndex('task', new TableIndex({ name: 'idx_task_threat', columnNames: ['threat_id'] }));
    await q.createIndex('task', new TableIndex({ name: 'idx_task_band_due', columnNames: ['band', 'due_sort', 'created_at', 'id'] }));
    await q.createIndex('task', new TableIndex({ name: 'idx_task_org_order', columnNames: ['organisation_id', 'band', 'due_sort', 'created_at', 'id'] }));
    await q.createIndex('task', new TableIndex({ name: 'idx_task_assessment_ref', columnNames: ['assessment_id', 'threat_ref'] }));
    // A partner's own (led) tasks in list order, issued ones only: partners never see a proposed task,
    // and leaving the plan's proposed rows out keeps this index small and uploads cheap.
    await q.createIndex(
      'task',
      new TableIndex({ name: 'idx_task_org_issued', columnNames: ['organisation_id', 'band', 'due_sort', 'created_at', 'id'], where: 'issued_at IS NOT NULL' }),
    );

    await q.createTable(
      new Table({
        name: 'task_supporter',
        columns: [
          { ...col.ref('task_id'), isPrimary: true },
          { ...col.ref('organisation_id'), isPrimary: true },
          col.str('band', 2),
          col.at('due_sort'),
          col.at('issued_at', true),
          col.at('created_at'),
        ],
        foreignKeys: [
          { columnNames: ['task_id'], referencedTableName: 'task', referencedColumnNames: ['id'] },
          { columnNames: ['organisation_id'], referencedTableName: 'organisation', referencedColumnNames: ['id'] },
        ],
      }),
    );
    // In list order, so a partner's supported tasks come off the index already sorted; issued ones
    // only, as for idx_task_org_issued.
    await q.createIndex(
      'task_supporter',
      new TableIndex({
        name: 'idx_task_supporter_org',
        columnNames: ['organisation_id', 'band', 'due_sort', 'created_at', 'task_id'],
        where: 'issued_at IS NOT NULL',
      }),
    );

    await q.createTable(
      new Table({
        name: 'task_event',
        columns: [
          col.id(),
          col.ref('task_id'),
          col.str('action', 16),
          col.str('from_status', 16, true),
          col.str('to_status', 16),
          col.ref('actor_id', true),
          col.ref('actor_org_id', true),
          col.text('reason', true),
          col.json('detail', true),
          col.at('at'),
          col.int('version'),
        ],
        foreignKeys: [{ columnNames: ['task_id'], referencedTableName: 'task', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('task_event', new TableIndex({ name: 'idx_task_event_task', columnNames: ['task_id', 'at'] }));

    await q.createTable(
      new Table({
        name: 'task_note',
        columns: [
          col.id(),
          col.ref('task_id'),
          col.str('kind', 8),
          col.ref('author_id'),
          col.ref('author_org_id'),
          col.text('body'),
          col.at('created_at'),
        ],
        foreignKeys: [{ columnNames: ['task_id'], referencedTableName: 'task', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('task_note', new TableIndex({ name: 'idx_task_note_task', columnNames: ['task_id', 'kind', 'created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('task_note');
    await q.dropTable('task_event');
    await q.dropTable('task_supporter');
    await q.dropTable('task');
  }
}
