import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BANDS, type Band } from '@app/common/domain/vocabulary';
import { parseDuration } from './duration';

/**
 * The reminder policy (config/reminders.json). The file gives durations as numbers of seconds or
 * unit strings (see duration.ts); the loaded policy holds milliseconds so that nothing downstream
 * parses again.
 *
 * File shape:
 * {
 *   "version": "2026-11-1",                       // string or positive integer; stored with reminders
 *   "taskTiming": { "acceptWindow": "4s", "dueIn": "12s" },   // optional, see below
 *   "P1": { "acceptance": { "reminderAtFraction": 0.5, "escalateAtDeadline": true },
 *           "due": { "remindBefore": ["7d", "1d"] },
 *           "overdue": { "escalateEvery": "2d", "maxEscalations": 3 },
 *           "progress": { "requestEvery": "7d", "maxRequests": 4 } },
 *   "P2": …, "P3": …, "P4": …
 * }
 * Keys starting with "$" (e.g. "$comment") are ignored at any level, since JSON has no comments.
 * Any other unknown key is an error, so a misspelt key cannot silently fall back to nothing.
 *
 * `taskTiming` (optional, meant for config/reminders.test.json and demos): a task's acceptance
 * deadline (`acceptBy`) and due date (`dueAt`) are NOT policy, they come from the task (band SLA,
 * `dueInDays`). To make a whole lifecycle observable in seconds, when `taskTiming` is present the
 * tasking service sets `acceptBy = issuedAt + acceptWindow` and `dueAt = issuedAt + dueIn` instead
 * of its usual values (either key may be given alone; the other keeps the task's own rule). The
 * reminder planner itself only ever reads the task's stored dates, so the override happens once,
 * where the dates are set, and reminders, reports and the API all agree. `applyTaskTiming` below
 * does that computation. Production policy must not set it.
 */
export interface AcceptancePolicy {
  /** Reminder to the lead at issuedAt + fraction × (acceptBy − issuedAt); 0 < fraction < 1. */
  reminderAtFraction: number;
  /** Escalate to coordinators at acceptBy when the task is still `assigned`. */
  escalateAtDeadline: boolean;
}
export interface DuePolicy {
  /** Offsets before dueAt, sorted longest first (occurrence 1 = the earliest reminder). */
  remindBeforeMs: number[];
}
export interface OverduePolicy {
  escalateEveryMs: number;
  /** 0 disables overdue escalation. */
  maxEscalations: number;
}
export interface ProgressPolicy {
  requestEveryMs: number;
  /** 0 disables progress requests. */
  maxRequests: number;
}
export interface BandReminderPolicy {
  acceptance: AcceptancePolicy;
  due: DuePolicy;
  overdue: OverduePolicy;
  progress: ProgressPolicy;
}
export interface TaskTimingOverride {
  acceptWindowMs?: number;
  dueInMs?: number;
}
export interface ReminderPolicy {
  version: string;
  bands: Record<Band, BandReminderPolicy>;
  /** Test/demo override of task dates; null in production. See the comment at the top of this file. */
  taskTiming: TaskTimingOverride | null;
}

export const DEFAULT_REMINDER_POLICY_PATH = 'config/reminders.json';
export const REMINDER_POLICY_PATH_ENV = 'REMINDER_POLICY_PATH';

export class ReminderPolicyError extends Error {
  constructor(
    message: string,
    /** Dotted path of the bad key, e.g. "P2.overdue.escalateEvery" ("" for the whole document). */
    readonly key: string,
  ) {
    super(message);
    this.name = 'ReminderPolicyError';
  }
}

/**
 * Reads and validates the policy file. Path: the argument, else env REMINDER_POLICY_PATH, else
 * config/reminders.json; relative paths resolve against process.cwd(). Synchronous on purpose:
 * it runs once at boot and a bad policy should stop the process before it serves.
 */
export function loadReminderPolicy(path?: string, env: NodeJS.ProcessEnv = process.env): ReminderPolicy {
  const chosen = path ?? (env[REMINDER_POLICY_PATH_ENV] || DEFAULT_REMINDER_POLICY_PATH);
  const file = resolve(process.cwd(), chosen);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new ReminderPolicyError(`reminder policy ${file}: cannot read file (${(err as Error).message})`, '');
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new ReminderPolicyError(`reminder policy ${file}: invalid JSON (${(err as Error).message})`, '');
  }
  return parseReminderPolicy(raw, file);
}

/** Validates an already-parsed policy document. `source` only labels error messages. */
export function parseReminderPolicy(raw: unknown, source = 'reminder policy'): ReminderPolicy {
  const fail = (key: string, message: string): never => {
    throw new ReminderPolicyError(`${source}: ${key || '(root)'}: ${message}`, key);
  };
  const root = object(raw, '', fail);
  checkKeys(root, '', ['version', 'taskTiming', ...BANDS], fail);

  const version = root.version;
  if (!((typeof version === 'string' && version.trim() !== '') || (Number.isSafeInteger(version) && (version as number) > 0))) {
    fail('version', `must be a non-empty string or a positive integer, got ${show(version)}`);
  }

  const bands = {} as Record<Band, BandReminderPolicy>;
  for (const band of BANDS) {
    if (root[band] === undefined) fail(band, 'missing (every band P1..P4 needs a policy)');
    bands[band] = parseBand(root[band], band, fail);
  }

  let taskTiming: TaskTimingOverride | null = null;
  if (root.taskTiming !== undefined && root.taskTiming !== null) {
    const t = object(root.taskTiming, 'taskTiming', fail);
    checkKeys(t, 'taskTiming', ['acceptWindow', 'dueIn'], fail);
    if (t.acceptWindow === undefined && t.dueIn === undefined) fail('taskTiming', 'give acceptWindow, dueIn or both');
    taskTiming = {};
    if (t.acceptWindow !== undefined) taskTiming.acceptWindowMs = positiveDuration(t.acceptWindow, 'taskTiming.acceptWindow', fail);
    if (t.dueIn !== undefined) taskTiming.dueInMs = positiveDuration(t.dueIn, 'taskTiming.dueIn', fail);
  }

  return { version: String(version), bands, taskTiming };
}

