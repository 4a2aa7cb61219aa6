import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, type World } from './support/fixtures';
import { threat } from './support/threats';

/*
 * Partner feedback on threats, end to end over real HTTP (SQLite by default, PostgreSQL with
 * TEST_DATABASE_URL): posting on a task (lead and supporters only), the per-task and per-threat reads
 * and their scope, open counts on the assessment, and marking feedback addressed by a revision,
 * atomically with it.
 *
 * T-SAFE needs safeguarding in ENG-NW at OFFICIAL: North West Police and Northtown Council are both
 * eligible, so one leads and the other supports; National Revenue Agency (no safeguarding) is the
 * uninvolved partner. T-FIN gives the analyst a second threat whose feedback must not mix in.
 */

interface Task {
  id: string;
  threatId: string;
  threatRef: string;
  title: string;
  organisationId: string | null;
  supporterIds: string[];
}

interface Feedback {
  id: string;
  taskId: string;
  taskTitle: string;
  threatId: string;
  threatRef: string;
  organisationId: string;
  organisationName: string;
  kind: string;
  detail: string;
  suggests: string;
  status: string;
  addressedRevision: number | null;
  addressedAt: string | null;
  addressedBy?: string | null;
  createdAt: string;
}

interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

const harm = (n: number) => ({ physical: n, psychological: n, financial: n, community: n, environmental: n });
const P1 = { harm: harm(3), likelihood: 5, trend: 'stable' };

const THREATS = [
  threat('T-SAFE', {
    ...P1,
    classification: 'OFFICIAL',
    regions: ['ENG-NW'],
    recommendedActions: [{ strand: 'protect', capability: 'safeguarding', description: 'Safeguard children running lines', dueInDays: 14 }],
  }),
  threat('T-FIN', {
    ...P1,
    crimeArea: 'money-laundering',
    classification: 'OFFICIAL',
    regions: ['national'],
    recommendedActions: [{ strand: 'pursue', capability: 'financial-investigation', description: 'Trace the accounts' }],
  }),
];

