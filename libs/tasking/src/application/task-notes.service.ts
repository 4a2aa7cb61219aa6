import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { ConflictError, ForbiddenError } from '@app/common';
import { nowIso, TransactionRunner, type Page } from '@app/database';
import type { Actor } from '@app/identity';
import { isTerminal } from '../lifecycle/task-state-machine';
import { TaskNoteEntity, type TaskNoteKind } from '../infrastructure/persistence/task.entity';
import { TasksService } from './tasks.service';

export interface TaskNoteView {
  id: string;
  taskId: string;
  kind: TaskNoteKind;
  body: string;
  /** Progress updates are posted as `{ note }`; they read back under the same name. */
  note?: string;
  authorId: string;
  authorOrganisationId: string;
  createdAt: string;
}

const view = (n: TaskNoteEntity): TaskNoteView => ({
  id: n.id,
  taskId: n.taskId,
  kind: n.kind,
  body: n.body,
  ...(n.kind === 'update' ? { note: n.body } : {}),
  authorId: n.authorId,
  authorOrganisationId: n.authorOrgId,
  createdAt: n.createdAt,
});

/**
 * Progress updates and comments: visible to, and written by, the lead organisation, the supporters and
 * coordinators only (PRODUCT.md "Feedback"). Other partners get 404 (they may not know the task
 * exists); analysts read tasks but not this partner correspondence (403).
 */
@Injectable()
export class TaskNotesService {
  constructor(
    @InjectRepository(TaskNoteEntity) private readonly notes: Repository<TaskNoteEntity>,
    private readonly tasks: TasksService,
    private readonly tx: TransactionRunner,
  ) {}

  async post(actor: Actor, taskId: string, kind: TaskNoteKind, body: string): Promise<TaskNoteView> {
    return this.tx.run(async (em) => {
      const task = await this.tasks.findVisible(actor, taskId, em);
      this.assertParticipant(actor, task);
      // Comments stay open for the record; a progress update on finished work would mislead.
      if (kind === 'update' && isTerminal(task.status)) {
        throw new ConflictError(`Task is '${task.status}': progress updates are closed (comments are still accepted)`, {
          currentStatus: task.status,
        });
      }
      const note: TaskNoteEntity = {
        id: randomUUID(),
        taskId: task.id,
        kind,
        authorId: actor.id,
        authorOrgId: actor.organisationId,
        body: body.trim(),
        createdAt: nowIso(),
      };
      await em.insert(TaskNoteEntity, note);
      return view(note);
    });
  }

  async list(actor: Actor, taskId: string, kind: TaskNoteKind, limit: number, offset: number): Promise<Page<TaskNoteView>> {
    const task = await this.tasks.findVisible(actor, taskId);
    this.assertParticipant(actor, task);
    const [rows, total] = await this.notes.findAndCount({
      where: { taskId: task.id, kind },
      order: { createdAt: 'ASC', id: 'ASC' },
      take: limit,
      skip: offset,
    });
    return { items: rows.map(view), total, limit, offset };
  }

  private assertParticipant(actor: Actor, task: Parameters<TasksService['isParticipant']>[1]): void {
    if (!this.tasks.isParticipant(actor, task)) {
      throw new ForbiddenError('Updates and comments are for the lead organisation, the supporters and coordinators');
    }
  }
}
