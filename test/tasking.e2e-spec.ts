import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, type World } from './support/fixtures';
import { threat } from './support/threats';

/*
 * Tasking end to end, over real HTTP against the real app (SQLite by default, PostgreSQL with
 * TEST_DATABASE_URL): plan generation and routing on upload, the lifecycle, scope, concurrency,
 * filters, collaboration, re-tasking on a revision, and an authorisation matrix.
 *
 * The world (test/support/fixtures.ts):
 *   North West Police       ENG-NW    SECRET              enforcement, safeguarding, intelligence-collection, cyber   capacity 50
 *   National Revenue Agency national  OFFICIAL-SENSITIVE  financial-investigation, regulatory-licensing              capacity 30
 *   Northtown Council       ENG-NW    OFFICIAL            prevention-education, safeguarding, regulatory-licensing, victim-support  capacity 10
 */

interface Task {
  id: string;
  threatId: string;
  assessmentId: string;
  description: string;
  threatRef: string;
  title: string;
  strand: string;
  capability: string;
  status: string;
  band: string;
  organisationId: string | null;
  supporterIds: string[];
  unrouted: boolean;
  objectiveCode: string | null;
  dueInDays: number;
  acceptWithinHours: number;
  issuedAt: string | null;
  acceptBy: string | null;
  dueAt: string | null;
  outcome: string | null;
  allowedActions: string[];
  threat: Record<string, unknown>;
  version: number;
}

const harm = (n: number) => ({ physical: n, psychological: n, financial: n, community: n, environmental: n });
const action = (strand: string, capability: string, description: string, dueInDays?: number) => ({
  strand,
  capability,
  description,
  ...(dueInDays ? { dueInDays } : {}),
});

// Scoring (config/scoring.json): harms all 3 → harmScore 60; × likelihood/5. Stable trend: no modifier.
const P1 = { harm: harm(3), likelihood: 5, trend: 'stable' }; // 60 → P1
const P2 = { harm: harm(3), likelihood: 4, trend: 'stable' }; // 48 → P2
const P4 = { harm: harm(0), likelihood: 1, trend: 'stable' }; // 0 → P4

const THREATS = [
  threat('T-NW', {
    ...P1,
    classification: 'OFFICIAL',
    regions: ['ENG-NW'],
    recommendedActions: [
      action('pursue', 'enforcement', 'Close the deal lines and execute warrants', 30),
      action('protect', 'safeguarding', 'Safeguard children found running lines', 14),
      action('prevent', 'prevention-education', 'Deliver awareness sessions in schools'),
    ],
  }),
  threat('T-SEC', {
    ...P1,
    classification: 'SECRET',
    regions: ['ENG-NW'],
    recommendedActions: [
      action('protect', 'safeguarding', 'Protect the informant network'),
      action('prevent', 'prevention-education', 'Brief schools on the covert risk'),
    ],
  }),
  threat('T-NAT', {
    ...P2,
    crimeArea: 'money-laundering',
    classification: 'OFFICIAL-SENSITIVE',
    regions: ['national'],
    recommendedActions: [
      action('pursue', 'financial-investigation', 'Trace the laundering accounts'),
      action('pursue', 'enforcement', 'Arrest the controllers'),
    ],
  }),
  threat('T-INT', {
    ...P2,
    confidence: 'low',
    classification: 'OFFICIAL',
    regions: ['ENG-NW'],
    intelligenceGaps: ['Who runs the stash houses'],
    recommendedActions: [action('pursue', 'enforcement', 'Raid the known stash house')],
  }),
  threat('T-LOW', { ...P4, recommendedActions: [action('pursue', 'enforcement', 'Not worth a task')] }),
];

