import { describe, expect, it } from '@jest/globals';
import { parseReminderPolicy } from '../policy/reminder-policy';
import { decideReminder, type FiringReminder } from './decide-reminder';
import { planReminders } from './plan-reminders';
import type { ReminderTaskInput } from './reminder.types';

const S = 1000;
const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const band = {
  acceptance: { reminderAtFraction: 0.5, escalateAtDeadline: true },
  due: { remindBefore: [8, 4] },
  overdue: { escalateEvery: 4, maxEscalations: 2 },
  progress: { requestEvery: 3, maxRequests: 2 },
};
const policy = parseReminderPolicy({ version: 1, P1: band, P2: band, P3: band, P4: band });
const task: ReminderTaskInput & { version: number } = {
  id: 't1',
  status: 'assigned',
  band: 'P2',
  version: 2,
  issuedAt: at(0).toISOString(),
  acceptBy: at(4 * S).toISOString(),
  dueAt: at(12 * S).toISOString(),
};
const [reminder, escalation] = planReminders(task, policy, at(0));
const row = (over: Partial<FiringReminder> = {}): FiringReminder => ({
  kind: reminder.kind,
  occurrence: reminder.occurrence,
  fireAt: reminder.fireAt,
  status: 'scheduled',
  taskVersion: 2,
  ...over,
});

describe('decideReminder', () => {
  it('sends a scheduled reminder that the current plan still contains', () => {
    expect(reminder.kind).toBe('acceptance-reminder');
    expect(decideReminder(row(), task, policy, at(2 * S))).toEqual({ action: 'send' });
    expect(decideReminder(row({ kind: 'acceptance-escalation', fireAt: escalation.fireAt }), task, policy, at(4 * S))).toEqual({ action: 'send' });
  });

  it('does nothing for rows that are no longer scheduled (a retried or duplicated job)', () => {
    for (const status of ['sent', 'cancelled', 'skipped'] as const) {
      expect(decideReminder(row({ status }), task, policy, at(2 * S))).toMatchObject({ action: 'none' });
    }
  });

  it('skips when the task changed version, vanished, or moved to a state without that reminder', () => {
    expect(decideReminder(row(), { ...task, version: 3 }, policy, at(2 * S))).toMatchObject({ action: 'skip' });
    expect(decideReminder(row(), null, policy, at(2 * S))).toMatchObject({ action: 'skip' });
    expect(decideReminder(row({ taskVersion: 2 }), { ...task, status: 'accepted' }, policy, at(2 * S))).toMatchObject({
      action: 'skip',
      reason: expect.stringContaining('accepted'),
    });
  });

  it('skips an acceptance reminder that fires only after the deadline (the escalation speaks then)', () => {
    expect(decideReminder(row(), task, policy, at(5 * S))).toMatchObject({ action: 'skip' });
  });

  it('skips a re-timed reminder whose fire time is no longer in the plan', () => {
    expect(decideReminder(row({ fireAt: at(1.5 * S).toISOString() }), task, policy, at(2 * S))).toMatchObject({ action: 'skip' });
  });

  it('waits when the job fires early, but tolerates small clock differences', () => {
    expect(decideReminder(row(), task, policy, at(0))).toEqual({ action: 'wait', untilMs: T0 + 2 * S });
    expect(decideReminder(row(), task, policy, at(2 * S - 400))).toEqual({ action: 'send' });
  });
});
