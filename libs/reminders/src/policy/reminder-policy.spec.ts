import { describe, expect, it } from '@jest/globals';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { BANDS } from '@app/common/domain/vocabulary';
import { applyTaskTiming, loadReminderPolicy, parseReminderPolicy, ReminderPolicyError } from './reminder-policy';

const CONFIG = resolve(__dirname, '../../../../config');
const PROD = join(CONFIG, 'reminders.json');
const TEST = join(CONFIG, 'reminders.test.json');

const band = () => ({
  acceptance: { reminderAtFraction: 0.5, escalateAtDeadline: true },
  due: { remindBefore: ['1d', '7d'] },
  overdue: { escalateEvery: '2d', maxEscalations: 3 },
  progress: { requestEvery: '7d', maxRequests: 4 },
});
const doc = (): Record<string, any> => ({ version: 1, P1: band(), P2: band(), P3: band(), P4: band() });

function errorOf(fn: () => unknown): ReminderPolicyError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ReminderPolicyError);
    return err as ReminderPolicyError;
  }
  throw new Error('expected a ReminderPolicyError');
}

describe('loadReminderPolicy', () => {
  it('loads the production policy: every band, no task timing override', () => {
    const policy = loadReminderPolicy(PROD);
    expect(Object.keys(policy.bands).sort()).toEqual([...BANDS]);
    expect(policy.taskTiming).toBeNull();
    expect(policy.version).toEqual(expect.any(String));
    for (const b of BANDS) expect(policy.bands[b].due.remindBeforeMs.length).toBeGreaterThan(0);
    expect(policy.bands.P2.due.remindBeforeMs).toEqual([7 * 86_400_000, 86_400_000]);
  });

  it('loads the test policy: seconds, with a task timing override and an acceptance reminder at ~2 s', () => {
    const policy = loadReminderPolicy(TEST);
    expect(policy.taskTiming).toEqual({ acceptWindowMs: 4_000, dueInMs: 12_000 });
    for (const b of BANDS) {
      const p = policy.bands[b];
      expect(p.acceptance.reminderAtFraction * policy.taskTiming!.acceptWindowMs!).toBe(2_000);
      expect(Math.max(...p.due.remindBeforeMs)).toBeLessThan(policy.taskTiming!.dueInMs!);
      expect(p.overdue.escalateEveryMs).toBeLessThanOrEqual(10_000);
      expect(p.progress.requestEveryMs).toBeLessThanOrEqual(10_000);
    }
  });

  it('uses REMINDER_POLICY_PATH, then the default under the working directory', () => {
    expect(loadReminderPolicy(undefined, { REMINDER_POLICY_PATH: TEST }).taskTiming).not.toBeNull();
    const cwd = process.cwd();
    try {
      process.chdir(resolve(CONFIG, '..'));
      expect(loadReminderPolicy(undefined, {}).taskTiming).toBeNull();
    } finally {
      process.chdir(cwd);
    }
  });

  it('reports a missing file and bad JSON with the file name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reminders-'));
    try {
      expect(() => loadReminderPolicy(join(dir, 'nope.json'))).toThrow(/nope\.json: cannot read file/);
      writeFileSync(join(dir, 'bad.json'), '{ "version": 1,');
      expect(() => loadReminderPolicy(join(dir, 'bad.json'))).toThrow(/bad\.json: invalid JSON/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('parseReminderPolicy', () => {
  it('converts durations to ms, sorts remindBefore longest first, ignores $ keys', () => {
    const raw = doc();
    raw.$comment = 'hello';
    raw.P1.due.$note = 'x';
    raw.P1.overdue.escalateEvery = 90; // seconds
    const policy = parseReminderPolicy(raw);
    expect(policy.version).toBe('1');
    expect(policy.bands.P1.due.remindBeforeMs).toEqual([604_800_000, 86_400_000]);
    expect(policy.bands.P1.overdue.escalateEveryMs).toBe(90_000);
    expect(policy.bands.P1.progress).toEqual({ requestEveryMs: 604_800_000, maxRequests: 4 });
  });

  it.each<[string, (d: Record<string, any>) => void, string]>([
    ['P3', (d) => delete d.P3, 'missing'],
    ['P2.overdue.escalateEvery', (d) => (d.P2.overdue.escalateEvery = '2 days'), 'invalid duration'],
    ['P2.overdue.escalateEvery', (d) => (d.P2.overdue.escalateEvery = 0), 'longer than zero'],
    ['P4.due.remindBefore[1]', (d) => (d.P4.due.remindBefore = ['7d', 'soon']), 'invalid duration'],
    ['P4.due.remindBefore', (d) => (d.P4.due.remindBefore = ['1d', 86400]), 'same offset twice'],
    ['P4.due.remindBefore', (d) => (d.P4.due.remindBefore = '7d'), 'must be an array'],
    ['P1.acceptance.reminderAtFraction', (d) => (d.P1.acceptance.reminderAtFraction = 1), 'between 0 and 1'],
    ['P1.acceptance.escalateAtDeadline', (d) => (d.P1.acceptance.escalateAtDeadline = 'yes'), 'true or false'],
    ['P1.progress.maxRequests', (d) => (d.P1.progress.maxRequests = 1.5), 'integer >= 0'],
    ['P1.progress', (d) => delete d.P1.progress, 'missing'],
    ['P1.overdue.escalateEvry', (d) => (d.P1.overdue.escalateEvry = '1d'), 'unknown key'],
    ['P5', (d) => (d.P5 = band()), 'unknown key'],
    ['version', (d) => delete d.version, 'non-empty string or a positive integer'],
    ['taskTiming', (d) => (d.taskTiming = {}), 'acceptWindow, dueIn or both'],
    ['taskTiming.dueIn', (d) => (d.taskTiming = { dueIn: '-1s' }), 'invalid duration'],
    ['taskTiming.acceptwindow', (d) => (d.taskTiming = { acceptwindow: '1s' }), 'unknown key'],
  ])('names the bad key %s', (key, mutate, message) => {
    const raw = doc();
    mutate(raw);
    const err = errorOf(() => parseReminderPolicy(raw, 'test.json'));
    expect(err.key).toBe(key);
    expect(err.message).toContain(`test.json: ${key}: `);
    expect(err.message).toContain(message);
  });

  it('rejects a document that is not an object', () => {
    expect(errorOf(() => parseReminderPolicy([])).message).toContain('(root): must be an object');
  });
});

describe('applyTaskTiming', () => {
  const issuedAt = new Date('2026-01-01T00:00:00.000Z');
  const computed = { acceptBy: new Date('2026-01-03T00:00:00.000Z'), dueAt: new Date('2026-02-01T00:00:00.000Z') };

  it('keeps the computed dates without an override', () => {
    expect(applyTaskTiming(parseReminderPolicy(doc()), issuedAt, computed)).toEqual(computed);
  });

  it('replaces the dates the override names, from the issue time', () => {
    const both = parseReminderPolicy({ ...doc(), taskTiming: { acceptWindow: '4s', dueIn: 12 } });
    expect(applyTaskTiming(both, issuedAt, computed)).toEqual({
      acceptBy: new Date('2026-01-01T00:00:04.000Z'),
      dueAt: new Date('2026-01-01T00:00:12.000Z'),
    });
    const dueOnly = parseReminderPolicy({ ...doc(), taskTiming: { dueIn: '20s' } });
    expect(applyTaskTiming(dueOnly, issuedAt, computed)).toEqual({ acceptBy: computed.acceptBy, dueAt: new Date('2026-01-01T00:00:20.000Z') });
  });
});
