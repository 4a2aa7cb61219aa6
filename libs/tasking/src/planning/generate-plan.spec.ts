import { CRIME_AREAS } from '../common';
import type { Band, ScoredThreat } from '../common';
import type { Playbooks, TaskingConfig } from '../config/tasking-config';
import { loadPlaybooks, loadTaskingConfig } from '../config/tasking-config';
import { generatePlan, shorten, taskTitle } from './generate-plan';
import type { PlanObjective, PlannableThreat } from './generate-plan';
import { fillTemplate } from './template';

const config: TaskingConfig = {
  generateForBands: 'P3',
  maxSupporters: 2,
  bands: {
    P1: { defaultDueInDays: 14, acceptWithinHours: 24 },
    P2: { defaultDueInDays: 30, acceptWithinHours: 48 },
    P3: { defaultDueInDays: 60, acceptWithinHours: 72 },
    P4: { defaultDueInDays: 90, acceptWithinHours: 120 },
  },
  intelligenceTask: { strand: 'pursue', dueInDays: 10, description: 'Close the gaps on {title} ({ref}): {gaps}' },
};

const playbooks = Object.fromEntries(
  CRIME_AREAS.map((a) => [a, [{ strand: 'pursue', capability: 'enforcement', description: `Disrupt {title} (${a})` }]]),
) as Playbooks;
playbooks.drugs = [
  { strand: 'pursue', capability: 'enforcement', description: 'Disrupt the supply network behind {title}' },
  { strand: 'prevent', capability: 'prevention-education', description: 'Divert young people in {regions}' },
  { strand: 'protect', capability: 'safeguarding', description: 'Safeguard those exploited by {title}', dueInDays: 7 },
];

const objectives: PlanObjective[] = [
  { code: 'O1', title: 'Disrupt', strands: ['pursue'] },
  { code: 'O2', title: 'Protect and prepare', strands: ['protect', 'prepare'] },
  { code: 'O3', title: 'Also pursue', strands: ['pursue', 'prevent'] },
];

const ctx = { config, playbooks, objectives };

let seq = 0;
function threat(over: Partial<PlannableThreat> = {}): PlannableThreat {
  seq += 1;
  const base: ScoredThreat = {
    ref: `T-${seq}`,
    title: `Threat ${seq}`,
    description: 'd',
    crimeArea: 'drugs',
    harm: { physical: 3, psychological: 3, financial: 3, community: 3, environmental: 0 },
    likelihood: 3,
    confidence: 'medium',
    trend: 'stable',
    regions: ['ENG-NW'],
    classification: 'OFFICIAL',
    intelligenceGaps: [],
    recommendedActions: [],
    score: 50,
    band: 'P2',
    breakdown: { harmScore: 50, risk: 30, trendModifier: 1, factors: [] },
    needsIntelligence: false,
  };
  return { ...base, ...over };
}

