import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { DataSource, EntityManager, EntitySubscriberInterface, QueryRunner, TransactionCommitEvent, TransactionRollbackEvent } from 'typeorm';

type Callback = () => Promise<void>;

/**
 * Runs work once the transaction of a given EntityManager has committed, and drops it if the
 * transaction rolls back.
 *
 * Needed where tasking writes inside a transaction it does not own: a revision's plan is stored in the
 * assessments service's transaction, yet TaskChangeListener.afterCommit (queueing reminder jobs) must
 * only run once that transaction is durable. TypeORM broadcasts commit/rollback to data-source
 * subscribers with the transaction's QueryRunner, which is the key used here. A RELEASE SAVEPOINT also
 * broadcasts "commit", so callbacks only run when the runner has no transaction left.
 */
@Injectable()
export class AfterCommitHooks implements OnModuleInit, EntitySubscriberInterface {
  private readonly logger = new Logger(AfterCommitHooks.name);
  private readonly pending = new Map<QueryRunner, Callback[]>();

  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  onModuleInit(): void {
    // The data source is built by DatabaseModule, which lists no subscribers; registering here keeps
    // this tasking concern inside tasking.
    if (!this.dataSource.subscribers.includes(this)) this.dataSource.subscribers.push(this);
  }

  /** Runs `callback` after `em`'s transaction commits; at once when `em` is not in a transaction. */
  async defer(em: EntityManager, callback: Callback): Promise<void> {
    const runner = em.queryRunner;
    if (!runner || !runner.isTransactionActive) {
      await this.safely(callback);
      return;
    }
    const list = this.pending.get(runner);
    if (list) list.push(callback);
    else this.pending.set(runner, [callback]);
  }

  async afterTransactionCommit(event: TransactionCommitEvent): Promise<void> {
    const runner = event.queryRunner;
    if (runner.isTransactionActive) return; // a savepoint was released; the outer transaction is still open
    const callbacks = this.pending.get(runner);
    if (!callbacks) return;
    this.pending.delete(runner);
    for (const callback of callbacks) await this.safely(callback);
  }

  afterTransactionRollback(event: TransactionRollbackEvent): void {
    if (!event.queryRunner.isTransactionActive) this.pending.delete(event.queryRunner);
  }

  /** After-commit work is a side effect outside the database: it must never fail the committed write. */
  private async safely(callback: Callback): Promise<void> {
    try {
      await callback();
    } catch (err) {
      this.logger.error({ err }, 'after-commit work failed');
    }
  }
}
