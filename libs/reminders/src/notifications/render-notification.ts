import type { Band } from '@app/common/domain/vocabulary';
import type { ReminderKind } from '../scheduling/reminder.types';

export interface NotificationTask {
  title: string;
  threatRef: string;
  band: Band;
  dueAt: string | Date | null;
  acceptBy: string | Date | null;
}

export interface RenderContext {
  /** Which escalation / request this is, and of how many ("2 of 3"). */
  occurrence?: number;
  maxOccurrences?: number;
  /** When given, the text also says how long is left or how late it is ("in 3 days"). */
  now?: Date;
}

export interface RenderedNotification {
  subject: string;
  body: string;
}

/**
 * The text of a reminder, for the in-app inbox, email and the webhook payload alike. Pure: dates
 * are written in UTC ("2026-11-22 14:00 UTC") whatever the server's locale or zone, so every
 * channel says the same thing. Only the task title and threat reference are named: partners see
 * a summary of the threat, never the assessment, so nothing else belongs in a message.
 */
export function renderNotification(kind: ReminderKind, task: NotificationTask, context: RenderContext = {}): RenderedNotification {
  const tag = `[${task.band}]`;
  const what = `Task "${task.title}" (threat ${task.threatRef}, band ${task.band})`;
  const acceptBy = when(task.acceptBy, context.now);
  const dueAt = when(task.dueAt, context.now);
  const nth = counter(context);

  switch (kind) {
    case 'acceptance-reminder':
      return {
        subject: `${tag} Please accept or decline: ${task.title}`,
        body:
          `${what} is waiting for your organisation to accept or decline it. Acceptance deadline: ${acceptBy}.\n` +
          'If you cannot take it on, decline it with a reason so coordinators can re-route it.',
      };
    case 'acceptance-escalation':
      return {
        subject: `${tag} Not accepted by the deadline: ${task.title}`,
        body:
          `${what} was not accepted or declined by its acceptance deadline (${acceptBy}). ` +
          'It is still assigned to the lead organisation.\nPlease follow up with the organisation or re-route the task.',
      };
    case 'due-reminder':
      return {
        subject: `${tag} Due ${shortDate(task.dueAt)}: ${task.title}`,
        body:
          `${what} ${task.dueAt ? `is due ${dueAt}` : 'has no due date set'}.\n` +
          'Please complete it and record the outcome, or post a progress update if it will be late.',
      };
    case 'overdue-escalation':
      return {
        subject: `${tag} Overdue${nth ? ` (escalation ${nth})` : ''}: ${task.title}`,
        body: `${what} is overdue: it was due ${dueAt} and is not completed.\nPlease follow up with the lead organisation.`,
      };
    case 'progress-request':
      return {
        subject: `${tag} Progress update requested${nth ? ` (${nth})` : ''}: ${task.title}`,
        body: `${what} is in progress${task.dueAt ? ` and due ${dueAt}` : ''}.\nPlease post a short progress update on the task.`,
      };
    default: {
      // Compile-time exhaustiveness; at run time an unknown kind is a caller bug.
      const unknownKind: never = kind;
      throw new Error(`renderNotification: unknown kind ${String(unknownKind)}`);
    }
  }
}

function counter({ occurrence, maxOccurrences }: RenderContext): string {
  if (!occurrence) return '';
  return maxOccurrences ? `${occurrence} of ${maxOccurrences}` : `${occurrence}`;
}

function toDate(value: string | Date | null): Date | null {
  if (value === null || value === undefined) return null;
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function shortDate(value: string | Date | null): string {
  const date = toDate(value);
  return date ? date.toISOString().slice(0, 10) : '(no date)';
}

function when(value: string | Date | null, now?: Date): string {
  const date = toDate(value);
  if (!date) return 'not set'; // callers phrase around it where "on …" would read badly
  const absolute = `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
  if (!now) return `on ${absolute}`;
  const diff = date.getTime() - now.getTime();
  const span = humanSpan(Math.abs(diff));
  return diff >= 0 ? `on ${absolute} (in ${span})` : `on ${absolute} (${span} ago)`;
}

/** Rounded down to the largest sensible unit: "3 days", "5 hours", "12 minutes", "40 seconds". */
function humanSpan(ms: number): string {
  const units: Array<[string, number]> = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
    ['second', 1_000],
  ];
  for (const [name, size] of units) {
    const n = Math.floor(ms / size);
    if (n >= 1) return `${n} ${name}${n === 1 ? '' : 's'}`;
  }
  return 'less than a second';
}
