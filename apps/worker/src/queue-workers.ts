import { Inject, Injectable, Logger, OnModuleDestroy } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { DelayedError, Job, UnrecoverableError, Worker, type ConnectionOptions } from 'bullmq';
import { workerRedisOptions } from '@app/common/nest';
import { redisConfig } from '@app/config';
import {
  DELIVERIES_QUEUE,
  DeliverySender,
  OutboxReconciler,
  REMINDER_SETTINGS,
  ReminderDispatcher,
  ReminderQueues,
  REMINDERS_QUEUE,
  type DeliveryJobData,
  type FireOutcome,
  type ReminderJobData,
  type ReminderSettings,
} from '@app/reminders/nest';

/**
 * The worker's consumers: a BullMQ Worker per queue (concurrency WORKER_CONCURRENCY) and the outbox
 * reconciler (at start, every RECONCILE_INTERVAL_SECONDS, and whenever Redis comes back).
 *
 * Started explicitly by createWorkerApp once the schema is migrated, not in a lifecycle hook, so no
 * job runs against a schema the API has not finished migrating. Stopped in onModuleDestroy, which
 * Nest runs on SIGTERM before it closes the database: `worker.close()` stops taking jobs and waits
 * for the running ones to finish, so a deploy neither cuts a job in half nor leaves it locked.
 */
@Injectable()
export class QueueWorkers implements OnModuleDestroy {
  private readonly logger = new Logger('Worker');
  private readonly workers: Worker[] = [];
  private timer?: NodeJS.Timeout;
  private stopping = false;

  constructor(
    @Inject(redisConfig.KEY) private readonly redis: ConfigType<typeof redisConfig>,
    @Inject(REMINDER_SETTINGS) private readonly settings: ReminderSettings,
    private readonly queues: ReminderQueues,
    private readonly dispatcher: ReminderDispatcher,
    private readonly sender: DeliverySender,
    private readonly reconciler: OutboxReconciler,
  ) {}

  start(): void {
    if (this.workers.length) return;
    const options = {
      // Worker connections wait and reconnect forever: a Redis outage pauses the worker, never ends it.
      connection: workerRedisOptions(this.redis.url) as ConnectionOptions,
      prefix: this.redis.queuePrefix,
      concurrency: this.settings.workerConcurrency,
      lockDuration: this.settings.jobLockMs,
      stalledInterval: this.settings.jobLockMs,
      autorun: true,
    };
    this.workers.push(
      this.watch(new Worker<ReminderJobData, FireOutcome>(REMINDERS_QUEUE, (job, token) => this.runReminder(job, token), options)),
      this.watch(new Worker<DeliveryJobData>(DELIVERIES_QUEUE, (job) => this.runDelivery(job), options)),
    );
    this.queues.redis.on('ready', () => this.reconcileSoon('Redis is back'));
    this.timer = setInterval(() => this.reconcileSoon('interval'), this.settings.reconcileIntervalMs);
    this.timer.unref();
    this.reconcileSoon('start');
    this.logger.log(`consuming ${REMINDERS_QUEUE} and ${DELIVERIES_QUEUE} (concurrency ${this.settings.workerConcurrency})`);
  }

  private async runReminder(job: Job<ReminderJobData, FireOutcome>, token?: string): Promise<FireOutcome> {
    const outcome = await this.dispatcher.fire(job.data.reminderId);
    if (outcome.action === 'wait') {
      // Fired before its row's time (the row was re-timed under the same job id): sleep until then.
      await job.moveToDelayed(outcome.untilMs, token);
      throw new DelayedError();
    }
    if (outcome.action === 'skipped') this.logger.log(`reminder ${job.data.reminderId} skipped: ${outcome.reason}`);
    return outcome;
  }

  private async runDelivery(job: Job<DeliveryJobData>): Promise<void> {
    const isLastTry = job.attemptsMade + 1 >= (job.opts.attempts ?? 1);
    const outcome = await this.sender.deliver(job.data.deliveryId, isLastTry);
    if (outcome.ok) return;
    // Throwing hands the retry to BullMQ (exponential backoff); the attempt is already recorded.
    if (outcome.permanent) throw new UnrecoverableError(outcome.error);
    throw new Error(outcome.error ?? 'delivery failed');
  }

  private watch<T extends Worker>(worker: T): T {
    let down = false;
    worker.on('error', (err) => {
      // Connection errors repeat on every reconnect attempt; RedisMonitor tells the outage story.
      if (!down) this.logger.warn(`${worker.name}: ${err.message}`);
      down = true;
    });
    worker.on('ready', () => {
      down = false;
    });
    worker.on('failed', (job, err) => {
      if (!job || err instanceof DelayedError) return;
      const final = job.attemptsMade >= (job.opts.attempts ?? 1) || err instanceof UnrecoverableError;
      const message = `${worker.name} job ${job.id} failed (attempt ${job.attemptsMade}): ${err.message}`;
      if (final) this.logger.error(`${message}; giving up, the job stays in the failed list`);
      else this.logger.warn(`${message}; retrying with backoff`);
    });
    return worker;
  }

  private reconcileSoon(why: string): void {
    if (this.stopping) return;
    this.reconciler.reconcile().catch((err: Error) => this.logger.warn(`outbox reconcile (${why}) failed: ${err.message}; retrying later`));
  }

  async onModuleDestroy(): Promise<void> {
    this.stopping = true;
    if (this.timer) clearInterval(this.timer);
    // Every worker gets to finish its running jobs even if another one's close fails; a failure is
    // logged (its unfinished job is retried by another worker after the lock expires), never thrown,
    // so the database still closes in order behind it.
    const results = await Promise.allSettled(this.workers.map((w) => w.close()));
    for (const r of results) if (r.status === 'rejected') this.logger.warn(`a queue worker did not close cleanly: ${String(r.reason)}`);
    this.logger.log(results.every((r) => r.status === 'fulfilled') ? 'queue workers stopped' : 'queue workers stopped (with errors, see above)');
  }
}
