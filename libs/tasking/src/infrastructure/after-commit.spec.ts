import { Logger } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AfterCommitHooks } from './after-commit';

describe('AfterCommitHooks (real SQLite transactions)', () => {
  let ds: DataSource;
  let hooks: AfterCommitHooks;

  beforeAll(async () => {
    ds = new DataSource({ type: 'better-sqlite3', database: ':memory:' });
    await ds.initialize();
    await ds.query('CREATE TABLE t (x integer)');
    hooks = new AfterCommitHooks(ds);
    hooks.onModuleInit();
    hooks.onModuleInit(); // idempotent: registered once
  });
  afterAll(() => ds.destroy());

  it('registers as a data-source subscriber once', () => {
    expect(ds.subscribers.filter((s) => s === hooks)).toHaveLength(1);
  });

  it('runs deferred work only once the transaction has committed', async () => {
    const seen: number[] = [];
    await ds.transaction(async (em) => {
      await em.query('INSERT INTO t (x) VALUES (1)');
      await hooks.defer(em, async () => {
        // Visible from outside the transaction: it really is committed.
        seen.push(Number((await ds.query('SELECT COUNT(*) AS n FROM t'))[0].n));
      });
      expect(seen).toEqual([]);
    });
    expect(seen).toEqual([1]);
  });

  it('drops deferred work when the transaction rolls back', async () => {
    const ran = jest.fn(async () => undefined);
    await expect(
      ds.transaction(async (em) => {
        await hooks.defer(em, ran);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    // A later commit on the same (shared SQLite) runner must not run the dropped work.
    await ds.transaction(async (em) => em.query('INSERT INTO t (x) VALUES (2)'));
    expect(ran).not.toHaveBeenCalled();
  });

  it('waits for the outer commit, not a released savepoint', async () => {
    const ran = jest.fn(async () => undefined);
    await ds.transaction(async (em) => {
      await em.transaction(async (inner) => {
        await hooks.defer(inner, ran);
      });
      expect(ran).not.toHaveBeenCalled();
    });
    expect(ran).toHaveBeenCalledTimes(1);
  });

  it('runs at once outside a transaction, and never lets a failure escape', async () => {
    const logged = jest.spyOn(Logger.prototype, 'error').mockImplementation(() => undefined);
    const ran = jest.fn(async () => undefined);
    await hooks.defer(ds.manager, ran);
    expect(ran).toHaveBeenCalledTimes(1);
    await expect(hooks.defer(ds.manager, async () => Promise.reject(new Error('queue down')))).resolves.toBeUndefined();
    await expect(
      ds.transaction(async (em) => hooks.defer(em, async () => Promise.reject(new Error('queue down')))),
    ).resolves.toBeUndefined();
    expect(logged).toHaveBeenCalledTimes(2);
    logged.mockRestore();
  });
});
