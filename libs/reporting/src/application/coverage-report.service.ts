import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { ThreatEntity } from '@app/assessments/infrastructure/persistence/threat.entity';
import { STRANDS, type Band, type Strand, type TaskStatus } from '@app/common';
import { nowIso } from '@app/database';
import { OrganisationEntity } from '@app/identity/infrastructure/persistence/organisation.entity';
import { TaskEntity } from '@app/tasking/infrastructure/persistence/task.entity';
import { buildCoverageRows, buildCoverageSummary, type CoverageReport, type CoverageTaskRow, type CoverageThreat, type StrandAggregate } from '../domain/coverage';
import { COVERING_STATUSES, LIVE_STATUSES } from '../domain/task-rules';
import { findAssessment, num, ReportReader } from './report-reader';

/** Threats per coverage page when the caller names no limit, and the most it may ask for. */
export const COVERAGE_DEFAULT_LIMIT = 500;
export const COVERAGE_MAX_LIMIT = 2000;

/**
 * A task belongs to a current threat by (assessment, ref), not by threat id: closed, cancelled and
 * superseded tasks keep pointing at the revision they were done under, and still count for (or
 * against) the threat in its current revision. idx_task_assessment_ref serves this join.
 */
export const TASK_OF_THREAT = 't.assessment_id = th.assessment_id AND t.threat_ref = th.ref';

/** Current threats, optionally of one assessment: the scope of every report query over threats. */
export function currentThreats<T extends SelectQueryBuilder<any>>(qb: T, assessmentId: string | null): T {
  qb.where('th.is_current = :current', { current: true });
  if (assessmentId) qb.andWhere('th.assessment_id = :assessmentId', { assessmentId });
  return qb;
}

/** The ranking of /api/priorities: effective band, then score, then ref (and id, across assessments). */
export function rankThreats<T extends SelectQueryBuilder<any>>(qb: T): T {
  qb.orderBy('th.effective_band', 'ASC').addOrderBy('th.score', 'DESC').addOrderBy('th.ref', 'ASC').addOrderBy('th.id', 'ASC');
  return qb;
}

/**
 * The coverage matrix: current threats × the four strands. A page of ranked threats (and their count),
 * the tasks of that page's threats in one query, and summary totals over every threat in scope from
 * two grouped counts: a fixed number of queries, none per threat, each bounded by the page or grouped
 * to at most four rows.
 */
@Injectable()
export class CoverageReportService {
  constructor(private readonly reader: ReportReader) {}

  build(opts: { assessmentId?: string; limit: number; offset: number }): Promise<CoverageReport> {
    return this.reader.read(async (em) => {
      const generatedAt = nowIso();
      const assessment = opts.assessmentId ? await findAssessment(em, opts.assessmentId) : null;
      const scope = assessment?.id ?? null;
      const [threats, total] = await rankThreats(
        currentThreats(
          em
            .createQueryBuilder(ThreatEntity, 'th')
            .select(['th.id', 'th.assessmentId', 'th.ref', 'th.title', 'th.crimeArea', 'th.band', 'th.effectiveBand', 'th.score', 'th.overrideBand']),
          scope,
        ),
      )
        .skip(opts.offset)
        .take(opts.limit)
        .getManyAndCount();

      const rows = threats.map(
        (t): CoverageThreat => ({
          threatId: t.id,
          assessmentId: t.assessmentId,
          ref: t.ref,
          title: t.title,
          crimeArea: t.crimeArea,
          band: t.band,
          effectiveBand: t.effectiveBand,
          score: t.score,
          overridden: t.overrideBand !== null,
        }),
      );
      // One after another: on PostgreSQL the snapshot is one connection, which runs one query at a time.
      const tasks = await this.tasksOf(em, rows.map((r) => r.threatId));
      const aggregates = await this.strandAggregates(em, scope);
      const withLive = await this.threatsWithLiveTask(em, scope);
      return {
        generatedAt,
        assessment,
        strands: STRANDS,
        summary: buildCoverageSummary(total, aggregates, withLive),
        items: buildCoverageRows(rows, tasks, opts.offset),
        total,
        limit: opts.limit,
        offset: opts.offset,
      };
    });
  }

