import { randomUUID } from 'node:crypto';
import { getDataSourceToken } from '@nestjs/typeorm';
import type { DataSource } from 'typeorm';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, type World } from './support/fixtures';
import { threat } from './support/threats';

/*
 * Reports end to end, over real HTTP against the real app (SQLite by default, PostgreSQL with
 * TEST_DATABASE_URL): the coverage matrix, the tasking pack and the partner workload, after an
 * upload, a revision, a bulk issue and a round of partner answers.
 *
 * The world (test/support/fixtures.ts):
 *   North West Police       ENG-NW    SECRET              enforcement, safeguarding, intelligence-collection, cyber   capacity 50
 *   National Revenue Agency national  OFFICIAL-SENSITIVE  financial-investigation, regulatory-licensing              capacity 30
 *   Northtown Council       ENG-NW    OFFICIAL            prevention-education, safeguarding, regulatory-licensing, victim-support  capacity 10
 * Nobody has border-control, so a border-control task stays unrouted.
 */

interface Task {
  id: string;
  threatRef: string;
  capability: string;
  strand: string;
  status: string;
  organisationId: string | null;
}

const harm = (n: number) => ({ physical: n, psychological: n, financial: n, community: n, environmental: n });
const action = (strand: string, capability: string, description: string) => ({ strand, capability, description });
// config/scoring.json: harms all 3 → 60 × likelihood/5; stable trend, no modifier.
const P1 = { harm: harm(3), likelihood: 5, trend: 'stable', classification: 'OFFICIAL', regions: ['ENG-NW'] }; // 60
const P2 = { harm: harm(3), likelihood: 4, trend: 'stable', classification: 'OFFICIAL', regions: ['ENG-NW'] }; // 48
const P4 = { harm: harm(0), likelihood: 1, trend: 'stable', recommendedActions: [] }; // 0

const REVISION_1 = [
  threat('T-NW', {
    ...P1,
    recommendedActions: [
      action('pursue', 'enforcement', 'Close the deal lines'),
      action('protect', 'safeguarding', 'Safeguard children running lines'),
      action('prevent', 'prevention-education', 'Awareness sessions in schools'),
    ],
  }),
  threat('T-GAP', {
    ...P1,
    recommendedActions: [action('pursue', 'enforcement', 'Stop the couriers'), action('prepare', 'border-control', 'Port watch on the ferry route')],
  }),
  threat('T-INT', {
    ...P2,
    confidence: 'low',
    intelligenceGaps: ['Who runs the stash houses'],
    recommendedActions: [action('pursue', 'enforcement', 'Raid the known stash house')],
  }),
  threat('T-NAT', {
    ...P2,
    crimeArea: 'money-laundering',
    classification: 'OFFICIAL-SENSITIVE',
    regions: ['national'],
    recommendedActions: [action('pursue', 'financial-investigation', 'Trace the laundering accounts')],
  }),
  threat('T-LOW', { ...P4 }),
  threat('T-OLD', { ...P4 }),
];
// Revision 2: T-OLD removed, T-ADD added, T-LOW's likelihood changed (still P4: no new tasks).
const REVISION_2 = [
  ...REVISION_1.filter((x) => x.ref !== 'T-OLD' && x.ref !== 'T-LOW'),
  threat('T-LOW', { ...P4, likelihood: 2 }),
  threat('T-ADD', { ...P4 }),
];

const DECLINE_REASON = '=No capacity until March, sorry';

