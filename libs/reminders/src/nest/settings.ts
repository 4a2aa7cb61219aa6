import { loadReminderPolicy, type ReminderPolicy } from '../policy/reminder-policy';

/** Injection tokens (the values are plain objects, so tests and the bench can build them directly). */
export const REMINDER_POLICY = Symbol('REMINDER_POLICY');
export const REMINDER_SETTINGS = Symbol('REMINDER_SETTINGS');

export interface JobRetrySettings {
  attempts: number;
  /** First retry delay; BullMQ doubles it on each further retry (exponential backoff). */
  backoffMs: number;
}

export interface ReminderSettings {
  reminderJob: JobRetrySettings;
  deliveryJob: JobRetrySettings;
  webhookTimeoutMs: number;
  reconcileIntervalMs: number;
  /** Rows per reconciler page: one DB query and one Redis pipeline each. */
  reconcileBatchSize: number;
  workerConcurrency: number;
  /**
   * BullMQ job lock: a worker that dies mid-job (SIGKILL, power loss) holds its jobs until the lock
   * expires; the stalled-job check (same interval) then hands them to another worker.
   */
  jobLockMs: number;
  smtpUrl: string | null;
  smtpFrom: string;
  /** Upper bound on an API request waiting for Redis in afterCommit; the outbox covers the rest. */
  enqueueTimeoutMs: number;
}

/** The `notifications` namespace of the validated configuration (libs/config). */
export interface NotificationsConfigLike {
  smtpUrl?: string;
  smtpFrom: string;
  reconcileIntervalSeconds: number;
  workerConcurrency: number;
  reminderJobAttempts: number;
  reminderJobBackoffMs: number;
  deliveryAttempts: number;
  deliveryBackoffMs: number;
  webhookTimeoutMs: number;
  reconcileBatchSize: number;
  jobLockMs: number;
}

/** Settings from the validated configuration (every variable is checked once, at start, in libs/config). */
export function readReminderSettings(cfg: NotificationsConfigLike): ReminderSettings {
  return {
    reminderJob: { attempts: cfg.reminderJobAttempts, backoffMs: cfg.reminderJobBackoffMs },
    deliveryJob: { attempts: cfg.deliveryAttempts, backoffMs: cfg.deliveryBackoffMs },
    webhookTimeoutMs: cfg.webhookTimeoutMs,
    reconcileIntervalMs: cfg.reconcileIntervalSeconds * 1000,
    reconcileBatchSize: cfg.reconcileBatchSize,
    workerConcurrency: cfg.workerConcurrency,
    jobLockMs: cfg.jobLockMs,
    smtpUrl: cfg.smtpUrl || null,
    smtpFrom: cfg.smtpFrom,
    enqueueTimeoutMs: 3000,
  };
}

/** The policy from REMINDER_POLICY_PATH or config/reminders.json; a bad file stops start-up. */
export function reminderPolicyFromEnv(): ReminderPolicy {
  return loadReminderPolicy();
}
