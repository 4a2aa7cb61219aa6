import { buildWorkloadRows, workloadCsv, workloadTotals } from './workload';

describe('buildWorkloadRows', () => {
  const rows = buildWorkloadRows(
    [
      { organisationId: 'p', name: 'Police', capacity: 50 },
      { organisationId: 'c', name: 'Council', capacity: 10 },
      { organisationId: 't', name: 'Tax', capacity: 30 },
      { organisationId: 'z', name: 'Zed Agency', capacity: 10 },
    ],
    [
      { organisationId: 'p', status: 'assigned', count: 2, overdue: 1, completedRecently: 0 },
      { organisationId: 'p', status: 'accepted', count: 3, overdue: 1, completedRecently: 0 },
      { organisationId: 'p', status: 'closed', count: 4, overdue: 0, completedRecently: 2 },
      { organisationId: 'c', status: 'in_progress', count: 1, overdue: 0, completedRecently: 0 },
      { organisationId: 'c', status: 'declined', count: 2, overdue: 2, completedRecently: 0 },
      { organisationId: 'c', status: 'completed', count: 1, overdue: 0, completedRecently: 1 },
    ],
  );

  it('sorts by load, heaviest first, then by name', () => {
    expect(rows.map((r) => [r.name, r.load])).toEqual([
      ['Council', 0.1],
      ['Police', 0.1],
      ['Tax', 0],
      ['Zed Agency', 0],
    ]);
  });

  it('counts held work by status, overdue held work only, declines and recent completions', () => {
    const police = rows.find((r) => r.organisationId === 'p')!;
    expect(police).toMatchObject({ open: { assigned: 2, accepted: 3, in_progress: 0 }, openTotal: 5, overdue: 2, declined: 0, completedLast30Days: 2 });
    const council = rows.find((r) => r.organisationId === 'c')!;
    // A declined task is not the council's load, nor its overdue work: it is back with coordinators.
    expect(council).toMatchObject({ openTotal: 1, overdue: 0, declined: 2, completedLast30Days: 1 });
    expect(rows.find((r) => r.organisationId === 't')).toMatchObject({ openTotal: 0, load: 0, overdue: 0, declined: 0, completedLast30Days: 0 });
  });

  it('rounds the load to four places', () => {
    const [r] = buildWorkloadRows([{ organisationId: 'x', name: 'X', capacity: 3 }], [{ organisationId: 'x', status: 'assigned', count: 1, overdue: 0, completedRecently: 0 }]);
    expect(r.load).toBe(0.3333);
  });

  it('totals and writes CSV', () => {
    expect(workloadTotals(rows)).toEqual({ organisations: 4, open: 6, overdue: 2, declined: 2, completedLast30Days: 3 });
    const lines = workloadCsv({ items: rows }).trimEnd().split('\r\n');
    expect(lines[0]).toBe('organisationId,name,capacity,assigned,accepted,in_progress,open,load,overdue,declined,completedLast30Days');
    expect(lines[1]).toBe('c,Council,10,0,0,1,1,0.1,0,2,1');
  });
});
