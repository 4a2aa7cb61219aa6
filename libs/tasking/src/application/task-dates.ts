import { applyTaskTiming, type ReminderPolicy } from '@app/reminders/policy/reminder-policy';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

export interface IssueTiming {
  dueInDays: number;
  acceptWithinHours: number;
}

export interface IssueDates {
  issuedAt: string;
  acceptBy: string;
  dueAt: string;
}

/**
 * The dates a task gets when it is issued (or re-issued to a new lead): the acceptance deadline is the
 * band SLA from the issue time, the due date `dueInDays` from it. The reminder policy's `taskTiming`
 * (tests and demos only) replaces either, so a whole lifecycle can be watched in seconds; the reminder
 * planner then reads the stored dates, so everyone agrees on them.
 */
export function issueDates(issuedAt: Date, timing: IssueTiming, policy: ReminderPolicy | null): IssueDates {
  const computed = {
    acceptBy: new Date(issuedAt.getTime() + timing.acceptWithinHours * HOUR_MS),
    dueAt: new Date(issuedAt.getTime() + timing.dueInDays * DAY_MS),
  };
  const dates = policy ? applyTaskTiming(policy, issuedAt, computed) : computed;
  return {
    issuedAt: issuedAt.toISOString(),
    acceptBy: (dates.acceptBy ?? computed.acceptBy).toISOString(),
    dueAt: (dates.dueAt ?? computed.dueAt).toISOString(),
  };
}
