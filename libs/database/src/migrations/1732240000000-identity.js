"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.Identity1732240000000 = void 0;
const typeorm_1 = require("typeorm");
const column_types_1 = require("../column-types");
class Identity1732240000000 {
    name = 'Identity1732240000000';
    async up(q) {
        await q.createTable(new typeorm_1.Table({
            name: 'organisation',
            columns: [
                column_types_1.col.id(),
                { ...column_types_1.col.str('name', 200), isUnique: true },
                column_types_1.col.str('kind', 16),
                column_types_1.col.json('capabilities'),
                column_types_1.col.json('jurisdictions'),
                column_types_1.col.str('clearance', 24),
                column_types_1.col.int('capacity'),
                column_types_1.col.str('webhook_url', 2000, true),
                column_types_1.col.str('webhook_secret', 128, true),
                column_types_1.col.str('contact_email', 320, true),
                column_types_1.col.at('created_at'),
                column_types_1.col.at('updated_at'),
                column_types_1.col.int('version'),
            ],
        }));
        await q.createTable(new typeorm_1.Table({
            name: 'app_user',
            columns: [
                column_types_1.col.id(),
                { ...column_types_1.col.str('email', 320), isUnique: true },
                column_types_1.col.str('password_hash', 100),
                column_types_1.col.str('role', 16),
                column_types_1.col.ref('organisation_id'),
                column_types_1.col.str('display_name', 200, true),
                column_types_1.col.bool('active'),
                column_types_1.col.at('created_at'),
                column_types_1.col.at('updated_at'),
            ],
        }));
        await q.createForeignKey('app_user', new typeorm_1.TableForeignKey({ columnNames: ['organisation_id'], referencedTableName: 'organisation', referencedColumnNames: ['id'] }));
        await q.createIndex('app_user', new typeorm_1.TableIndex({ name: 'idx_app_user_org', columnNames: ['organisation_id'] }));
        await q.createTable(new typeorm_1.Table({
            name: 'vision',
            columns: [
                column_types_1.col.id(),
                column_types_1.col.str('title', 300),
                column_types_1.col.json('aims'),
                column_types_1.col.json('objectives'),
                column_types_1.col.ref('updated_by', true),
                column_types_1.col.at('updated_at'),
                column_types_1.col.int('version'),
            ],
        }));
    }
    async down(q) {
        await q.dropTable('vision');
        await q.dropTable('app_user');
        await q.dropTable('organisation');
    }
}
exports.Identity1732240000000 = Identity1732240000000;
//# sourceMappingURL=1732240000000-identity.js.map