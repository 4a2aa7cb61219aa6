import { describe, expect, it } from '@jest/globals';
import { notificationsConfig } from '@app/config/configuration';
import { readReminderSettings } from './settings';

/** Settings as the app builds them: the validated `notifications` namespace over this environment. */
const fromEnv = (env: Record<string, string>) => {
  const saved = { ...process.env };
  try {
    Object.assign(process.env, env);
    return readReminderSettings(notificationsConfig());
  } finally {
    for (const key of Object.keys(env)) if (!(key in saved)) delete process.env[key];
    Object.assign(process.env, saved);
  }
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
