// Domain subpaths rather than the @app/common barrel: the barrel also exports Nest modules that
// read and validate the environment when loaded, which a pure library must not trigger.
import type { TaskStatus } from '@app/common/domain/task.types';
import type { Band } from '@app/common/domain/vocabulary';

/** Every kind of reminder the planner can produce. The order is not significant. */
export const REMINDER_KINDS = [
  'acceptance-reminder',
  'acceptance-escalation',
  'due-reminder',
  'overdue-escalation',
  'progress-request',
] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];
export const isReminderKind = (value: unknown): value is ReminderKind =>
  typeof value === 'string' && (REMINDER_KINDS as readonly string[]).includes(value);

/** Who a reminder is for: the lead organisation's users, or the taskforce coordinators. */
export const REMINDER_AUDIENCES = ['lead', 'coordinators'] as const;
export type ReminderAudience = (typeof REMINDER_AUDIENCES)[number];

/** Row statuses, as the API shows them (PRODUCT.md). */
export const REMINDER_STATUSES = ['scheduled', 'sent', 'cancelled', 'skipped'] as const;
export type ReminderStatus = (typeof REMINDER_STATUSES)[number];

/** What the planner needs of a task. Dates are ISO strings (or Date, as some drivers return). */
export interface ReminderTaskInput {
  id: string;
  status: TaskStatus;
  band: Band;
  version?: number;
  issuedAt?: string | Date | null;
  acceptBy: string | Date | null;
  dueAt: string | Date | null;
  startedAt?: string | Date | null;
}

export interface PlannedReminder {
  kind: ReminderKind;
  /** 1-based; with kind, identifies the reminder within one task (see reminderJobId). */
  occurrence: number;
  /** Nominal fire time (ISO). May lie in the past: the scheduler queues it with delay 0. */
  fireAt: string;
  audience: ReminderAudience;
}
