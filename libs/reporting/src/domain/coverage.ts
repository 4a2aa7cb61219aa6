import { STRANDS, type Band, type Strand, type TaskStatus } from '@app/common';
import { toCsv, type CsvValue } from './csv';
import { cellStatus, isUnrouted, perStrand, type CellStatus } from './task-rules';

/** A current threat, as the coverage matrix shows it. */
export interface CoverageThreat {
  threatId: string;
  assessmentId: string;
  ref: string;
  title: string;
  crimeArea: string;
  /** The computed band; `effectiveBand` is the override when there is one (what ranking uses). */
  band: Band;
  effectiveBand: Band;
  score: number;
  overridden: boolean;
}

/** A task in a coverage cell. */
export interface CoverageTask {
  id: string;
  title: string;
  status: TaskStatus;
  band: Band;
  capability: string;
  organisationId: string | null;
  organisationName: string | null;
}

/** A task as the query answers it: which current threat (by id) and which strand it belongs to. */
export interface CoverageTaskRow extends CoverageTask {
  threatId: string;
  strand: Strand;
}

export interface CoverageCell {
  status: CellStatus;
  /** Proposed tasks with no lead organisation in this cell. */
  unrouted: number;
  tasks: CoverageTask[];
}

export interface CoverageRow extends CoverageThreat {
  rank: number;
  cells: Record<Strand, CoverageCell>;
}

export interface CoverageSummary {
  /** Current threats in scope (all of them, not just this page). */
  threats: number;
  covered: Record<Strand, number>;
  planned: Record<Strand, number>;
  gaps: Record<Strand, number>;
  /** Unrouted tasks per strand. */
  unrouted: Record<Strand, number>;
  /** Threats with no live task in any strand: nothing in hand and nothing about to be issued. */
  threatsWithoutLiveTask: number;
}

export interface CoverageReport {
  generatedAt: string;
  assessment: { id: string; title: string; revision: number } | null;
  strands: readonly Strand[];
  summary: CoverageSummary;
  items: CoverageRow[];
  total: number;
  limit: number;
  offset: number;
}

/**
 * The matrix rows of one page: `threats` already ranked, `tasks` those of these threats in any order.
 * Each cell lists its tasks (in the order given) and its status by the cell rules.
 */
export function buildCoverageRows(threats: readonly CoverageThreat[], tasks: readonly CoverageTaskRow[], offset: number): CoverageRow[] {
  const byThreat = new Map<string, CoverageTaskRow[]>();
  for (const t of tasks) {
    const list = byThreat.get(t.threatId);
    if (list) list.push(t);
    else byThreat.set(t.threatId, [t]);
  }
  return threats.map((threat, i) => {
    const own = byThreat.get(threat.threatId) ?? [];
    const cells = perStrand((strand): CoverageCell => {
      const inCell = own.filter((t) => t.strand === strand);
      return {
        status: cellStatus(inCell),
        unrouted: inCell.filter(isUnrouted).length,
        tasks: inCell.map(({ threatId: _t, strand: _s, ...task }) => task),
      };
    });
    return { rank: offset + i + 1, ...threat, cells };
  });
}

/** Per-strand aggregates as the database answers them (threat counts, not task counts, except unrouted). */
export interface StrandAggregate {
  strand: Strand;
  /** Threats with at least one covering task in the strand. */
  coveredThreats: number;
  /** Threats with at least one covering or planned task in the strand. */
  addressedThreats: number;
  unroutedTasks: number;
}

/** The summary from the grouped counts: a strand missing from `rows` has no task at all. */
export function buildCoverageSummary(threats: number, rows: readonly StrandAggregate[], threatsWithLiveTask: number): CoverageSummary {
  const by = new Map(rows.map((r) => [r.strand, r]));
  return {
    threats,
    covered: perStrand((s) => by.get(s)?.coveredThreats ?? 0),
    planned: perStrand((s) => (by.get(s)?.addressedThreats ?? 0) - (by.get(s)?.coveredThreats ?? 0)),
    gaps: perStrand((s) => threats - (by.get(s)?.addressedThreats ?? 0)),
    unrouted: perStrand((s) => by.get(s)?.unroutedTasks ?? 0),
    threatsWithoutLiveTask: threats - threatsWithLiveTask,
  };
}

export const COVERAGE_CSV_HEADER = [
  'rank',
  'assessmentId',
  'threatId',
  'ref',
  'title',
  'crimeArea',
  'band',
  'effectiveBand',
  'score',
  'strand',
  'cellStatus',
  'unrouted',
  'taskCount',
  'tasks',
  'taskIds',
] as const;

/** One row per threat × strand; a cell's tasks are listed as "organisation (status)" separated by "; ". */
export function coverageCsv(report: Pick<CoverageReport, 'items'>): string {
  const rows: CsvValue[][] = [];
  for (const r of report.items) {
    for (const strand of STRANDS) {
      const cell = r.cells[strand];
      rows.push([
        r.rank,
        r.assessmentId,
        r.threatId,
        r.ref,
        r.title,
        r.crimeArea,
        r.band,
        r.effectiveBand,
        r.score,
        strand,
        cell.status,
        cell.unrouted,
        cell.tasks.length,
        cell.tasks.map((t) => `${t.organisationName ?? 'unrouted'} (${t.status})`).join('; '),
        cell.tasks.map((t) => t.id).join('; '),
      ]);
    }
  }
  return toCsv(COVERAGE_CSV_HEADER, rows);
}
