import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { DataSourceOptions } from 'typeorm';
import { MIGRATIONS } from './migrations';
import { SnakeNamingStrategy } from './snake-naming.strategy';

export interface DatabaseSettings {
  url?: string;
  path: string;
  schema?: string;
  logging?: boolean;
}

/** SQLite waits this long for another process's write lock before SQLITE_BUSY. */
export const SQLITE_BUSY_TIMEOUT_MS = 5000;

/**
 * One place that decides the engine: PostgreSQL when a URL is given, else the embedded SQLite file.
 * Never `synchronize`: the schema comes only from migrations, on both engines.
 */
export function buildDataSourceOptions(s: DatabaseSettings, entities: DataSourceOptions['entities'] = []): DataSourceOptions {
  const common = {
    entities,
    migrations: MIGRATIONS,
    migrationsTableName: 'schema_migrations',
    namingStrategy: new SnakeNamingStrategy(),
    synchronize: false,
    migrationsRun: false,
    logging: s.logging ? (['query', 'error'] as const) : (['error'] as const),
  };
  if (s.url) {
    return {
      ...common,
      logging: [...common.logging],
      type: 'postgres',
      url: s.url,
      schema: s.schema,
      // search_path makes hand-written SQL land in the same schema as the entities.
      extra: { max: 20, ...(s.schema ? { options: `-c search_path=${s.schema}` } : {}) },
    };
  }
  const file = resolve(s.path);
  mkdirSync(dirname(file), { recursive: true });
  return {
    ...common,
    logging: [...common.logging],
    type: 'better-sqlite3',
    database: file,
    enableWAL: true,
    timeout: SQLITE_BUSY_TIMEOUT_MS,
    prepareDatabase: (db: { pragma: (s: string) => unknown }) => {
      db.pragma('foreign_keys = ON');
      // WAL + NORMAL is durable across application crashes; only an OS crash can lose the last commit.
      db.pragma('synchronous = NORMAL');
    },
  };
}
