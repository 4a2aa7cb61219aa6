import type { ReminderPolicy } from '../policy/reminder-policy';
import { planReminders } from './plan-reminders';
import type { ReminderKind, ReminderStatus, ReminderTaskInput } from './reminder.types';

/** What the worker knows of a reminder row when its job fires. */
export interface FiringReminder {
  kind: ReminderKind;
  occurrence: number;
  fireAt: string | Date;
  status: ReminderStatus;
  taskVersion: number;
}

export type ReminderDecision =
  /** Still wanted, on time: send it. */
  | { action: 'send' }
  /** Not scheduled any more (sent, cancelled or skipped already): leave the row alone. */
  | { action: 'none'; reason: string }
  /** The task moved on: mark the row `skipped`, send nothing. */
  | { action: 'skip'; reason: string }
  /** The job fired before the row's time (a re-timed row kept an old job): wait until `untilMs`. */
  | { action: 'wait'; untilMs: number };

/**
 * Decides what a firing reminder job does, from the stored row and the task as it is NOW (the job
 * itself carries no authority: it may be stale, duplicated, or replayed after a crash).
 *
 * A reminder is sent only when planReminders, run for the task's current state, still yields the
 * same (kind, occurrence, fireAt), and the row was planned for the task's current version. Anything
 * else means the task moved on (accepted, declined, re-timed, closed) and the reminder is skipped.
 * `earlyToleranceMs` absorbs clock differences between the process that computed the job's delay
 * and this one, so a job a few hundred milliseconds early is not bounced back to the queue.
 */
export function decideReminder(
  row: FiringReminder,
  task: (ReminderTaskInput & { version: number }) | null,
  policy: ReminderPolicy,
  now: Date,
  earlyToleranceMs = 1000,
): ReminderDecision {
  if (row.status !== 'scheduled') return { action: 'none', reason: `reminder is already ${row.status}` };
  const fireAtMs = instant(row.fireAt);
  if (fireAtMs - now.getTime() > earlyToleranceMs) return { action: 'wait', untilMs: fireAtMs };
  if (!task) return { action: 'skip', reason: 'the task no longer exists' };
  if (task.version !== row.taskVersion) {
    return { action: 'skip', reason: `the task changed since it was planned (version ${row.taskVersion} → ${task.version})` };
  }
  const stillPlanned = planReminders(task, policy, now).some(
    (p) => p.kind === row.kind && p.occurrence === row.occurrence && Date.parse(p.fireAt) === fireAtMs,
  );
  if (!stillPlanned) return { action: 'skip', reason: `no longer due for a task that is ${task.status}` };
  return { action: 'send' };
}

function instant(value: string | Date): number {
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`decideReminder: invalid fireAt ${String(value)}`);
  return ms;
}
