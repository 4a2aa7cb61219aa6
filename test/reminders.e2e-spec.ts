import { ADMIN, startTestApp, type TestApp } from './support/test-app';
import { createWorld, type World } from './support/fixtures';
import { eventually } from './support/redis-process';
import { startWorker, type WorkerProcess } from './support/worker-process';
import { countByReminder, createPoliceTasks, inbox, issueAll, remindersOf, type InboxItem, type TaskRef } from './support/worker-scenario';
import { SmtpSink, WebhookReceiver } from './support/worker-sinks';

/**
 * Reminders end to end, with the test policy (config/reminders.test.json, in seconds): from issue,
 * acceptance reminder at 2 s, escalation at 4 s; due 12 s after issue, due reminders 8 s and 4 s
 * before it. Real API, real worker process, real Redis, a real SMTP listener and a real webhook
 * receiver that verifies signatures.
 */
describe('reminders: issue → remind → escalate → accept → due reminders, over inbox, webhook and email', () => {
  let t: TestApp;
  let w: World;
  let worker: WorkerProcess;
  let hooks: WebhookReceiver;
  let smtp: SmtpSink;
  let a: TaskRef;
  let b: TaskRef;

  beforeAll(async () => {
    hooks = await WebhookReceiver.start();
    smtp = await SmtpSink.start();
    t = await startTestApp({
      REMINDER_POLICY_PATH: 'config/reminders.test.json',
      SMTP_URL: smtp.url,
      RECONCILE_INTERVAL_SECONDS: '1',
      DELIVERY_BACKOFF_MS: '200',
      JOB_LOCK_MS: '2000',
    });
    w = await createWorld(t);
    const patched = await t.http.patch(`/api/organisations/${w.police.id}`).set('Authorization', w.admin).send({ webhookUrl: hooks.url });
    expect(patched.status).toBe(200);
    hooks.secret = patched.body.webhookSecret;
    worker = startWorker(t.env);
    await worker.ready;
  });

  afterAll(async () => {
    const clean = await worker?.stop();
    await t?.close();
    await hooks?.close();
    await smtp?.close();
    // SIGTERM is graceful: the worker finishes its jobs and exits cleanly.
    if (!clean) process.stderr.write(`worker output tail:\n${worker.output.join('').slice(-6000)}\n`);
    expect(clean).toBe(true);
  });

  const kinds = (items: InboxItem[], taskId: string) => items.filter((n) => n.taskId === taskId).map((n) => n.kind).sort();

  it('runs the whole chain', async () => {
    [a, b] = await createPoliceTasks(t, w, 2, 'FLOW');
    await issueAll(t, w, [a, b]);
    // B is accepted at once: its acceptance chain is cancelled, its due chain planned.
    await t.http.post(`/api/tasks/${b.id}/accept`).set('Authorization', w.policeUser).send({}).expect(200);
    const bReminders = await remindersOf(t, w.policeUser, b.id);
    expect(bReminders.filter((r) => r.kind.startsWith('acceptance')).map((r) => r.status)).toEqual(['cancelled', 'cancelled']);
    expect(bReminders.filter((r) => r.kind === 'due-reminder').map((r) => r.status)).toEqual(['scheduled', 'scheduled']);

    // 1. The partner's inbox gets A's acceptance reminder (at 2 s).
    const partnerInbox = await eventually(() => inbox(t, w.policeUser), (items) => kinds(items, a.id).includes('acceptance-reminder'), 8000);
    expect(kinds(partnerInbox, a.id)).toEqual(['acceptance-reminder']);

    // 2. Coordinators get A's escalation when the deadline passes (at 4 s); B, accepted, escalates nothing.
    const coordInbox = await eventually(() => inbox(t, w.coordinator), (items) => kinds(items, a.id).includes('acceptance-escalation'), 8000);
    expect(kinds(coordInbox, a.id)).toEqual(['acceptance-escalation']);
    expect(kinds(coordInbox, b.id)).toEqual([]);

    // 3. Both due reminders of B arrive (at 4 s and 8 s), and nothing of B's acceptance chain ever did.
    const later = await eventually(() => inbox(t, w.policeUser), (items) => kinds(items, b.id).length >= 2, 10000);
    expect(kinds(later, b.id)).toEqual(['due-reminder', 'due-reminder']);
    expect([...countByReminder(later).values()].every((n) => n === 1)).toBe(true);
    const aReminders = await remindersOf(t, w.coordinator, a.id);
    expect(aReminders.map((r) => [r.kind, r.status])).toEqual([
      ['acceptance-reminder', 'sent'],
      ['acceptance-escalation', 'sent'],
    ]);

    // Partners of other organisations, and analysts, hear nothing about police tasks.
    for (const other of [w.taxUser, w.councilUser, w.analyst]) expect(await inbox(t, other)).toEqual([]);

    // 4. The webhook received correctly signed payloads, one per delivery.
    const received = await eventually(async () => hooks.accepted, (r) => r.length >= 3, 5000);
    expect(hooks.received.every((r) => r.verified)).toBe(true);
    expect(received.map((r) => `${r.body.kind}:${(r.body.task as { id: string }).id}`).sort()).toEqual(
      [`acceptance-reminder:${a.id}`, `due-reminder:${b.id}`, `due-reminder:${b.id}`].sort(),
    );
    expect(new Set(received.map((r) => r.deliveryId)).size).toBe(received.length);
    expect(received[0].headers['x-taskforce-signature']).toMatch(/^sha256=[0-9a-f]{64}$/);
    expect(received[0].headers['x-taskforce-timestamp']).toMatch(/^\d+$/);
    expect(received[0].headers['content-type']).toBe('application/json');

    // 5. The SMTP listener received the emails: the partner's reminders, the coordinator's escalation.
    const mail = await eventually(async () => smtp.messages, (m) => m.length >= 4, 5000);
    const to = (address: string) => mail.filter((m) => m.to.includes(address)).map((m) => m.subject);
    expect(to('officer@police.e2e.example').filter((s) => s.includes('Please accept or decline'))).toHaveLength(1);
    expect(to('officer@police.e2e.example').filter((s) => s.includes('Due '))).toHaveLength(2);
    expect(to('coord@e2e.example').filter((s) => s.includes('Not accepted by the deadline'))).toHaveLength(1);
    expect(mail.every((m) => m.to.length === 1)).toBe(true);
  });

  it('shows a task\'s reminders to whoever may see the task, and 404 to other organisations', async () => {
    const mine = await t.http.get(`/api/tasks/${a.id}/reminders`).set('Authorization', w.policeUser).expect(200);
    expect(mine.body.items[0]).toEqual(
      expect.objectContaining({ id: expect.any(String), kind: 'acceptance-reminder', occurrence: 1, audience: 'lead', status: 'sent', fireAt: expect.any(String), sentAt: expect.any(String) }),
    );
    await t.http.get(`/api/tasks/${a.id}/reminders`).set('Authorization', w.analyst).expect(200);
    await t.http.get(`/api/tasks/${a.id}/reminders`).set('Authorization', w.taxUser).expect(404);
    await t.http.get('/api/tasks/00000000-0000-4000-8000-000000000000/reminders').set('Authorization', w.coordinator).expect(404);
    await t.http.get('/api/tasks/not-a-uuid/reminders').set('Authorization', w.coordinator).expect(404);
  });

  it('keeps each inbox to its owner: unread filter, mark read, others\' ids answer 404', async () => {
    const before = await t.http.get('/api/notifications?unread=true').set('Authorization', w.policeUser).expect(200);
    expect(before.body).toMatchObject({ total: expect.any(Number), limit: expect.any(Number), offset: 0 });
    const first = before.body.items[0] as InboxItem;
    await t.http.post(`/api/notifications/${first.id}/read`).set('Authorization', w.coordinator).expect(404);
    await t.http.post(`/api/notifications/${first.id}/read`).set('Authorization', w.taxUser).expect(404);
    const read = await t.http.post(`/api/notifications/${first.id}/read`).set('Authorization', w.policeUser).expect(200);
    expect(read.body).toMatchObject({ id: first.id, read: true, readAt: expect.any(String) });
    const again = await t.http.post(`/api/notifications/${first.id}/read`).set('Authorization', w.policeUser).expect(200);
    expect(again.body.readAt).toBe(read.body.readAt);
    const after = await t.http.get('/api/notifications?unread=true').set('Authorization', w.policeUser).expect(200);
    expect(after.body.total).toBe(before.body.total - 1);
    expect(after.body.items.map((n: InboxItem) => n.id)).not.toContain(first.id);
    await t.http.post('/api/notifications/nope/read').set('Authorization', w.policeUser).expect(404);
    await t.http.get('/api/notifications?unread=maybe').set('Authorization', w.policeUser).expect(400);
  });

  it('shows deliveries to coordinators only, and the queue dashboard to admins only', async () => {
    const list = await t.http.get('/api/deliveries?status=delivered&channel=webhook').set('Authorization', w.coordinator).expect(200);
    expect(list.body.total).toBeGreaterThanOrEqual(3);
    expect(list.body.items[0]).toMatchObject({ channel: 'webhook', status: 'delivered', attempts: 1, attemptLog: [expect.objectContaining({ attempt: 1, statusCode: 204 })] });
    await t.http.get('/api/deliveries').set('Authorization', w.policeUser).expect(403);
    // Scope before role: the lead's partner is refused (403), another organisation's gets 404.
    await t.http.get(`/api/tasks/${b.id}/deliveries`).set('Authorization', w.policeUser).expect(403);
    await t.http.get(`/api/tasks/${b.id}/deliveries`).set('Authorization', w.taxUser).expect(404);
    await t.http.get(`/api/tasks/${b.id}/deliveries`).set('Authorization', w.analyst).expect(403);
    const ofB = await t.http.get(`/api/tasks/${b.id}/deliveries`).set('Authorization', w.coordinator).expect(200);
    expect(ofB.body.items.map((d: { channel: string }) => d.channel).sort()).toEqual(['email', 'email', 'webhook', 'webhook']);

    const admin = await t.login(ADMIN.email, ADMIN.password);
    const dash = await t.http.get('/api/admin/queues').set('Authorization', admin).expect(200);
    expect(dash.body.redis).toBe('up');
    expect(dash.body.queues.map((q: { name: string }) => q.name)).toEqual(['reminders', 'deliveries']);
    expect(dash.body.queues[0].counts).toEqual(expect.objectContaining({ completed: expect.any(Number), failed: 0, delayed: expect.any(Number) }));
    expect(dash.body.outbox).toEqual(expect.objectContaining({ remindersNotQueued: 0, deliveriesFailed: 0 }));
    await t.http.get('/api/admin/queues/reminders/jobs?state=completed&limit=5').set('Authorization', admin).expect(200);
    await t.http.get('/api/admin/queues/nope/jobs').set('Authorization', admin).expect(404);
    await t.http.get('/api/admin/queues').set('Authorization', w.coordinator).expect(403);
  });

  it('retries a failing webhook with backoff: fails twice, then delivered once with 3 attempts recorded', async () => {
    hooks.failFirst(2);
    const [c] = await createPoliceTasks(t, w, 1, 'HOOK');
    await issueAll(t, w, [c]);
    const webhook = async () => {
      const res = await t.http.get(`/api/tasks/${c.id}/deliveries`).set('Authorization', w.coordinator).expect(200);
      return (res.body.items as Array<{ channel: string; status: string; attempts: number; attemptLog: Array<{ attempt: number; statusCode: number | null; error: string | null }> }>).find(
        (d) => d.channel === 'webhook',
      );
    };
    const delivered = await eventually(webhook, (d) => d?.status === 'delivered', 12000);
    expect(delivered).toMatchObject({ status: 'delivered', attempts: 3 });
    expect(delivered!.attemptLog.map((x) => [x.attempt, x.statusCode])).toEqual([
      [1, 500],
      [2, 500],
      [3, 204],
    ]);
    expect(delivered!.attemptLog[0].error).toBe('HTTP 500');
    const forC = hooks.received.filter((r) => (r.body.task as { id: string } | undefined)?.id === c.id);
    expect(forC.map((r) => r.status)).toEqual([500, 500, 204]);
    expect(new Set(forC.map((r) => r.deliveryId)).size).toBe(1);
  });

  it('escalates overdue work to coordinators, asks for progress on work in progress, and stops when done', async () => {
    const [c] = await createPoliceTasks(t, w, 1, 'PROG');
    await issueAll(t, w, [c]);
    await t.http.post(`/api/tasks/${c.id}/accept`).set('Authorization', w.policeUser).send({}).expect(200);
    await t.http.post(`/api/tasks/${c.id}/start`).set('Authorization', w.policeUser).send({}).expect(200);
    const only = (items: InboxItem[], taskId: string, kind: string) => kinds(items, taskId).filter((k) => k === kind);

    // C, in progress: progress requests 3 s and 6 s after the start, to the lead partner.
    const prog = await eventually(() => inbox(t, w.policeUser), (items) => only(items, c.id, 'progress-request').length >= 2, 15000);
    expect(only(prog, c.id, 'progress-request')).toHaveLength(2);

    // B, accepted in the first test and never completed, is overdue 12 s after issue: escalations at
    // 12 s and 16 s go to coordinators, never to the partner.
    const esc = await eventually(() => inbox(t, w.coordinator), (items) => only(items, b.id, 'overdue-escalation').length >= 2, 20000);
    expect(only(esc, b.id, 'overdue-escalation')).toHaveLength(2);
    expect(kinds(await inbox(t, w.policeUser), b.id)).not.toContain('overdue-escalation');

    // Completing C cancels whatever of its chain was still scheduled.
    await t.http.post(`/api/tasks/${c.id}/complete`).set('Authorization', w.policeUser).send({ outcome: 'Two arrests, premises closed' }).expect(200);
    const after = await remindersOf(t, w.coordinator, c.id);
    expect(after.filter((r) => r.status === 'scheduled')).toEqual([]);
  });

});