  /** Every task of the page's threats, with its lead's name: one query, bounded by the page. */
  private async tasksOf(em: EntityManager, threatIds: string[]): Promise<CoverageTaskRow[]> {
    if (!threatIds.length) return [];
    const raw = await em
      .createQueryBuilder()
      .select('th.id', 'threat_id')
      .addSelect('t.id', 'id')
      .addSelect('t.title', 'title')
      .addSelect('t.status', 'status')
      .addSelect('t.band', 'band')
      .addSelect('t.strand', 'strand')
      .addSelect('t.capability', 'capability')
      .addSelect('t.organisation_id', 'organisation_id')
      .addSelect('o.name', 'organisation_name')
      .from(ThreatEntity, 'th')
      .innerJoin(TaskEntity, 't', TASK_OF_THREAT)
      .leftJoin(OrganisationEntity, 'o', 'o.id = t.organisation_id')
      .where('th.id IN (:...threatIds)', { threatIds })
      .orderBy('t.created_at', 'ASC')
      .addOrderBy('t.id', 'ASC')
      .getRawMany<Record<string, string | null>>();
    return raw.map((r) => ({
      threatId: r.threat_id!,
      id: r.id!,
      title: r.title!,
      status: r.status as TaskStatus,
      band: r.band as Band,
      strand: r.strand as Strand,
      capability: r.capability!,
      organisationId: r.organisation_id ?? null,
      organisationName: r.organisation_name ?? null,
    }));
  }

  /**
   * Per strand, over all threats in scope: threats with a covering task, threats with a covering or
   * planned task, and unrouted tasks. The conditions are the cell rules (domain/task-rules), in SQL.
   */
  private async strandAggregates(em: EntityManager, scope: string | null): Promise<StrandAggregate[]> {
    const raw = await currentThreats(
      em
        .createQueryBuilder()
        .select('t.strand', 'strand')
        .addSelect('COUNT(DISTINCT CASE WHEN t.organisation_id IS NOT NULL AND t.status IN (:...covering) THEN th.id END)', 'covered')
        .addSelect(
          'COUNT(DISTINCT CASE WHEN t.organisation_id IS NOT NULL AND (t.status IN (:...covering) OR t.status = :proposed) THEN th.id END)',
          'addressed',
        )
        .addSelect('SUM(CASE WHEN t.organisation_id IS NULL AND t.status = :proposed THEN 1 ELSE 0 END)', 'unrouted')
        .from(ThreatEntity, 'th')
        .innerJoin(TaskEntity, 't', TASK_OF_THREAT),
      scope,
    )
      .groupBy('t.strand')
      .setParameters({ covering: [...COVERING_STATUSES], proposed: 'proposed' })
      .getRawMany<{ strand: string; covered: unknown; addressed: unknown; unrouted: unknown }>();
    return raw
      .filter((r) => (STRANDS as readonly string[]).includes(r.strand))
      .map((r) => ({ strand: r.strand as Strand, coveredThreats: num(r.covered), addressedThreats: num(r.addressed), unroutedTasks: num(r.unrouted) }));
  }

  private async threatsWithLiveTask(em: EntityManager, scope: string | null): Promise<number> {
    const row = await currentThreats(
      em.createQueryBuilder().select('COUNT(DISTINCT th.id)', 'n').from(ThreatEntity, 'th').innerJoin(TaskEntity, 't', TASK_OF_THREAT),
      scope,
    )
      .andWhere('t.organisation_id IS NOT NULL')
      .andWhere('t.status IN (:...live)', { live: [...LIVE_STATUSES] })
      .getRawOne<{ n: unknown }>();
    return num(row?.n);
  }
}
