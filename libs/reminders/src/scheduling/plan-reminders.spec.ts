import { describe, expect, it } from '@jest/globals';
import { TASK_STATUSES } from '@app/common/domain/task.types';
import { parseReminderPolicy } from '../policy/reminder-policy';
import { planReminders } from './plan-reminders';
import type { ReminderTaskInput } from './reminder.types';

const H = 3_600_000;
const D = 24 * H;
const T0 = Date.parse('2026-03-01T00:00:00.000Z');
const at = (ms: number) => new Date(T0 + ms);
const iso = (ms: number) => at(ms).toISOString();

const band = {
  acceptance: { reminderAtFraction: 0.5, escalateAtDeadline: true },
  due: { remindBefore: ['1d', '7d'] },
  overdue: { escalateEvery: '2d', maxEscalations: 3 },
  progress: { requestEvery: '7d', maxRequests: 2 },
};
const policy = parseReminderPolicy({ version: 1, P1: band, P2: band, P3: band, P4: band });

const task = (over: Partial<ReminderTaskInput>): ReminderTaskInput => ({
  id: 't1',
  status: 'assigned',
  band: 'P2',
  version: 1,
  issuedAt: iso(0),
  acceptBy: iso(2 * D),
  dueAt: iso(30 * D),
  startedAt: null,
  ...over,
});

