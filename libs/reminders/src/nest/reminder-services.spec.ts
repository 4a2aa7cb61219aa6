import { afterAll, beforeAll, beforeEach, describe, expect, it, jest } from '@jest/globals';
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Logger } from '@nestjs/common';
import { DataSource, In } from 'typeorm';
import { SnakeNamingStrategy, TransactionRunner } from '@app/database';
import { MIGRATIONS } from '@app/database/migrations';
import { OrganisationEntity, UserEntity } from '@app/identity';
import type { TaskChange, TaskSnapshot } from '@app/tasking/application/task-change-listener';
import { TaskEntity } from '@app/tasking/infrastructure/persistence/task.entity';
import { parseReminderPolicy } from '../policy/reminder-policy';
import { verifyWebhookSignature } from '../delivery/webhook-signature';
import { DeliveryAttemptEntity, DeliveryEntity, NotificationEntity, REMINDER_ENTITIES, ReminderEntity } from '../infrastructure/persistence';
import { DeliverySender } from './delivery-sender';
import { ReminderDispatcher } from './reminder-dispatcher';
import type { QueueableReminder, ReminderQueues } from './reminder-queues';
import { ReminderScheduler } from './reminder-scheduler';
import type { ReminderSettings } from './settings';

/**
 * The scheduler, dispatcher and delivery sender against a real (in-memory SQLite) schema built by the
 * real migrations, with fake task snapshots and a fake queue, so the outbox and idempotency rules are
 * checked without Redis. The e2e tests cover the same with real Redis and worker processes.
 */
const S = 1000;
const band = {
  acceptance: { reminderAtFraction: 0.5, escalateAtDeadline: true },
  due: { remindBefore: [8, 4] },
  overdue: { escalateEvery: 4, maxEscalations: 2 },
  progress: { requestEvery: 3, maxRequests: 2 },
};
const policy = parseReminderPolicy({ version: 'spec', P1: band, P2: band, P3: band, P4: band });
const settings: ReminderSettings = {
  reminderJob: { attempts: 3, backoffMs: 10 },
  deliveryJob: { attempts: 3, backoffMs: 10 },
  webhookTimeoutMs: 2000,
  reconcileIntervalMs: 1000,
  reconcileBatchSize: 100,
  workerConcurrency: 1,
  jobLockMs: 1000,
  smtpUrl: null,
  smtpFrom: 'noreply@taskforce.example',
  enqueueTimeoutMs: 1000,
};

class FakeQueues {
  ready = true;
  queued: QueueableReminder[] = [];
  removed: string[] = [];
  deliveries: string[] = [];
  enqueueReminders = jest.fn(async (rows: readonly QueueableReminder[]) => {
    this.queued.push(...rows);
  });
  removeReminderJobs = jest.fn(async (ids: readonly string[]) => {
    this.removed.push(...ids);
  });
  enqueueDeliveries = jest.fn(async (ids: readonly string[]) => {
    this.deliveries.push(...ids);
  });
}

