import { parseReminderPolicy, type ReminderPolicy } from '@app/reminders/policy/reminder-policy';
import { issueDates } from './task-dates';

const band = {
  acceptance: { reminderAtFraction: 0.5, escalateAtDeadline: true },
  due: { remindBefore: ['1d'] },
  overdue: { escalateEvery: '1d', maxEscalations: 1 },
  progress: { requestEvery: '7d', maxRequests: 1 },
};
const policy = (taskTiming?: Record<string, string>): ReminderPolicy =>
  parseReminderPolicy({ version: 't', ...(taskTiming ? { taskTiming } : {}), P1: band, P2: band, P3: band, P4: band });

describe('issueDates', () => {
  const at = new Date('2026-11-22T10:00:00.000Z');

  it('sets the acceptance deadline from the SLA hours and the due date from dueInDays', () => {
    expect(issueDates(at, { dueInDays: 14, acceptWithinHours: 24 }, policy())).toEqual({
      issuedAt: '2026-11-22T10:00:00.000Z',
      acceptBy: '2026-11-23T10:00:00.000Z',
      dueAt: '2026-12-06T10:00:00.000Z',
    });
    expect(issueDates(at, { dueInDays: 1, acceptWithinHours: 2 }, null).acceptBy).toBe('2026-11-22T12:00:00.000Z');
  });

  it("lets the policy's taskTiming override either date", () => {
    expect(issueDates(at, { dueInDays: 14, acceptWithinHours: 24 }, policy({ acceptWindow: '4s', dueIn: '12s' }))).toEqual({
      issuedAt: '2026-11-22T10:00:00.000Z',
      acceptBy: '2026-11-22T10:00:04.000Z',
      dueAt: '2026-11-22T10:00:12.000Z',
    });
    const onlyAccept = issueDates(at, { dueInDays: 14, acceptWithinHours: 24 }, policy({ acceptWindow: '4s' }));
    expect(onlyAccept.acceptBy).toBe('2026-11-22T10:00:04.000Z');
    expect(onlyAccept.dueAt).toBe('2026-12-06T10:00:00.000Z');
  });
});
