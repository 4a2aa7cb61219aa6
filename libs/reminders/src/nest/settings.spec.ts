import { describe, expect, it } from '@jest/globals';
import { validateEnvironment } from '@app/config/environment';
import { readReminderSettings } from './settings';

const fromEnv = (env: Record<string, string>) => {
  const e = validateEnvironment(env);
  return readReminderSettings({
    smtpUrl: e.SMTP_URL,
    smtpFrom: e.SMTP_FROM,
    reconcileIntervalSeconds: e.RECONCILE_INTERVAL_SECONDS,
    workerConcurrency: e.WORKER_CONCURRENCY,
    reminderJobAttempts: e.REMINDER_JOB_ATTEMPTS,
    reminderJobBackoffMs: e.REMINDER_JOB_BACKOFF_MS,
    deliveryAttempts: e.DELIVERY_ATTEMPTS,
    deliveryBackoffMs: e.DELIVERY_BACKOFF_MS,
    webhookTimeoutMs: e.WEBHOOK_TIMEOUT_MS,
    reconcileBatchSize: e.RECONCILE_BATCH_SIZE,
    jobLockMs: e.JOB_LOCK_MS,
  });
};

describe('readReminderSettings', () => {
  it('has production defaults', () => {
    expect(fromEnv({})).toMatchObject({
      reminderJob: { attempts: 5, backoffMs: 2000 },
      deliveryJob: { attempts: 8, backoffMs: 5000 },
      webhookTimeoutMs: 10_000,
      reconcileIntervalMs: 30_000,
      workerConcurrency: 8,
      jobLockMs: 30_000,
      smtpUrl: null,
    });
  });

  it('reads the tuning variables', () => {
    const s = fromEnv({ SMTP_URL: 'smtp://127.0.0.1:25', DELIVERY_ATTEMPTS: '3', DELIVERY_BACKOFF_MS: '200', JOB_LOCK_MS: '2000' });
    expect(s).toMatchObject({ deliveryJob: { attempts: 3, backoffMs: 200 }, jobLockMs: 2000, smtpUrl: 'smtp://127.0.0.1:25' });
  });

  it('names a bad variable at start-up validation', () => {
    expect(() => fromEnv({ DELIVERY_ATTEMPTS: 'lots' })).toThrow(/DELIVERY_ATTEMPTS .*"lots"/);
    expect(() => fromEnv({ JOB_LOCK_MS: '10' })).toThrow(/JOB_LOCK_MS/);
  });
});