describe('tasking: plan, routing, lifecycle, scope', () => {
  let t: TestApp;
  let w: World;
  let assessmentId: string;
  let plan: Task[];
  let threatIds: Record<string, string>;

  const find = (ref: string, capability: string): Task => {
    const found = plan.find((x) => x.threatRef === ref && x.capability === capability);
    if (!found) throw new Error(`no planned task ${ref}/${capability}`);
    return found;
  };
  const get = async (id: string, auth: string) => (await t.http.get(`/api/tasks/${id}`).set('Authorization', auth).expect(200)).body as Task;
  const post = (path: string, auth: string, body: Record<string, unknown> = {}) => t.http.post(path).set('Authorization', auth).send(body);
  const list = async (auth: string, query = ''): Promise<{ items: Task[]; total: number; limit: number; offset: number }> => {
    const res = await t.http.get(`/api/tasks${query}`).set('Authorization', auth);
    expect(res.status).toBe(200);
    return res.body as { items: Task[]; total: number; limit: number; offset: number };
  };
  /** Every task the caller may list, across pages. */
  const listAll = async (auth: string, query = '') => {
    const items: Task[] = [];
    for (let offset = 0; ; offset += 200) {
      const page = await list(auth, `${query}${query ? '&' : '?'}limit=200&offset=${offset}`);
      items.push(...page.items);
      if (items.length >= page.total) return items;
    }
  };

  beforeAll(async () => {
    // The production reminder policy, explicitly: its absence of taskTiming makes the dates exact.
    t = await startTestApp({ REMINDER_POLICY_PATH: 'config/reminders.json' });
    w = await createWorld(t);
    await t.http
      .put('/api/vision')
      .set('Authorization', w.coordinator)
      .send({
        title: 'A region free from serious organised crime',
        aims: ['Close the gap between intelligence and tasking'],
        objectives: [
          { code: 'OBJ-P', title: 'Disrupt the highest-harm networks', strands: ['pursue'] },
          { code: 'OBJ-S', title: 'Protect and prevent', strands: ['protect', 'prevent'] },
        ],
      })
      .expect(200);
    const res = await t.http.post('/api/assessments').set('Authorization', w.analyst).send({ title: 'NW assessment', threats: THREATS });
    expect(res.status).toBe(201);
    assessmentId = res.body.id;
    plan = res.body.plan.tasks;
    threatIds = Object.fromEntries(res.body.threats.map((x: { ref: string; id: string }) => [x.ref, x.id]));
  });
  afterAll(() => t?.close());

  describe('the plan stored with the revision', () => {
    it('has one proposed task per recommended action of threats at or above P3, plus intelligence collection', () => {
      const keys = plan.map((x) => `${x.threatRef}/${x.capability}`).sort();
      expect(keys).toEqual(
        [
          'T-INT/enforcement',
          'T-INT/intelligence-collection',
          'T-NAT/enforcement',
          'T-NAT/financial-investigation',
          'T-NW/enforcement',
          'T-NW/prevention-education',
          'T-NW/safeguarding',
          'T-SEC/prevention-education',
          'T-SEC/safeguarding',
        ].sort(),
      );
      expect(plan.every((x) => x.status === 'proposed' && x.version === 1 && typeof x.id === 'string')).toBe(true);
      // P1 first, then P2: the most urgent work gets first pick of partners.
      expect(plan.map((x) => x.band)).toEqual([...plan.map((x) => x.band)].sort());
    });

    it('links each task to its threat, strand and the vision objective serving that strand', () => {
      const nw = find('T-NW', 'safeguarding');
      expect(nw).toMatchObject({ threatId: threatIds['T-NW'], threatRef: 'T-NW', strand: 'protect', objectiveCode: 'OBJ-S', band: 'P1' });
      expect(find('T-NAT', 'financial-investigation')).toMatchObject({ strand: 'pursue', objectiveCode: 'OBJ-P', band: 'P2' });
      expect(find('T-INT', 'intelligence-collection').title).toMatch(/^Pursue: .*\(T-INT\)$/);
    });

    it('keeps intended durations until the task is issued: dueInDays from the action, else the band default', () => {
      const enforcement = find('T-NW', 'enforcement');
      expect(enforcement).toMatchObject({ dueInDays: 30, acceptWithinHours: 24, dueAt: null, acceptBy: null, issuedAt: null });
      expect(find('T-NW', 'prevention-education').dueInDays).toBe(14); // P1 default (config/tasking.json)
      expect(find('T-NAT', 'financial-investigation')).toMatchObject({ dueInDays: 30, acceptWithinHours: 48 }); // P2 defaults
    });

    it('routes to the least-loaded eligible partner, with the next best as supporters', () => {
      // Enforcement: only the police. Safeguarding: police already leads one task (1/50) and the
      // council leads none (0/10), so the council leads and the police supports.
      expect(find('T-NW', 'enforcement')).toMatchObject({ organisationId: w.police.id, supporterIds: [], unrouted: false });
      expect(find('T-NW', 'safeguarding')).toMatchObject({ organisationId: w.council.id, supporterIds: [w.police.id] });
      expect(find('T-NAT', 'financial-investigation')).toMatchObject({ organisationId: w.tax.id });
    });

    it('never routes a SECRET threat to an organisation cleared only to OFFICIAL', () => {
      const secret = plan.filter((x) => x.threatRef === 'T-SEC');
      for (const task of secret) {
        expect(task.organisationId).not.toBe(w.council.id);
        expect(task.supporterIds).not.toContain(w.council.id);
      }
      expect(find('T-SEC', 'safeguarding')).toMatchObject({ organisationId: w.police.id, supporterIds: [] });
    });

    it('leaves unrouted exactly the tasks no organisation is eligible for', () => {
      const unrouted = plan.filter((x) => x.unrouted).map((x) => `${x.threatRef}/${x.capability}`).sort();
      // T-SEC prevention: only the council does prevention-education, and it is not cleared for SECRET.
      // T-NAT enforcement: a national threat needs a national organisation; the police are ENG-NW only.
      expect(unrouted).toEqual(['T-NAT/enforcement', 'T-SEC/prevention-education']);
      for (const x of plan.filter((p) => p.unrouted)) expect(x).toMatchObject({ organisationId: null, supporterIds: [], status: 'proposed' });
    });

    it('shows everyone only a summary of the threat', async () => {
      // Staff here; partners once the task is issued to them (see "lets a supporter read…").
      for (const who of [w.coordinator, w.analyst]) {
        const task = await get(find('T-NW', 'safeguarding').id, who);
        expect(task.threat).toEqual({ ref: 'T-NW', title: 'Threat T-NW', crimeArea: 'drugs', band: 'P1', regions: ['ENG-NW'] });
        expect(JSON.stringify(task)).not.toMatch(/harm|breakdown|intelligenceGaps|likelihood/);
      }
    });

    it('keeps the proposed plan internal: partners neither list nor read a task before it is issued', async () => {
      const proposed = find('T-NW', 'safeguarding'); // council leads, police support
      for (const who of [w.councilUser, w.policeUser]) {
        await t.http.get(`/api/tasks/${proposed.id}`).set('Authorization', who).expect(404);
        expect(await list(who)).toMatchObject({ items: [], total: 0 });
      }
    });

    it('a dry run shows the same kind of plan and writes nothing', async () => {
      const before = (await list(w.coordinator)).total;
      const res = await t.http
        .post('/api/assessments?dryRun=true')
        .set('Authorization', w.analyst)
        .send({ title: 'Dry', threats: THREATS })
        .expect(201);
      const dry = res.body.plan.tasks as Task[];
      expect(dry.map((x) => `${x.threatRef}/${x.capability}`).sort()).toEqual(plan.map((x) => `${x.threatRef}/${x.capability}`).sort());
      expect(dry.every((x) => x.id === null && x.status === 'proposed')).toBe(true);
      expect(dry.filter((x) => x.unrouted).length).toBe(2);
      expect((await list(w.coordinator)).total).toBe(before);
    });
  });

  describe('the lifecycle', () => {
    it('runs issue → accept → start → complete → close, setting dates and versions', async () => {
      const id = find('T-NW', 'enforcement').id;
      const issued = (await post(`/api/tasks/${id}/issue`, w.coordinator).expect(200)).body as Task;
      expect(issued).toMatchObject({ status: 'assigned', organisationId: w.police.id, version: 2 });
      const issuedAt = Date.parse(issued.issuedAt!);
      expect(Date.parse(issued.acceptBy!) - issuedAt).toBe(24 * 3600 * 1000);
      expect(Date.parse(issued.dueAt!) - issuedAt).toBe(30 * 24 * 3600 * 1000);
      expect(issued.allowedActions).toEqual(['reassign', 'cancel', 'supersede']);
      expect((await get(id, w.policeUser)).allowedActions).toEqual(['accept', 'decline']);

      const accepted = (await post(`/api/tasks/${id}/accept`, w.policeUser, { version: 2 }).expect(200)).body as Task;
      expect(accepted).toMatchObject({ status: 'accepted', version: 3 });
      await post(`/api/tasks/${id}/start`, w.policeUser).expect(200);
      const done = (await post(`/api/tasks/${id}/complete`, w.policeUser, { outcome: '  Three lines closed, 12 arrests  ' }).expect(200)).body as Task;
      expect(done).toMatchObject({ status: 'completed', outcome: 'Three lines closed, 12 arrests', version: 5 });
      const closed = (await post(`/api/tasks/${id}/close`, w.coordinator).expect(200)).body as Task;
      expect(closed).toMatchObject({ status: 'closed', version: 6, allowedActions: [] });

      const history = (await t.http.get(`/api/tasks/${id}/history`).set('Authorization', w.coordinator).expect(200)).body.items;
      expect(history.map((e: { action: string; fromStatus: string; toStatus: string }) => `${e.action}:${e.fromStatus}>${e.toStatus}`)).toEqual([
        'issue:proposed>assigned',
        'accept:assigned>accepted',
        'start:accepted>in_progress',
        'complete:in_progress>completed',
        'close:completed>closed',
      ]);
    });

    it('hides another organisation’s task: 404 on read and actions, absent from its list', async () => {
      const id = find('T-NW', 'enforcement').id;
      const missing = await t.http.get('/api/tasks/00000000-0000-4000-8000-000000000000').set('Authorization', w.taxUser).expect(404);
      const other = await t.http.get(`/api/tasks/${id}`).set('Authorization', w.taxUser).expect(404);
      expect(other.headers['content-type']).toMatch(/problem\+json/);
      expect(other.body.title).toBe(missing.body.title);
      await post(`/api/tasks/${id}/accept`, w.taxUser).expect(404);
      await post(`/api/tasks/${id}/comments`, w.taxUser, { body: 'hello' }).expect(404);
      const taxTasks = await listAll(w.taxUser);
      expect(taxTasks.map((x) => x.id)).not.toContain(id);
      expect(taxTasks.every((x) => x.organisationId === w.tax.id || x.supporterIds.includes(w.tax.id))).toBe(true);
    });

    it('answers 404 for an id that is not a task id at all', async () => {
      await t.http.get('/api/tasks/not-a-task').set('Authorization', w.coordinator).expect(404);
      await post('/api/tasks/not-a-task/accept', w.policeUser).expect(404);
    });

    it('requires a reason to decline (400), and 409 names the state for an illegal transition', async () => {
      const id = find('T-NW', 'safeguarding').id; // council leads, police support
      await post(`/api/tasks/${id}/issue`, w.coordinator).expect(200);
      const noReason = await post(`/api/tasks/${id}/decline`, w.councilUser).expect(400);
      expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
      await post(`/api/tasks/${id}/decline`, w.councilUser, { reason: '   ' }).expect(400);

      const illegal = await post(`/api/tasks/${id}/complete`, w.councilUser, { outcome: 'done' }).expect(409);
      expect(illegal.body.detail).toMatch(/'assigned'/);
      expect(illegal.body).toMatchObject({ currentStatus: 'assigned', allowedActions: expect.arrayContaining(['accept', 'decline']) });
      expect((await get(id, w.coordinator)).status).toBe('assigned');
    });

    it('lets a supporter read and comment but not accept, decline or complete (403)', async () => {
      const id = find('T-NW', 'safeguarding').id;
      const seen = await get(id, w.policeUser);
      expect(seen.allowedActions).toEqual([]);
      expect(seen.threat).toEqual({ ref: 'T-NW', title: 'Threat T-NW', crimeArea: 'drugs', band: 'P1', regions: ['ENG-NW'] });
      expect(JSON.stringify(seen)).not.toMatch(/harm|breakdown|intelligenceGaps|likelihood/);
      await post(`/api/tasks/${id}/accept`, w.policeUser).expect(403);
      await post(`/api/tasks/${id}/decline`, w.policeUser, { reason: 'not ours' }).expect(403);
      await post(`/api/tasks/${id}/complete`, w.policeUser, { outcome: 'x' }).expect(403);
      const comment = await post(`/api/tasks/${id}/comments`, w.policeUser, { body: 'We can lend two officers' }).expect(201);
      expect(comment.body).toMatchObject({ kind: 'comment', body: 'We can lend two officers', authorOrganisationId: w.police.id });
      const comments = await t.http.get(`/api/tasks/${id}/comments`).set('Authorization', w.councilUser).expect(200);
      expect(comments.body).toMatchObject({ total: 1, items: [{ body: 'We can lend two officers' }] });
      expect((await get(id, w.councilUser)).status).toBe('assigned');
    });

    it('of two concurrent accepts with the same version, exactly one succeeds and the other gets 409', async () => {
      const id = find('T-NW', 'safeguarding').id;
      const { version } = await get(id, w.councilUser);
      const answers = await Promise.all([
        post(`/api/tasks/${id}/accept`, w.councilUser, { version }),
        post(`/api/tasks/${id}/accept`, w.councilUser, { version }),
      ]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
      const loser = answers.find((a) => a.status === 409)!;
      expect(loser.body.currentStatus).toBe('accepted');
      expect((await get(id, w.councilUser)).version).toBe(version + 1);
    });

    it('guards writes without a version too: of two concurrent starts, one wins', async () => {
      const id = find('T-NW', 'safeguarding').id;
      const answers = await Promise.all([post(`/api/tasks/${id}/start`, w.councilUser), post(`/api/tasks/${id}/start`, w.councilUser)]);
      expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    });

    it('answers 409 for a stale version and leaves the task untouched', async () => {
      const id = find('T-NW', 'safeguarding').id;
      const before = await get(id, w.councilUser);
      const res = await post(`/api/tasks/${id}/complete`, w.councilUser, { outcome: 'Done', version: before.version - 1 }).expect(409);
      expect(res.body).toMatchObject({ currentStatus: 'in_progress', currentVersion: before.version });
      expect(await get(id, w.councilUser)).toEqual(before);
    });

    it('requires a non-empty outcome to complete (400)', async () => {
      const id = find('T-NW', 'safeguarding').id;
      await post(`/api/tasks/${id}/complete`, w.councilUser, {}).expect(400);
      await post(`/api/tasks/${id}/complete`, w.councilUser, { outcome: '' }).expect(400);
      await post(`/api/tasks/${id}/complete`, w.councilUser, { outcome: 'ok', extra: 1 }).expect(400);
      await post(`/api/tasks/${id}/complete`, w.councilUser, { outcome: 'Four children referred' }).expect(200);
    });

    it('routes a decline back to coordinators, who reassign; the old lead then loses sight of it', async () => {
      const id = find('T-INT', 'enforcement').id; // police lead
      await post(`/api/tasks/${id}/issue`, w.coordinator).expect(200);
      const declined = (await post(`/api/tasks/${id}/decline`, w.policeUser, { reason: 'No capacity this quarter' }).expect(200)).body;
      expect(declined).toMatchObject({ status: 'declined', declineReason: 'No capacity this quarter', allowedActions: [] });
      expect((await get(id, w.coordinator)).allowedActions).toEqual(['reassign', 'cancel', 'supersede']);

      // The council is cleared for OFFICIAL (this threat's level); lacking enforcement is the coordinator's call.
      const moved = (await post(`/api/tasks/${id}/reassign`, w.coordinator, { organisationId: w.council.id, reason: 'Council licensing team can act' }).expect(200))
        .body as Task & { declineReason: string | null };
      expect(moved).toMatchObject({ status: 'assigned', organisationId: w.council.id, declineReason: null });
      expect(Date.parse(moved.acceptBy!)).toBeGreaterThan(Date.parse(declined.acceptBy));
      await t.http.get(`/api/tasks/${id}`).set('Authorization', w.policeUser).expect(404);
      await post(`/api/tasks/${id}/accept`, w.councilUser).expect(200);

      const history = (await t.http.get(`/api/tasks/${id}/history`).set('Authorization', w.analyst).expect(200)).body.items;
      const reassign = history.find((e: { action: string }) => e.action === 'reassign');
      expect(reassign).toMatchObject({ reason: 'Council licensing team can act', actorId: expect.any(String) });
      expect(reassign.detail).toMatchObject({ fromOrganisationId: w.police.id, toOrganisationId: w.council.id, warnings: [expect.stringMatching(/enforcement/)] });
    });

    it('cannot issue an unrouted task until it is reassigned, and only to a partner cleared for it', async () => {
      const id = find('T-NAT', 'enforcement').id; // OFFICIAL-SENSITIVE, unrouted
      const blocked = await post(`/api/tasks/${id}/issue`, w.coordinator).expect(409);
      expect(blocked.body.code).toBe('task_unrouted');
      expect((await post(`/api/tasks/${id}/reassign`, w.coordinator, { organisationId: w.council.id }).expect(422)).body.detail).toMatch(/cleared to OFFICIAL/);
      await post(`/api/tasks/${id}/reassign`, w.coordinator, { organisationId: w.taskforce.id }).expect(422);
      await post(`/api/tasks/${id}/reassign`, w.coordinator, { organisationId: '00000000-0000-4000-8000-000000000000' }).expect(422);
      await post(`/api/tasks/${id}/reassign`, w.coordinator, { organisationId: 'police' }).expect(400);
      const routed = (await post(`/api/tasks/${id}/reassign`, w.admin, { organisationId: w.police.id }).expect(200)).body as Task;
      expect(routed).toMatchObject({ status: 'proposed', organisationId: w.police.id, unrouted: false, issuedAt: null });
      await post(`/api/tasks/${id}/issue`, w.admin).expect(200);
    });

    it('cancels from an open state with a reason, and nothing moves afterwards', async () => {
      const id = find('T-NAT', 'enforcement').id;
      await post(`/api/tasks/${id}/cancel`, w.coordinator).expect(400);
      const cancelled = (await post(`/api/tasks/${id}/cancel`, w.coordinator, { reason: 'Covered by the NCA operation' }).expect(200)).body;
      expect(cancelled).toMatchObject({ status: 'cancelled', cancelReason: 'Covered by the NCA operation', allowedActions: [] });
      const res = await post(`/api/tasks/${id}/accept`, w.policeUser).expect(409);
      expect(res.body.detail).toMatch(/'cancelled'/);
    });
  });

  describe('bulk issue', () => {
    it('rejects a body with both or neither of assessmentId and taskIds, and unknown fields', async () => {
      await post('/api/tasks/issue', w.coordinator, {}).expect(400);
      await post('/api/tasks/issue', w.coordinator, { assessmentId, taskIds: [find('T-SEC', 'safeguarding').id] }).expect(400);
      await post('/api/tasks/issue', w.coordinator, { assessmentId, all: true }).expect(400);
      await post('/api/tasks/issue', w.coordinator, { assessmentId: '00000000-0000-4000-8000-000000000000' }).expect(404);
      await post('/api/tasks/issue', w.policeUser, { assessmentId }).expect(403);
    });

    it('issues exactly the tasks named, or nothing when one cannot be issued', async () => {
      const ok = find('T-SEC', 'safeguarding').id;
      const closed = find('T-NW', 'enforcement').id;
      const res = await post('/api/tasks/issue', w.coordinator, { taskIds: [ok, closed] }).expect(409);
      expect(res.body.tasks).toEqual([expect.objectContaining({ id: closed, currentStatus: 'closed' })]);
      expect((await get(ok, w.coordinator)).status).toBe('proposed');
      const issued = (await post('/api/tasks/issue', w.coordinator, { taskIds: [ok] }).expect(200)).body;
      expect(issued).toMatchObject({ issued: 1, skipped: [], items: [{ id: ok, status: 'assigned', version: 2 }] });
    });

    it('issues a whole plan, skipping and listing unrouted tasks', async () => {
      const res = await post('/api/tasks/issue', w.coordinator, { assessmentId }).expect(200);
      expect(res.body.skipped).toEqual([expect.objectContaining({ id: find('T-SEC', 'prevention-education').id, reason: 'unrouted' })]);
      expect(res.body.items.map((x: Task) => `${x.threatRef}/${x.capability}`).sort()).toEqual([
        'T-INT/intelligence-collection',
        'T-NAT/financial-investigation',
        'T-NW/prevention-education',
      ]);
      expect(res.body.items.every((x: Task) => x.status === 'assigned' && x.acceptBy && x.dueAt)).toBe(true);
      const proposed = await listAll(w.coordinator, `?assessmentId=${assessmentId}&status=proposed`);
      expect(proposed.map((x) => x.threatRef)).toEqual(['T-SEC']);
      expect((await post('/api/tasks/issue', w.coordinator, { assessmentId }).expect(200)).body).toMatchObject({ issued: 0 });
    });

    it('tells the lead of an intelligence-collection task which gaps to close, in its description only', async () => {
      const task = await get(find('T-INT', 'intelligence-collection').id, w.policeUser);
      expect(task).toMatchObject({ status: 'assigned', organisationId: w.police.id });
      expect(task.description).toContain('Gaps: Who runs the stash houses');
      expect(task.threat).toEqual({ ref: 'T-INT', title: 'Threat T-INT', crimeArea: 'drugs', band: 'P2', regions: ['ENG-NW'] });
      expect(Object.keys(task)).not.toContain('intelligenceGaps');
    });
  });

  describe('lists, filters and paging', () => {
    it('sorts by band, then due date (tasks without one last)', async () => {
      const all = await listAll(w.coordinator, `?assessmentId=${assessmentId}`);
      expect(all).toHaveLength(plan.length);
      const key = (x: Task) => `${x.band}|${x.dueAt ?? '~'}`;
      expect(all.map(key)).toEqual([...all.map(key)].sort());
    });

    it('filters by status (one or several), lead organisation, band, threat and routing', async () => {
      const assigned = await listAll(w.coordinator, '?status=assigned');
      expect(assigned.length).toBeGreaterThan(0);
      expect(assigned.every((x) => x.status === 'assigned')).toBe(true);
      const several = await listAll(w.coordinator, '?status=assigned,closed');
      expect(several.length).toBe(assigned.length + (await listAll(w.coordinator, '?status=closed')).length);

      const police = await listAll(w.coordinator, `?organisationId=${w.police.id}`);
      expect(police.length).toBeGreaterThan(0);
      expect(police.every((x) => x.organisationId === w.police.id)).toBe(true);

      const p2 = await listAll(w.coordinator, '?band=P2');
      expect(new Set(p2.map((x) => x.threatRef))).toEqual(new Set(['T-NAT', 'T-INT']));

      const nw = await listAll(w.coordinator, `?threatId=${threatIds['T-NW']}`);
      expect(nw.map((x) => x.capability).sort()).toEqual(['enforcement', 'prevention-education', 'safeguarding']);

      const gaps = await listAll(w.coordinator, '?unrouted=true');
      expect(gaps.map((x) => `${x.threatRef}/${x.capability}`)).toEqual(['T-SEC/prevention-education']);

      const combined = await listAll(w.coordinator, `?band=P1&organisationId=${w.council.id}&status=accepted,in_progress,completed`);
      expect(combined.map((x) => x.capability).sort()).toEqual(['safeguarding']);
    });

    it('pages with { items, total, limit, offset }', async () => {
      const all = await listAll(w.coordinator);
      const page = await list(w.coordinator, '?limit=2&offset=1');
      expect(page).toMatchObject({ total: all.length, limit: 2, offset: 1 });
      expect(page.items.map((x) => x.id)).toEqual(all.slice(1, 3).map((x) => x.id));
      const capped = await list(w.coordinator, '?limit=1000');
      expect(capped.limit).toBeLessThanOrEqual(200);
    });

    it('rejects bad filters with 400', async () => {
      for (const q of ['?status=done', '?band=P9', '?threatId=abc', '?unrouted=maybe', '?limit=0', '?colour=red']) {
        const res = await t.http.get(`/api/tasks${q}`).set('Authorization', w.coordinator);
        expect([q, res.status]).toEqual([q, 400]);
      }
    });

    it('scopes a partner list to its organisation as lead or supporter, totals included', async () => {
      const all = await listAll(w.coordinator);
      const mine = all.filter((x) => x.issuedAt !== null && (x.organisationId === w.police.id || x.supporterIds.includes(w.police.id)));
      const seen = await listAll(w.policeUser);
      expect(seen.map((x) => x.id).sort()).toEqual(mine.map((x) => x.id).sort());
      expect((await list(w.policeUser)).total).toBe(mine.length);
      // The list's rows are the same views a read answers (the partner list reads rows its own way).
      for (const x of seen) expect([x.id, x]).toEqual([x.id, await get(x.id, w.policeUser)]);
      // Filtering on another organisation never widens the scope.
      const other = await list(w.policeUser, `?organisationId=${w.tax.id}`);
      expect(other.items.every((x) => x.supporterIds.includes(w.police.id))).toBe(true);
    });

    it('gives partners the same order and filters as coordinators, within their scope, page by page', async () => {
      const queries = ['', '?band=P1', '?band=P2', '?status=assigned,accepted,in_progress', `?threatId=${threatIds['T-NW']}`, '?band=P1&status=completed', '?unrouted=true'];
      for (const [user, org] of [
        [w.policeUser, w.police.id],
        [w.councilUser, w.council.id],
      ]) {
        for (const q of queries) {
          const expected = (await listAll(w.coordinator, q)).filter((x) => x.issuedAt !== null && (x.organisationId === org || x.supporterIds.includes(org)));
          const seen = await listAll(user, q);
          expect([q, seen.map((x) => x.id)]).toEqual([q, expected.map((x) => x.id)]);
          const page = await list(user, `${q}${q ? '&' : '?'}limit=2&offset=1`);
          expect([q, page.total, page.items.map((x) => x.id)]).toEqual([q, expected.length, expected.slice(1, 3).map((x) => x.id)]);
        }
      }
      // The police both lead and support here, so both halves of a partner's list are exercised.
      const police = await listAll(w.policeUser);
      expect(police.some((x) => x.organisationId === w.police.id)).toBe(true);
      expect(police.some((x) => x.supporterIds.includes(w.police.id))).toBe(true);
    });

    it('lets analysts read tasks', async () => {
      expect((await list(w.analyst)).total).toBe((await list(w.coordinator)).total);
    });
  });

  describe('collaboration', () => {
    it('keeps progress updates to the lead, the supporters and coordinators, paged', async () => {
      const id = find('T-NAT', 'financial-investigation').id; // tax leads
      await post(`/api/tasks/${id}/updates`, w.taxUser, { note: 'Accounts frozen' }).expect(201);
      const second = await post(`/api/tasks/${id}/updates`, w.coordinator, { note: 'Chased the bank' }).expect(201);
      expect(second.body).toMatchObject({ kind: 'update', note: 'Chased the bank', authorId: expect.any(String) });
      const page = await t.http.get(`/api/tasks/${id}/updates?limit=1&offset=1`).set('Authorization', w.taxUser).expect(200);
      expect(page.body).toMatchObject({ total: 2, limit: 1, offset: 1, items: [{ note: 'Chased the bank' }] });
      await t.http.get(`/api/tasks/${id}/updates`).set('Authorization', w.councilUser).expect(404);
      await t.http.get(`/api/tasks/${id}/updates`).set('Authorization', w.analyst).expect(403);
      await post(`/api/tasks/${id}/updates`, w.taxUser, { note: '' }).expect(400);
      await post(`/api/tasks/${id}/updates`, w.taxUser, { note: 'x'.repeat(5001) }).expect(400);
      await post(`/api/tasks/${id}/updates`, w.taxUser, { body: 'wrong field' }).expect(400);
    });

    it('closes progress updates on finished work but keeps comments open', async () => {
      const id = find('T-NW', 'enforcement').id; // closed
      await post(`/api/tasks/${id}/updates`, w.policeUser, { note: 'late news' }).expect(409);
      await post(`/api/tasks/${id}/comments`, w.policeUser, { body: 'For the record: two more arrests' }).expect(201);
    });
  });

  describe('authorisation matrix (task routes)', () => {
    // A task the police or the council leads with the other supporting, issued and then declined by its
    // lead: "own" is the lead's partner, "supporter" the supporter's, "other" the tax partner. A lead
    // that declined keeps sight of the task (its history) until coordinators re-route it. Every call
    // below is refused or illegal in that state, so the task does not move. Everything under a task
    // answers "other" 404, the same as for a missing task; history and deliveries are for Taskforce
    // staff (403 to partners within scope).
    type Who = 'admin' | 'coordinator' | 'analyst' | 'own' | 'other' | 'supporter';
    const ROWS: Array<[string, string, Record<string, unknown>, Partial<Record<Who, number>>]> = [
      ['GET', '', {}, { admin: 200, coordinator: 200, analyst: 200, own: 200, other: 404, supporter: 200 }],
      ['GET', '/history', {}, { admin: 200, coordinator: 200, analyst: 200, own: 403, other: 404, supporter: 403 }],
      ['GET', '/deliveries', {}, { admin: 200, coordinator: 200, analyst: 403, own: 403, other: 404, supporter: 403 }],
      ['GET', '/reminders', {}, { admin: 200, coordinator: 200, analyst: 200, own: 200, other: 404, supporter: 200 }],
      ['POST', '/issue', {}, { admin: 409, coordinator: 409, analyst: 403, own: 403, other: 404, supporter: 403 }],
      ['POST', '/close', {}, { admin: 409, coordinator: 409, analyst: 403, own: 403, other: 404, supporter: 403 }],
      ['POST', '/reassign', { organisationId: 'LEAD' }, { admin: 422, coordinator: 422, analyst: 403, own: 403, other: 404, supporter: 403 }],
      ['POST', '/cancel', { reason: 'r' }, { analyst: 403, own: 403, other: 404, supporter: 403 }],
      ['POST', '/supersede', {}, { analyst: 403, own: 403, other: 404, supporter: 403 }],
      ['POST', '/accept', {}, { admin: 403, coordinator: 403, analyst: 403, own: 409, other: 404, supporter: 403 }],
      ['POST', '/decline', { reason: 'r' }, { admin: 403, coordinator: 403, analyst: 403, own: 409, other: 404, supporter: 403 }],
      ['POST', '/start', {}, { admin: 403, coordinator: 403, analyst: 403, own: 409, other: 404, supporter: 403 }],
      ['POST', '/complete', { outcome: 'o' }, { admin: 403, coordinator: 403, analyst: 403, own: 409, other: 404, supporter: 403 }],
      ['GET', '/comments', {}, { admin: 200, coordinator: 200, analyst: 403, own: 200, other: 404, supporter: 200 }],
      ['POST', '/comments', { body: 'b' }, { admin: 201, coordinator: 201, analyst: 403, own: 201, other: 404, supporter: 201 }],
      ['GET', '/updates', {}, { admin: 200, coordinator: 200, analyst: 403, own: 200, other: 404, supporter: 200 }],
      ['POST', '/updates', { note: 'n' }, { admin: 201, coordinator: 201, analyst: 403, own: 201, other: 404, supporter: 201 }],
      ['GET', '/feedback', {}, { admin: 200, coordinator: 200, analyst: 403, own: 200, other: 404, supporter: 200 }],
      ['POST', '/feedback', { kind: 'new-intelligence', detail: 'd' }, { admin: 403, coordinator: 403, analyst: 403, own: 201, other: 404, supporter: 201 }],
    ];
    const PARTNERS: Who[] = ['own', 'supporter', 'other'];

    let matrixTask: Task;

    /** Uploads one OFFICIAL safeguarding threat: a proposed task led by the police or the council, the other supporting. */
    const uploadOne = async (ref: string): Promise<{ task: Task; auth: Record<Who, string> }> => {
      const res = await t.http
        .post('/api/assessments')
        .set('Authorization', w.analyst)
        .send({ title: ref, threats: [threat(ref, { ...P1, classification: 'OFFICIAL', recommendedActions: [action('protect', 'safeguarding', 'Visit')] })] })
        .expect(201);
      const task = res.body.plan.tasks[0] as Task;
      expect(task.status).toBe('proposed');
      const lead = task.organisationId === w.police.id ? 'police' : 'council';
      expect(task.supporterIds).toEqual([lead === 'police' ? w.council.id : w.police.id]);
      const auth: Record<Who, string> = {
        admin: w.admin,
        coordinator: w.coordinator,
        analyst: w.analyst,
        own: lead === 'police' ? w.policeUser : w.councilUser,
        supporter: lead === 'police' ? w.councilUser : w.policeUser,
        other: w.taxUser,
      };
      return { task, auth };
    };

    /** Runs the rows (for the given callers only) and returns "METHOD path as who: status" lines, got and wanted. */
    const runRows = async (task: Task, auth: Record<Who, string>, expectedFor: (who: Who, status: number) => number | undefined) => {
      const got: string[] = [];
      const want: string[] = [];
      for (const [method, suffix, body, expected] of ROWS) {
        for (const [who, status] of Object.entries(expected) as Array<[Who, number]>) {
          const code = expectedFor(who, status);
          if (code === undefined) continue;
          const path = `/api/tasks/${task.id}${suffix}`;
          const payload = body.organisationId === 'LEAD' ? { organisationId: task.organisationId } : body;
          const r = method === 'GET' ? await t.http.get(path).set('Authorization', auth[who]) : await post(path, auth[who], payload);
          got.push(`${method} ${suffix || '/'} as ${who}: ${r.status}`);
          want.push(`${method} ${suffix || '/'} as ${who}: ${code}`);
        }
      }
      return { got, want };
    };

    it('answers each role, on its own and on another organisation’s task, as the contract says', async () => {
      const { task, auth } = await uploadOne('T-MX');
      await post(`/api/tasks/${task.id}/issue`, w.coordinator).expect(200);
      await post(`/api/tasks/${task.id}/decline`, auth.own, { reason: 'No officers free' }).expect(200);
      matrixTask = await get(task.id, w.coordinator);
      expect(matrixTask.status).toBe('declined');

      const { got, want } = await runRows(task, auth, (_who, status) => status);
      expect(got).toEqual(want);
      const after = await get(task.id, w.coordinator);
      expect(after).toMatchObject({ status: 'declined', version: matrixTask.version });
    });

    it('answers 404 to every partner, even the lead and the supporter, on every route of a task not yet issued', async () => {
      const { task, auth } = await uploadOne('T-MP');
      const { got, want } = await runRows(task, auth, (who) => (PARTNERS.includes(who) ? 404 : undefined));
      expect(got).toEqual(want);
      const notFound = await t.http.get('/api/tasks/00000000-0000-4000-8000-000000000000').set('Authorization', auth.own).expect(404);
      const proposed = await t.http.get(`/api/tasks/${task.id}`).set('Authorization', auth.own).expect(404);
      expect(proposed.body.title).toBe(notFound.body.title);
      expect(await get(task.id, w.coordinator)).toMatchObject({ status: 'proposed', version: 1 });
    });

    it('lists and counts a task for its lead and supporter only once a coordinator issues it', async () => {
      const before = { own: 0, supporter: 0 };
      const { task, auth } = await uploadOne('T-MI');
      // A second task of the same kind, cancelled before it was ever issued, stays internal too.
      const { task: cancelled } = await uploadOne('T-MC');
      await post(`/api/tasks/${cancelled.id}/cancel`, w.coordinator, { reason: 'Not needed' }).expect(200);
      for (const who of ['own', 'supporter'] as const) {
        const all = await listAll(auth[who]);
        expect(all.map((x) => x.id)).not.toContain(task.id);
        expect(all.map((x) => x.id)).not.toContain(cancelled.id);
        expect(all.every((x) => x.status !== 'proposed' && x.issuedAt !== null)).toBe(true);
        before[who] = (await list(auth[who])).total;
        expect(before[who]).toBe(all.length);
        expect(await list(auth[who], '?status=proposed')).toMatchObject({ items: [], total: 0 });
        expect((await list(auth[who], `?assessmentId=${task.assessmentId}`)).total).toBe(0);
        await t.http.get(`/api/tasks/${cancelled.id}`).set('Authorization', auth[who]).expect(404);
      }

      await post(`/api/tasks/${task.id}/issue`, w.coordinator).expect(200);
      for (const who of ['own', 'supporter'] as const) {
        expect(await get(task.id, auth[who])).toMatchObject({ id: task.id, status: 'assigned' });
        expect((await list(auth[who])).total).toBe(before[who] + 1);
        expect((await listAll(auth[who])).filter((x) => x.id === task.id)).toHaveLength(1);
        expect(await list(auth[who], `?assessmentId=${task.assessmentId}`)).toMatchObject({ total: 1, items: [{ id: task.id }] });
      }
      expect((await get(task.id, auth.own)).allowedActions).toEqual(['accept', 'decline']);
      await t.http.get(`/api/tasks/${task.id}`).set('Authorization', auth.other).expect(404);
      expect((await listAll(auth.other)).map((x) => x.id)).not.toContain(task.id);
    });

    it('promotes a supporter to lead on reassignment: it leaves the supporters, the old lead loses sight', async () => {
      const [oldLead, oldLeadUser, supporter, supporterUser] =
        matrixTask.organisationId === w.police.id ? [w.police, w.policeUser, w.council, w.councilUser] : [w.council, w.councilUser, w.police, w.policeUser];
      // Until coordinators re-route it, the declined task is still the declining lead's, reason and all.
      expect(await get(matrixTask.id, oldLeadUser)).toMatchObject({ status: 'declined', declineReason: 'No officers free', allowedActions: [] });
      expect((await listAll(oldLeadUser)).map((x) => x.id)).toContain(matrixTask.id);
      const before = await list(supporterUser);
      const moved = (await post(`/api/tasks/${matrixTask.id}/reassign`, w.coordinator, { organisationId: supporter.id }).expect(200)).body as Task;
      expect(moved).toMatchObject({ status: 'assigned', organisationId: supporter.id, supporterIds: [] });
      await t.http.get(`/api/tasks/${matrixTask.id}`).set('Authorization', oldLeadUser).expect(404);
      await t.http.get(`/api/tasks/${matrixTask.id}/history`).set('Authorization', oldLeadUser).expect(404);
      expect((await listAll(oldLeadUser)).map((x) => x.id)).not.toContain(matrixTask.id);
      // Counted once, as led: the supporter row went with the promotion.
      const after = await listAll(supporterUser);
      expect(after.filter((x) => x.id === matrixTask.id)).toHaveLength(1);
      expect((await list(supporterUser)).total).toBe(before.total);
      expect((await get(matrixTask.id, supporterUser)).allowedActions).toEqual(['accept', 'decline']);
      expect(oldLead.id).not.toBe(supporter.id);
    });

    it('documents every task route in the OpenAPI document', async () => {
      const paths = Object.keys((await t.http.get('/api/docs-json').expect(200)).body.paths);
      for (const path of ['/api/tasks', '/api/tasks/issue', '/api/tasks/{id}', '/api/tasks/{id}/history', '/api/tasks/{id}/accept', '/api/tasks/{id}/comments', '/api/tasks/{id}/updates']) {
        expect(paths).toContain(path);
      }
    });

    it('answers 401 without a token and 403 to partners on bulk issue', async () => {
      await t.http.get('/api/tasks').expect(401);
      await t.http.post(`/api/tasks/${plan[0].id}/issue`).expect(401);
      await post('/api/tasks/issue', w.analyst, { assessmentId }).expect(403);
    });
  });

  describe('re-tasking on a new revision', () => {
    it('adds tasks for new and raised threats, and moves live tasks to the new threat rows', async () => {
      const before = await listAll(w.coordinator, `?assessmentId=${assessmentId}`);
      const revised = THREATS.filter((x) => x.ref !== 'T-SEC').map((x) => (x.ref === 'T-NAT' ? { ...x, ...P1 } : x));
      revised.push(threat('T-NEW', { ...P1, classification: 'OFFICIAL', recommendedActions: [action('prevent', 'victim-support', 'Support victims')] }));
      const res = await t.http
        .post(`/api/assessments/${assessmentId}/revisions`)
        .set('Authorization', w.analyst)
        .send({ title: 'NW assessment', baseRevision: 1, threats: revised })
        .expect(201);
      const added = res.body.plan.tasks as Task[];
      expect(added.map((x) => `${x.threatRef}/${x.capability}`).sort()).toEqual(['T-NAT/enforcement', 'T-NAT/financial-investigation', 'T-NEW/victim-support']);
      expect(added.every((x) => x.band === 'P1' && x.status === 'proposed')).toBe(true);
      const newIds = Object.fromEntries(res.body.threats.map((x: { ref: string; id: string }) => [x.ref, x.id]));

      const after = await listAll(w.coordinator, `?assessmentId=${assessmentId}`);
      expect(after).toHaveLength(before.length + 3);
      for (const old of before) {
        const now = after.find((x) => x.id === old.id)!;
        const terminal = ['closed', 'cancelled', 'superseded'].includes(old.status);
        if (old.threatRef === 'T-SEC' || terminal) expect(now.threatId).toBe(old.threatId);
        else expect(now.threatId).toBe(newIds[old.threatRef]);
        expect(now.version).toBe(old.version);
      }
      // The threat filter follows a threat across revisions, whichever revision's id is given.
      const byOld = await listAll(w.coordinator, `?threatId=${threatIds['T-NAT']}`);
      const byNew = await listAll(w.coordinator, `?threatId=${newIds['T-NAT']}`);
      expect(byOld.map((x) => x.id).sort()).toEqual(byNew.map((x) => x.id).sort());
      expect(byNew).toHaveLength(4);
    });

    it('leaves the tasks of a removed threat to coordinators, who may supersede them', async () => {
      const id = find('T-SEC', 'safeguarding').id;
      expect((await get(id, w.coordinator)).status).toBe('assigned');
      const res = await post(`/api/tasks/${id}/supersede`, w.coordinator, { reason: 'Threat removed in revision 2' }).expect(200);
      expect(res.body).toMatchObject({ status: 'superseded', cancelReason: 'Threat removed in revision 2' });
    });
  });
});