describe('threat feedback', () => {
  let t: TestApp;
  let w: World;
  let assessmentId: string;
  let revision: number;
  let safe: Task;
  let fin: Task;
  let lead: string;
  let supporter: string;
  let leadOrgName: string;
  const posted: Record<string, Feedback> = {};

  const post = (path: string, auth: string, body: Record<string, unknown>) => t.http.post(path).set('Authorization', auth).send(body);
  /** Lists are newest first by millisecond timestamp: a pause keeps the posts' order unambiguous. */
  const postFeedback = async (taskId: string, auth: string, body: Record<string, unknown>) => {
    await new Promise((r) => setTimeout(r, 3));
    return post(`/api/tasks/${taskId}/feedback`, auth, body).expect(201);
  };
  const get = (path: string, auth: string) => t.http.get(path).set('Authorization', auth);
  const threatFeedback = async (threatId: string, query = '') => {
    const res = await get(`/api/threats/${threatId}/feedback${query}`, w.analyst).expect(200);
    return res.body as Page<Feedback>;
  };
  const assessment = async () => (await get(`/api/assessments/${assessmentId}`, w.analyst).expect(200)).body;
  const revise = (body: Record<string, unknown>) => post(`/api/assessments/${assessmentId}/revisions`, w.analyst, { threats: THREATS, ...body });

  beforeAll(async () => {
    t = await startTestApp();
    w = await createWorld(t);
    const res = await post('/api/assessments', w.analyst, { title: 'Feedback assessment', threats: THREATS }).expect(201);
    assessmentId = res.body.id;
    // Partners see a task, and everything under it, only once a coordinator has issued it.
    await post('/api/tasks/issue', w.coordinator, { assessmentId }).expect(200);
    revision = res.body.revision;
    const tasks = res.body.plan.tasks as Task[];
    safe = tasks.find((x) => x.threatRef === 'T-SAFE')!;
    fin = tasks.find((x) => x.threatRef === 'T-FIN')!;
    expect(safe.supporterIds).toHaveLength(1);
    expect(fin.organisationId).toBe(w.tax.id);
    const byOrg: Record<string, string> = { [w.police.id]: w.policeUser, [w.council.id]: w.councilUser };
    lead = byOrg[safe.organisationId!];
    supporter = byOrg[safe.supporterIds[0]];
    leadOrgName = safe.organisationId === w.police.id ? w.police.name : w.council.name;
  });

  afterAll(async () => {
    await t?.close();
  });

  describe('posting on a task', () => {
    it('lets a partner of the lead organisation post feedback (201)', async () => {
      const res = await postFeedback(safe.id, lead, {
        kind: 'new-intelligence',
        detail: '  Two new stash addresses identified in Blackpool  ',
        suggests: 'raise',
      });
      posted.lead = res.body;
      expect(res.body).toMatchObject({
        taskId: safe.id,
        taskTitle: safe.title,
        threatId: safe.threatId,
        threatRef: 'T-SAFE',
        organisationId: safe.organisationId,
        organisationName: leadOrgName,
        kind: 'new-intelligence',
        detail: 'Two new stash addresses identified in Blackpool',
        suggests: 'raise',
        status: 'open',
        addressedRevision: null,
        addressedAt: null,
      });
      expect(res.body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(res.body).not.toHaveProperty('addressedBy');
    });

    it('lets a supporter post too; suggests defaults to none', async () => {
      const res = await postFeedback(safe.id, supporter, { kind: 'assessment-challenge', detail: 'The activity has moved inland' });
      posted.supporter = res.body;
      expect(res.body).toMatchObject({ organisationId: safe.supporterIds[0], suggests: 'none', status: 'open' });
    });

    it("answers 404 to a partner of an uninvolved organisation, as for the task itself", async () => {
      await post(`/api/tasks/${safe.id}/feedback`, w.taxUser, { kind: 'outcome', detail: 'x' }).expect(404);
      await post('/api/tasks/00000000-0000-4000-8000-000000000000/feedback', w.policeUser, { kind: 'outcome', detail: 'x' }).expect(404);
      await post('/api/tasks/not-a-task/feedback', w.policeUser, { kind: 'outcome', detail: 'x' }).expect(404);
    });

    it('answers 404 to the lead and the supporter of a task not yet issued (it is still internal)', async () => {
      const res = await post('/api/assessments', w.analyst, { title: 'Not issued', threats: [THREATS[0]] }).expect(201);
      const proposed = (res.body.plan.tasks as Task[])[0];
      const byOrg: Record<string, string> = { [w.police.id]: w.policeUser, [w.council.id]: w.councilUser };
      for (const auth of [byOrg[proposed.organisationId!], byOrg[proposed.supporterIds[0]]]) {
        await post(`/api/tasks/${proposed.id}/feedback`, auth, { kind: 'outcome', detail: 'x' }).expect(404);
        await get(`/api/tasks/${proposed.id}/feedback`, auth).expect(404);
      }
      await get(`/api/tasks/${proposed.id}/feedback`, w.coordinator).expect(200);
    });

    it('refuses coordinators, analysts and admins (403): feedback is the partners’ voice', async () => {
      for (const auth of [w.coordinator, w.analyst, w.admin]) {
        await post(`/api/tasks/${safe.id}/feedback`, auth, { kind: 'outcome', detail: 'x' }).expect(403);
      }
    });

    it('rejects bad input with 400, never 500', async () => {
      const url = `/api/tasks/${safe.id}/feedback`;
      const bad = await post(url, lead, { kind: 'gossip', detail: 'x' }).expect(400);
      expect(bad.body.errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'kind' })]));
      await post(url, lead, { detail: 'x' }).expect(400);
      await post(url, lead, { kind: 'outcome', detail: '   ' }).expect(400);
      await post(url, lead, { kind: 'outcome', detail: 'x'.repeat(5001) }).expect(400);
      await post(url, lead, { kind: 'outcome', detail: 42 }).expect(400);
      await post(url, lead, { kind: 'outcome', detail: 'x', suggests: 'sideways' }).expect(400);
      await post(url, lead, { kind: 'outcome', detail: 'x', severity: 'high' }).expect(400);
      posted.long = (await postFeedback(safe.id, lead, { kind: 'outcome', detail: 'x'.repeat(5000) })).body;
    });

    it("keeps the other threat's feedback apart", async () => {
      const res = await post(`/api/tasks/${fin.id}/feedback`, w.taxUser, { kind: 'outcome', detail: 'Accounts frozen', suggests: 'lower' }).expect(201);
      posted.fin = res.body;
    });
  });

  describe('reading a task’s feedback', () => {
    it("shows a partner only its own organisation's feedback, newest first", async () => {
      const mine = (await get(`/api/tasks/${safe.id}/feedback`, lead).expect(200)).body as Page<Feedback>;
      expect(mine.total).toBe(2);
      expect(mine.items.map((f) => f.id)).toEqual([posted.long.id, posted.lead.id]);
      expect(mine.items.every((f) => f.organisationId === safe.organisationId)).toBe(true);
      const theirs = (await get(`/api/tasks/${safe.id}/feedback`, supporter).expect(200)).body as Page<Feedback>;
      expect(theirs).toMatchObject({ total: 1, items: [{ id: posted.supporter.id }] });
    });

    it('shows coordinators everything, paged', async () => {
      const all = (await get(`/api/tasks/${safe.id}/feedback`, w.coordinator).expect(200)).body as Page<Feedback>;
      expect(all.total).toBe(3);
      const page = (await get(`/api/tasks/${safe.id}/feedback?limit=1&offset=1`, w.coordinator).expect(200)).body as Page<Feedback>;
      expect(page).toMatchObject({ total: 3, limit: 1, offset: 1, items: [{ id: all.items[1].id }] });
      await get(`/api/tasks/${safe.id}/feedback?limit=0`, w.coordinator).expect(400);
    });

    it('hides it from uninvolved partners (404) and sends analysts to the threat route (403)', async () => {
      await get(`/api/tasks/${safe.id}/feedback`, w.taxUser).expect(404);
      await get(`/api/tasks/${safe.id}/feedback`, w.analyst).expect(403);
    });
  });

  describe('reading a threat’s feedback', () => {
    it('gives analysts and coordinators the threat’s feedback, newest first, with organisation and task', async () => {
      const page = await threatFeedback(safe.threatId);
      expect(page).toMatchObject({ total: 3, limit: 50, offset: 0 });
      expect(page.items.map((f) => f.id)).toEqual([posted.long.id, posted.supporter.id, posted.lead.id]);
      expect(page.items[2]).toMatchObject({
        organisationName: leadOrgName,
        kind: 'new-intelligence',
        suggests: 'raise',
        status: 'open',
        taskId: safe.id,
        taskTitle: safe.title,
        addressedBy: null,
      });
      const coord = await get(`/api/threats/${safe.threatId}/feedback`, w.coordinator).expect(200);
      expect(coord.body.total).toBe(3);
      await get(`/api/threats/${safe.threatId}/feedback`, w.admin).expect(200);
      expect((await threatFeedback(fin.threatId)).items.map((f) => f.id)).toEqual([posted.fin.id]);
    });

    it('refuses partners (403), even on a threat behind their own task', async () => {
      await get(`/api/threats/${safe.threatId}/feedback`, lead).expect(403);
      await get(`/api/threats/${fin.threatId}/feedback`, w.taxUser).expect(403);
    });

    it('answers 404 for an unknown threat and 400 for a bad status', async () => {
      await get('/api/threats/00000000-0000-4000-8000-000000000000/feedback', w.analyst).expect(404);
      await get('/api/threats/not-a-threat/feedback', w.analyst).expect(404);
      await get(`/api/threats/${safe.threatId}/feedback?status=closed`, w.analyst).expect(400);
    });

    it('counts open feedback per threat on the assessment', async () => {
      const a = await assessment();
      const count = (ref: string) => a.threats.find((x: { ref: string }) => x.ref === ref).openFeedback;
      expect(count('T-SAFE')).toBe(3);
      expect(count('T-FIN')).toBe(1);
    });
  });

  describe('addressing feedback in a revision', () => {
    it('refuses unknown ids with 422 and stores nothing of the revision', async () => {
      const before = await assessment();
      const res = await revise({ baseRevision: revision, addressedFeedbackIds: [posted.lead.id, '00000000-0000-4000-8000-000000000000', 'nonsense'] }).expect(422);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['addressedFeedbackIds[1]', 'addressedFeedbackIds[2]']);
      const after = await assessment();
      expect(after.currentRevision).toBe(revision);
      expect(after.revisions).toHaveLength(before.revisions.length);
      expect((await threatFeedback(safe.threatId, '?status=open')).total).toBe(3);
      // The task still points at the original threat row: the rolled-back revision re-pointed nothing.
      expect((await get(`/api/tasks/${safe.id}`, w.coordinator).expect(200)).body.threatId).toBe(safe.threatId);
    });

    it('rejects a malformed list with 400', async () => {
      await revise({ baseRevision: revision, addressedFeedbackIds: [42] }).expect(400);
      await revise({ baseRevision: revision, addressedFeedbackIds: { id: posted.lead.id } }).expect(400);
      expect((await assessment()).currentRevision).toBe(revision);
    });

    it('marks the named feedback addressed by the stored revision; the status filter follows', async () => {
      const res = await revise({ baseRevision: revision, addressedFeedbackIds: [posted.lead.id, posted.lead.id] }).expect(201);
      revision = res.body.revision;
      expect(revision).toBe(2);
      const newSafe = res.body.threats.find((x: { ref: string }) => x.ref === 'T-SAFE');
      expect(newSafe.id).not.toBe(safe.threatId);

      const addressed = await threatFeedback(safe.threatId, '?status=addressed');
      expect(addressed.total).toBe(1);
      expect(addressed.items[0]).toMatchObject({ id: posted.lead.id, status: 'addressed', addressedRevision: 2 });
      expect(addressed.items[0].addressedAt).toEqual(expect.any(String));
      expect(addressed.items[0].addressedBy).toEqual(expect.any(String));
      const open = await threatFeedback(safe.threatId, '?status=open');
      expect(open.items.map((f) => f.id)).toEqual([posted.long.id, posted.supporter.id]);
      // Feedback follows the threat by ref: the new revision's threat id gives the same answer.
      expect((await threatFeedback(newSafe.id)).total).toBe(3);

      const a = await assessment();
      expect(a.threats.find((x: { ref: string }) => x.ref === 'T-SAFE').openFeedback).toBe(2);
      // The partner sees its feedback was addressed.
      const mine = (await get(`/api/tasks/${safe.id}/feedback`, lead).expect(200)).body as Page<Feedback>;
      expect(mine.items.find((f) => f.id === posted.lead.id)).toMatchObject({ status: 'addressed', addressedRevision: 2 });
    });

    it('refuses feedback already addressed (422), leaving the revision unstored', async () => {
      const res = await revise({ baseRevision: revision, addressedFeedbackIds: [posted.supporter.id, posted.lead.id] }).expect(422);
      expect(res.body.errors).toEqual([expect.objectContaining({ field: 'addressedFeedbackIds[1]', message: expect.stringContaining('revision 2') })]);
      expect((await assessment()).currentRevision).toBe(revision);
      expect((await threatFeedback(safe.threatId, '?status=open')).total).toBe(2);
    });

    it('accepts a comma-separated form field on a multipart revision', async () => {
      const file = Buffer.from(JSON.stringify({ title: 'Feedback assessment', threats: THREATS }));
      const res = await t.http
        .post(`/api/assessments/${assessmentId}/revisions`)
        .set('Authorization', w.analyst)
        .field('baseRevision', String(revision))
        .field('addressedFeedbackIds', `${posted.supporter.id}, ${posted.fin.id}`)
        .attach('file', file, 'revision.json')
        .expect(201);
      revision = res.body.revision;
      expect(revision).toBe(3);
      expect((await threatFeedback(safe.threatId, '?status=open')).items.map((f) => f.id)).toEqual([posted.long.id]);
      expect((await threatFeedback(fin.threatId, '?status=addressed')).items[0]).toMatchObject({ id: posted.fin.id, addressedRevision: 3 });
    });

    it("refuses another assessment's feedback as unknown (422)", async () => {
      const other = await post('/api/assessments', w.analyst, { title: 'Other', threats: [THREATS[1]] }).expect(201);
      await post(`/api/assessments/${other.body.id}/revisions`, w.analyst, {
        threats: [THREATS[1]],
        baseRevision: 1,
        addressedFeedbackIds: [posted.long.id],
      }).expect(422);
      expect((await threatFeedback(safe.threatId, '?status=open')).total).toBe(1);
    });
  });
});
