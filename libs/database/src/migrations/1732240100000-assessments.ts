import { MigrationInterface, QueryRunner, Table, TableIndex } from 'typeorm';
import { col } from '../column-types';

export class Assessments1732240100000 implements MigrationInterface {
  name = 'Assessments1732240100000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'assessment',
        columns: [col.id(), col.str('title', 300), col.int('current_revision'), col.ref('created_by'), col.at('created_at'), col.at('updated_at')],
      }),
    );
    await q.createTable(
      new Table({
        name: 'assessment_revision',
        columns: [
          col.id(),
          col.ref('assessment_id'),
          col.int('revision'),
          col.str('title', 300),
          col.str('scoring_version', 64),
          col.json('scoring_config'),
          col.str('source_format', 8),
          col.str('source_name', 300, true),
          col.int('threat_count'),
          col.ref('created_by'),
          col.at('created_at'),
        ],
        foreignKeys: [{ columnNames: ['assessment_id'], referencedTableName: 'assessment', referencedColumnNames: ['id'] }],
      }),
    );
    // The unique pair is what makes "two analysts on the same base revision" safe: only one insert wins.
    await q.createIndex('assessment_revision', new TableIndex({ name: 'uq_revision_assessment_number', columnNames: ['assessment_id', 'revision'], isUnique: true }));
    await q.createTable(
      new Table({
        name: 'threat',
        columns: [
          col.id(),
          col.ref('assessment_id'),
          col.ref('revision_id'),
          col.int('revision'),
          col.str('ref', 64),
          col.str('title', 200),
          col.text('description'),
          col.str('crime_area', 48),
          col.json('harm'),
          col.int('likelihood'),
          col.str('confidence', 8),
          col.str('trend', 12),
          col.json('regions'),
          col.str('classification', 24),
          col.json('intelligence_gaps'),
          col.json('recommended_actions'),
          col.num('score'),
          col.str('band', 2),
          col.json('breakdown'),
          col.bool('needs_intelligence'),
          col.str('override_band', 2, true),
          col.text('override_reason', true),
          col.ref('override_by', true),
          col.at('override_at', true),
          col.str('effective_band', 2),
          col.bool('is_current'),
          col.at('created_at'),
        ],
        foreignKeys: [{ columnNames: ['revision_id'], referencedTableName: 'assessment_revision', referencedColumnNames: ['id'] }],
      }),
    );
    await q.createIndex('threat', new TableIndex({ name: 'idx_threat_revision', columnNames: ['revision_id'] }));
    await q.createIndex('threat', new TableIndex({ name: 'idx_threat_assessment_ref', columnNames: ['assessment_id', 'ref'] }));
    await q.createIndex('threat', new TableIndex({ name: 'idx_threat_current_rank', columnNames: ['is_current', 'effective_band', 'score'] }));
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('threat');
    await q.dropTable('assessment_revision');
    await q.dropTable('assessment');
  }
}
