"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.runMigrations = runMigrations;
exports.waitForSchema = waitForSchema;
const MIGRATION_LOCK_KEY = 727_001;
async function runMigrations(ds, log = () => undefined) {
    const opts = ds.options;
    if (opts.type === 'postgres') {
        const runner = ds.createQueryRunner();
        await runner.connect();
        try {
            if (opts.schema)
                await runner.query(`CREATE SCHEMA IF NOT EXISTS "${opts.schema}"`);
            await runner.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
            try {
                const done = await ds.runMigrations({ transaction: 'each' });
                return report(done.map((m) => m.name), log);
            }
            finally {
                await runner.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
            }
        }
        finally {
            await runner.release();
        }
    }
    const done = await ds.runMigrations({ transaction: 'each' });
    return report(done.map((m) => m.name), log);
}
function report(names, log) {
    log(names.length ? `applied migrations: ${names.join(', ')}` : 'schema is up to date');
    return names;
}
async function waitForSchema(ds, log, timeoutMs = 120_000) {
    const started = Date.now();
    let warned = false;
    while (await ds.showMigrations()) {
        if (Date.now() - started > timeoutMs)
            throw new Error('database schema is not migrated; run `npm run migration:run`');
        if (!warned)
            log('waiting for migrations to be applied by the API (or `npm run migration:run`)');
        warned = true;
        await new Promise((r) => setTimeout(r, 1000));
    }
}
//# sourceMappingURL=migration-runner.js.map