describe('reminder services on a real schema', () => {
  let ds: DataSource;
  let tx: TransactionRunner;
  let queues: FakeQueues;
  let scheduler: ReminderScheduler;
  let orgId: string;
  let otherOrgId: string;
  let hook: Server;
  let hookUrl: string;
  const hookStatuses: number[] = [];
  const hookBodies: Array<{ verified: boolean }> = [];
  const secret = 'a'.repeat(64);

  beforeAll(async () => {
    Logger.overrideLogger(false); // the services log expected failures; keep the run readable
    ds = new DataSource({
      type: 'better-sqlite3',
      database: ':memory:',
      entities: [...REMINDER_ENTITIES, TaskEntity, UserEntity, OrganisationEntity],
      migrations: MIGRATIONS,
      namingStrategy: new SnakeNamingStrategy(),
      logging: ['error'],
    });
    await ds.initialize();
    await ds.runMigrations();
    // Tasks here stand alone (no assessment or threat rows): these specs are about reminders.
    await ds.query('PRAGMA foreign_keys = OFF');
    tx = new TransactionRunner(ds);
    hook = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        hookBodies.push({ verified: verifyWebhookSignature(secret, req.headers, Buffer.concat(chunks)) });
        res.writeHead(hookStatuses.shift() ?? 204).end();
      });
    });
    await new Promise<void>((resolve) => hook.listen(0, '127.0.0.1', resolve));
    hookUrl = `http://127.0.0.1:${(hook.address() as AddressInfo).port}/hook`;

    const now = new Date().toISOString();
    const org = (name: string, kind: 'taskforce' | 'partner', webhookUrl: string | null) => ({
      id: randomUUID(),
      name,
      kind,
      capabilities: [],
      jurisdictions: [],
      clearance: 'SECRET' as const,
      capacity: 10,
      webhookUrl,
      webhookSecret: webhookUrl ? secret : null,
      contactEmail: null,
      createdAt: now,
      updatedAt: now,
      version: 1,
    });
    const police = org('Police', 'partner', hookUrl);
    const other = org('Other', 'partner', null);
    const taskforce = org('Taskforce', 'taskforce', null);
    orgId = police.id;
    otherOrgId = other.id;
    await ds.getRepository(OrganisationEntity).insert([police, other, taskforce]);
    const user = (email: string, role: UserEntity['role'], organisationId: string, active = true) => ({
      id: randomUUID(),
      email,
      passwordHash: 'x',
      role,
      organisationId,
      displayName: null,
      active,
      createdAt: now,
      updatedAt: now,
    });
    await ds.getRepository(UserEntity).insert([
      user('p1@police.example', 'partner', police.id),
      user('p2@police.example', 'partner', police.id),
      user('gone@police.example', 'partner', police.id, false),
      user('o@other.example', 'partner', other.id),
      user('c@taskforce.example', 'coordinator', taskforce.id),
      user('a@taskforce.example', 'admin', taskforce.id),
    ]);
  });

  afterAll(async () => {
    await ds?.destroy();
    hook.closeAllConnections();
    await new Promise<void>((resolve) => hook.close(() => resolve()));
  });

  beforeEach(() => {
    queues = new FakeQueues();
    scheduler = new ReminderScheduler(policy, queues as unknown as ReminderQueues, tx, ds);
  });

  /** A task stored as tasking would, and the snapshot its change would carry. */
  async function storedTask(over: Partial<TaskSnapshot> = {}): Promise<TaskSnapshot> {
    const issuedAt = new Date();
    const snap: TaskSnapshot = {
      id: randomUUID(),
      threatId: randomUUID(),
      threatRef: 'T-SPEC-01',
      assessmentId: randomUUID(),
      title: 'Close the line',
      strand: 'pursue',
      capability: 'enforcement',
      band: 'P1',
      status: 'assigned',
      organisationId: orgId,
      supporterIds: [],
      issuedAt: issuedAt.toISOString(),
      acceptBy: new Date(issuedAt.getTime() + 4 * S).toISOString(),
      dueAt: new Date(issuedAt.getTime() + 12 * S).toISOString(),
      startedAt: null,
      version: 2,
      ...over,
    };
    await saveTask(snap);
    return snap;
  }

  async function saveTask(snap: TaskSnapshot): Promise<void> {
    const now = new Date().toISOString();
    await ds.getRepository(TaskEntity).save({
      ...snap,
      revision: 1,
      description: 'd',
      source: 'action',
      objectiveCode: null,
      regions: ['ENG-NW'],
      classification: 'OFFICIAL',
      dueInDays: 30,
      acceptWithinHours: 48,
      acceptedAt: null,
      completedAt: null,
      closedAt: null,
      outcome: null,
      declineReason: null,
      cancelReason: null,
      createdAt: now,
      updatedAt: now,
    });
  }

  const change = (after: TaskSnapshot, before: TaskSnapshot | null = null, action = 'issue'): TaskChange => ({
    before,
    after,
    action,
    actor: null,
    reason: null,
    at: new Date().toISOString(),
  });

  /** What tasking does: listener inside the transaction, then afterCommit. */
  async function apply(changes: TaskChange[]): Promise<void> {
    await tx.run((em) => scheduler.onTasksChanged(em, changes));
    await scheduler.afterCommit(changes);
  }

  const rowsOf = (taskId: string) => ds.getRepository(ReminderEntity).find({ where: { taskId }, order: { fireAt: 'ASC', kind: 'ASC' } });

  describe('ReminderScheduler', () => {
    it('a new proposed task gets no reminders; issuing plans and queues the acceptance chain', async () => {
      const proposed = await storedTask({ status: 'proposed', version: 1, issuedAt: null, acceptBy: null, dueAt: null });
      await apply([change(proposed)]);
      expect(await rowsOf(proposed.id)).toEqual([]);

      const issued = { ...proposed, ...(await storedTask()), id: proposed.id };
      await apply([change(issued, proposed)]);
      const rows = await rowsOf(issued.id);
      expect(rows.map((r) => [r.kind, r.status, r.taskVersion])).toEqual([
        ['acceptance-reminder', 'scheduled', 2],
        ['acceptance-escalation', 'scheduled', 2],
      ]);
      expect(queues.queued.map((q) => q.jobId)).toEqual(rows.map((r) => `rem-${issued.id}-${r.kind}-1-v2`));
      expect(rows.every((r) => r.enqueuedAt !== null)).toBe(true);
    });

    it('accepting cancels the acceptance chain (and drops its jobs) and plans the due chain', async () => {
      const issued = await storedTask();
      await apply([change(issued)]);
      const accepted = { ...issued, status: 'accepted' as const, version: 3 };
      await apply([change(accepted, issued, 'accept')]);
      const rows = await rowsOf(issued.id);
      expect(rows.filter((r) => r.kind.startsWith('acceptance')).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
      expect(rows.filter((r) => r.status === 'scheduled').map((r) => r.kind)).toEqual([
        'due-reminder',
        'due-reminder',
        'overdue-escalation',
        'overdue-escalation',
      ]);
      expect(queues.removed.sort()).toEqual(rows.filter((r) => r.status === 'cancelled').map((r) => r.jobId).sort());
    });

    it('is idempotent: the same change twice adds nothing', async () => {
      const issued = await storedTask();
      await apply([change(issued)]);
      await apply([change(issued)]);
      expect(await rowsOf(issued.id)).toHaveLength(2);
    });

    it('with Redis down the change still commits: rows wait, unqueued, for the reconciler', async () => {
      queues.ready = false;
      const issued = await storedTask();
      await expect(apply([change(issued)])).resolves.toBeUndefined();
      const rows = await rowsOf(issued.id);
      expect(rows.map((r) => [r.status, r.enqueuedAt])).toEqual([
        ['scheduled', null],
        ['scheduled', null],
      ]);
      expect(queues.enqueueReminders).not.toHaveBeenCalled();
    });

    it('afterCommit never throws, even when queueing fails', async () => {
      queues.enqueueReminders.mockRejectedValueOnce(new Error('connection reset'));
      const issued = await storedTask();
      await expect(apply([change(issued)])).resolves.toBeUndefined();
      expect((await rowsOf(issued.id)).every((r) => r.status === 'scheduled' && r.enqueuedAt === null)).toBe(true);
    });

    it('rows roll back with the task change', async () => {
      const issued = await storedTask();
      await expect(
        tx.run(async (em) => {
          await scheduler.onTasksChanged(em, [change(issued)]);
          throw new Error('the task write failed');
        }),
      ).rejects.toThrow('the task write failed');
      expect(await rowsOf(issued.id)).toEqual([]);
    });

    it('revives a cancelled row when the same version plans it again (job ids stay unique)', async () => {
      const issued = await storedTask();
      await apply([change(issued)]);
      await apply([change({ ...issued, status: 'declined' }, issued, 'decline')]);
      expect((await rowsOf(issued.id)).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
      await apply([change(issued, { ...issued, status: 'declined' }, 'reassign')]);
      expect((await rowsOf(issued.id)).map((r) => r.status)).toEqual(['scheduled', 'scheduled']);
    });

    it('handles a whole plan in one batch with chunked writes', async () => {
      const many: TaskSnapshot[] = [];
      for (let i = 0; i < 1200; i++) many.push({ ...(await storedTask()), id: randomUUID() });
      await apply(many.map((s) => change(s)));
      expect(await ds.getRepository(ReminderEntity).count({ where: { taskVersion: 2, status: 'scheduled' } })).toBeGreaterThanOrEqual(2400);
      expect(queues.queued).toHaveLength(2400);
    });
  });

  describe('ReminderDispatcher', () => {
    const dispatcher = (smtp = false) =>
      new ReminderDispatcher(ds, tx, queues as unknown as ReminderQueues, policy, { ...settings, smtpUrl: smtp ? 'smtp://127.0.0.1:1?ignoreTLS=true' : null });

    async function issued(): Promise<{ task: TaskSnapshot; rows: ReminderEntity[] }> {
      const task = await storedTask();
      await apply([change(task)]);
      return { task, rows: await rowsOf(task.id) };
    }

    it('sends a due reminder to the lead organisation\'s active partners, once, however often it runs', async () => {
      const { task, rows } = await issued();
      const reminder = rows.find((r) => r.kind === 'acceptance-reminder')!;
      const at = new Date(Date.parse(reminder.fireAt));
      const d = dispatcher(true);
      expect(await d.fire(reminder.id, at)).toEqual({ action: 'sent', notifications: 2, deliveries: 3 });
      expect(await d.fire(reminder.id, at)).toMatchObject({ action: 'none' });
      const [a, b] = await Promise.all([d.fire(reminder.id, at), dispatcher().fire(reminder.id, at)]);
      expect([a.action, b.action]).toEqual(['none', 'none']);

      const inbox = await ds.getRepository(NotificationEntity).find({ where: { reminderId: reminder.id } });
      const users = await ds.getRepository(UserEntity).find({ where: { id: In(inbox.map((n) => n.userId)) } });
      expect(inbox).toHaveLength(2);
      expect(new Set(inbox.map((n) => n.organisationId))).toEqual(new Set([orgId]));
      expect(users.every((u) => u.organisationId === orgId)).toBe(true);
      const deliveries = await ds.getRepository(DeliveryEntity).find({ where: { reminderId: reminder.id }, order: { channel: 'ASC', target: 'ASC' } });
      expect(deliveries.map((x) => [x.channel, x.target])).toEqual([
        ['email', 'p1@police.example'],
        ['email', 'p2@police.example'],
        ['webhook', hookUrl],
      ]);
      // Delivery jobs queued after commit, and again by the replays (same ids: BullMQ keeps one).
      expect(new Set(queues.deliveries)).toEqual(new Set(deliveries.map((x) => x.id)));
      expect((await rowsOf(task.id)).find((r) => r.id === reminder.id)!.status).toBe('sent');
    });

    it('sends escalations to coordinators only', async () => {
      const { rows } = await issued();
      const escalation = rows.find((r) => r.kind === 'acceptance-escalation')!;
      await dispatcher().fire(escalation.id, new Date(Date.parse(escalation.fireAt)));
      const inbox = await ds.getRepository(NotificationEntity).find({ where: { reminderId: escalation.id } });
      const coordinator = await ds.getRepository(UserEntity).findOneByOrFail({ email: 'c@taskforce.example' });
      expect(inbox.map((n) => n.userId)).toEqual([coordinator.id]);
    });

    it('skips a reminder whose task moved on, and sends nothing', async () => {
      const { task, rows } = await issued();
      const reminder = rows.find((r) => r.kind === 'acceptance-reminder')!;
      // Accepted behind the scheduler's back (no listener): the row is still scheduled, the task is not.
      await saveTask({ ...task, status: 'accepted', version: 3 });
      expect(await dispatcher().fire(reminder.id, new Date(Date.parse(reminder.fireAt)))).toMatchObject({ action: 'skipped' });
      expect((await rowsOf(task.id)).find((r) => r.id === reminder.id)!.status).toBe('skipped');
      expect(await ds.getRepository(NotificationEntity).count({ where: { reminderId: reminder.id } })).toBe(0);
    });

    it('waits when fired early, and does nothing for cancelled rows', async () => {
      const { task, rows } = await issued();
      const escalation = rows.find((r) => r.kind === 'acceptance-escalation')!;
      expect(await dispatcher().fire(escalation.id, new Date(Date.parse(escalation.fireAt) - 3 * S))).toEqual({
        action: 'wait',
        untilMs: Date.parse(escalation.fireAt),
      });
      await apply([change({ ...task, status: 'cancelled', version: 3 }, task, 'cancel')]);
      expect(await dispatcher().fire(escalation.id, new Date(Date.parse(escalation.fireAt)))).toMatchObject({ action: 'none' });
    });

    it('never notifies another organisation\'s users', async () => {
      const { rows } = await issued();
      for (const r of rows) await dispatcher().fire(r.id, new Date(Date.parse(r.fireAt)));
      const others = await ds.getRepository(NotificationEntity).count({ where: { organisationId: otherOrgId } });
      expect(others).toBe(0);
    });
  });

  describe('DeliverySender', () => {
    async function webhookDelivery(): Promise<DeliveryEntity> {
      const task = await storedTask();
      await apply([change(task)]);
      const reminder = (await rowsOf(task.id)).find((r) => r.kind === 'acceptance-reminder')!;
      await new ReminderDispatcher(ds, tx, queues as unknown as ReminderQueues, policy, settings).fire(reminder.id, new Date(Date.parse(reminder.fireAt)));
      return ds.getRepository(DeliveryEntity).findOneByOrFail({ reminderId: reminder.id, channel: 'webhook' });
    }

    it('records every attempt; delivered after two failures, with a verifiable signature each time', async () => {
      const delivery = await webhookDelivery();
      hookStatuses.push(500, 503);
      hookBodies.length = 0;
      const sender = new DeliverySender(ds, tx, settings);
      expect(await sender.deliver(delivery.id, false)).toMatchObject({ ok: false, error: 'HTTP 500', attempt: 1 });
      expect(await sender.deliver(delivery.id, false)).toMatchObject({ ok: false, error: 'HTTP 503', attempt: 2 });
      expect(await sender.deliver(delivery.id, true)).toMatchObject({ ok: true, attempt: 3 });
      expect(await sender.deliver(delivery.id, true)).toMatchObject({ skipped: true });
      const after = await ds.getRepository(DeliveryEntity).findOneByOrFail({ id: delivery.id });
      expect(after).toMatchObject({ status: 'delivered', attempts: 3, lastError: null, lastStatusCode: 204 });
      const attempts = await ds.getRepository(DeliveryAttemptEntity).find({ where: { deliveryId: delivery.id }, order: { attempt: 'ASC' } });
      expect(attempts.map((a) => [a.attempt, a.statusCode])).toEqual([
        [1, 500],
        [2, 503],
        [3, 204],
      ]);
      expect(hookBodies.every((b) => b.verified)).toBe(true);
    });

    it('marks the delivery failed on the last try, and keeps it visible', async () => {
      const delivery = await webhookDelivery();
      hookStatuses.push(500);
      const result = await new DeliverySender(ds, tx, settings).deliver(delivery.id, true);
      expect(result).toMatchObject({ ok: false });
      expect(await ds.getRepository(DeliveryEntity).findOneByOrFail({ id: delivery.id })).toMatchObject({ status: 'failed', attempts: 1, lastStatusCode: 500 });
    });

    it('fails at once, without retrying, when email is not configured', async () => {
      const delivery = await webhookDelivery();
      await ds.getRepository(DeliveryEntity).update({ id: delivery.id }, { channel: 'email', target: 'x@police.example', payload: '{"subject":"s","text":"t"}' });
      expect(await new DeliverySender(ds, tx, settings).deliver(delivery.id, false)).toMatchObject({ ok: false, permanent: true });
      expect((await ds.getRepository(DeliveryEntity).findOneByOrFail({ id: delivery.id })).status).toBe('failed');
    });
  });
});
