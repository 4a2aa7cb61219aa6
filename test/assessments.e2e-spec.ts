import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { startTestApp, type TestApp } from './support/test-app';
import { createWorld, type World } from './support/fixtures';
import { threat } from './support/threats';

const SAMPLES = join(__dirname, '..', 'config', 'samples');
const sample = (ext: string) => readFileSync(join(SAMPLES, `assessment.${ext}`));

describe('threat assessments: upload, validate, score, prioritise, revise', () => {
  let t: TestApp;
  let w: World;

  beforeAll(async () => {
    t = await startTestApp({ UPLOAD_MAX_BYTES: String(200 * 1024), UPLOAD_MAX_ROWS: '100' });
    w = await createWorld(t);
  });
  afterAll(() => t?.close());

  const count = async () => (await t.http.get('/api/assessments').set('Authorization', w.analyst)).body.total as number;

  describe('upload formats', () => {
    it('gives the same threats and scores for the JSON, CSV and XLSX samples', async () => {
      const answers = [];
      for (const ext of ['json', 'csv', 'xlsx']) {
        const res = await t.http
          .post('/api/assessments?dryRun=true')
          .set('Authorization', w.analyst)
          .attach('file', sample(ext), `assessment.${ext}`);
        expect(res.status).toBe(201);
        answers.push(res.body);
      }
      const strip = (a: { threats: Array<Record<string, unknown>> }) =>
        a.threats.map(({ ref, score, band, breakdown, harm, regions, recommendedActions }) => ({ ref, score, band, breakdown, harm, regions, recommendedActions }));
      expect(answers[0].threats.length).toBeGreaterThanOrEqual(25);
      expect(strip(answers[1])).toEqual(strip(answers[0]));
      expect(strip(answers[2])).toEqual(strip(answers[0]));
      expect(await count()).toBe(0); // dry runs write nothing
    });

    it('stores an upload with scores, breakdowns and the scoring version', async () => {
      const before = await count();
      const res = await t.http.post('/api/assessments').set('Authorization', w.analyst).attach('file', sample('csv'), 'nw-assessment.csv').expect(201);
      expect(res.body).toMatchObject({ id: expect.any(String), title: 'nw-assessment', revision: 1, scoringVersion: expect.any(String), plan: { tasks: expect.any(Array) } });
      const top = res.body.threats[0];
      expect(top).toMatchObject({ id: expect.any(String), ref: expect.any(String), score: expect.any(Number), band: expect.stringMatching(/^P[1-4]$/), needsIntelligence: expect.any(Boolean) });
      expect(top.breakdown.factors.length).toBeGreaterThanOrEqual(7);
      expect(await count()).toBe(before + 1);
      const got = await t.http.get(`/api/assessments/${res.body.id}`).set('Authorization', w.coordinator).expect(200);
      expect(got.body.threats).toHaveLength(res.body.threats.length);
    });

    it('accepts a JSON body', async () => {
      const res = await t.http
        .post('/api/assessments')
        .set('Authorization', w.analyst)
        .send({ title: 'Body upload', threats: [threat('T-BODY-01'), threat('T-BODY-02', { likelihood: 1 })] })
        .expect(201);
      expect(res.body.threats.map((x: { ref: string }) => x.ref)).toEqual(['T-BODY-01', 'T-BODY-02']);
    });
  });

  describe('validation before any write', () => {
    it('lists exactly the bad rows and fields of a file with 3 bad rows among 20 good ones, and stores nothing', async () => {
      const rows = Array.from({ length: 23 }, (_, i) => threat(`T-V-${String(i + 1).padStart(2, '0')}`));
      rows[4] = threat('T-V-05', { likelihood: 9 });
      rows[11] = threat('T-V-12', { crimeArea: 'jaywalking' });
      rows[19] = threat('T-V-20', { harm: { physical: 4, psychological: 3, financial: 2, community: 7, environmental: 0 } });
      const before = await count();
      const res = await t.http
        .post('/api/assessments')
        .set('Authorization', w.analyst)
        .attach('file', Buffer.from(JSON.stringify({ title: 'x', threats: rows })), 'bad.json')
        .expect(422);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
      expect(res.body.errors.map((e: { row: number; field: string }) => [e.row, e.field])).toEqual([
        [5, 'likelihood'],
        [12, 'crimeArea'],
        [20, 'harm.community'],
      ]);
      expect(res.body.errors[0]).toMatchObject({ ref: 'T-V-05', value: 9, message: expect.any(String) });
      expect(await count()).toBe(before);
    });

    it('reports bad CSV rows by column name', async () => {
      const csv = sample('csv').toString('utf8').split(/\r?\n/);
      const header = csv[0].split(',');
      const col = header.indexOf('likelihood');
      const cells = csv[2].split(',');
      // Only rewrite when the row has no quoted commas, else pick a simpler approach.
      expect(col).toBeGreaterThan(-1);
      const bad = [csv[0], csv[1].replace(/,(\d),(low|medium|high),/, ',7,$2,')].join('\n');
      const res = await t.http.post('/api/assessments').set('Authorization', w.analyst).attach('file', Buffer.from(bad), 'bad.csv');
      expect(res.status).toBe(422);
      expect(res.body.errors[0]).toMatchObject({ row: 1, field: 'likelihood' });
      expect(cells.length).toBeGreaterThan(10);
    });

    it('rejects duplicate refs', async () => {
      const res = await t.http
        .post('/api/assessments')
        .set('Authorization', w.analyst)
        .send({ title: 'dups', threats: [threat('T-D-1'), threat('T-D-1')] })
        .expect(422);
      expect(res.body.errors[0]).toMatchObject({ row: 2, field: 'ref' });
    });

    it('answers a clear 4xx for empty, header-only, truncated, binary and mistyped uploads', async () => {
      const before = await count();
      const empty = await t.http.post('/api/assessments').set('Authorization', w.analyst).attach('file', Buffer.alloc(0), 'empty.csv');
      expect(empty.status).toBe(400);
      const headerOnly = sample('csv').toString('utf8').split(/\r?\n/)[0] + '\n';
      expect((await t.http.post('/api/assessments').set('Authorization', w.analyst).attach('file', Buffer.from(headerOnly), 'h.csv')).status).toBe(400);
      const xlsx = sample('xlsx');
      const half = await t.http.post('/api/assessments').set('Authorization', w.analyst).attach('file', xlsx.subarray(0, Math.floor(xlsx.length / 2)), 'half.xlsx');
      expect(half.status).toBe(400);
      expect(half.body.detail).toMatch(/xlsx/i);
      const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 7)]);
      const pngRes = await t.http.post('/api/assessments').set('Authorization', w.analyst).attach('file', png, 'threats.csv');
      expect(pngRes.status).toBe(415);
      const text = await t.http.post('/api/assessments').set('Authorization', w.analyst).set('Content-Type', 'text/plain').send('ref,title');
      expect(text.status).toBe(415);
      const malformed = await t.http.post('/api/assessments').set('Authorization', w.analyst).attach('file', Buffer.from('{"threats": [ {"ref": '), 'x.json');
      expect(malformed.status).toBe(400);
      const deep = `{"threats": [${'['.repeat(100_000)}${']'.repeat(100_000)}]}`;
      const nested = await t.http.post('/api/assessments').set('Authorization', w.analyst).attach('file', Buffer.from(deep), 'deep.json');
      expect(nested.status).toBe(400);
      const nestedBody = await t.http.post('/api/assessments').set('Authorization', w.analyst).set('Content-Type', 'application/json').send(`{"title":"x","threats":${deep.slice(12, -1)}}`);
      expect(nestedBody.status).toBe(400);
      expect(await count()).toBe(before);
    });

    it('answers 413 above the upload size limit and 422 above the row limit', async () => {
      const big = Buffer.alloc(300 * 1024, 'a');
      const res = await t.http.post('/api/assessments').set('Authorization', w.analyst).attach('file', big, 'big.csv');
      expect(res.status).toBe(413);
      const rows = Array.from({ length: 101 }, (_, i) => threat(`T-R-${i}`));
      const many = await t.http.post('/api/assessments').set('Authorization', w.analyst).send({ title: 'too many', threats: rows });
      expect(many.status).toBe(422);
      expect(many.body.detail).toMatch(/100/);
    });

    it('rejects unknown fields and wrong types outside threat rows with 400', async () => {
      await t.http.post('/api/assessments').set('Authorization', w.analyst).send({ title: 'x', threats: [threat('A')], colour: 'red' }).expect(400);
      await t.http.post('/api/assessments').set('Authorization', w.analyst).send({ title: 'x', threats: 'lots' }).expect(400);
      await t.http.post('/api/assessments').set('Authorization', w.analyst).send({ title: 'x' }).expect(400);
    });
  });

  describe('scoring', () => {
    it('puts the worst case in P1 and a harmless threat in P4, with low confidence flagged, not lowered', async () => {
      const worst = threat('T-MAX', { harm: { physical: 5, psychological: 5, financial: 5, community: 5, environmental: 5 }, likelihood: 5, trend: 'increasing' });
      const lowConf = { ...worst, ref: 'T-MAX-LOW', confidence: 'low' };
      const none = threat('T-NONE', { harm: { physical: 0, psychological: 0, financial: 0, community: 0, environmental: 0 } });
      const res = await t.http.post('/api/assessments?dryRun=true').set('Authorization', w.analyst).send({ title: 's', threats: [worst, lowConf, none] }).expect(201);
      const byRef = Object.fromEntries(res.body.threats.map((x: { ref: string }) => [x.ref, x]));
      expect(byRef['T-MAX']).toMatchObject({ band: 'P1', needsIntelligence: false });
      expect(byRef['T-MAX-LOW']).toMatchObject({ band: 'P1', needsIntelligence: true, score: byRef['T-MAX'].score });
      expect(byRef['T-NONE']).toMatchObject({ band: 'P4', score: 0 });
    });
  });

  describe('revisions and diff', () => {
    let id: string;
    const base = [threat('T-1'), threat('T-2'), threat('T-3', { crimeArea: 'fraud' }), threat('T-4', { likelihood: 2 })];

    beforeAll(async () => {
      id = (await t.http.post('/api/assessments').set('Authorization', w.analyst).send({ title: 'Revisable', threats: base }).expect(201)).body.id;
    });

    it('diffs a revision that changes 2 threats, adds 1 and removes 1 exactly', async () => {
      const next = [
        threat('T-1'),
        threat('T-2', { likelihood: 1 }),
        threat('T-3', { crimeArea: 'fraud', title: 'Renamed fraud threat' }),
        threat('T-5', { crimeArea: 'firearms' }),
      ];
      const res = await t.http.post(`/api/assessments/${id}/revisions`).set('Authorization', w.analyst).send({ threats: next, baseRevision: 1 }).expect(201);
      expect(res.body.revision).toBe(2);
      const diff = (await t.http.get(`/api/assessments/${id}/diff?from=1&to=2`).set('Authorization', w.analyst).expect(200)).body;
      expect(diff.from).toBe(1);
      expect(diff.to).toBe(2);
      expect(diff.added.map((x: { ref: string }) => x.ref)).toEqual(['T-5']);
      expect(diff.removed.map((x: { ref: string }) => x.ref)).toEqual(['T-4']);
      expect(diff.changed.map((c: { ref: string }) => c.ref)).toEqual(['T-2', 'T-3']);
      const t2 = diff.changed[0];
      expect(t2.fields).toEqual([{ field: 'likelihood', before: 4, after: 1 }]);
      expect(t2.before.score).toBeGreaterThan(t2.after.score);
      expect(diff.changed[1].fields).toEqual([{ field: 'title', before: 'Threat T-3', after: 'Renamed fraud threat' }]);
      const rev1 = await t.http.get(`/api/assessments/${id}/revisions/1`).set('Authorization', w.coordinator).expect(200);
      expect(rev1.body.threats.map((x: { ref: string }) => x.ref).sort()).toEqual(['T-1', 'T-2', 'T-3', 'T-4']);
      expect(rev1.body.scoringVersion).toEqual(expect.any(String));
    });

    it('answers 409 to a stale baseRevision and leaves the newer revision untouched', async () => {
      const res = await t.http.post(`/api/assessments/${id}/revisions`).set('Authorization', w.analyst).send({ threats: base, baseRevision: 1 }).expect(409);
      expect(res.body.detail).toMatch(/revision 2/);
      const got = await t.http.get(`/api/assessments/${id}`).set('Authorization', w.analyst).expect(200);
      expect(got.body.currentRevision).toBe(2);
      expect(got.body.threats.map((x: { ref: string }) => x.ref).sort()).toEqual(['T-1', 'T-2', 'T-3', 'T-5']);
    });

    it('lets exactly one of two concurrent revisions on the same base win', async () => {
      const send = (title: string) =>
        t.http.post(`/api/assessments/${id}/revisions`).set('Authorization', w.analyst).send({ title, threats: base, baseRevision: 2 });
      const [a, b] = await Promise.all([send('A'), send('B')]);
      expect([a.status, b.status].sort()).toEqual([201, 409]);
      const got = await t.http.get(`/api/assessments/${id}`).set('Authorization', w.analyst).expect(200);
      expect(got.body.currentRevision).toBe(3);
      expect(got.body.revisions).toHaveLength(3);
    });

    it('accepts a revision as a multipart file with baseRevision as a form field', async () => {
      const res = await t.http
        .post(`/api/assessments/${id}/revisions`)
        .set('Authorization', w.analyst)
        .field('baseRevision', '3')
        .attach('file', Buffer.from(JSON.stringify({ threats: base })), 'rev4.json')
        .expect(201);
      expect(res.body.revision).toBe(4);
      await t.http.post(`/api/assessments/${id}/revisions`).set('Authorization', w.analyst).send({ threats: base }).expect(400);
    });

    it('answers 404 for an unknown assessment or revision', async () => {
      await t.http.get('/api/assessments/00000000-0000-4000-8000-000000000000').set('Authorization', w.analyst).expect(404);
      await t.http.get(`/api/assessments/${id}/revisions/99`).set('Authorization', w.analyst).expect(404);
      await t.http.get(`/api/assessments/${id}/diff?from=1&to=99`).set('Authorization', w.analyst).expect(404);
    });
  });

  describe('priorities and overrides', () => {
    it('ranks current threats by band then score, and applies a coordinator override with its reason', async () => {
      const res = await t.http.get('/api/priorities?limit=200').set('Authorization', w.analyst).expect(200);
      const items = res.body.items as Array<{ id: string; effectiveBand: string; score: number; rank: number; band: string }>;
      expect(items.length).toBe(res.body.total);
      for (let i = 1; i < items.length; i++) {
        const [a, b] = [items[i - 1], items[i]];
        expect(a.effectiveBand <= b.effectiveBand).toBe(true);
        if (a.effectiveBand === b.effectiveBand) expect(a.score).toBeGreaterThanOrEqual(b.score);
      }
      const low = items[items.length - 1];
      await t.http.put(`/api/threats/${low.id}/override`).set('Authorization', w.analyst).send({ band: 'P1', reason: 'x'.repeat(10) }).expect(403);
      await t.http.put(`/api/threats/${low.id}/override`).set('Authorization', w.coordinator).send({ band: 'P1' }).expect(400);
      const o = await t.http
        .put(`/api/threats/${low.id}/override`)
        .set('Authorization', w.coordinator)
        .send({ band: 'P1', reason: 'New intelligence links this group to firearms' })
        .expect(200);
      expect(o.body).toMatchObject({ band: low.band, effectiveBand: 'P1', override: { band: 'P1', reason: 'New intelligence links this group to firearms', computedBand: low.band } });
      const again = await t.http.get('/api/priorities?limit=200').set('Authorization', w.coordinator).expect(200);
      expect(again.body.items.findIndex((x: { id: string }) => x.id === low.id)).toBeLessThan(items.length - 1);
      const p1 = await t.http.get('/api/priorities?band=P1').set('Authorization', w.coordinator).expect(200);
      expect(p1.body.items.every((x: { effectiveBand: string }) => x.effectiveBand === 'P1')).toBe(true);
    });
  });

  describe('overrides across revisions', () => {
    it('carries an override to the next revision by ref, and refuses one on a superseded threat', async () => {
      const up = await t.http
        .post('/api/assessments')
        .set('Authorization', w.analyst)
        .send({ title: 'Override carry', threats: [threat('T-OC-1', { likelihood: 1 }), threat('T-OC-2')] })
        .expect(201);
      const old = up.body.threats.find((x: { ref: string }) => x.ref === 'T-OC-1');
      await t.http.put(`/api/threats/${old.id}/override`).set('Authorization', w.coordinator).send({ band: 'P1', reason: 'Firearms link confirmed' }).expect(200);
      const rev = await t.http
        .post(`/api/assessments/${up.body.id}/revisions`)
        .set('Authorization', w.analyst)
        .send({ baseRevision: 1, threats: [threat('T-OC-1', { likelihood: 2 }), threat('T-OC-2')] })
        .expect(201);
      const carried = rev.body.threats.find((x: { ref: string }) => x.ref === 'T-OC-1');
      expect(carried).toMatchObject({ effectiveBand: 'P1', override: { band: 'P1', reason: 'Firearms link confirmed' } });
      const stale = await t.http.put(`/api/threats/${old.id}/override`).set('Authorization', w.coordinator).send({ band: 'P2', reason: 'Too late' }).expect(409);
      expect(stale.body.detail).toMatch(/no longer current|superseded/);
    });
  });

  describe('scope', () => {
    it('forbids partners from assessments, priorities and overrides', async () => {
      await t.http.get('/api/assessments').set('Authorization', w.policeUser).expect(403);
      await t.http.post('/api/assessments').set('Authorization', w.policeUser).send({ title: 'x', threats: [threat('P')] }).expect(403);
      await t.http.get('/api/priorities').set('Authorization', w.policeUser).expect(403);
      await t.http.put('/api/threats/00000000-0000-4000-8000-000000000000/override').set('Authorization', w.policeUser).send({ band: 'P1', reason: 'because' }).expect(403);
      await t.http.post('/api/assessments').set('Authorization', w.coordinator).send({ title: 'x', threats: [threat('P')] }).expect(403);
    });
  });

  it('reads XLSX cells written by another tool (strings for numbers)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Threats');
    const cols = ['ref', 'title', 'description', 'crimeArea', 'harm.physical', 'harm.psychological', 'harm.financial', 'harm.community', 'harm.environmental', 'likelihood', 'confidence', 'trend', 'regions', 'classification', 'intelligenceGaps'];
    ws.addRow(cols);
    ws.addRow(['T-X-1', 'Waste', 'Illegal dumping', 'environmental-crime', '1', '0', '3', '2', '5', '3', 'medium', 'stable', 'ENG-NW;ENG-NE', 'OFFICIAL', 'Who funds the sites?']);
    const buf = Buffer.from(await wb.xlsx.writeBuffer());
    const res = await t.http.post('/api/assessments?dryRun=true').set('Authorization', w.analyst).attach('file', buf, 'x.xlsx').expect(201);
    expect(res.body.threats[0]).toMatchObject({ ref: 'T-X-1', regions: ['ENG-NW', 'ENG-NE'], intelligenceGaps: ['Who funds the sites?'] });
  });
});
