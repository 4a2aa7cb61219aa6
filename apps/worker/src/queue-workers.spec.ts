import { describe, expect, it, jest } from '@jest/globals';
import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import type { DeliveryOutcome, DeliverySender, FireOutcome, OutboxReconciler, ReminderDispatcher, ReminderQueues, ReminderSettings } from '@app/reminders/nest';
import { QueueWorkers } from './queue-workers';

/** The processors' contract with BullMQ, with the services faked (the e2e tests run the real thing). */
function workers(fire: FireOutcome, deliver: DeliveryOutcome) {
  const dispatcher = { fire: jest.fn(async () => fire) } as unknown as ReminderDispatcher;
  const sender = { deliver: jest.fn(async () => deliver) } as unknown as DeliverySender;
  const qw = new QueueWorkers(
    { url: 'redis://127.0.0.1:6379', queuePrefix: 'spec' },
    { workerConcurrency: 1 } as ReminderSettings,
    {} as ReminderQueues,
    dispatcher,
    sender,
    {} as OutboxReconciler,
  );
  // The processors are private: the spec reaches them the way BullMQ does, through the instance.
  const p = qw as unknown as {
    runReminder(job: Job, token?: string): Promise<FireOutcome>;
    runDelivery(job: Job): Promise<void>;
  };
  return { p, dispatcher, sender };
}

const job = (over: Partial<Job> = {}) =>
  ({ data: { reminderId: 'r1', deliveryId: 'd1' }, attemptsMade: 0, opts: { attempts: 3 }, moveToDelayed: jest.fn(async () => undefined), ...over }) as unknown as Job;

describe('QueueWorkers processors', () => {
  it('a reminder that fired early goes back to the delayed set until its time', async () => {
    const { p } = workers({ action: 'wait', untilMs: 123 }, { ok: true });
    const j = job();
    await expect(p.runReminder(j, 'token')).rejects.toBeInstanceOf(DelayedError);
    expect(j.moveToDelayed).toHaveBeenCalledWith(123, 'token');
  });

  it('a sent or skipped reminder completes the job', async () => {
    expect(await workers({ action: 'sent', notifications: 1, deliveries: 0 }, { ok: true }).p.runReminder(job())).toMatchObject({ action: 'sent' });
    expect(await workers({ action: 'skipped', reason: 'accepted' }, { ok: true }).p.runReminder(job())).toMatchObject({ action: 'skipped' });
  });

  it('a failed delivery throws so BullMQ retries it with backoff; a permanent one is not retried', async () => {
    await expect(workers({ action: 'none', reason: '' }, { ok: false, error: 'HTTP 500' }).p.runDelivery(job())).rejects.toThrow('HTTP 500');
    await expect(workers({ action: 'none', reason: '' }, { ok: false, permanent: true, error: 'no secret' }).p.runDelivery(job())).rejects.toBeInstanceOf(
      UnrecoverableError,
    );
  });

  it('tells the sender when this is the last try', async () => {
    const { p, sender } = workers({ action: 'none', reason: '' }, { ok: true });
    await p.runDelivery(job({ attemptsMade: 1 }));
    await p.runDelivery(job({ attemptsMade: 2 }));
    expect((sender.deliver as jest.Mock).mock.calls).toEqual([
      ['d1', false],
      ['d1', true],
    ]);
  });
});
