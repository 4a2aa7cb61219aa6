import { describe, expect, it } from '@jest/globals';
import { parseReminderPolicy } from '../policy/reminder-policy';
import { reconcileSchedule, type ExistingReminder } from './diff-schedule';
import { planReminders } from './plan-reminders';
import type { PlannedReminder, ReminderTaskInput } from './reminder.types';

const D = 86_400_000;
const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const iso = (ms: number) => new Date(T0 + ms).toISOString();
const band = {
  acceptance: { reminderAtFraction: 0.5, escalateAtDeadline: true },
  due: { remindBefore: ['7d', '1d'] },
  overdue: { escalateEvery: '2d', maxEscalations: 2 },
  progress: { requestEvery: '7d', maxRequests: 1 },
};
const policy = parseReminderPolicy({ version: 1, P1: band, P2: band, P3: band, P4: band });
const base: ReminderTaskInput = { id: 't1', status: 'assigned', band: 'P1', version: 1, issuedAt: iso(0), acceptBy: iso(2 * D), dueAt: iso(30 * D) };

/** Applies changes the way the tasking service would: cancel, then insert scheduled rows. */
function apply(rows: ExistingReminder[], changes: ReturnType<typeof reconcileSchedule>, version: number): ExistingReminder[] {
  const cancelled = new Set(changes.toCancel);
  const next = rows.map((r) => (cancelled.has(r.id) ? { ...r, status: 'cancelled' as const } : r));
  changes.toCreate.forEach((p) => next.push({ id: `r${next.length}`, ...p, status: 'scheduled', taskVersion: version }));
  return next;
}
const rowOf = (p: PlannedReminder, id: string, over: Partial<ExistingReminder> = {}): ExistingReminder => ({
  id,
  kind: p.kind,
  occurrence: p.occurrence,
  fireAt: p.fireAt,
  status: 'scheduled',
  taskVersion: 1,
  ...over,
});

describe('reconcileSchedule', () => {
  it('creates everything for a new task, and nothing when re-run (idempotent)', () => {
    const desired = planReminders(base, policy, new Date(T0));
    const first = reconcileSchedule([], desired, 1);
    expect(first).toEqual({ toCancel: [], toCreate: desired });
    const rows = apply([], first, 1);
    expect(reconcileSchedule(rows, desired, 1)).toEqual({ toCancel: [], toCreate: [] });
  });

  it('accepting a task cancels the acceptance chain and creates the due chain', () => {
    const rows = apply([], reconcileSchedule([], planReminders(base, policy, new Date(T0)), 1), 1);
    const accepted = { ...base, status: 'accepted' as const, version: 2 };
    const desired = planReminders(accepted, policy, new Date(T0 + 1000));
    const changes = reconcileSchedule(rows, desired, 2);
    expect(changes.toCancel.sort()).toEqual(rows.map((r) => r.id).sort());
    expect(changes.toCreate.map((r) => r.kind)).toEqual(['due-reminder', 'due-reminder', 'overdue-escalation', 'overdue-escalation']);
  });

  it('keeps identical scheduled rows of the current version; replaces those of an older version', () => {
    const [p] = planReminders(base, policy, new Date(T0));
    expect(reconcileSchedule([rowOf(p, 'a')], [p], 1)).toEqual({ toCancel: [], toCreate: [] });
    expect(reconcileSchedule([rowOf(p, 'a')], [p], 2)).toEqual({ toCancel: ['a'], toCreate: [p] });
  });

  it('compares fireAt as an instant, not as text', () => {
    const [p] = planReminders(base, policy, new Date(T0));
    const asDate = rowOf(p, 'a', { fireAt: new Date(p.fireAt) });
    const otherSpelling = rowOf(p, 'b', { fireAt: p.fireAt.replace('.000Z', '+00:00') });
    expect(reconcileSchedule([asDate], [p], 1).toCreate).toEqual([]);
    expect(reconcileSchedule([otherSpelling], [p], 1).toCreate).toEqual([]);
  });

  it('a moved time cancels the old row and creates the new one', () => {
    const [p] = planReminders(base, policy, new Date(T0));
    const moved = { ...p, fireAt: iso(1.5 * D) };
    expect(reconcileSchedule([rowOf(p, 'a')], [moved], 1)).toEqual({ toCancel: ['a'], toCreate: [moved] });
  });

  it('does not send again what was already sent, even after a version bump', () => {
    const accepted = { ...base, status: 'accepted' as const, dueAt: iso(3 * D) };
    const now = new Date(T0 + 1000);
    const [catchUp] = planReminders(accepted, policy, now); // 7d reminder, already past
    expect(Date.parse(catchUp.fireAt)).toBeLessThan(now.getTime());
    const sent = rowOf(catchUp, 's', { status: 'sent', taskVersion: 2 });
    const started = { ...accepted, status: 'in_progress' as const, version: 3, startedAt: now.toISOString() };
    const changes = reconcileSchedule([sent], planReminders(started, policy, now), 3);
    expect(changes.toCreate).not.toContainEqual(catchUp);
    expect(changes.toCancel).toEqual([]);
  });

  it('a re-timed task is reminded afresh: sent rows only match the same time', () => {
    const [p] = planReminders({ ...base, status: 'accepted' }, policy, new Date(T0));
    const sent = rowOf(p, 's', { status: 'sent' });
    const moved = { ...p, fireAt: iso(40 * D) };
    expect(reconcileSchedule([sent], [moved], 2)).toEqual({ toCancel: [], toCreate: [moved] });
  });

  it('cancelled and skipped rows are history: never cancelled again, and a wanted reminder is recreated', () => {
    const [p] = planReminders(base, policy, new Date(T0));
    const rows = [rowOf(p, 'c', { status: 'cancelled' }), rowOf(p, 'k', { status: 'skipped' })];
    expect(reconcileSchedule(rows, [p], 2)).toEqual({ toCancel: [], toCreate: [p] });
    expect(reconcileSchedule(rows, [], 2)).toEqual({ toCancel: [], toCreate: [] });
  });

  it('cancels duplicate scheduled rows but one', () => {
    const [p] = planReminders(base, policy, new Date(T0));
    expect(reconcileSchedule([rowOf(p, 'a'), rowOf(p, 'b')], [p], 1)).toEqual({ toCancel: ['b'], toCreate: [] });
  });

  it('a terminal status cancels everything still scheduled', () => {
    const rows = apply([], reconcileSchedule([], planReminders(base, policy, new Date(T0)), 1), 1);
    const cancelled = planReminders({ ...base, status: 'cancelled' }, policy, new Date(T0));
    expect(reconcileSchedule(rows, cancelled, 2)).toEqual({ toCancel: rows.map((r) => r.id), toCreate: [] });
  });
});
