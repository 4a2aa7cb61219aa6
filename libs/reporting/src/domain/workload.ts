import { toCsv } from './csv';
import { HELD_STATUSES, type HeldStatus } from './task-rules';

export interface WorkloadOrganisation {
  organisationId: string;
  name: string;
  capacity: number;
}

/** Grouped task counts of one organisation (as lead), one row per status. */
export interface WorkloadCountRow {
  organisationId: string;
  status: string;
  count: number;
  /** Of those, past their due date. */
  overdue: number;
  /** Of those, completed since the window start. */
  completedRecently: number;
}

export interface WorkloadRow extends WorkloadOrganisation {
  /** Tasks the organisation holds, by status. */
  open: Record<HeldStatus, number>;
  openTotal: number;
  /** openTotal ÷ capacity, rounded to 4 places: what routing balances on. */
  load: number;
  /** Held tasks past their due date. */
  overdue: number;
  /** Tasks it declined that still wait for coordinators to re-route. */
  declined: number;
  completedLast30Days: number;
}

export interface WorkloadReport {
  generatedAt: string;
  /** Start of the "completed in the last 30 days" window. */
  completedSince: string;
  totals: { organisations: number; open: number; overdue: number; declined: number; completedLast30Days: number };
  items: WorkloadRow[];
}

export const WORKLOAD_WINDOW_DAYS = 30;

const round4 = (n: number): number => Math.round(n * 10_000) / 10_000;

/**
 * Per partner: held work by status, load, overdue, declined and recently completed, from grouped
 * counts. Sorted by load, heaviest first, then by name so equal loads read in a stable order.
 * Validation keeps `capacity` at least 1; the guard below only stops a bad row from producing
 * Infinity, which JSON would turn into null.
 */
export function buildWorkloadRows(orgs: readonly WorkloadOrganisation[], counts: readonly WorkloadCountRow[]): WorkloadRow[] {
  const byOrg = new Map<string, WorkloadCountRow[]>();
  for (const c of counts) byOrg.set(c.organisationId, [...(byOrg.get(c.organisationId) ?? []), c]);
  const rows = orgs.map((o): WorkloadRow => {
    const own = byOrg.get(o.organisationId) ?? [];
    const count = (status: string) => own.filter((c) => c.status === status).reduce((n, c) => n + c.count, 0);
    const held = own.filter((c) => (HELD_STATUSES as readonly string[]).includes(c.status));
    const open = Object.fromEntries(HELD_STATUSES.map((s) => [s, count(s)])) as Record<HeldStatus, number>;
    const openTotal = HELD_STATUSES.reduce((n, s) => n + open[s], 0);
    return {
      ...o,
      open,
      openTotal,
      load: round4(openTotal / Math.max(1, o.capacity)),
      overdue: held.reduce((n, c) => n + c.overdue, 0),
      declined: count('declined'),
      completedLast30Days: own.reduce((n, c) => n + c.completedRecently, 0),
    };
  });
  return rows.sort((a, b) => b.load - a.load || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}

export function workloadTotals(rows: readonly WorkloadRow[]): WorkloadReport['totals'] {
  return {
    organisations: rows.length,
    open: rows.reduce((n, r) => n + r.openTotal, 0),
    overdue: rows.reduce((n, r) => n + r.overdue, 0),
    declined: rows.reduce((n, r) => n + r.declined, 0),
    completedLast30Days: rows.reduce((n, r) => n + r.completedLast30Days, 0),
  };
}

export const WORKLOAD_CSV_HEADER = [
  'organisationId',
  'name',
  'capacity',
  'assigned',
  'accepted',
  'in_progress',
  'open',
  'load',
  'overdue',
  'declined',
  'completedLast30Days',
] as const;

export function workloadCsv(report: Pick<WorkloadReport, 'items'>): string {
  return toCsv(
    WORKLOAD_CSV_HEADER,
    report.items.map((r) => [
      r.organisationId,
      r.name,
      r.capacity,
      r.open.assigned,
      r.open.accepted,
      r.open.in_progress,
      r.openTotal,
      r.load,
      r.overdue,
      r.declined,
      r.completedLast30Days,
    ]),
  );
}
