import type { RoutingCandidate, ScoredThreat } from '@app/common';
import { tallyTasks } from './task-rules';
import {
  bandMovement,
  explainUnrouted,
  packActionItems,
  renderTaskingPackMarkdown,
  summariseRevisionChanges,
  taskingPackCsv,
  type PackTask,
  type TaskingPack,
} from './tasking-pack';

const org = (name: string, over: Partial<RoutingCandidate> = {}): RoutingCandidate => ({
  id: name.toLowerCase(),
  name,
  kind: 'partner',
  capabilities: ['enforcement'],
  jurisdictions: ['ENG-NW'],
  clearance: 'SECRET',
  capacity: 10,
  openTasks: 0,
  ...over,
});
const needs = { capability: 'border-control', regions: ['ENG-NW'], classification: 'SECRET' as const };

describe('explainUnrouted', () => {
  it('names the first routing rule that leaves no candidate', () => {
    expect(explainUnrouted(needs, []).code).toBe('no-partners');
    expect(explainUnrouted(needs, [org('Taskforce', { kind: 'taskforce', capabilities: ['border-control'] })]).code).toBe('no-partners');
    expect(explainUnrouted(needs, [org('Police')])).toEqual({ code: 'no-capability', message: "No partner organisation has capability 'border-control'" });
    const far = org('Border Force', { capabilities: ['border-control'], jurisdictions: ['SCO-N'] });
    expect(explainUnrouted(needs, [far])).toMatchObject({ code: 'no-jurisdiction' });
    expect(explainUnrouted(needs, [far]).message).toContain('ENG-NW');
    const uncleared = org('Border Force', { capabilities: ['border-control'], clearance: 'OFFICIAL' });
    expect(explainUnrouted(needs, [uncleared]).code).toBe('no-clearance');
    expect(explainUnrouted(needs, [uncleared]).message).toContain('Border Force');
  });

  it('says when an organisation can take the task now', () => {
    const r = explainUnrouted(needs, [org('Police'), org('Border Force', { capabilities: ['border-control'], jurisdictions: ['national'] })]);
    expect(r.code).toBe('eligible-now');
    expect(r.message).toContain('Border Force');
    expect(r.message).toContain('re-assign');
  });
});

const scored = (ref: string, over: Partial<ScoredThreat> = {}): ScoredThreat & { title: string } => ({
  ref,
  title: `Threat ${ref}`,
  description: 'd',
  crimeArea: 'drugs',
  harm: { physical: 3, psychological: 3, financial: 3, community: 3, environmental: 3 },
  likelihood: 4,
  confidence: 'high',
  trend: 'stable',
  regions: ['ENG-NW'],
  classification: 'OFFICIAL',
  intelligenceGaps: [],
  recommendedActions: [],
  score: 48,
  band: 'P2',
  breakdown: { harmScore: 60, risk: 48, trendModifier: 1, factors: [] },
  needsIntelligence: false,
  ...over,
});

describe('summariseRevisionChanges', () => {
  const before = [scored('T-A'), scored('T-B'), scored('T-C', { band: 'P3', score: 30 })];
  const after = [
    scored('T-A', { likelihood: 5, score: 60, band: 'P1' }),
    scored('T-C', { band: 'P3', score: 30 }),
    scored('T-D', { band: 'P1', score: 90 }),
    scored('T-E', { band: 'P3', score: 20 }),
  ];
  const c = summariseRevisionChanges({ assessmentId: 'a', title: 'NW', from: 1, to: 2 }, before, after, 1);

  it('lists added, removed and changed refs with band and score before and after', () => {
    expect(c.counts).toEqual({ added: 2, removed: 1, changed: 1 });
    expect(c.changed).toEqual([
      { ref: 'T-A', title: 'Threat T-A', fields: ['likelihood'], before: { band: 'P2', score: 48 }, after: { band: 'P1', score: 60 }, movement: 'raised' },
    ]);
    expect(c.removed).toEqual([{ ref: 'T-B', title: 'Threat T-B', band: 'P2', score: 48 }]);
  });

  it('caps each list, most urgent first, and keeps the full counts', () => {
    expect(c.added).toEqual([{ ref: 'T-D', title: 'Threat T-D', band: 'P1', score: 90 }]);
  });

  it('reads band movement', () => {
    expect(bandMovement('P3', 'P1')).toBe('raised');
    expect(bandMovement('P1', 'P2')).toBe('lowered');
    expect(bandMovement('P2', 'P2')).toBe('unchanged');
  });
});

const task = (over: Partial<PackTask> = {}): PackTask => ({
  id: 'task-1',
  title: 'Pursue: close the lines (T-A)',
  assessmentId: 'a',
  threatId: 'th-a',
  threatRef: 'T-A',
  threatTitle: 'County lines',
  strand: 'pursue',
  capability: 'enforcement',
  band: 'P1',
  status: 'accepted',
  organisationId: 'police',
  organisationName: 'North West Police',
  dueAt: '2026-01-01T00:00:00.000Z',
  acceptBy: '2025-12-01T00:00:00.000Z',
  ...over,
});

