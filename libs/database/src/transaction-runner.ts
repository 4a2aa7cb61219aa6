import { Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';

const SQLITE_BUSY = /SQLITE_BUSY|database is locked/i;

/**
 * The one way to run a write transaction.
 *
 * SQLite: TypeORM shares a single connection, so two overlapping transactions would collide ("cannot
 * start a transaction within a transaction"). Writes are queued here, one at a time per process, and
 * a write that loses the file lock to the other process (worker vs API) is retried.
 * PostgreSQL: a pooled connection per transaction; concurrency is guarded by version checks.
 */
@Injectable()
export class TransactionRunner {
  private readonly logger = new Logger(TransactionRunner.name);
  private tail: Promise<unknown> = Promise.resolve();
  private readonly sqlite: boolean;

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {
    this.sqlite = dataSource.options.type === 'better-sqlite3';
  }

  run<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    if (!this.sqlite) return this.dataSource.transaction(work);
    const next = this.tail.then(() => this.withBusyRetry(work));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async withBusyRetry<T>(work: (em: EntityManager) => Promise<T>): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.dataSource.transaction(work);
      } catch (err) {
        if (attempt >= 5 || !SQLITE_BUSY.test(String((err as Error)?.message))) throw err;
        this.logger.warn(`SQLite busy, retrying write (attempt ${attempt})`);
        await new Promise((r) => setTimeout(r, 20 * attempt + Math.random() * 30));
      }
    }
  }
}
