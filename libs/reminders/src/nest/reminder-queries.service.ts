import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import type { Page } from '@app/database';
import { DeliveryAttemptEntity, DeliveryEntity, type DeliveryChannel, type DeliveryStatus } from '../infrastructure/persistence/delivery.entity';
import { ReminderEntity } from '../infrastructure/persistence/reminder.entity';

export interface ReminderView {
  id: string;
  kind: ReminderEntity['kind'];
  occurrence: number;
  audience: ReminderEntity['audience'];
  fireAt: string;
  status: ReminderEntity['status'];
  taskVersion: number;
  sentAt: string | null;
  createdAt: string;
}

export interface DeliveryAttemptView {
  attempt: number;
  at: string;
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

export interface DeliveryView {
  id: string;
  channel: DeliveryChannel;
  target: string;
  organisationId: string;
  taskId: string;
  reminderId: string;
  status: DeliveryStatus;
  attempts: number;
  lastError: string | null;
  lastStatusCode: number | null;
  createdAt: string;
  updatedAt: string;
  deliveredAt: string | null;
  attemptLog?: DeliveryAttemptView[];
}

const reminderView = (r: ReminderEntity): ReminderView => ({
  id: r.id,
  kind: r.kind,
  occurrence: r.occurrence,
  audience: r.audience,
  fireAt: r.fireAt,
  status: r.status,
  taskVersion: r.taskVersion,
  sentAt: r.sentAt,
  createdAt: r.createdAt,
});

const deliveryView = (d: DeliveryEntity): DeliveryView => ({
  id: d.id,
  channel: d.channel,
  target: d.target,
  organisationId: d.organisationId,
  taskId: d.taskId,
  reminderId: d.reminderId,
  status: d.status,
  attempts: d.attempts,
  lastError: d.lastError,
  lastStatusCode: d.lastStatusCode,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
  deliveredAt: d.deliveredAt,
});

/** Read side for the API: a task's reminders, and deliveries for coordinators. Access is checked by callers. */
@Injectable()
export class ReminderQueries {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  async remindersOfTask(taskId: string): Promise<{ items: ReminderView[] }> {
    const rows = await this.dataSource.getRepository(ReminderEntity).find({
      where: { taskId },
      order: { fireAt: 'ASC', createdAt: 'ASC', id: 'ASC' },
    });
    return { items: rows.map(reminderView) };
  }

  async listDeliveries(filter: {
    status?: DeliveryStatus;
    channel?: DeliveryChannel;
    taskId?: string;
    organisationId?: string;
    limit: number;
    offset: number;
  }): Promise<Page<DeliveryView>> {
    const where = {
      ...(filter.status ? { status: filter.status } : {}),
      ...(filter.channel ? { channel: filter.channel } : {}),
      ...(filter.taskId ? { taskId: filter.taskId } : {}),
      ...(filter.organisationId ? { organisationId: filter.organisationId } : {}),
    };
    const [rows, total] = await this.dataSource.getRepository(DeliveryEntity).findAndCount({
      where,
      order: { createdAt: 'DESC', id: 'DESC' },
      take: filter.limit,
      skip: filter.offset,
    });
    return { items: await this.withAttempts(rows), total, limit: filter.limit, offset: filter.offset };
  }

  async deliveriesOfTask(taskId: string): Promise<{ items: DeliveryView[] }> {
    const rows = await this.dataSource.getRepository(DeliveryEntity).find({ where: { taskId }, order: { createdAt: 'ASC', id: 'ASC' } });
    return { items: await this.withAttempts(rows) };
  }

  private async withAttempts(rows: DeliveryEntity[]): Promise<DeliveryView[]> {
    const attempts = new Map<string, DeliveryAttemptView[]>();
    for (let i = 0; i < rows.length; i += 500) {
      const found = await this.dataSource.getRepository(DeliveryAttemptEntity).find({
        where: { deliveryId: In(rows.slice(i, i + 500).map((d) => d.id)) },
        order: { attempt: 'ASC' },
      });
      for (const a of found) {
        const list = attempts.get(a.deliveryId) ?? [];
        list.push({ attempt: a.attempt, at: a.at, statusCode: a.statusCode, error: a.error, durationMs: a.durationMs });
        attempts.set(a.deliveryId, list);
      }
    }
    return rows.map((d) => ({ ...deliveryView(d), attemptLog: attempts.get(d.id) ?? [] }));
  }
}
