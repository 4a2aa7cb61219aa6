import { describe, expect, it } from '@jest/globals';
import { readReminderSettings } from './settings';

const cfg = { smtpUrl: undefined, smtpFrom: 'noreply@taskforce.example', reconcileIntervalSeconds: 30, workerConcurrency: 8 };

describe('readReminderSettings', () => {
  it('has production defaults', () => {
    expect(readReminderSettings(cfg, {})).toMatchObject({
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
    const s = readReminderSettings({ ...cfg, smtpUrl: 'smtp://127.0.0.1:25' }, { DELIVERY_ATTEMPTS: '3', DELIVERY_BACKOFF_MS: '200', JOB_LOCK_MS: '2000' });
    expect(s).toMatchObject({ deliveryJob: { attempts: 3, backoffMs: 200 }, jobLockMs: 2000, smtpUrl: 'smtp://127.0.0.1:25' });
  });

  it('names a bad variable', () => {
    expect(() => readReminderSettings(cfg, { DELIVERY_ATTEMPTS: 'lots' })).toThrow(/DELIVERY_ATTEMPTS must be an integer from 1 to 100 \(got "lots"\)/);
    expect(() => readReminderSettings(cfg, { JOB_LOCK_MS: '10' })).toThrow(/JOB_LOCK_MS/);
  });
});
