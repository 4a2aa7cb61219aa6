import type { BandReminderPolicy, ReminderPolicy } from '../policy/reminder-policy';
import { REMINDER_KINDS, type PlannedReminder, type ReminderKind, type ReminderTaskInput } from './reminder.types';

/**
 * The reminders a task should have for its CURRENT status, under `policy`, as seen at `now`.
 *
 * - `assigned`: `acceptance-reminder` to the lead at issuedAt + reminderAtFraction × (acceptBy −
 *   issuedAt), and `acceptance-escalation` to coordinators at acceptBy (if escalateAtDeadline).
 *   Without issuedAt the window is unknown, so there is no acceptance reminder (the escalation
 *   still stands): the tasking service should pass issuedAt.
 * - `accepted` and `in_progress`: one `due-reminder` to the lead per `remindBefore` offset
 *   (occurrence 1 = the longest offset), and `overdue-escalation` occurrences 1..maxEscalations at
 *   dueAt + (n − 1) × escalateEvery. Overdue escalations go to coordinators only: the lead already
 *   had the due reminders, and escalating is asking the taskforce to chase; the notification
 *   service may still copy the lead organisation if product wants it.
 * - `in_progress` also: `progress-request` occurrences 1..maxRequests to the lead at startedAt +
 *   n × requestEvery (none without startedAt).
 * - any other status: nothing (a declined task is back with coordinators; closed ones are done).
 *
 * Past times. `fireAt` is always the nominal time computed from the task's dates, never `now`, so
 * the plan is deterministic and an already-sent reminder can be recognised by (kind, occurrence,
 * fireAt) when the task is re-planned (reconcileSchedule). A reminder whose time has passed:
 * - is dropped once its subject has passed: an acceptance reminder at or after acceptBy, a due
 *   reminder at or after dueAt (the escalation speaks then);
 * - otherwise only the latest past occurrence of each kind is kept, to be sent at once (delay 0):
 *   after downtime, or when a task is accepted with less time left than the first offset, the
 *   recipient gets one catch-up message rather than a burst of stale ones.
 * The worker can call this again at fire time: if its job's (kind, occurrence, fireAt) is no
 * longer in the plan, the job is stale and does nothing.
 *
 * Output is sorted by fireAt, then kind, then occurrence. Throws on an unknown band or a date that
 * does not parse (both are bugs upstream, not user input).
 */
export function planReminders(task: ReminderTaskInput, policy: ReminderPolicy, now: Date): PlannedReminder[] {
  const bandPolicy: BandReminderPolicy | undefined = policy.bands[task.band];
  if (!bandPolicy) throw new Error(`planReminders: task ${task.id}: no reminder policy for band ${String(task.band)}`);
  const nowMs = now.getTime();
  if (Number.isNaN(nowMs)) throw new Error('planReminders: now is an invalid Date');

  const candidates: Candidate[] = [];
  switch (task.status) {
    case 'assigned':
      planAcceptance(task, bandPolicy, candidates);
      break;
    case 'accepted':
      planDue(task, bandPolicy, candidates);
      break;
    case 'in_progress':
      planDue(task, bandPolicy, candidates);
      planProgress(task, bandPolicy, candidates);
      break;
    default:
      return [];
  }

  const live = candidates.filter((c) => c.expiresAtMs === undefined || nowMs < c.expiresAtMs);
  // Per kind, the latest occurrence already due; earlier past ones are superseded by it.
  const latestPast = new Map<ReminderKind, number>();
  for (const c of live) {
    if (c.fireAtMs <= nowMs && c.fireAtMs >= (latestPast.get(c.kind) ?? -Infinity)) latestPast.set(c.kind, c.fireAtMs);
  }
  return live
    .filter((c) => c.fireAtMs > nowMs || c.fireAtMs === latestPast.get(c.kind))
    .sort((a, b) => a.fireAtMs - b.fireAtMs || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.occurrence - b.occurrence)
    .map(({ kind, occurrence, fireAtMs, audience }) => ({ kind, occurrence, fireAt: new Date(fireAtMs).toISOString(), audience }));
}

interface Candidate {
  kind: ReminderKind;
  occurrence: number;
  fireAtMs: number;
  audience: PlannedReminder['audience'];
  /** The reminder is pointless from this instant on. */
  expiresAtMs?: number;
}

const KIND_ORDER = Object.fromEntries(REMINDER_KINDS.map((k, i) => [k, i])) as Record<ReminderKind, number>;

function planAcceptance(task: ReminderTaskInput, policy: BandReminderPolicy, out: Candidate[]): void {
  const acceptBy = time(task, 'acceptBy');
  if (acceptBy === null) return;
  const issuedAt = time(task, 'issuedAt');
  if (issuedAt !== null && acceptBy > issuedAt) {
    const fireAtMs = issuedAt + Math.round(policy.acceptance.reminderAtFraction * (acceptBy - issuedAt));
    out.push({ kind: 'acceptance-reminder', occurrence: 1, fireAtMs, audience: 'lead', expiresAtMs: acceptBy });
  }
  if (policy.acceptance.escalateAtDeadline) {
    out.push({ kind: 'acceptance-escalation', occurrence: 1, fireAtMs: acceptBy, audience: 'coordinators' });
  }
}

function planDue(task: ReminderTaskInput, policy: BandReminderPolicy, out: Candidate[]): void {
  const dueAt = time(task, 'dueAt');
  if (dueAt === null) return;
  // remindBeforeMs is sorted longest first by the loader; sort again so a hand-built policy
  // cannot make occurrence numbers disagree with time order.
  const offsets = [...policy.due.remindBeforeMs].sort((a, b) => b - a);
  offsets.forEach((offset, i) => {
    out.push({ kind: 'due-reminder', occurrence: i + 1, fireAtMs: dueAt - offset, audience: 'lead', expiresAtMs: dueAt });
  });
  for (let n = 1; n <= policy.overdue.maxEscalations; n++) {
    const fireAtMs = dueAt + (n - 1) * policy.overdue.escalateEveryMs;
    out.push({ kind: 'overdue-escalation', occurrence: n, fireAtMs, audience: 'coordinators' });
  }
}

function planProgress(task: ReminderTaskInput, policy: BandReminderPolicy, out: Candidate[]): void {
  const startedAt = time(task, 'startedAt');
  if (startedAt === null) return;
  for (let n = 1; n <= policy.progress.maxRequests; n++) {
    out.push({ kind: 'progress-request', occurrence: n, fireAtMs: startedAt + n * policy.progress.requestEveryMs, audience: 'lead' });
  }
}

function time(task: ReminderTaskInput, field: 'issuedAt' | 'acceptBy' | 'dueAt' | 'startedAt'): number | null {
  const value = task[field];
  if (value === null || value === undefined) return null;
  const ms = value instanceof Date ? value.getTime() : Date.parse(value);
  if (Number.isNaN(ms)) throw new Error(`planReminders: task ${task.id}: ${field} is not a valid date: ${String(value)}`);
  return ms;
}
