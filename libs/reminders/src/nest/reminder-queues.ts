import { Queue, type JobsOptions } from 'bullmq';
import Redis from 'ioredis';
import { producerRedisOptions, workerRedisOptions } from '@app/common/nest';
import type { ReminderKind } from '../scheduling/reminder.types';
import type { JobRetrySettings, ReminderSettings } from './settings';

export const REMINDERS_QUEUE = 'reminders';
export const DELIVERIES_QUEUE = 'deliveries';
export const QUEUE_NAMES = [REMINDERS_QUEUE, DELIVERIES_QUEUE] as const;
export type QueueName = (typeof QUEUE_NAMES)[number];

/** A reminder job only says which row to look at; the worker decides from the row and the task. */
export interface ReminderJobData {
  reminderId: string;
  taskId: string;
  kind: ReminderKind;
  occurrence: number;
  taskVersion: number;
  fireAt: string;
}

export interface DeliveryJobData {
  deliveryId: string;
}

/** What enqueueing needs of a reminder row. */
export interface QueueableReminder {
  id: string;
  taskId: string;
  kind: ReminderKind;
  occurrence: number;
  taskVersion: number;
  fireAt: string;
  jobId: string;
}

/** Deterministic: one delivery row, one job id, however often it is queued. No ":" and never all digits. */
export const deliveryJobId = (deliveryId: string): string => `dlv-${deliveryId}`;

export class RedisUnavailableError extends Error {
  constructor(message = 'Redis is not connected') {
    super(message);
    this.name = 'RedisUnavailableError';
  }
}

const ADD_BULK_SIZE = 1000;
const DAY_S = 86_400;

/** Completed jobs linger a day (so a late duplicate add is a no-op); failed ones stay a month, visible. */
function jobOptions(retry: JobRetrySettings): JobsOptions {
  return {
    attempts: retry.attempts,
    backoff: { type: 'exponential', delay: retry.backoffMs },
    removeOnComplete: { age: DAY_S, count: 50_000 },
    removeOnFail: { age: 30 * DAY_S },
  };
}

/**
 * The two queues, on one Redis connection of our own (so its state can be checked without waiting).
 *
 * - `producer` (API): commands fail at once while Redis is down (no offline queue), and every call
 *   is bounded by a timeout, so a request never waits on Redis; the rows stay in the outbox.
 * - `worker`: reconnects forever; commands wait for the connection.
 * Errors are always listened to: an unhandled 'error' event would end the process.
 */
export class ReminderQueues {
  readonly redis: Redis;
  readonly reminders: Queue<ReminderJobData>;
  readonly deliveries: Queue<DeliveryJobData>;
  private readonly timeoutMs: number;
  private closed = false;

  constructor(
    readonly connection: { url: string; prefix: string; role: 'producer' | 'worker' },
    private readonly settings: ReminderSettings,
  ) {
    const options = connection.role === 'producer' ? producerRedisOptions(connection.url) : workerRedisOptions(connection.url);
    this.redis = new Redis({ ...options, lazyConnect: false });
    // Outages are reported by the health check (API) and RedisMonitor (worker); here only keep quiet.
    this.redis.on('error', () => undefined);
    this.timeoutMs = connection.role === 'producer' ? settings.enqueueTimeoutMs : 30_000;
    this.reminders = new Queue<ReminderJobData>(REMINDERS_QUEUE, { connection: this.redis, prefix: connection.prefix });
    this.deliveries = new Queue<DeliveryJobData>(DELIVERIES_QUEUE, { connection: this.redis, prefix: connection.prefix });
    for (const q of [this.reminders, this.deliveries]) q.on('error', () => undefined);
  }

  get ready(): boolean {
    return !this.closed && this.redis.status === 'ready';
  }

  queue(name: QueueName): Queue {
    return name === REMINDERS_QUEUE ? (this.reminders as Queue) : (this.deliveries as Queue);
  }

  /** Adds delayed jobs (delay = time left until fireAt, at least 0) in bulk. Existing job ids are kept as they are. */
  async enqueueReminders(rows: readonly QueueableReminder[], now = Date.now()): Promise<void> {
    const options = jobOptions(this.settings.reminderJob);
    for (let i = 0; i < rows.length; i += ADD_BULK_SIZE) {
      const jobs = rows.slice(i, i + ADD_BULK_SIZE).map((r) => ({
        name: r.kind,
        data: { reminderId: r.id, taskId: r.taskId, kind: r.kind, occurrence: r.occurrence, taskVersion: r.taskVersion, fireAt: r.fireAt },
        opts: { ...options, jobId: r.jobId, delay: Math.max(0, Date.parse(r.fireAt) - now) },
      }));
      await this.call(() => this.reminders.addBulk(jobs), 'queueing reminders');
    }
  }

  async enqueueDeliveries(deliveryIds: readonly string[]): Promise<void> {
    const options = jobOptions(this.settings.deliveryJob);
    for (let i = 0; i < deliveryIds.length; i += ADD_BULK_SIZE) {
      const jobs = deliveryIds.slice(i, i + ADD_BULK_SIZE).map((deliveryId) => ({
        name: 'deliver',
        data: { deliveryId },
        opts: { ...options, jobId: deliveryJobId(deliveryId) },
      }));
      await this.call(() => this.deliveries.addBulk(jobs), 'queueing deliveries');
    }
  }

  /**
   * Best effort: drops the jobs of cancelled reminders so they do not wake a worker for nothing. A job
   * that is running, or one Redis cannot remove now, is harmless: the worker finds its row cancelled.
   */
  async removeReminderJobs(jobIds: readonly string[]): Promise<void> {
    for (let i = 0; i < jobIds.length; i += 100) {
      await this.call(
        () => Promise.all(jobIds.slice(i, i + 100).map((id) => this.reminders.remove(id).catch(() => 0))),
        'removing cancelled reminder jobs',
      );
    }
  }

  /** Which of these job ids have a job (in any state) in Redis; one pipelined round trip. */
  async jobsExist(name: QueueName, jobIds: readonly string[]): Promise<boolean[]> {
    if (jobIds.length === 0) return [];
    const queue = this.queue(name);
    const results = await this.call(() => {
      const pipeline = this.redis.pipeline();
      for (const id of jobIds) pipeline.exists(queue.toKey(id));
      return pipeline.exec();
    }, 'checking jobs');
    return (results ?? []).map(([err, value]) => {
      if (err) throw err;
      return value === 1;
    });
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    await Promise.allSettled([this.reminders.close(), this.deliveries.close()]);
    this.redis.disconnect();
  }

  /**
   * Runs `start` only while connected, and gives up after the timeout. Checking first matters:
   * BullMQ waits for the connection before sending, so a call started during an outage would hang.
   */
  async call<T>(start: () => Promise<T>, what: string): Promise<T> {
    if (!this.ready) throw new RedisUnavailableError(`Redis is not connected (${what})`);
    const work = start();
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        work,
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new RedisUnavailableError(`Redis did not answer within ${this.timeoutMs} ms (${what})`)), this.timeoutMs);
          timer.unref();
        }),
      ]);
    } catch (err) {
      work.catch(() => undefined);
      throw err;
    } finally {
      if (timer) clearTimeout(timer);
    }
  }
}