/**
 * The task dates to store when a task is issued, honouring `taskTiming` when the policy has it
 * (tests and demos). `computed` are the dates the tasking service would set on its own.
 */
export function applyTaskTiming(
  policy: ReminderPolicy,
  issuedAt: Date,
  computed: { acceptBy: Date | null; dueAt: Date | null },
): { acceptBy: Date | null; dueAt: Date | null } {
  const timing = policy.taskTiming;
  if (!timing) return computed;
  return {
    acceptBy: timing.acceptWindowMs !== undefined ? new Date(issuedAt.getTime() + timing.acceptWindowMs) : computed.acceptBy,
    dueAt: timing.dueInMs !== undefined ? new Date(issuedAt.getTime() + timing.dueInMs) : computed.dueAt,
  };
}

type Fail = (key: string, message: string) => never;
type Obj = Record<string, unknown>;

function parseBand(raw: unknown, band: Band, fail: Fail): BandReminderPolicy {
  const b = object(raw, band, fail);
  checkKeys(b, band, ['acceptance', 'due', 'overdue', 'progress'], fail);

  const acc = section(b, band, 'acceptance', fail);
  checkKeys(acc, `${band}.acceptance`, ['reminderAtFraction', 'escalateAtDeadline'], fail);
  const fraction = acc.reminderAtFraction;
  if (typeof fraction !== 'number' || !(fraction > 0 && fraction < 1)) {
    fail(`${band}.acceptance.reminderAtFraction`, `must be a number strictly between 0 and 1, got ${show(fraction)}`);
  }
  if (typeof acc.escalateAtDeadline !== 'boolean') {
    fail(`${band}.acceptance.escalateAtDeadline`, `must be true or false, got ${show(acc.escalateAtDeadline)}`);
  }

  const due = section(b, band, 'due', fail);
  checkKeys(due, `${band}.due`, ['remindBefore'], fail);
  if (!Array.isArray(due.remindBefore)) fail(`${band}.due.remindBefore`, `must be an array of durations, got ${show(due.remindBefore)}`);
  const remindBeforeMs = (due.remindBefore as unknown[]).map((v, i) => positiveDuration(v, `${band}.due.remindBefore[${i}]`, fail));
  if (new Set(remindBeforeMs).size !== remindBeforeMs.length) {
    fail(`${band}.due.remindBefore`, 'contains the same offset twice');
  }
  // Longest offset first, so occurrence numbers follow time order whatever order the file uses.
  remindBeforeMs.sort((a, b) => b - a);

  const over = section(b, band, 'overdue', fail);
  checkKeys(over, `${band}.overdue`, ['escalateEvery', 'maxEscalations'], fail);
  const prog = section(b, band, 'progress', fail);
  checkKeys(prog, `${band}.progress`, ['requestEvery', 'maxRequests'], fail);

  return {
    acceptance: { reminderAtFraction: fraction as number, escalateAtDeadline: acc.escalateAtDeadline as boolean },
    due: { remindBeforeMs },
    overdue: {
      escalateEveryMs: positiveDuration(over.escalateEvery, `${band}.overdue.escalateEvery`, fail),
      maxEscalations: count(over.maxEscalations, `${band}.overdue.maxEscalations`, fail),
    },
    progress: {
      requestEveryMs: positiveDuration(prog.requestEvery, `${band}.progress.requestEvery`, fail),
      maxRequests: count(prog.maxRequests, `${band}.progress.maxRequests`, fail),
    },
  };
}

function section(parent: Obj, band: Band, name: string, fail: Fail): Obj {
  if (parent[name] === undefined) fail(`${band}.${name}`, 'missing');
  return object(parent[name], `${band}.${name}`, fail);
}

function object(raw: unknown, key: string, fail: Fail): Obj {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) fail(key, `must be an object, got ${show(raw)}`);
  return raw as Obj;
}

function checkKeys(obj: Obj, at: string, allowed: readonly string[], fail: Fail): void {
  for (const key of Object.keys(obj)) {
    if (key.startsWith('$') || allowed.includes(key)) continue;
    fail(at ? `${at}.${key}` : key, `unknown key (expected one of: ${allowed.join(', ')})`);
  }
}

function positiveDuration(raw: unknown, key: string, fail: Fail): number {
  if (raw === undefined) fail(key, 'missing');
  let ms = 0;
  try {
    ms = parseDuration(raw);
  } catch (err) {
    fail(key, (err as Error).message);
  }
  if (ms <= 0) fail(key, `must be longer than zero, got ${show(raw)}`);
  return ms;
}

function count(raw: unknown, key: string, fail: Fail): number {
  if (!Number.isSafeInteger(raw) || (raw as number) < 0) fail(key, `must be an integer >= 0, got ${show(raw)}`);
  return raw as number;
}

function show(value: unknown): string {
  return value === undefined ? 'nothing' : JSON.stringify(value);
}