describe('generatePlan', () => {
  it('makes one task per recommended action, with the band defaults where no dueInDays is given', () => {
    const t = threat({
      band: 'P1',
      recommendedActions: [
        { strand: 'pursue', capability: 'enforcement', description: 'Arrest the principals', dueInDays: 5 },
        { strand: 'protect', capability: 'safeguarding', description: 'Safeguard runners' },
      ],
    });
    const plan = generatePlan([t], ctx);
    expect(plan).toEqual([
      {
        threatRef: t.ref,
        title: `Pursue: Arrest the principals (${t.ref})`,
        description: 'Arrest the principals',
        strand: 'pursue',
        capability: 'enforcement',
        band: 'P1',
        objectiveCode: 'O1',
        source: 'action',
        dueInDays: 5,
        acceptWithinHours: 24,
        organisationId: null,
        supporterIds: [],
        unrouted: false,
      },
      expect.objectContaining({ strand: 'protect', objectiveCode: 'O2', dueInDays: 14, acceptWithinHours: 24, source: 'action' }),
    ]);
  });

  it('uses the crime-area playbook, filling its placeholders, when a threat has no actions', () => {
    const t = threat({ title: 'County lines into Merseyside', regions: ['ENG-NW', 'WAL'], band: 'P3' });
    const plan = generatePlan([t], ctx);
    expect(plan.map((d) => [d.strand, d.capability, d.description, d.dueInDays, d.source])).toEqual([
      ['pursue', 'enforcement', 'Disrupt the supply network behind County lines into Merseyside', 60, 'playbook'],
      ['prevent', 'prevention-education', 'Divert young people in ENG-NW, WAL', 60, 'playbook'],
      ['protect', 'safeguarding', 'Safeguard those exploited by County lines into Merseyside', 7, 'playbook'],
    ]);
    // The first objective serving a strand wins; prevent is only served by O3.
    expect(plan.map((d) => d.objectiveCode)).toEqual(['O1', 'O3', 'O2']);
  });

  it('links a task to no objective when none serves its strand', () => {
    const t = threat({ recommendedActions: [{ strand: 'prepare', capability: 'victim-support', description: 'Support' }] });
    expect(generatePlan([t], { ...ctx, objectives: [objectives[0]] })[0].objectiveCode).toBeNull();
    expect(generatePlan([t], { ...ctx, objectives: [] })[0].objectiveCode).toBeNull();
  });

  it('generates only for threats at or above the threshold, using an override when present', () => {
    const p3 = threat({ band: 'P3' });
    const p4 = threat({ band: 'P4' });
    const p4RaisedToP2 = threat({ band: 'P4', effectiveBand: 'P2' });
    const p1LoweredToP4 = threat({ band: 'P1', effectiveBand: 'P4' });
    const refs = (threshold: Band) =>
      new Set(
        generatePlan([p3, p4, p4RaisedToP2, p1LoweredToP4], { ...ctx, config: { ...config, generateForBands: threshold } }).map(
          (d) => d.threatRef,
        ),
      );
    expect(refs('P3')).toEqual(new Set([p3.ref, p4RaisedToP2.ref]));
    expect(refs('P2')).toEqual(new Set([p4RaisedToP2.ref]));
    expect(refs('P1')).toEqual(new Set());
    expect(refs('P4')).toEqual(new Set([p3.ref, p4.ref, p4RaisedToP2.ref, p1LoweredToP4.ref]));
  });

  it('takes band, due date and SLA from the effective band', () => {
    const t = threat({ band: 'P3', effectiveBand: 'P1', recommendedActions: [{ strand: 'pursue', capability: 'enforcement', description: 'x' }] });
    expect(generatePlan([t], ctx)[0]).toMatchObject({ band: 'P1', dueInDays: 14, acceptWithinHours: 24 });
  });

  it('adds an intelligence-collection task when the threat needs intelligence', () => {
    const t = threat({
      band: 'P1',
      needsIntelligence: true,
      confidence: 'low',
      intelligenceGaps: ['supplier identity', 'cash routes'],
      recommendedActions: [{ strand: 'pursue', capability: 'enforcement', description: 'x' }],
    });
    const plan = generatePlan([t], ctx);
    expect(plan).toHaveLength(2);
    expect(plan[1]).toMatchObject({
      capability: 'intelligence-collection',
      strand: 'pursue',
      source: 'intelligence',
      description: `Close the gaps on ${t.title} (${t.ref}): supplier identity; cash routes`,
      dueInDays: 10,
      acceptWithinHours: 24,
      objectiveCode: 'O1',
    });
  });

  it('adds no intelligence task when an action (or playbook entry) already collects intelligence', () => {
    const withAction = threat({
      needsIntelligence: true,
      recommendedActions: [{ strand: 'pursue', capability: 'intelligence-collection', description: 'Develop the picture' }],
    });
    expect(generatePlan([withAction], ctx).map((d) => d.source)).toEqual(['action']);

    const books = { ...playbooks, other: [{ strand: 'pursue' as const, capability: 'intelligence-collection', description: 'Develop {title}' }] };
    const fromPlaybook = threat({ crimeArea: 'other', needsIntelligence: true });
    expect(generatePlan([fromPlaybook], { ...ctx, playbooks: books }).map((d) => d.source)).toEqual(['playbook']);
  });

  it('orders tasks by effective band, then score, then input order', () => {
    const a = threat({ band: 'P2', score: 60 });
    const b = threat({ band: 'P1', score: 80 });
    const c = threat({ band: 'P2', score: 70 });
    const d = threat({ band: 'P2', score: 60 });
    const e = threat({ band: 'P3', effectiveBand: 'P1', score: 40 });
    const order = [...new Set(generatePlan([a, b, c, d, e], ctx).map((t) => t.threatRef))];
    expect(order).toEqual([b.ref, e.ref, c.ref, a.ref, d.ref]);
  });

  it('works with the shipped playbooks for every crime area', () => {
    const shipped = { config: loadTaskingConfig('config/tasking.json'), playbooks: loadPlaybooks('config/playbooks.json'), objectives };
    for (const crimeArea of CRIME_AREAS) {
      const plan = generatePlan([threat({ crimeArea, band: 'P1', needsIntelligence: true })], shipped);
      expect(plan.length).toBeGreaterThanOrEqual(2);
      for (const d of plan) {
        expect(d.description).not.toMatch(/\{\w+\}/);
        expect(d.title.length).toBeLessThanOrEqual(120);
      }
      expect(plan.filter((d) => d.capability === 'intelligence-collection')).toHaveLength(1);
    }
  });

  it('does not mutate its input', () => {
    const t = threat({ recommendedActions: [{ strand: 'pursue', capability: 'enforcement', description: 'x' }] });
    const copy = structuredClone(t);
    generatePlan([t], ctx);
    expect(t).toEqual(copy);
  });
});

describe('titles', () => {
  it('shortens long descriptions at a word boundary', () => {
    const long = 'Disrupt the supply of cocaine and heroin into the north west through the ports of Liverpool and Holyhead';
    const s = shorten(long);
    expect(s.length).toBeLessThanOrEqual(80);
    expect(s.endsWith('…')).toBe(true);
    expect(long.startsWith(s.slice(0, -1))).toBe(true);
    expect(s).toBe('Disrupt the supply of cocaine and heroin into the north west through the ports…');
    expect(shorten('  short   text ')).toBe('short text');
    expect(shorten('x'.repeat(100)).length).toBe(80);
  });

  it('reads strand, description and ref', () => {
    expect(taskTitle('prevent', 'Educate schools', 'T-CSE-01')).toBe('Prevent: Educate schools (T-CSE-01)');
  });
});

describe('fillTemplate', () => {
  const t = { ref: 'T-1', title: 'Title {ref}', regions: [], intelligenceGaps: [] };
  it('fills known placeholders once and leaves unknown ones', () => {
    expect(fillTemplate('{title} / {ref} / {regions} / {gaps} / {other}', t)).toBe(
      'Title {ref} / T-1 / not specified / not specified / {other}',
    );
  });
});
