import { describe, expect, it } from '@jest/globals';
import fc from 'fast-check';
import { parseReminderJobId, reminderJobId, type ReminderJobKey } from './job-id';
import { REMINDER_KINDS } from './reminder.types';

// Task ids built from the characters most likely to break a naive format ("-", ":", "%", digits,
// kind fragments), plus arbitrary Unicode ones.
const trickyTaskId = fc.oneof(
  fc.string({ minLength: 1, maxLength: 12, unit: fc.constantFrom('-', ':', '%', '3', 'A', 'a', 'v', '1', '0', 'due', 'reminder', 'escalation', 'rem') }),
  fc.string({ minLength: 1, maxLength: 20, unit: 'binary' }),
  fc.uuid(),
  fc.stringMatching(/^\d{1,12}$/),
);
const key: fc.Arbitrary<ReminderJobKey> = fc.record({
  taskId: trickyTaskId,
  kind: fc.constantFrom(...REMINDER_KINDS),
  occurrence: fc.integer({ min: 1, max: 1_000 }),
  version: fc.integer({ min: 0, max: 1_000_000 }),
});
// A small domain, so that equal inputs (and near misses) actually occur in pairs.
const smallKey: fc.Arbitrary<ReminderJobKey> = fc.record({
  taskId: fc.constantFrom('a', 'a-due', 'a-1', 'a:1', 'a%3A1', '1', 'due-reminder'),
  kind: fc.constantFrom(...REMINDER_KINDS),
  occurrence: fc.integer({ min: 1, max: 12 }),
  version: fc.integer({ min: 0, max: 12 }),
});

describe('reminderJobId', () => {
  it('has the documented format', () => {
    expect(reminderJobId({ taskId: '3f2c', kind: 'due-reminder', occurrence: 2, version: 7 })).toBe('rem-3f2c-due-reminder-2-v7');
  });

  it('never contains ":" and is never all digits', () => {
    fc.assert(
      fc.property(key, (k) => {
        const id = reminderJobId(k);
        expect(id).not.toContain(':');
        expect(id).not.toMatch(/^\d+$/);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is injective: parse(id(k)) gives k back', () => {
    fc.assert(
      fc.property(key, (k) => {
        expect(parseReminderJobId(reminderJobId(k))).toEqual(k);
      }),
      { numRuns: 2_000 },
    );
  });

  it('is injective: different keys give different ids (pairs over a small domain)', () => {
    fc.assert(
      fc.property(smallKey, smallKey, (a, b) => {
        const same = a.taskId === b.taskId && a.kind === b.kind && a.occurrence === b.occurrence && a.version === b.version;
        expect(reminderJobId(a) === reminderJobId(b)).toBe(same);
      }),
      { numRuns: 5_000 },
    );
  });

  it('rejects what it cannot encode', () => {
    const base: ReminderJobKey = { taskId: 't', kind: 'due-reminder', occurrence: 1, version: 0 };
    expect(() => reminderJobId({ ...base, taskId: '' })).toThrow(/taskId/);
    expect(() => reminderJobId({ ...base, kind: 'nope' as never })).toThrow(/unknown kind/);
    expect(() => reminderJobId({ ...base, occurrence: 0 })).toThrow(/occurrence/);
    expect(() => reminderJobId({ ...base, version: 1.5 })).toThrow(/version/);
    expect(() => reminderJobId({ ...base, taskId: '\uD800' })).toThrow(/well-formed/);
  });

  it('parseReminderJobId returns null for foreign ids', () => {
    for (const id of ['', '123', 'rem-', 'rem-t-nope-1-v1', 'rem-t-due-reminder-0-v1', 'rem-t-due-reminder-1-v01', 'rem-%3a-due-reminder-1-v1', 'x-t-due-reminder-1-v1']) {
      expect(parseReminderJobId(id)).toBeNull();
    }
  });
});