describe('planReminders', () => {
  it('assigned: acceptance reminder halfway through the window, escalation at the deadline', () => {
    expect(planReminders(task({}), policy, at(0))).toEqual([
      { kind: 'acceptance-reminder', occurrence: 1, fireAt: iso(1 * D), audience: 'lead' },
      { kind: 'acceptance-escalation', occurrence: 1, fireAt: iso(2 * D), audience: 'coordinators' },
    ]);
  });

  it('assigned: the reminder is still sent (at once) after its time but before the deadline, dropped after it', () => {
    expect(planReminders(task({}), policy, at(1.5 * D)).map((r) => r.kind)).toEqual(['acceptance-reminder', 'acceptance-escalation']);
    expect(planReminders(task({}), policy, at(2 * D))).toEqual([
      { kind: 'acceptance-escalation', occurrence: 1, fireAt: iso(2 * D), audience: 'coordinators' },
    ]);
    expect(planReminders(task({}), policy, at(10 * D)).map((r) => r.kind)).toEqual(['acceptance-escalation']);
  });

  it('assigned: no reminder without issuedAt, no escalation when the policy says so, nothing without acceptBy', () => {
    expect(planReminders(task({ issuedAt: null }), policy, at(0)).map((r) => r.kind)).toEqual(['acceptance-escalation']);
    const quiet = parseReminderPolicy({
      version: 1,
      P1: band,
      P2: { ...band, acceptance: { reminderAtFraction: 0.25, escalateAtDeadline: false } },
      P3: band,
      P4: band,
    });
    expect(planReminders(task({}), quiet, at(0))).toEqual([{ kind: 'acceptance-reminder', occurrence: 1, fireAt: iso(12 * H), audience: 'lead' }]);
    expect(planReminders(task({ acceptBy: null }), policy, at(0))).toEqual([]);
  });

  it('accepted: due reminders longest offset first, then overdue escalations to coordinators', () => {
    expect(planReminders(task({ status: 'accepted' }), policy, at(1 * H))).toEqual([
      { kind: 'due-reminder', occurrence: 1, fireAt: iso(23 * D), audience: 'lead' },
      { kind: 'due-reminder', occurrence: 2, fireAt: iso(29 * D), audience: 'lead' },
      { kind: 'overdue-escalation', occurrence: 1, fireAt: iso(30 * D), audience: 'coordinators' },
      { kind: 'overdue-escalation', occurrence: 2, fireAt: iso(32 * D), audience: 'coordinators' },
      { kind: 'overdue-escalation', occurrence: 3, fireAt: iso(34 * D), audience: 'coordinators' },
    ]);
  });

  it('accepted late: only the latest past due reminder is kept (sent at once), with its nominal time', () => {
    const plan = planReminders(task({ status: 'accepted', dueAt: iso(3 * D) }), policy, at(0));
    expect(plan.filter((r) => r.kind === 'due-reminder')).toEqual([
      { kind: 'due-reminder', occurrence: 1, fireAt: iso(-4 * D), audience: 'lead' },
      { kind: 'due-reminder', occurrence: 2, fireAt: iso(2 * D), audience: 'lead' },
    ]);
    // Both offsets passed: one catch-up reminder, the closest one.
    const later = planReminders(task({ status: 'accepted', dueAt: iso(3 * D) }), policy, at(2.5 * D));
    expect(later.filter((r) => r.kind === 'due-reminder').map((r) => r.occurrence)).toEqual([2]);
  });

  it('overdue: due reminders are dropped and only the latest missed escalation is kept', () => {
    const plan = planReminders(task({ status: 'accepted', dueAt: iso(0) }), policy, at(3 * D));
    expect(plan).toEqual([
      { kind: 'overdue-escalation', occurrence: 2, fireAt: iso(2 * D), audience: 'coordinators' },
      { kind: 'overdue-escalation', occurrence: 3, fireAt: iso(4 * D), audience: 'coordinators' },
    ]);
    expect(planReminders(task({ status: 'accepted', dueAt: iso(0) }), policy, at(100 * D))).toEqual([
      { kind: 'overdue-escalation', occurrence: 3, fireAt: iso(4 * D), audience: 'coordinators' },
    ]);
  });

  it('in_progress: adds progress requests every N from startedAt, up to the maximum', () => {
    const plan = planReminders(task({ status: 'in_progress', startedAt: iso(1 * D) }), policy, at(1 * D));
    expect(plan.filter((r) => r.kind === 'progress-request')).toEqual([
      { kind: 'progress-request', occurrence: 1, fireAt: iso(8 * D), audience: 'lead' },
      { kind: 'progress-request', occurrence: 2, fireAt: iso(15 * D), audience: 'lead' },
    ]);
    expect(plan.filter((r) => r.kind === 'due-reminder')).toHaveLength(2);
    expect(planReminders(task({ status: 'in_progress', startedAt: null }), policy, at(0)).some((r) => r.kind === 'progress-request')).toBe(false);
  });

  it('accepted: no progress requests; no due date means no due reminders or escalations', () => {
    expect(planReminders(task({ status: 'accepted', startedAt: iso(0) }), policy, at(0)).some((r) => r.kind === 'progress-request')).toBe(false);
    expect(planReminders(task({ status: 'accepted', dueAt: null }), policy, at(0))).toEqual([]);
  });

  it.each(TASK_STATUSES.filter((s) => !['assigned', 'accepted', 'in_progress'].includes(s)))('%s: nothing', (status) => {
    expect(planReminders(task({ status, startedAt: iso(0) }), policy, at(0))).toEqual([]);
  });

  it('is sorted by time and deterministic; accepts Date values as well as ISO strings', () => {
    const input = task({ status: 'in_progress', startedAt: iso(20 * D), dueAt: iso(25 * D) });
    const plan = planReminders(input, policy, at(20 * D));
    const times = plan.map((r) => Date.parse(r.fireAt));
    expect([...times].sort((a, b) => a - b)).toEqual(times);
    const withDates = { ...input, issuedAt: at(0), acceptBy: at(2 * D), dueAt: at(25 * D), startedAt: at(20 * D) };
    expect(planReminders(withDates, policy, at(20 * D))).toEqual(plan);
  });

  it('throws on a date that does not parse, naming the field', () => {
    expect(() => planReminders(task({ dueAt: 'soon', status: 'accepted' }), policy, at(0))).toThrow(/t1: dueAt is not a valid date/);
  });

  it('with the test policy timing, the acceptance reminder fires ~2 s after issue', () => {
    const fast = parseReminderPolicy({
      version: 'test',
      taskTiming: { acceptWindow: '4s', dueIn: '12s' },
      P1: band,
      P2: band,
      P3: band,
      P4: band,
    });
    const plan = planReminders(task({ acceptBy: iso(4_000) }), fast, at(0));
    expect(plan[0]).toEqual({ kind: 'acceptance-reminder', occurrence: 1, fireAt: iso(2_000), audience: 'lead' });
  });
});
