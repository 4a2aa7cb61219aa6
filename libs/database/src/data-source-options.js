"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isSqlite = exports.SQLITE_BUSY_TIMEOUT_MS = void 0;
exports.buildDataSourceOptions = buildDataSourceOptions;
const node_fs_1 = require("node:fs");
const node_path_1 = require("node:path");
const migrations_1 = require("./migrations");
const snake_naming_strategy_1 = require("./snake-naming.strategy");
exports.SQLITE_BUSY_TIMEOUT_MS = 5000;
function buildDataSourceOptions(s, entities = []) {
    const common = {
        entities,
        migrations: migrations_1.MIGRATIONS,
        migrationsTableName: 'schema_migrations',
        namingStrategy: new snake_naming_strategy_1.SnakeNamingStrategy(),
        synchronize: false,
        migrationsRun: false,
        logging: s.logging ? ['query', 'error'] : ['error'],
    };
    if (s.url) {
        return {
            ...common,
            logging: [...common.logging],
            type: 'postgres',
            url: s.url,
            schema: s.schema,
            extra: { max: 20, ...(s.schema ? { options: `-c search_path=${s.schema}` } : {}) },
        };
    }
    const file = (0, node_path_1.resolve)(s.path);
    (0, node_fs_1.mkdirSync)((0, node_path_1.dirname)(file), { recursive: true });
    return {
        ...common,
        logging: [...common.logging],
        type: 'better-sqlite3',
        database: file,
        enableWAL: true,
        timeout: exports.SQLITE_BUSY_TIMEOUT_MS,
        prepareDatabase: (db) => {
            db.pragma('foreign_keys = ON');
            db.pragma('synchronous = NORMAL');
        },
    };
}
const isSqlite = (o) => o.type === 'better-sqlite3';
exports.isSqlite = isSqlite;
//# sourceMappingURL=data-source-options.js.map