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

/** What the validated configuration (libs/config, `notifications` namespace) already provides. */
export interface NotificationsConfigLike {
  smtpUrl?: string;
  smtpFrom: string;
  reconcileIntervalSeconds: number;
  workerConcurrency: number;
}

/**
 * Settings from the validated configuration plus the queue tuning variables that only this module
 * reads (all optional, validated here so a typo stops start-up with the variable's name):
 * REMINDER_JOB_ATTEMPTS (5), REMINDER_JOB_BACKOFF_MS (2000), DELIVERY_ATTEMPTS (8),
 * DELIVERY_BACKOFF_MS (5000: 5 s, 10 s, 20 s … about 10 minutes over 8 tries), WEBHOOK_TIMEOUT_MS
 * (10000), RECONCILE_BATCH_SIZE (1000), JOB_LOCK_MS (30000).
 */
export function readReminderSettings(cfg: NotificationsConfigLike, env: NodeJS.ProcessEnv = process.env): ReminderSettings {
  return {
    reminderJob: {
      attempts: intEnv(env, 'REMINDER_JOB_ATTEMPTS', 5, 1, 100),
      backoffMs: intEnv(env, 'REMINDER_JOB_BACKOFF_MS', 2000, 10, 3_600_000),
    },
    deliveryJob: {
      attempts: intEnv(env, 'DELIVERY_ATTEMPTS', 8, 1, 100),
      backoffMs: intEnv(env, 'DELIVERY_BACKOFF_MS', 5000, 10, 3_600_000),
    },
    webhookTimeoutMs: intEnv(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
    reconcileIntervalMs: cfg.reconcileIntervalSeconds * 1000,
    reconcileBatchSize: intEnv(env, 'RECONCILE_BATCH_SIZE', 1000, 10, 10_000),
    workerConcurrency: cfg.workerConcurrency,
    jobLockMs: intEnv(env, 'JOB_LOCK_MS', 30_000, 1000, 600_000),
    smtpUrl: cfg.smtpUrl || null,
    smtpFrom: cfg.smtpFrom,
    enqueueTimeoutMs: 3000,
  };
}

/** The policy from REMINDER_POLICY_PATH or config/reminders.json; a bad file stops start-up. */
export function reminderPolicyFromEnv(): ReminderPolicy {
  return loadReminderPolicy();
}

function intEnv(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw.trim()) || Number(raw) < min || Number(raw) > max) {
    throw new Error(`Invalid configuration: ${name} must be an integer from ${min} to ${max} (got ${JSON.stringify(raw)})`);
  }
  return Number(raw);
}
