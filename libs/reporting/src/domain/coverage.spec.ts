import { buildCoverageRows, buildCoverageSummary, coverageCsv, type CoverageTaskRow, type CoverageThreat } from './coverage';

const threat = (id: string, over: Partial<CoverageThreat> = {}): CoverageThreat => ({
  threatId: id,
  assessmentId: 'a-1',
  ref: `T-${id}`,
  title: `Threat ${id}`,
  crimeArea: 'drugs',
  band: 'P1',
  effectiveBand: 'P1',
  score: 80,
  overridden: false,
  ...over,
});
const task = (threatId: string, strand: CoverageTaskRow['strand'], status: CoverageTaskRow['status'], org: string | null, id = `${threatId}-${strand}-${status}`): CoverageTaskRow => ({
  threatId,
  strand,
  id,
  title: `Task ${id}`,
  status,
  band: 'P1',
  capability: 'enforcement',
  organisationId: org,
  organisationName: org ? `Org ${org}` : null,
});

describe('buildCoverageRows', () => {
  const rows = buildCoverageRows(
    [threat('A'), threat('B', { effectiveBand: 'P2' })],
    [
      task('A', 'pursue', 'accepted', 'police'),
      task('A', 'prevent', 'proposed', 'council'),
      task('A', 'protect', 'proposed', null),
      task('A', 'protect', 'declined', 'council'),
      task('B', 'pursue', 'cancelled', 'police'),
    ],
    10,
  );

  it('ranks from the page offset and keeps the threat fields', () => {
    expect(rows.map((r) => [r.rank, r.ref])).toEqual([
      [11, 'T-A'],
      [12, 'T-B'],
    ]);
    expect(rows[1].effectiveBand).toBe('P2');
  });

  it('gives every strand a cell with its tasks and status', () => {
    const a = rows[0].cells;
    expect(a.pursue.status).toBe('covered');
    expect(a.prevent.status).toBe('planned');
    expect(a.protect).toMatchObject({ status: 'gap', unrouted: 1 });
    expect(a.protect.tasks.map((t) => t.status)).toEqual(['proposed', 'declined']);
    expect(a.prepare).toEqual({ status: 'gap', unrouted: 0, tasks: [] });
    expect(rows[1].cells.pursue.status).toBe('gap');
    expect(a.pursue.tasks[0]).toEqual({ id: 'A-pursue-accepted', title: 'Task A-pursue-accepted', status: 'accepted', band: 'P1', capability: 'enforcement', organisationId: 'police', organisationName: 'Org police' });
  });

  it('writes one CSV row per threat and strand', () => {
    const csv = coverageCsv({ items: rows }).trimEnd().split('\r\n');
    expect(csv).toHaveLength(1 + 2 * 4);
    expect(csv[0]).toBe('rank,assessmentId,threatId,ref,title,crimeArea,band,effectiveBand,score,strand,cellStatus,unrouted,taskCount,tasks,taskIds');
    expect(csv[1]).toBe('11,a-1,A,T-A,Threat A,drugs,P1,P1,80,pursue,covered,0,1,Org police (accepted),A-pursue-accepted');
    expect(csv[3]).toContain(',protect,gap,1,2,unrouted (proposed); Org council (declined),');
  });

  it('guards titles against formula injection in CSV', () => {
    const [row] = buildCoverageRows([threat('X', { title: '=cmd|"/c calc"!A1' })], [], 0);
    expect(coverageCsv({ items: [row] })).toContain(`,"'=cmd|""/c calc""!A1",`);
  });
});

describe('buildCoverageSummary', () => {
  it('derives planned and gaps from threat counts, and treats a strand with no task as all gaps', () => {
    const s = buildCoverageSummary(
      5,
      [
        { strand: 'pursue', coveredThreats: 3, addressedThreats: 4, unroutedTasks: 1 },
        { strand: 'protect', coveredThreats: 0, addressedThreats: 0, unroutedTasks: 2 },
      ],
      4,
    );
    expect(s).toEqual({
      threats: 5,
      covered: { pursue: 3, prevent: 0, protect: 0, prepare: 0 },
      planned: { pursue: 1, prevent: 0, protect: 0, prepare: 0 },
      gaps: { pursue: 1, prevent: 5, protect: 5, prepare: 5 },
      unrouted: { pursue: 1, prevent: 0, protect: 2, prepare: 0 },
      threatsWithoutLiveTask: 1,
    });
  });
});
