import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../column-types';

/**
 * Partner feedback on the threat behind a task (collaboration).
 *
 * A threat has one row per revision, so feedback is tied to the threat by (assessment_id, threat_ref),
 * which survives revisions; threat_id keeps the exact row the partner saw when posting. A revision
 * marks feedback addressed (addressed_revision/by/at), so rows are updated, never deleted, and the
 * foreign keys hold: tasks, threats and users are never deleted either.
 */
export class Feedback1732240400000 implements MigrationInterface {
  name = 'Feedback1732240400000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'threat_feedback',
        columns: [
          col.id(),
          col.ref('task_id'),
          col.ref('threat_id'),
          col.ref('assessment_id'),
          col.str('threat_ref', 64),
          col.ref('organisation_id'),
          col.ref('author_id'),
          col.str('kind', 32),
          col.text('detail'),
          col.str('suggests', 8),
          col.str('status', 16),
          col.int('addressed_revision', true),
          col.ref('addressed_by', true),
          col.at('addressed_at', true),
          col.at('created_at'),
        ],
        foreignKeys: [
          { columnNames: ['task_id'], referencedTableName: 'task', referencedColumnNames: ['id'] },
          { columnNames: ['threat_id'], referencedTableName: 'threat', referencedColumnNames: ['id'] },
          { columnNames: ['assessment_id'], referencedTableName: 'assessment', referencedColumnNames: ['id'] },
          { columnNames: ['organisation_id'], referencedTableName: 'organisation', referencedColumnNames: ['id'] },
          { columnNames: ['author_id'], referencedTableName: 'app_user', referencedColumnNames: ['id'] },
          { columnNames: ['addressed_by'], referencedTableName: 'app_user', referencedColumnNames: ['id'] },
        ],
      }),
    );
    // A threat's feedback across revisions (analysts' list, newest first, and the open counts per ref
    // of an assessment), and a task's feedback (the partners' and coordinators' list).
    await q.createIndex(
      'threat_feedback',
      new TableIndex({ name: 'idx_threat_feedback_assessment_ref', columnNames: ['assessment_id', 'threat_ref', 'created_at'] }),
    );
    await q.createIndex('threat_feedback', new TableIndex({ name: 'idx_threat_feedback_task', columnNames: ['task_id', 'created_at'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('threat_feedback');
  }
}
