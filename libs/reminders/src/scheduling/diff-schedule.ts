import type { PlannedReminder, ReminderKind, ReminderStatus } from './reminder.types';

/** A reminder row as stored (the database is the source of truth). */
export interface ExistingReminder {
  id: string;
  kind: ReminderKind;
  occurrence: number;
  fireAt: string | Date;
  status: ReminderStatus;
  taskVersion: number;
}

export interface ScheduleChanges {
  /** Ids of `scheduled` rows to mark cancelled (and whose jobs to remove). */
  toCancel: string[];
  /** Reminders to insert as `scheduled` rows at `taskVersion` (and to queue). */
  toCreate: PlannedReminder[];
}

/**
 * What to change so the stored reminders of a task match `desired` (planReminders for the task at
 * `taskVersion`). Pure; the caller applies it in the same transaction as the task change.
 *
 * - A `scheduled` row with the same kind, occurrence, fireAt AND taskVersion is kept as it is.
 *   A row of an older version is replaced even when its time is unchanged: its job id carries the
 *   old version, and the worker treats a job whose version differs from the task's as stale.
 * - A desired reminder already `sent` (same kind, occurrence and fireAt, any version) is not
 *   created again: a version bump (e.g. accepted → in_progress) must not repeat a due reminder
 *   that went out. A changed date gives a new fireAt, so a re-timed task is reminded afresh.
 * - `cancelled` and `skipped` rows are history: a desired reminder matching one is created anew.
 * - Every other `scheduled` row is cancelled (e.g. accepting a task cancels the acceptance chain;
 *   duplicate scheduled rows for one reminder are cancelled but one).
 * fireAt is compared as an instant, since drivers return dates in different ISO spellings.
 */
export function reconcileSchedule(
  existing: readonly ExistingReminder[],
  desired: readonly PlannedReminder[],
  taskVersion: number,
): ScheduleChanges {
  const keep = new Set<string>();
  const toCreate: PlannedReminder[] = [];
  const seen = new Set<string>();

  for (const want of desired) {
    const key = reminderKey(want.kind, want.occurrence, want.fireAt);
    if (seen.has(key)) continue; // a plan never repeats itself; be safe anyway
    seen.add(key);
    const same = existing.filter((row) => reminderKey(row.kind, row.occurrence, row.fireAt) === key);
    const current = same.find((row) => row.status === 'scheduled' && row.taskVersion === taskVersion && !keep.has(row.id));
    if (current) {
      keep.add(current.id);
      continue;
    }
    if (same.some((row) => row.status === 'sent')) continue;
    toCreate.push(want);
  }

  const toCancel = existing.filter((row) => row.status === 'scheduled' && !keep.has(row.id)).map((row) => row.id);
  return { toCancel, toCreate };
}

function reminderKey(kind: string, occurrence: number, fireAt: string | Date): string {
  const ms = fireAt instanceof Date ? fireAt.getTime() : Date.parse(fireAt);
  if (Number.isNaN(ms)) throw new Error(`reconcileSchedule: invalid fireAt ${String(fireAt)} for ${kind} #${occurrence}`);
  return `${kind}|${occurrence}|${ms}`;
}
