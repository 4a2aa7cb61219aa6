import { isReminderKind, type ReminderKind } from './reminder.types';

export interface ReminderJobKey {
  taskId: string;
  kind: ReminderKind;
  occurrence: number;
  version: number;
}

/**
 * The BullMQ job id of a reminder: `rem-<taskId>-<kind>-<occurrence>-v<version>`.
 *
 * Deterministic, so re-queueing the same reminder (after a restart, a Redis outage, or by two
 * workers at once) is a no-op in BullMQ rather than a duplicate. BullMQ refuses custom ids that
 * contain ":" (its key separator) or that are all digits (they clash with its own counters), so
 * the id starts with "rem-" and the task id is percent-encoded, which turns any ":" into "%3A"
 * and leaves UUIDs and other plain ids unchanged. The version in the id means a reminder re-planned
 * after a task change never collides with the job of the previous version.
 *
 * Injective even though task ids and kinds may contain "-": read from the right, the version and
 * occurrence are digits, then comes a known kind, and no kind ends with "-<another kind>", so the
 * split is unique; parseReminderJobId is the inverse (and the spec checks it).
 */
export function reminderJobId(key: ReminderJobKey): string {
  const { taskId, kind, occurrence, version } = key;
  if (typeof taskId !== 'string' || taskId === '') throw new Error('reminderJobId: taskId must be a non-empty string');
  if (!isReminderKind(kind)) throw new Error(`reminderJobId: unknown kind ${String(kind)}`);
  if (!Number.isSafeInteger(occurrence) || occurrence < 1) {
    throw new Error(`reminderJobId: occurrence must be an integer >= 1, got ${occurrence}`);
  }
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new Error(`reminderJobId: version must be an integer >= 0, got ${version}`);
  }
  let encoded: string;
  try {
    encoded = encodeURIComponent(taskId);
  } catch {
    // Only a lone UTF-16 surrogate gets here; no real id has one.
    throw new Error('reminderJobId: taskId is not well-formed Unicode');
  }
  return `rem-${encoded}-${kind}-${occurrence}-v${version}`;
}

const JOB_ID = /^rem-(.+)-([a-z-]+?)-([1-9]\d*)-v(0|[1-9]\d*)$/;

/** Inverse of reminderJobId; null for anything it did not produce. */
export function parseReminderJobId(id: string): ReminderJobKey | null {
  const match = JOB_ID.exec(id);
  if (!match) return null;
  // The lazy kind group may have stopped early ("reminder" of "due-reminder"); move "-"-separated
  // words from the task id into the kind until it is a known kind.
  let [, encodedTaskId, kind] = match;
  while (!isReminderKind(kind)) {
    const cut = encodedTaskId.lastIndexOf('-');
    if (cut < 0) return null;
    kind = `${encodedTaskId.slice(cut + 1)}-${kind}`;
    encodedTaskId = encodedTaskId.slice(0, cut);
  }
  let taskId: string;
  try {
    taskId = decodeURIComponent(encodedTaskId);
  } catch {
    return null;
  }
  const key: ReminderJobKey = { taskId, kind, occurrence: Number(match[3]), version: Number(match[4]) };
  // Reject ids that decode but are not in canonical form (e.g. "%3a" vs "%3A", or an over-long kind scan).
  const canonical = taskId !== '' && Number.isSafeInteger(key.occurrence) && Number.isSafeInteger(key.version);
  return canonical && reminderJobId(key) === id ? key : null;
}
