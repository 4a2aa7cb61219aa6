import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Job } from 'bullmq';
import { DataSource, IsNull } from 'typeorm';
import { DeliveryEntity } from '../infrastructure/persistence/delivery.entity';
import { ReminderEntity } from '../infrastructure/persistence/reminder.entity';
import { QUEUE_NAMES, ReminderQueues, type QueueName } from './reminder-queues';

export const DASHBOARD_JOB_STATES = ['waiting', 'active', 'delayed', 'completed', 'failed', 'prioritized'] as const;
export type DashboardJobState = (typeof DASHBOARD_JOB_STATES)[number];

export interface JobSummary {
  id: string | undefined;
  name: string;
  data: unknown;
  attemptsMade: number;
  failedReason: string | undefined;
  timestamp: number;
  processedOn: number | undefined;
  finishedOn: number | undefined;
  delayUntil: number | null;
}

export interface QueueOverview {
  redis: 'up' | 'down';
  queues: Array<{ name: QueueName; counts: Record<string, number>; failed: JobSummary[] }>;
  /** From the database, so it answers with Redis down: what waits to be queued or delivered. */
  outbox: { remindersScheduled: number; remindersNotQueued: number; deliveriesPending: number; deliveriesFailed: number };
}

const summary = (job: Job): JobSummary => ({
  id: job.id,
  name: job.name,
  data: job.data,
  attemptsMade: job.attemptsMade,
  failedReason: job.failedReason || undefined,
  timestamp: job.timestamp,
  processedOn: job.processedOn,
  finishedOn: job.finishedOn,
  delayUntil: job.delay ? job.timestamp + job.delay : null,
});

/** A JSON queue dashboard (what Bull Board shows): counts per state, failed jobs, and the DB outbox. */
@Injectable()
export class QueueDashboard {
  constructor(
    private readonly queues: ReminderQueues,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  async overview(failedLimit = 20): Promise<QueueOverview> {
    const reminders = this.dataSource.getRepository(ReminderEntity);
    const deliveries = this.dataSource.getRepository(DeliveryEntity);
    const [remindersScheduled, remindersNotQueued, deliveriesPending, deliveriesFailed] = await Promise.all([
      reminders.count({ where: { status: 'scheduled' } }),
      reminders.count({ where: { status: 'scheduled', enqueuedAt: IsNull() } }),
      deliveries.count({ where: { status: 'pending' } }),
      deliveries.count({ where: { status: 'failed' } }),
    ]);
    const outbox = { remindersScheduled, remindersNotQueued, deliveriesPending, deliveriesFailed };
    try {
      const queues = [];
      for (const name of QUEUE_NAMES) {
        const queue = this.queues.queue(name);
        const counts = await this.queues.call(() => queue.getJobCounts(...DASHBOARD_JOB_STATES), 'reading job counts');
        const failed = await this.queues.call(() => queue.getFailed(0, failedLimit - 1), 'reading failed jobs');
        queues.push({ name, counts, failed: failed.map(summary) });
      }
      return { redis: 'up', queues, outbox };
    } catch {
      return { redis: 'down', queues: [], outbox };
    }
  }

  async jobs(name: QueueName, state: DashboardJobState, limit: number, offset: number): Promise<{ items: JobSummary[]; total: number; limit: number; offset: number }> {
    const queue = this.queues.queue(name);
    const [total, jobs] = await Promise.all([
      this.queues.call(() => queue.getJobCountByTypes(state), 'counting jobs'),
      this.queues.call(() => queue.getJobs([state], offset, offset + limit - 1), 'reading jobs'),
    ]);
    return { items: jobs.filter((j): j is Job => Boolean(j)).map(summary), total, limit, offset };
  }
}
