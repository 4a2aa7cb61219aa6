import { Injectable, Logger } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { TaskChange, TaskChangeListener } from './task-change-listener';

/**
 * The one list of TaskChangeListeners, shared by plan generation and the lifecycle, so a subscriber
 * (reminders, audit) registers once and sees every change whatever produced it.
 */
@Injectable()
export class TaskChangeBus {
  private readonly logger = new Logger(TaskChangeBus.name);
  private readonly listeners: TaskChangeListener[] = [];

  register(listener: TaskChangeListener): void {
    if (!this.listeners.includes(listener)) this.listeners.push(listener);
  }

  /** Inside the writing transaction: a listener that throws rolls the whole change back. */
  async inTransaction(em: EntityManager, changes: TaskChange[]): Promise<void> {
    if (!changes.length) return;
    for (const l of this.listeners) await l.onTasksChanged(em, changes);
  }

  /** After commit: the change is durable, so a failing side effect is logged, never thrown. */
  async afterCommit(changes: TaskChange[]): Promise<void> {
    if (!changes.length) return;
    for (const l of this.listeners) {
      if (!l.afterCommit) continue;
      try {
        await l.afterCommit(changes);
      } catch (err) {
        this.logger.error({ err }, 'a task change listener failed after commit');
      }
    }
  }
}
