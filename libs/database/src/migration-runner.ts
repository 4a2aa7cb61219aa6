import type { DataSource } from 'typeorm';

/** Arbitrary constant: the advisory-lock key that serialises migrations across API replicas. */
const MIGRATION_LOCK_KEY = 727_001;

/**
 * Runs pending migrations. On PostgreSQL several replicas may start at once, so they take an advisory
 * lock and the losers find nothing left to do. On SQLite the file lock does the same job.
 */
export async function runMigrations(ds: DataSource, log: (msg: string) => void = () => undefined): Promise<string[]> {
  const opts = ds.options as { type: string; schema?: string };
  if (opts.type === 'postgres') {
    const runner = ds.createQueryRunner();
    await runner.connect();
    try {
      if (opts.schema) await runner.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
      await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
      try {
        const done = await ds.runMigrations({ transaction: 'each' });
        return report(done.map((m) => m.name), log);
      } finally {
        await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
      }
    } finally {
      await runner.release();
    }
  }
  const done = await ds.runMigrations({ transaction: 'each' });
  return report(done.map((m) => m.name), log);
}

function report(names: string[], log: (msg: string) => void): string[] {
  log(names.length ? `applied migrations: ${names.join(', ')}` : 'schema is up to date');
  return names;
}

/** Waits until another process (the API) has applied every migration; used by the worker. */
export async function waitForSchema(ds: DataSource, log: (msg: string) => void, timeoutMs = 120_000): Promise<void> {
  const started = Date.now();
  let warned = false;
  while (await ds.showMigrations()) {
    if (Date.now() - started > timeoutMs) throw new Error('database schema is not migrated; run `npm run migration:run`');
    if (!warned) log('waiting for migrations to be applied by the API (or `npm run migration:run`)');
    warned = true;
    await new Promise((r) => setTimeout(r, 1000));
  }
}
