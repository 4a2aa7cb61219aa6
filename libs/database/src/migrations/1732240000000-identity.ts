import { MigrationInterface, QueryRunner, Table, TableForeignKey, TableIndex } from 'typeorm';
import { col } from '../column-types';

export class Identity1732240000000 implements MigrationInterface {
  name = 'Identity1732240000000';

  async up(q: QueryRunner): Promise<void> {
    await q.createTable(
      new Table({
        name: 'organisation',
        columns: [
          col.id(),
          { ...col.str('name', 200), isUnique: true },
          col.str('kind', 16),
          col.json('capabilities'),
          col.json('jurisdictions'),
          col.str('clearance', 24),
          col.int('capacity'),
          col.str('webhook_url', 2000, true),
          col.str('webhook_secret', 128, true),
          col.str('contact_email', 320, true),
          col.at('created_at'),
          col.at('updated_at'),
          col.int('version'),
        ],
      }),
    );
    await q.createTable(
      new Table({
        name: 'app_user',
        columns: [
          col.id(),
          { ...col.str('email', 320), isUnique: true },
          col.str('password_hash', 100),
          col.str('role', 16),
          col.ref('organisation_id'),
          col.str('display_name', 200, true),
          col.bool('active'),
          col.at('created_at'),
          col.at('updated_at'),
        ],
      }),
    );
    await q.createForeignKey(
      'app_user',
      new TableForeignKey({ columnNames: ['organisation_id'], referencedTableName: 'organisation', referencedColumnNames: ['id'] }),
    );
    await q.createIndex('app_user', new TableIndex({ name: 'idx_app_user_org', columnNames: ['organisation_id'] }));
    await q.createTable(
      new Table({
        name: 'vision',
        columns: [
          col.id(),
          col.str('title', 300),
          col.json('aims'),
          col.json('objectives'),
          col.ref('updated_by', true),
          col.at('updated_at'),
          col.int('version'),
        ],
      }),
    );
  }

  async down(q: QueryRunner): Promise<void> {
    await q.dropTable('vision');
    await q.dropTable('app_user');
    await q.dropTable('organisation');
  }
}