describe('reports: coverage matrix, tasking pack, workload', () => {
  let t: TestApp;
  let w: World;
  let nwId: string;
  let coastId: string;
  let tasks: Task[];

  const find = (ref: string, capability: string): Task => {
    const found = tasks.find((x) => x.threatRef === ref && x.capability === capability);
    if (!found) throw new Error(`no task ${ref}/${capability}`);
    return found;
  };
  const act = async (auth: string, id: string, action: string, body: Record<string, unknown> = {}) => {
    const res = await t.http.post(`/api/tasks/${id}/${action}`).set('Authorization', auth).send(body);
    if (res.status !== 200) throw new Error(`${action} ${id}: ${res.status} ${JSON.stringify(res.body)}`);
  };
  const get = (path: string, auth: string) => t.http.get(path).set('Authorization', auth);
  /** Moves a task's dates into the past: the reports must see late work without the test waiting for it. */
  const backdate = async (id: string, dates: { dueAt?: string; acceptBy?: string }) => {
    const ds = t.app.get<DataSource>(getDataSourceToken());
    // The entity class from the running app: importing it here would load the configuration before
    // startTestApp has set the environment.
    const task = ds.entityMetadatas.find((m) => m.tableName === 'task')!.target;
    const set = { ...(dates.dueAt ? { dueAt: dates.dueAt, dueSort: dates.dueAt } : {}), ...(dates.acceptBy ? { acceptBy: dates.acceptBy } : {}) };
    await ds.createQueryBuilder().update(task).set(set).where('id = :id', { id }).execute();
  };
  const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000 - 60_000).toISOString();

  beforeAll(async () => {
    t = await startTestApp({ REMINDER_POLICY_PATH: 'config/reminders.json' });
    w = await createWorld(t);

    const nw = await t.http.post('/api/assessments').set('Authorization', w.analyst).send({ title: 'NW assessment', threats: REVISION_1 });
    expect(nw.status).toBe(201);
    nwId = nw.body.id;
    const rev = await t.http
      .post(`/api/assessments/${nwId}/revisions`)
      .set('Authorization', w.analyst)
      .send({ baseRevision: 1, threats: REVISION_2 });
    expect(rev.status).toBe(201);
    const coast = await t.http
      .post('/api/assessments')
      .set('Authorization', w.analyst)
      .send({ title: 'Coastal assessment', threats: [threat('T-CST', { ...P1, recommendedActions: [action('pursue', 'enforcement', 'Patrol the harbour')] })] });
    expect(coast.status).toBe(201);
    coastId = coast.body.id;

    // Only the NW plan is issued; the coastal plan stays proposed (planned cells).
    const issued = await t.http.post('/api/tasks/issue').set('Authorization', w.coordinator).send({ assessmentId: nwId });
    expect(issued.status).toBe(200);
    const list = await get(`/api/tasks?assessmentId=${nwId}&limit=200`, w.coordinator).expect(200);
    tasks = list.body.items;
    expect(find('T-GAP', 'border-control')).toMatchObject({ status: 'proposed', organisationId: null });

    // Partners answer: police accepts one (and lets it run late), completes another; the council
    // declines the schools work; the tax agency sits on its assignment past the acceptance deadline.
    await act(w.policeUser, find('T-NW', 'enforcement').id, 'accept');
    await backdate(find('T-NW', 'enforcement').id, { dueAt: daysAgo(3) });
    const raid = find('T-INT', 'enforcement').id;
    await act(w.policeUser, raid, 'accept');
    await act(w.policeUser, raid, 'start');
    await act(w.policeUser, raid, 'complete', { outcome: 'Stash house raided, two arrests' });
    expect(find('T-NW', 'prevention-education').organisationId).toBe(w.council.id);
    await act(w.councilUser, find('T-NW', 'prevention-education').id, 'decline', { reason: DECLINE_REASON });
    await backdate(find('T-NAT', 'financial-investigation').id, { acceptBy: new Date(Date.now() - 2 * 3_600_000 - 60_000).toISOString() });
    const fb = await t.http
      .post(`/api/tasks/${find('T-NW', 'enforcement').id}/feedback`)
      .set('Authorization', w.policeUser)
      .send({ kind: 'new-intelligence', detail: 'A second line opened in Salford', suggests: 'raise' });
    expect(fb.status).toBe(201);

    tasks = (await get(`/api/tasks?limit=200`, w.coordinator).expect(200)).body.items;
  });
  afterAll(() => t?.close());

  describe('GET /api/reports/coverage', () => {
    it('ranks every current threat and gives each strand its tasks and cell status', async () => {
      const res = await get('/api/reports/coverage', w.coordinator).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const r = res.body;
      expect(r.strands).toEqual(['pursue', 'prevent', 'protect', 'prepare']);
      expect(r.total).toBe(7);
      // P1 (60) by ref, then P2 (48) by ref, then P4: effective band, then score, then ref.
      expect(r.items.map((x: { ref: string }) => x.ref)).toEqual(['T-CST', 'T-GAP', 'T-NW', 'T-INT', 'T-NAT', 'T-ADD', 'T-LOW']);
      expect(r.items.map((x: { rank: number }) => x.rank)).toEqual([1, 2, 3, 4, 5, 6, 7]);
      const row = (ref: string) => r.items.find((x: { ref: string }) => x.ref === ref);
      const cells = (ref: string) => Object.fromEntries(Object.entries(row(ref).cells).map(([s, c]) => [s, (c as { status: string }).status]));

      expect(cells('T-NW')).toEqual({ pursue: 'covered', prevent: 'gap', protect: 'covered', prepare: 'gap' });
      expect(row('T-NW').cells.prevent.tasks).toEqual([
        expect.objectContaining({ id: find('T-NW', 'prevention-education').id, status: 'declined', organisationName: 'Northtown Council', band: 'P1' }),
      ]);
      expect(row('T-NW').cells.pursue.tasks).toEqual([
        expect.objectContaining({ status: 'accepted', organisationId: w.police.id, organisationName: 'North West Police' }),
      ]);
      expect(cells('T-GAP')).toEqual({ pursue: 'covered', prevent: 'gap', protect: 'gap', prepare: 'gap' });
      expect(row('T-GAP').cells.prepare).toMatchObject({ status: 'gap', unrouted: 1, tasks: [expect.objectContaining({ organisationId: null, organisationName: null, status: 'proposed' })] });
      expect(cells('T-INT').pursue).toBe('covered');
      expect(row('T-INT').cells.pursue.tasks.map((x: { status: string }) => x.status).sort()).toEqual(['assigned', 'completed']);
      expect(cells('T-NAT').pursue).toBe('covered');
      expect(cells('T-CST')).toEqual({ pursue: 'planned', prevent: 'gap', protect: 'gap', prepare: 'gap' });
      expect(cells('T-LOW')).toEqual({ pursue: 'gap', prevent: 'gap', protect: 'gap', prepare: 'gap' });
    });

    it('sums gaps per strand over every threat in scope, and threats with no live task', async () => {
      const { summary } = (await get('/api/reports/coverage?limit=2', w.coordinator).expect(200)).body;
      expect(summary).toEqual({
        threats: 7,
        covered: { pursue: 4, prevent: 0, protect: 1, prepare: 0 },
        planned: { pursue: 1, prevent: 0, protect: 0, prepare: 0 },
        gaps: { pursue: 2, prevent: 7, protect: 6, prepare: 7 },
        unrouted: { pursue: 0, prevent: 0, protect: 0, prepare: 1 },
        threatsWithoutLiveTask: 2,
      });
    });

    it('pages the threats', async () => {
      const r = (await get('/api/reports/coverage?limit=2&offset=2', w.coordinator).expect(200)).body;
      expect(r).toMatchObject({ total: 7, limit: 2, offset: 2 });
      expect(r.items.map((x: { ref: string; rank: number }) => [x.rank, x.ref])).toEqual([
        [3, 'T-NW'],
        [4, 'T-INT'],
      ]);
    });

    it('narrows to one assessment', async () => {
      const r = (await get(`/api/reports/coverage?assessmentId=${coastId}`, w.coordinator).expect(200)).body;
      expect(r.assessment).toEqual({ id: coastId, title: 'Coastal assessment', revision: 1 });
      expect(r.items.map((x: { ref: string }) => x.ref)).toEqual(['T-CST']);
      expect(r.summary).toMatchObject({ threats: 1, planned: { pursue: 1 }, gaps: { pursue: 0, prevent: 1 }, threatsWithoutLiveTask: 0 });
    });

    it('answers CSV, one row per threat × strand, as a download', async () => {
      const res = await get('/api/reports/coverage?format=csv', w.coordinator).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="coverage-\d{8}T\d{6}Z\.csv"$/);
      expect(res.headers['x-total-count']).toBe('7');
      const lines = res.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe('rank,assessmentId,threatId,ref,title,crimeArea,band,effectiveBand,score,strand,cellStatus,unrouted,taskCount,tasks,taskIds');
      expect(lines).toHaveLength(1 + 7 * 4);
      const nwPrevent = lines.find((l) => l.includes(',T-NW,') && l.includes(',prevent,'))!;
      expect(nwPrevent).toContain(',prevent,gap,0,1,Northtown Council (declined),');
      expect(lines.find((l) => l.includes(',T-GAP,') && l.includes(',prepare,'))).toContain(',prepare,gap,1,1,unrouted (proposed),');
    });

    it('is open to analysts', async () => {
      await get('/api/reports/coverage', w.analyst).expect(200);
      await get('/api/reports/coverage?format=csv', w.analyst).expect(200);
    });
  });

  describe('GET /api/reports/tasking-pack', () => {
    let pack: Record<string, any>;
    beforeAll(async () => {
      const res = await get('/api/reports/tasking-pack', w.coordinator).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      pack = res.body;
    });

    it('has top priorities with their bands, overrides and task counts', () => {
      expect(pack.topPriorities.map((x: { ref: string }) => x.ref)).toEqual(['T-CST', 'T-GAP', 'T-NW', 'T-INT', 'T-NAT', 'T-ADD', 'T-LOW']);
      const nw = pack.topPriorities.find((x: { ref: string }) => x.ref === 'T-NW');
      expect(nw).toMatchObject({ band: 'P1', effectiveBand: 'P1', score: 60, override: null });
      expect(nw.tasks).toMatchObject({ total: 3, unrouted: 0, live: 2, byStatus: { accepted: 1, assigned: 1, declined: 1, proposed: 0 } });
      expect(pack.topPriorities.find((x: { ref: string }) => x.ref === 'T-GAP').tasks).toMatchObject({ unrouted: 1, byStatus: { proposed: 1, assigned: 1 } });
    });

    it('lists the changes since the last revision', () => {
      expect(pack.changes.total).toBe(1);
      const [c] = pack.changes.items;
      expect(c).toMatchObject({ assessmentId: nwId, title: 'NW assessment', from: 1, to: 2, counts: { added: 1, removed: 1, changed: 1 } });
      expect(c.added).toEqual([{ ref: 'T-ADD', title: 'Threat T-ADD', band: 'P4', score: 0 }]);
      expect(c.removed).toEqual([{ ref: 'T-OLD', title: 'Threat T-OLD', band: 'P4', score: 0 }]);
      expect(c.changed).toEqual([
        { ref: 'T-LOW', title: 'Threat T-LOW', fields: ['likelihood'], before: { band: 'P4', score: 0 }, after: { band: 'P4', score: 0 }, movement: 'unchanged' },
      ]);
    });

    it('lists overdue, acceptance-overdue, declined and unrouted tasks', () => {
      expect(pack.overdue.total).toBe(1);
      expect(pack.overdue.items[0]).toMatchObject({ id: find('T-NW', 'enforcement').id, status: 'accepted', organisationName: 'North West Police', threatRef: 'T-NW', threatTitle: 'Threat T-NW', daysOverdue: 3 });
      expect(pack.acceptanceOverdue).toMatchObject({ total: 1, items: [expect.objectContaining({ id: find('T-NAT', 'financial-investigation').id, organisationName: 'National Revenue Agency', hoursOverdue: 2 })] });
      expect(pack.declined).toMatchObject({
        total: 1,
        items: [expect.objectContaining({ id: find('T-NW', 'prevention-education').id, declineReason: DECLINE_REASON, organisationId: w.council.id, strand: 'prevent' })],
      });
      expect(pack.unrouted.total).toBe(1);
      expect(pack.unrouted.items[0]).toMatchObject({
        id: find('T-GAP', 'border-control').id,
        organisationId: null,
        reason: { code: 'no-capability', message: "No partner organisation has capability 'border-control'" },
      });
    });

    it('lists open intelligence gaps with whether a collection task is live, and open feedback', () => {
      expect(pack.intelligenceGaps).toMatchObject({ total: 1, withoutLiveTask: 0 });
      expect(pack.intelligenceGaps.items[0]).toMatchObject({
        ref: 'T-INT',
        needsIntelligence: true,
        gaps: ['Who runs the stash houses'],
        intelligenceTask: { live: true, byStatus: { assigned: 1 } },
      });
      expect(pack.feedback).toMatchObject({ open: 1, total: 1, items: [expect.objectContaining({ threatRef: 'T-NW', open: 1, suggestRaise: 1, suggestLower: 0, effectiveBand: 'P1' })] });
      expect(pack.summary).toEqual({
        currentThreats: 7,
        overdue: 1,
        acceptanceOverdue: 1,
        declined: 1,
        unrouted: 1,
        intelligenceGaps: 1,
        intelligenceGapsWithoutLiveTask: 0,
        openFeedback: 1,
      });
    });

    it('narrows to one assessment', async () => {
      const coast = (await get(`/api/reports/tasking-pack?assessmentId=${coastId}`, w.coordinator).expect(200)).body;
      expect(coast.assessment).toMatchObject({ id: coastId });
      expect(coast.topPriorities.map((x: { ref: string }) => x.ref)).toEqual(['T-CST']);
      expect(coast.summary).toMatchObject({ overdue: 0, declined: 0, unrouted: 0, openFeedback: 0 });
      expect(coast.changes).toEqual({ total: 0, items: [] });
    });

    it('renders Markdown for the meeting', async () => {
      const res = await get('/api/reports/tasking-pack?format=md', w.coordinator).expect(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tasking-pack-\d{8}T\d{6}Z\.md"$/);
      const md = res.text;
      const lines = md.split('\n');
      expect(lines[0]).toBe('# Tasking pack');
      for (const h of [
        '## At a glance',
        '## Top priorities',
        '## Changes since the last revision',
        '### NW assessment (revision 1 to 2)',
        '## Overdue tasks',
        '## Acceptance overdue',
        '## Declined tasks',
        '## Unrouted tasks',
        '## Open intelligence gaps',
        '## Open partner feedback',
      ]) {
        expect(lines).toContain(h);
      }
      expect(md).toContain(DECLINE_REASON);
      expect(md).toContain("No partner organisation has capability 'border-control'");
      expect(md).toMatch(/\| T-CST \| Threat T-CST \| P1 \| 60 \|/);
    });

    it('answers CSV: one row per action item, formula texts guarded', async () => {
      const res = await get('/api/reports/tasking-pack?format=csv', w.coordinator).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="tasking-pack-.*\.csv"$/);
      const lines = res.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe('kind,band,assessmentId,threatRef,threatTitle,taskId,taskTitle,strand,capability,status,organisation,date,detail');
      expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([
        'overdue',
        'acceptance-overdue',
        'declined',
        'unrouted',
        'intelligence-gap',
        'partner-feedback',
        'threat-added',
        'threat-changed',
        'threat-removed',
      ]);
      expect(lines.find((l) => l.startsWith('declined,'))).toContain(`,"'${DECLINE_REASON}"`);
    });

    it('is open to admins', async () => {
      await get('/api/reports/tasking-pack', w.admin).expect(200);
    });
  });

  describe('GET /api/reports/workload', () => {
    it('gives each partner its held work, load, overdue, declined and recent completions, heaviest first', async () => {
      const res = await get('/api/reports/workload', w.coordinator).expect(200);
      expect(res.headers['content-type']).toMatch(/^application\/json/);
      const items = res.body.items as Array<Record<string, any>>;
      expect(items.map((x) => x.name).sort()).toEqual(['National Revenue Agency', 'North West Police', 'Northtown Council']);
      expect(items.map((x) => x.load)).toEqual([...items.map((x) => x.load)].sort((a, b) => b - a));

      // Expected from the tasks as the API lists them (issued NW plan; the coastal plan is proposed).
      const held = (orgId: string, status: string) => tasks.filter((x) => x.organisationId === orgId && x.status === status).length;
      for (const [org, capacity] of [
        [w.police, 50],
        [w.tax, 30],
        [w.council, 10],
      ] as const) {
        const row = items.find((x) => x.organisationId === org.id)!;
        const open = { assigned: held(org.id, 'assigned'), accepted: held(org.id, 'accepted'), in_progress: held(org.id, 'in_progress') };
        const total = open.assigned + open.accepted + open.in_progress;
        expect(row).toMatchObject({ capacity, open, openTotal: total, load: Math.round((total / capacity) * 10_000) / 10_000 });
      }
      const police = items.find((x) => x.organisationId === w.police.id)!;
      expect(police).toMatchObject({ overdue: 1, declined: 0, completedLast30Days: 1 });
      expect(police.open.accepted).toBe(1);
      expect(police.open.assigned).toBeGreaterThanOrEqual(2); // T-GAP enforcement and T-INT intelligence collection
      expect(items.find((x) => x.organisationId === w.council.id)).toMatchObject({ declined: 1, overdue: 0, completedLast30Days: 0 });
      expect(items.find((x) => x.organisationId === w.tax.id)).toMatchObject({ open: { assigned: 1, accepted: 0, in_progress: 0 }, overdue: 0 });
      expect(res.body.totals).toMatchObject({ organisations: 3, overdue: 1, declined: 1, completedLast30Days: 1 });
    });

    it('answers CSV', async () => {
      const res = await get('/api/reports/workload?format=CSV', w.coordinator).expect(200);
      expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
      expect(res.headers['content-disposition']).toMatch(/^attachment; filename="workload-.*\.csv"$/);
      const lines = res.text.trimEnd().split('\r\n');
      expect(lines[0]).toBe('organisationId,name,capacity,assigned,accepted,in_progress,open,load,overdue,declined,completedLast30Days');
      expect(lines).toHaveLength(4);
      expect(lines.find((l) => l.startsWith(w.council.id))).toMatch(/,1,0$/); // declined 1, completed 0
    });
  });

  describe('access and bad input', () => {
    it('lets analysts read coverage only', async () => {
      for (const path of ['/api/reports/tasking-pack', '/api/reports/tasking-pack?format=md', '/api/reports/workload']) {
        const res = await get(path, w.analyst);
        expect(res.status).toBe(403);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });

    it('answers 403 to partners on every report', async () => {
      for (const path of ['/api/reports/coverage', '/api/reports/coverage?format=csv', '/api/reports/tasking-pack', '/api/reports/tasking-pack?format=md', '/api/reports/workload']) {
        expect((await get(path, w.policeUser)).status).toBe(403);
        expect((await get(path, w.councilUser)).status).toBe(403);
      }
    });

    it('answers 401 without a token', async () => {
      expect((await t.http.get('/api/reports/coverage')).status).toBe(401);
    });

    it('answers 400 on an unknown format, whatever the report', async () => {
      for (const path of [
        '/api/reports/coverage?format=md',
        '/api/reports/coverage?format=xml',
        '/api/reports/tasking-pack?format=pdf',
        '/api/reports/workload?format=md',
        '/api/reports/workload?format=csv&format=json',
      ]) {
        const res = await get(path, w.coordinator);
        expect(res.status).toBe(400);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
        expect(res.body.errors.map((e: { field: string }) => e.field)).toContain('format');
      }
    });

    it('answers 400 on a malformed assessmentId or paging, and 404 on an unknown one', async () => {
      expect((await get('/api/reports/coverage?assessmentId=nope', w.coordinator)).status).toBe(400);
      expect((await get('/api/reports/tasking-pack?assessmentId=%27%20OR%201%3D1', w.coordinator)).status).toBe(400);
      expect((await get('/api/reports/coverage?limit=0', w.coordinator)).status).toBe(400);
      expect((await get('/api/reports/coverage?offset=-1', w.coordinator)).status).toBe(400);
      expect((await get('/api/reports/coverage?bogus=1', w.coordinator)).status).toBe(400);
      for (const path of [`/api/reports/coverage?assessmentId=${randomUUID()}`, `/api/reports/tasking-pack?assessmentId=${randomUUID()}&format=md`]) {
        const res = await get(path, w.coordinator);
        expect(res.status).toBe(404);
        expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      }
    });

    it('documents the three routes in OpenAPI', async () => {
      const doc = (await t.http.get('/api/docs-json').expect(200)).body;
      expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/reports/coverage', '/api/reports/tasking-pack', '/api/reports/workload']));
    });

    it('caps the coverage page rather than refusing a large limit', async () => {
      const r = (await get('/api/reports/coverage?limit=1000000', w.coordinator).expect(200)).body;
      expect(r.limit).toBe(2000);
    });
  });
});
