import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { IsNull, Repository } from 'typeorm';
import { NotFoundError } from '@app/common';
import { nowIso, type Page, TransactionRunner } from '@app/database';
import { NotificationEntity } from '../infrastructure/persistence/notification.entity';

export interface NotificationView {
  id: string;
  taskId: string;
  reminderId: string;
  kind: NotificationEntity['kind'];
  subject: string;
  body: string;
  read: boolean;
  readAt: string | null;
  createdAt: string;
}

export const toNotificationView = (n: NotificationEntity): NotificationView => ({
  id: n.id,
  taskId: n.taskId,
  reminderId: n.reminderId,
  kind: n.kind,
  subject: n.subject,
  body: n.body,
  read: n.readAt !== null,
  readAt: n.readAt,
  createdAt: n.createdAt,
});

/**
 * The in-app inbox. Every query is keyed on the caller's own user id, so nobody can read or mark
 * another user's notification: someone else's id answers 404, like one that does not exist.
 */
@Injectable()
export class NotificationsService {
  constructor(
    @InjectRepository(NotificationEntity) private readonly repo: Repository<NotificationEntity>,
    private readonly tx: TransactionRunner,
  ) {}

  async list(userId: string, opts: { unread?: boolean; limit: number; offset: number }): Promise<Page<NotificationView>> {
    const [rows, total] = await this.repo.findAndCount({
      where: { userId, ...(opts.unread ? { readAt: IsNull() } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: opts.limit,
      skip: opts.offset,
    });
    return { items: rows.map(toNotificationView), total, limit: opts.limit, offset: opts.offset };
  }

  /** Marks one of the caller's notifications read; marking it again keeps the first read time. */
  async markRead(userId: string, id: string): Promise<NotificationView> {
    const found = await this.repo.findOne({ where: { id, userId } });
    if (!found) throw new NotFoundError('Notification', id);
    if (found.readAt === null) {
      const readAt = nowIso();
      await this.tx.run((em) => em.update(NotificationEntity, { id, userId, readAt: IsNull() }, { readAt }));
      return toNotificationView((await this.repo.findOne({ where: { id, userId } })) ?? { ...found, readAt });
    }
    return toNotificationView(found);
  }
}
