import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { AuditLogEntity, entryHash } from '@app/audit';
import { ADMIN, engine, startTestApp, type TestApp } from './support/test-app';
import { createWorld, PASSWORD, type World } from './support/fixtures';
import { threat } from './support/threats';

/*
 * The audit log end to end, over real HTTP against the real app (SQLite by default, PostgreSQL with
 * TEST_DATABASE_URL): state changes produce entries (actor, organisation, before and after), the
 * chain verifies, tampering straight in the database is detected and named, partners are refused,
 * and concurrent lifecycle actions never fork the chain.
 */

interface Entry {
  id: string;
  seq: number;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  prevHash: string;
  hash: string;
}

interface Page {
  items: Entry[];
  total: number;
  limit: number;
  offset: number;
}

describe(`audit (${engine()})`, () => {
  let t: TestApp;
  let w: World;
  let ds: DataSource;
  const userId: Record<string, string> = {};

  const audit = async (query: Record<string, string | number> = {}): Promise<Page> =>
    (await t.http.get('/api/audit').query(query).set('Authorization', w.coordinator).expect(200)).body;
  const verify = async (as = w.coordinator) => (await t.http.get('/api/audit/verify').set('Authorization', as).expect(200)).body;
  /** Every entry, oldest first, paging through the API. */
  const everything = async (): Promise<Entry[]> => {
    const out: Entry[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await audit({ limit: 200, offset });
      out.push(...page.items);
      if (out.length >= page.total || !page.items.length) return out.reverse();
    }
  };
  const upload = async (title: string, refs: string[]) =>
    (
      await t.http
        .post('/api/assessments')
        .set('Authorization', w.analyst)
        .send({ title, threats: refs.map((ref) => threat(ref)) })
        .expect(201)
    ).body as { id: string; revision: number; scoringVersion: string; threats: Array<{ id: string; ref: string; band: string }>; plan: { tasks: Array<{ id: string; organisationId: string | null }> } };

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    ds = t.app.get<DataSource>(getDataSourceToken());
    const users = (await t.http.get('/api/users').query({ limit: 200 }).set('Authorization', w.admin).expect(200)).body.items as Array<{ id: string; email: string }>;
    for (const u of users) userId[u.email] = u.id;
  });
  afterAll(() => t?.close());

  describe('what is recorded', () => {
    it('records the bootstrap as system work, and organisations and users created by the admin', async () => {
      const orgs = await audit({ entityType: 'organisation', action: 'organisation.created', limit: 200 });
      const bootstrap = orgs.items.find((e) => e.entityId === w.taskforce.id)!;
      expect(bootstrap).toMatchObject({ actorId: null, actorRole: null, organisationId: null, before: null, after: { kind: 'taskforce' } });

      const police = orgs.items.find((e) => e.entityId === w.police.id)!;
      expect(police).toMatchObject({
        action: 'organisation.created',
        actorId: userId[ADMIN.email],
        actorRole: 'admin',
        organisationId: w.taskforce.id,
        before: null,
        after: { id: w.police.id, name: 'North West Police', capacity: 50, version: 1 },
      });

      const users = await audit({ entityType: 'user', action: 'user.created', limit: 200 });
      const coord = users.items.find((e) => e.entityId === userId['coord@e2e.example'])!;
      expect(coord).toMatchObject({ actorId: userId[ADMIN.email], after: { email: 'coord@e2e.example', role: 'coordinator', organisationId: w.taskforce.id } });
      // Never the password or its hash.
      const text = JSON.stringify(users.items);
      expect(text).not.toMatch(/passwordHash/i);
      expect(text).not.toContain(PASSWORD);
    });

    it('records an organisation update with before and after, never the webhook URL or secret', async () => {
      const created = await t.http
        .post('/api/organisations')
        .set('Authorization', w.admin)
        .send({ name: 'Border Agency', kind: 'partner', capabilities: ['border-control'], jurisdictions: ['national'], clearance: 'SECRET', capacity: 5, webhookUrl: 'https://hooks.border.example/taskforce' })
        .expect(201);
      await t.http.patch(`/api/organisations/${created.body.id}`).set('Authorization', w.admin).send({ capacity: 8 }).expect(200);
      const { items } = await audit({ entityType: 'organisation', entityId: created.body.id });
      expect(items.map((e) => e.action)).toEqual(['organisation.updated', 'organisation.created']);
      expect(items[0]).toMatchObject({ actorRole: 'admin', before: { capacity: 5, version: 1 }, after: { capacity: 8, version: 2 } });
      const text = JSON.stringify(items);
      expect(text).not.toContain(created.body.webhookSecret);
      expect(text).not.toContain('hooks.border.example');
    });

    it('records the vision set, with the previous vision as before', async () => {
      const vision = (title: string) => ({ title, aims: ['Reduce harm'], objectives: [{ code: 'OBJ-1', title: 'Disrupt networks', strands: ['pursue'] }] });
      await t.http.put('/api/vision').set('Authorization', w.coordinator).send(vision('First')).expect(200);
      await t.http.put('/api/vision').set('Authorization', w.coordinator).send(vision('Second')).expect(200);
      const { items } = await audit({ entityType: 'vision' });
      expect(items.map((e) => [e.action, (e.before as { title?: string } | null)?.title ?? null, (e.after as { title: string }).title])).toEqual([
        ['vision.set', 'First', 'Second'],
        ['vision.set', null, 'First'],
      ]);
      expect(items[0]).toMatchObject({ entityId: 'current', actorId: userId['coord@e2e.example'], actorRole: 'coordinator', organisationId: w.taskforce.id });
    });

    it('summarises a stored revision and its plan in one entry each, never one per created task', async () => {
      const up = await upload('Audit plan', ['T-A1', 'T-A2', 'T-A3']);
      expect(up.plan.tasks.length).toBeGreaterThanOrEqual(3);
      const { items } = await audit({ entityType: 'assessment', entityId: up.id });
      expect(items.map((e) => e.action)).toEqual(['assessment.revision_stored', 'plan.generated']);
      const [revision, plan] = items;
      expect(revision).toMatchObject({
        actorId: userId['analyst@e2e.example'],
        actorRole: 'analyst',
        organisationId: w.taskforce.id,
        before: null,
        after: { revision: 1, scoringVersion: up.scoringVersion, threats: 3, diff: null, title: 'Audit plan' },
      });
      const routed = up.plan.tasks.filter((x) => x.organisationId).length;
      expect(plan).toMatchObject({ actorRole: 'analyst', after: { revision: 1, tasks: up.plan.tasks.length, routed, unrouted: up.plan.tasks.length - routed } });
      expect((await audit({ action: 'task.create' })).total).toBe(0);

      const next = [threat('T-A1'), threat('T-A2', { title: 'Changed' }), threat('T-A4')];
      await t.http.post(`/api/assessments/${up.id}/revisions`).set('Authorization', w.analyst).send({ threats: next, baseRevision: 1 }).expect(201);
      const rev2 = (await audit({ entityType: 'assessment', entityId: up.id, action: 'assessment.revision_stored' })).items[0];
      expect(rev2).toMatchObject({ before: { revision: 1, threats: 3 }, after: { revision: 2, threats: 3, diff: { added: 1, removed: 1, changed: 1 } } });
    });

    it('records a threat override with the band before and after and the reason', async () => {
      const up = await upload('Audit override', ['T-O1']);
      const th = up.threats[0];
      await t.http.put(`/api/threats/${th.id}/override`).set('Authorization', w.coordinator).send({ band: 'P4', reason: 'Network dismantled last week' }).expect(200);
      const { items } = await audit({ entityType: 'threat', entityId: th.id });
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        action: 'threat.override',
        actorId: userId['coord@e2e.example'],
        organisationId: w.taskforce.id,
        before: { ref: 'T-O1', band: th.band, effectiveBand: th.band, overrideBand: null, overrideReason: null },
        after: { ref: 'T-O1', band: th.band, effectiveBand: 'P4', overrideBand: 'P4', overrideReason: 'Network dismantled last week' },
      });
    });

    it('records each lifecycle change with actor, organisation, before and after', async () => {
      const up = await upload('Audit lifecycle', ['T-L1', 'T-L2']);
      const [a, b] = up.plan.tasks.filter((x) => x.organisationId === w.police.id);
      for (const id of [a.id, b.id]) await t.http.post(`/api/tasks/${id}/issue`).set('Authorization', w.coordinator).send({}).expect(200);
      await t.http.post(`/api/tasks/${a.id}/accept`).set('Authorization', w.policeUser).send({}).expect(200);
      await t.http.post(`/api/tasks/${a.id}/start`).set('Authorization', w.policeUser).send({}).expect(200);
      await t.http.post(`/api/tasks/${b.id}/decline`).set('Authorization', w.policeUser).send({ reason: 'No officers free this quarter' }).expect(200);

      const { items } = await audit({ entityType: 'task', entityId: a.id });
      expect(items.map((e) => e.action)).toEqual(['task.start', 'task.accept', 'task.issue']);
      expect(items[2]).toMatchObject({
        actorId: userId['coord@e2e.example'],
        actorRole: 'coordinator',
        organisationId: w.taskforce.id,
        before: { id: a.id, status: 'proposed', version: 1, acceptBy: null },
        after: { id: a.id, status: 'assigned', version: 2, acceptBy: expect.any(String) },
      });
      expect(items[1]).toMatchObject({
        actorId: userId['officer@police.e2e.example'],
        actorRole: 'partner',
        organisationId: w.police.id,
        before: { status: 'assigned', version: 2 },
        after: { status: 'accepted', version: 3 },
      });
      const decline = (await audit({ entityType: 'task', entityId: b.id, action: 'task.decline' })).items[0];
      expect(decline).toMatchObject({ organisationId: w.police.id, before: { status: 'assigned' }, after: { status: 'declined', reason: 'No officers free this quarter' } });
    });

    it('records feedback posted by a partner', async () => {
      const up = await upload('Audit feedback', ['T-F1']);
      const task = up.plan.tasks.find((x) => x.organisationId === w.police.id)!;
      await t.http.post(`/api/tasks/${task.id}/issue`).set('Authorization', w.coordinator).send({}).expect(200);
      const fb = await t.http
        .post(`/api/tasks/${task.id}/feedback`)
        .set('Authorization', w.policeUser)
        .send({ kind: 'new-intelligence', detail: 'A second stash house in Blackpool', suggests: 'raise' })
        .expect(201);
      const { items } = await audit({ entityType: 'feedback', entityId: fb.body.id });
      expect(items).toEqual([
        expect.objectContaining({
          action: 'feedback.posted',
          actorId: userId['officer@police.e2e.example'],
          actorRole: 'partner',
          organisationId: w.police.id,
          before: null,
          after: expect.objectContaining({ taskId: task.id, kind: 'new-intelligence', suggests: 'raise', detail: 'A second stash house in Blackpool' }),
        }),
      ]);
    });

    it('records nothing for a dry run or a refused change', async () => {
      const before = (await audit()).total;
      await t.http.post('/api/assessments?dryRun=true').set('Authorization', w.analyst).send({ title: 'Dry', threats: [threat('T-D1')] }).expect(201);
      await t.http.post('/api/organisations').set('Authorization', w.admin).send({ name: 'North West Police', kind: 'partner', capabilities: ['cyber'], jurisdictions: ['ENG-NW'], clearance: 'SECRET', capacity: 1 }).expect(409);
      expect((await audit()).total).toBe(before);
    });
  });

  describe('reading the log', () => {
    it('lists newest first with { items, total, limit, offset } and filters by actor, action and time', async () => {
      const all = await everything();
      const page = await audit({ limit: 3, offset: 1 });
      expect(page).toMatchObject({ limit: 3, offset: 1, total: all.length });
      expect(page.items.map((e) => e.seq)).toEqual([all.length - 1, all.length - 2, all.length - 3]);

      const byPartner = await audit({ actorId: userId['officer@police.e2e.example'], limit: 200 });
      expect(byPartner.total).toBeGreaterThan(0);
      expect(byPartner.items.every((e) => e.actorId === userId['officer@police.e2e.example'])).toBe(true);

      const mid = all[Math.floor(all.length / 2)].at;
      const since = await audit({ from: mid, limit: 200 });
      expect(since.total).toBe(all.filter((e) => e.at >= mid).length);
      const until = await audit({ to: mid, action: 'task.issue', limit: 200 });
      expect(until.total).toBe(all.filter((e) => e.at <= mid && e.action === 'task.issue').length);

      await t.http.get('/api/audit').query({ from: 'yesterday' }).set('Authorization', w.coordinator).expect(400);
      await t.http.get('/api/audit').query({ colour: 'red' }).set('Authorization', w.coordinator).expect(400);
    });

    it('is for coordinators and admins only: partners and analysts get 403', async () => {
      for (const who of [w.policeUser, w.taxUser, w.analyst]) {
        await t.http.get('/api/audit').set('Authorization', who).expect(403);
        await t.http.get('/api/audit/verify').set('Authorization', who).expect(403);
      }
      await t.http.get('/api/audit').expect(401);
      await t.http.get('/api/audit').set('Authorization', w.admin).expect(200);
      expect(await verify(w.admin)).toMatchObject({ ok: true });
    });
  });

  describe('the chain', () => {
    it('verifies: every entry checked, linked to its predecessor', async () => {
      const all = await everything();
      expect(await verify()).toEqual({ ok: true, checked: all.length });
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(all[0].prevHash).toBe('0'.repeat(64));
      for (let i = 1; i < all.length; i++) expect(all[i].prevHash).toBe(all[i - 1].hash);
    });

    it('never forks under concurrent lifecycle actions', async () => {
      const refs = Array.from({ length: 12 }, (_, i) => `T-C${i}`);
      const up = await upload('Audit concurrency', refs);
      const tasks = up.plan.tasks.filter((x) => x.organisationId === w.police.id);
      expect(tasks.length).toBeGreaterThanOrEqual(12);
      const issueBefore = (await audit({ action: 'task.issue' })).total;
      const acceptBefore = (await audit({ action: 'task.accept' })).total;

      // Issues, plus other audited writes at the same time.
      const issued = await Promise.all([
        ...tasks.map((x) => t.http.post(`/api/tasks/${x.id}/issue`).set('Authorization', w.coordinator).send({})),
        t.http.patch(`/api/organisations/${w.council.id}`).set('Authorization', w.admin).send({ capacity: 11 }),
        t.http.put('/api/vision').set('Authorization', w.coordinator).send({ title: 'Concurrent', aims: ['a'], objectives: [{ code: 'OBJ-1', title: 'o', strands: ['pursue'] }] }),
      ]);
      expect(issued.map((r) => r.status)).toEqual(issued.map(() => 200));

      // Two accepts per task at once: exactly one of each pair wins, and only it is audited.
      const accepts = await Promise.all(tasks.flatMap((x) => [1, 2].map(() => t.http.post(`/api/tasks/${x.id}/accept`).set('Authorization', w.policeUser).send({}))));
      const won = accepts.filter((r) => r.status === 200).length;
      expect(won).toBe(tasks.length);
      expect(accepts.filter((r) => r.status === 409)).toHaveLength(tasks.length);

      expect((await audit({ action: 'task.issue' })).total).toBe(issueBefore + tasks.length);
      expect((await audit({ action: 'task.accept' })).total).toBe(acceptBefore + tasks.length);
      const all = await everything();
      expect(await verify()).toEqual({ ok: true, checked: all.length });
      expect(all.map((e) => e.seq)).toEqual(all.map((_, i) => i + 1));
      expect(new Set(all.map((e) => e.prevHash)).size).toBe(all.length);
    });

    it('detects an entry altered in the database and names it', async () => {
      // Not the newest entry: there must be a next one whose link the forgery below breaks.
      const entry = (await audit({ action: 'task.accept', limit: 1, offset: 1 })).items[0];
      const repo = ds.getRepository(AuditLogEntity);
      const original = await repo.findOneByOrFail({ id: entry.id });

      // An outcome quietly rewritten: the stored hash no longer matches.
      await repo.update({ id: entry.id }, { after: original.after!.replace('"accepted"', '"declined"') });
      expect(await verify()).toMatchObject({ ok: false, firstBrokenId: entry.id });

      // Someone who also rewrites that entry's hash breaks the link from the next entry instead.
      const forged = JSON.parse(original.after!) as Record<string, unknown>;
      const hash = entryHash(original.prevHash, { ...original, before: JSON.parse(original.before!), after: { ...forged, status: 'declined' } });
      await repo.update({ id: entry.id }, { hash });
      const next = await repo.findOneByOrFail({ seq: original.seq + 1 });
      expect(await verify()).toMatchObject({ ok: false, firstBrokenId: next.id });

      // Restored, the chain verifies again.
      await repo.update({ id: entry.id }, { after: original.after, hash: original.hash });
      expect(await verify()).toMatchObject({ ok: true });
    });

    it('detects an entry deleted from the middle of the log', async () => {
      const all = await everything();
      const victim = all[Math.floor(all.length / 2)];
      await ds.getRepository(AuditLogEntity).delete({ id: victim.id });
      const res = await verify();
      expect(res).toMatchObject({ ok: false, firstBrokenId: all[Math.floor(all.length / 2) + 1].id });
    });
  });
});