function pack(): TaskingPack {
  return {
    generatedAt: '2026-01-04T09:30:00.000Z',
    assessment: null,
    listLimit: 100,
    summary: { currentThreats: 3, overdue: 1, acceptanceOverdue: 0, declined: 1, unrouted: 1, intelligenceGaps: 1, intelligenceGapsWithoutLiveTask: 1, openFeedback: 2 },
    topPriorities: [
      {
        rank: 1,
        threatId: 'th-a',
        assessmentId: 'a',
        ref: 'T-A',
        title: 'County lines | NW',
        crimeArea: 'drugs',
        band: 'P2',
        effectiveBand: 'P1',
        score: 60,
        override: { band: 'P1', reason: 'Firearms discharge' },
        tasks: tallyTasks([
          { status: 'accepted', count: 1, withoutLead: 0 },
          { status: 'proposed', count: 1, withoutLead: 1 },
        ]),
      },
    ],
    changes: {
      total: 1,
      items: [
        {
          assessmentId: 'a',
          title: 'NW assessment',
          from: 1,
          to: 2,
          counts: { added: 1, removed: 0, changed: 0 },
          added: [{ ref: 'T-D', title: 'New threat', band: 'P1', score: 90 }],
          removed: [],
          changed: [],
        },
      ],
    },
    overdue: { total: 1, items: [{ ...task(), dueAt: '2026-01-01T00:00:00.000Z', daysOverdue: 3 }] },
    acceptanceOverdue: { total: 0, items: [] },
    declined: { total: 1, items: [{ ...task({ id: 'task-2', status: 'declined', organisationName: 'Northtown Council' }), declineReason: '=No capacity until March', declinedAt: '2026-01-02T10:00:00.000Z' }] },
    unrouted: {
      total: 1,
      items: [{ ...task({ id: 'task-3', status: 'proposed', organisationId: null, organisationName: null, capability: 'border-control' }), regions: ['ENG-NW'], classification: 'OFFICIAL', reason: { code: 'no-capability', message: "No partner organisation has capability 'border-control'" } }],
    },
    intelligenceGaps: {
      total: 1,
      withoutLiveTask: 1,
      items: [{ threatId: 'th-b', assessmentId: 'a', ref: 'T-B', title: 'Stash houses', effectiveBand: 'P2', confidence: 'low', needsIntelligence: true, gaps: ['Who runs them'], intelligenceTask: { live: false, byStatus: { declined: 1 } } }],
    },
    feedback: { open: 2, total: 1, items: [{ assessmentId: 'a', threatRef: 'T-A', threatId: 'th-a', threatTitle: 'County lines', effectiveBand: 'P1', open: 2, suggestRaise: 1, suggestLower: 0 }] },
  };
}

describe('renderTaskingPackMarkdown', () => {
  const md = renderTaskingPackMarkdown(pack());

  it('has the headings a meeting works through, in order', () => {
    const headings = md.split('\n').filter((l) => l.startsWith('#'));
    expect(headings).toEqual([
      '# Tasking pack',
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
    ]);
    expect(md).toContain('Generated 2026-01-04 09:30 UTC for all current assessments.');
  });

  it('renders tables with escaped texts, overrides, task counts and reasons', () => {
    expect(md).toContain('| 1 | T-A | County lines \\| NW | P1 | 60 | P1 (computed P2): Firearms discharge | proposed 1, accepted 1; unrouted 1 |');
    expect(md).toContain('| Pursue: close the lines (T-A) | T-A County lines | pursue | P1 | North West Police | accepted | 2026-01-01 | 3 |');
    expect(md).toContain('Northtown Council | 2026-01-02 | =No capacity until March |');
    expect(md).toContain("No partner organisation has capability 'border-control'");
    expect(md).toContain('| T-B | Stash houses | P2 | low (needs intelligence) | Who runs them | no live task (declined 1) |');
    expect(md).toContain('| added | T-D | New threat |   | P1 |   | 90 |   |');
  });

  it('says so when a section is empty, and when a list is cut short', () => {
    const acceptance = md.split('## Acceptance overdue')[1].split('##')[0];
    expect(acceptance.trim()).toBe('_None._');
    const p = pack();
    p.overdue.total = 250;
    expect(renderTaskingPackMarkdown(p)).toContain('Showing 1 of 250 (the first 100).');
  });

  it('names the assessment when the pack is scoped to one', () => {
    const p = pack();
    p.assessment = { id: 'a', title: 'NW *draft*', revision: 2 };
    expect(renderTaskingPackMarkdown(p)).toContain('for assessment NW \\*draft\\* (revision 2).');
  });
});

describe('pack CSV: the action items', () => {
  it('lists every action item in the pack order, with kinds', () => {
    expect(packActionItems(pack()).map((r) => r[0])).toEqual(['overdue', 'declined', 'unrouted', 'intelligence-gap', 'partner-feedback', 'threat-added']);
  });

  it('escapes texts and guards against formula injection', () => {
    const csv = taskingPackCsv(pack());
    expect(csv.split('\r\n')[0]).toBe('kind,band,assessmentId,threatRef,threatTitle,taskId,taskTitle,strand,capability,status,organisation,date,detail');
    expect(csv).toContain(",'=No capacity until March\r\n");
    expect(csv).toContain(',Who runs them (no live intelligence-collection task)\r\n');
  });
});
