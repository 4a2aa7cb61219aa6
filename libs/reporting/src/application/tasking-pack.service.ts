import { Injectable } from '@nestjs/common';
import type { EntityManager, SelectQueryBuilder } from 'typeorm';
import { AssessmentEntity } from '@app/assessments/infrastructure/persistence/assessment.entity';
import { ThreatEntity } from '@app/assessments/infrastructure/persistence/threat.entity';
import { ThreatFeedbackEntity } from '@app/collaboration/infrastructure/persistence/threat-feedback.entity';
import { OPEN_TASK_STATUSES, type Band, type Classification, type RoutingCandidate, type ScoredThreat, type Strand, type TaskStatus } from '@app/common';
import { nowIso } from '@app/database';
import { OrganisationEntity } from '@app/identity/infrastructure/persistence/organisation.entity';
import { TaskEntity } from '@app/tasking/infrastructure/persistence/task.entity';
import {
  explainUnrouted,
  summariseRevisionChanges,
  type AcceptanceOverdueTask,
  type DeclinedTask,
  type FeedbackLine,
  type IntelligenceGap,
  type OverdueTask,
  type PackSection,
  type PackTask,
  type RevisionChanges,
  type TaskingPack,
  type TopPriority,
  type UnroutedTask,
} from '../domain/tasking-pack';
import { LIVE_STATUSES, tallyTasks, type StatusCountRow, type TaskTally } from '../domain/task-rules';
import { currentThreats, rankThreats, TASK_OF_THREAT } from './coverage-report.service';
import { findAssessment, num, parseJson, ReportReader } from './report-reader';

/** Threats in "top priorities". */
export const PACK_TOP_PRIORITIES = 10;
/** The most items any list of the pack holds; each list also says how many there are in all. */
export const PACK_LIST_LIMIT = 100;
/**
 * Revised assessments whose latest changes the pack shows, most recently revised first. Each costs
 * the rows of two revisions held in memory for the diff, so the number is kept small.
 */
export const PACK_CHANGED_ASSESSMENTS = 5;
/** Partner organisations read to explain unrouted tasks: far more than any Taskforce registers. */
const MAX_PARTNERS = 5000;
export const INTELLIGENCE_CAPABILITY = 'intelligence-collection';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** Revisions whose changes are kept in memory (see TaskingPackService.changes). */
const CHANGES_CACHE_SIZE = 64;

type RawRow = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

/**
 * The pack for the tasking and coordination meeting. About seventeen queries, plus one per revised
 * assessment whose changes are not cached yet (at most PACK_CHANGED_ASSESSMENTS); each is bounded (a
 * LIMIT, or grouped to a handful of rows) and none runs per threat or per task. The lists carry their
 * full counts from a window COUNT(*) in the same query.
 */
@Injectable()
export class TaskingPackService {
  private readonly changesCache = new Map<string, RevisionChanges>();

  constructor(private readonly reader: ReportReader) {}

  build(opts: { assessmentId?: string }): Promise<TaskingPack> {
    return this.reader.read(async (em) => {
      const generatedAt = nowIso();
      const now = Date.parse(generatedAt);
      const assessment = opts.assessmentId ? await findAssessment(em, opts.assessmentId) : null;
      const scope = assessment?.id ?? null;

      const currentCount = await currentThreats(em.createQueryBuilder(ThreatEntity, 'th'), scope).getCount();
      const topPriorities = await this.topPriorities(em, scope);
      const changes = await this.changes(em, scope);
      const overdue = await this.taskList(em, scope, (qb) =>
        qb
          .andWhere('t.status IN (:...open)', { open: [...OPEN_TASK_STATUSES] })
          .andWhere('t.due_at IS NOT NULL AND t.due_at < :now', { now: generatedAt })
          .orderBy('t.due_at', 'ASC'),
      );
      const acceptanceOverdue = await this.taskList(em, scope, (qb) =>
        qb
          .andWhere('t.status = :assigned', { assigned: 'assigned' })
          .andWhere('t.accept_by IS NOT NULL AND t.accept_by < :now', { now: generatedAt })
          .orderBy('t.accept_by', 'ASC'),
      );
      const declined = await this.taskList(em, scope, (qb) =>
        qb.andWhere('t.status = :declined', { declined: 'declined' }).orderBy('t.updated_at', 'ASC'),
      );
      const unrouted = await this.taskList(em, scope, (qb) =>
        qb.andWhere('t.status = :proposed', { proposed: 'proposed' }).andWhere('t.organisation_id IS NULL').orderBy('t.band', 'ASC').addOrderBy('t.created_at', 'ASC'),
      );
      const partners = unrouted.items.length ? await this.partners(em) : [];
      const intelligenceGaps = await this.intelligenceGaps(em, scope);
      const feedback = await this.feedback(em, scope);

      const section = <T>(s: { total: number; items: RawRow[] }, map: (r: RawRow, task: PackTask) => T): PackSection<T> => ({
        total: s.total,
        items: s.items.map((r) => map(r, packTask(r))),
      });
      const pack: TaskingPack = {
        generatedAt,
        assessment,
        listLimit: PACK_LIST_LIMIT,
        summary: {
          currentThreats: currentCount,
          overdue: overdue.total,
          acceptanceOverdue: acceptanceOverdue.total,
          declined: declined.total,
          unrouted: unrouted.total,
          intelligenceGaps: intelligenceGaps.total,
          intelligenceGapsWithoutLiveTask: intelligenceGaps.withoutLiveTask,
          openFeedback: feedback.open,
        },
        topPriorities,
        changes,
        overdue: section(overdue, (_r, t): OverdueTask => ({ ...t, dueAt: t.dueAt!, daysOverdue: Math.floor((now - Date.parse(t.dueAt!)) / DAY_MS) })),
        acceptanceOverdue: section(
          acceptanceOverdue,
          (_r, t): AcceptanceOverdueTask => ({ ...t, acceptBy: t.acceptBy!, hoursOverdue: Math.floor((now - Date.parse(t.acceptBy!)) / HOUR_MS) }),
        ),
        declined: section(declined, (r, t): DeclinedTask => ({ ...t, declineReason: str(r.decline_reason), declinedAt: String(r.updated_at) })),
        unrouted: section(unrouted, (r, t): UnroutedTask => {
          const regions = parseJson<string[]>(r.regions, []);
          const classification = String(r.classification) as Classification;
          return { ...t, regions, classification, reason: explainUnrouted({ capability: t.capability, regions, classification }, partners) };
        }),
        intelligenceGaps,
        feedback,
      };
      return pack;
    });
  }

  /** The ten highest-ranked current threats and their tasks by status (one grouped query for all ten). */
  private async topPriorities(em: EntityManager, scope: string | null): Promise<TopPriority[]> {
    const threats = await rankThreats(
      currentThreats(
        em
          .createQueryBuilder(ThreatEntity, 'th')
          .select(['th.id', 'th.assessmentId', 'th.ref', 'th.title', 'th.crimeArea', 'th.band', 'th.effectiveBand', 'th.score', 'th.overrideBand', 'th.overrideReason']),
        scope,
      ),
    )
      .take(PACK_TOP_PRIORITIES)
      .getMany();
    const tallies = await this.tallies(em, threats.map((t) => t.id));
    return threats.map((t, i) => ({
      rank: i + 1,
      threatId: t.id,
      assessmentId: t.assessmentId,
      ref: t.ref,
      title: t.title,
      crimeArea: t.crimeArea,
      band: t.band,
      effectiveBand: t.effectiveBand,
      score: t.score,
      override: t.overrideBand ? { band: t.overrideBand, reason: t.overrideReason } : null,
      tasks: tallies.get(t.id) ?? tallyTasks([]),
    }));
  }

  /** Task counts by status per threat (matched by assessment and ref), optionally of one capability. */
  private async tallies(em: EntityManager, threatIds: string[], capability?: string): Promise<Map<string, TaskTally>> {
    if (!threatIds.length) return new Map();
    const qb = em
      .createQueryBuilder()
      .select('th.id', 'threat_id')
      .addSelect('t.status', 'status')
      .addSelect('COUNT(*)', 'n')
      .addSelect('SUM(CASE WHEN t.organisation_id IS NULL THEN 1 ELSE 0 END)', 'without_lead')
      .from(ThreatEntity, 'th')
      .innerJoin(TaskEntity, 't', TASK_OF_THREAT)
      .where('th.id IN (:...threatIds)', { threatIds })
      .groupBy('th.id')
      .addGroupBy('t.status');
    if (capability) qb.andWhere('t.capability = :capability', { capability });
    const raw = await qb.getRawMany<{ threat_id: string; status: string; n: unknown; without_lead: unknown }>();
    const rows = new Map<string, StatusCountRow[]>();
    for (const r of raw) {
      rows.set(r.threat_id, [...(rows.get(r.threat_id) ?? []), { status: r.status as TaskStatus, count: num(r.n), withoutLead: num(r.without_lead) }]);
    }
    return new Map([...rows].map(([id, list]) => [id, tallyTasks(list)]));
  }

  /**
   * For the most recently revised assessments (or the one in scope), the diff of their last two
   * revisions: one query for the assessments, then one per assessment not cached (at most
   * PACK_CHANGED_ASSESSMENTS) for both revisions' threats.
   *
   * The fields the diff compares are written once, when a revision is stored (an override touches
   * only the override columns and the effective band), so the changes between revision N-1 and N
   * of an assessment never change. They are kept per (assessment, revision): a 10,000-threat
   * revision costs about a second to read and diff, and every later pack reuses the answer.
   */
  private async changes(em: EntityManager, scope: string | null): Promise<PackSection<RevisionChanges>> {
    const qb = em
      .createQueryBuilder(AssessmentEntity, 'a')
      .select(['a.id', 'a.title', 'a.currentRevision'])
      .where('a.current_revision >= :two', { two: 2 })
      .orderBy('a.updated_at', 'DESC')
      .addOrderBy('a.id', 'ASC')
      .take(PACK_CHANGED_ASSESSMENTS);
    if (scope) qb.andWhere('a.id = :scope', { scope });
    const [assessments, total] = await qb.getManyAndCount();
    const key = (a: { id: string; currentRevision: number; title: string }) => `${a.id}:${a.currentRevision}:${a.title}`;
    // One assessment at a time, so at most two revisions' rows (up to twice the upload row limit)
    // are held at once, however many assessments the pack covers.
    for (const a of assessments.filter((x) => !this.changesCache.has(key(x)))) {
      const rows = await this.revisionThreats(em, a.id, a.currentRevision);
      const side = (rev: number) => rows.filter((t) => t.revision === rev);
      const head = { assessmentId: a.id, title: a.title, from: a.currentRevision - 1, to: a.currentRevision };
      this.remember(key(a), summariseRevisionChanges(head, side(head.from), side(head.to), PACK_LIST_LIMIT));
    }
    return { total, items: assessments.map((a) => this.changesCache.get(key(a))!) };
  }

  private remember(key: string, value: RevisionChanges): void {
    this.changesCache.delete(key);
    this.changesCache.set(key, value);
    // A Map iterates in insertion order: the first key is the least recently stored.
    if (this.changesCache.size > CHANGES_CACHE_SIZE) this.changesCache.delete(this.changesCache.keys().next().value!);
  }

  /**
   * The threats of an assessment's last two revisions, with the fields the diff compares, read raw:
   * TypeORM's entity hydration costs more than the query and the diff together here.
   */
  private async revisionThreats(em: EntityManager, assessmentId: string, revision: number): Promise<Array<ScoredThreat & { revision: number }>> {
    const columns = ['revision', 'ref', 'title', 'description', 'crime_area', 'harm', 'likelihood', 'confidence', 'trend', 'regions', 'classification', 'intelligence_gaps', 'recommended_actions', 'score', 'band'];
    const raw = await em
      .createQueryBuilder()
      .select(columns.map((c) => `th.${c} AS ${c}`))
      .from(ThreatEntity, 'th')
      .where('th.assessment_id = :assessmentId', { assessmentId })
      .andWhere('th.revision IN (:...revisions)', { revisions: [revision - 1, revision] })
      .getRawMany<RawRow>();
    return raw.map((r) => ({
      revision: num(r.revision),
      ref: String(r.ref),
      title: String(r.title),
      description: String(r.description),
      crimeArea: String(r.crime_area) as ScoredThreat['crimeArea'],
      harm: parseJson(r.harm, {} as ScoredThreat['harm']),
      likelihood: num(r.likelihood),
      confidence: String(r.confidence) as ScoredThreat['confidence'],
      trend: String(r.trend) as ScoredThreat['trend'],
      regions: parseJson<string[]>(r.regions, []),
      classification: String(r.classification) as Classification,
      intelligenceGaps: parseJson<string[]>(r.intelligence_gaps, []),
      recommendedActions: parseJson<ScoredThreat['recommendedActions']>(r.recommended_actions, []),
      score: Number(r.score),
      band: String(r.band) as Band,
      // Not compared by the diff, so not read.
      breakdown: { harmScore: 0, risk: 0, trendModifier: 0, factors: [] },
      needsIntelligence: false,
    }));
  }

  /**
   * Tasks matching `filter` (in scope), the first PACK_LIST_LIMIT in its order, with the threat's
   * title and the lead's name, and the number matching in all (a window count, same query).
   */
  private async taskList(
    em: EntityManager,
    scope: string | null,
    filter: (qb: SelectQueryBuilder<TaskEntity>) => SelectQueryBuilder<TaskEntity>,
  ): Promise<{ total: number; items: RawRow[] }> {
    const qb = em
      .createQueryBuilder(TaskEntity, 't')
      .select('t.id', 'id')
      .addSelect('t.title', 'title')
      .addSelect('t.assessment_id', 'assessment_id')
      .addSelect('t.threat_id', 'threat_id')
      .addSelect('t.threat_ref', 'threat_ref')
      .addSelect('th.title', 'threat_title')
      .addSelect('t.strand', 'strand')
      .addSelect('t.capability', 'capability')
      .addSelect('t.band', 'band')
      .addSelect('t.status', 'status')
      .addSelect('t.organisation_id', 'organisation_id')
      .addSelect('o.name', 'organisation_name')
      .addSelect('t.due_at', 'due_at')
      .addSelect('t.accept_by', 'accept_by')
      .addSelect('t.decline_reason', 'decline_reason')
      .addSelect('t.updated_at', 'updated_at')
      .addSelect('t.regions', 'regions')
      .addSelect('t.classification', 'classification')
      .addSelect('COUNT(*) OVER ()', 'total_count')
      .leftJoin(ThreatEntity, 'th', 'th.id = t.threat_id')
      .leftJoin(OrganisationEntity, 'o', 'o.id = t.organisation_id');
    if (scope) qb.andWhere('t.assessment_id = :scope', { scope });
    const raw = await filter(qb).addOrderBy('t.id', 'ASC').limit(PACK_LIST_LIMIT).getRawMany<RawRow>();
    return { total: raw.length ? num(raw[0].total_count) : 0, items: raw };
  }

  private async partners(em: EntityManager): Promise<RoutingCandidate[]> {
    const orgs = await em.find(OrganisationEntity, {
      where: { kind: 'partner' },
      select: { id: true, name: true, kind: true, capabilities: true, jurisdictions: true, clearance: true, capacity: true },
      order: { name: 'ASC' },
      take: MAX_PARTNERS,
    });
    return orgs.map((o) => ({ ...o, openTasks: 0 }));
  }

  /**
   * Current threats with intelligence gaps listed, or flagged as needing intelligence (high risk, low
   * confidence), ranked; with their intelligence-collection tasks by status, and how many of all such
   * threats have no live intelligence-collection task.
   */
  private async intelligenceGaps(em: EntityManager, scope: string | null): Promise<PackSection<IntelligenceGap> & { withoutLiveTask: number }> {
    // simple-json stores an empty list as the text "[]" (JSON.stringify), on both engines.
    const withGaps = <T extends SelectQueryBuilder<ThreatEntity>>(qb: T): T =>
      currentThreats(qb, scope).andWhere("(th.intelligence_gaps <> '[]' OR th.needs_intelligence = :needs)", { needs: true }) as T;
    const [threats, total] = await rankThreats(
      withGaps(
        em
          .createQueryBuilder(ThreatEntity, 'th')
          .select(['th.id', 'th.assessmentId', 'th.ref', 'th.title', 'th.effectiveBand', 'th.score', 'th.confidence', 'th.needsIntelligence', 'th.intelligenceGaps']),
      ),
    )
      .take(PACK_LIST_LIMIT)
      .getManyAndCount();
    const withoutLiveTask = total
      ? await withGaps(em.createQueryBuilder(ThreatEntity, 'th'))
          .andWhere(
            `NOT EXISTS (SELECT 1 FROM task t WHERE ${TASK_OF_THREAT} AND t.capability = :intel AND t.organisation_id IS NOT NULL AND t.status IN (:...live))`,
            { intel: INTELLIGENCE_CAPABILITY, live: [...LIVE_STATUSES] },
          )
          .getCount()
      : 0;
    const tallies = await this.tallies(em, threats.map((t) => t.id), INTELLIGENCE_CAPABILITY);
    const items = threats.map((t): IntelligenceGap => {
      const tally = tallies.get(t.id) ?? tallyTasks([]);
      const byStatus = Object.fromEntries(Object.entries(tally.byStatus).filter(([, n]) => n > 0)) as Partial<Record<TaskStatus, number>>;
      return {
        threatId: t.id,
        assessmentId: t.assessmentId,
        ref: t.ref,
        title: t.title,
        effectiveBand: t.effectiveBand,
        confidence: t.confidence,
        needsIntelligence: t.needsIntelligence,
        gaps: t.intelligenceGaps ?? [],
        intelligenceTask: { live: tally.live > 0, byStatus },
      };
    });
    return { total, items, withoutLiveTask };
  }

  /** Open partner feedback, grouped per threat (most first), and the number open in all. */
  private async feedback(em: EntityManager, scope: string | null): Promise<PackSection<FeedbackLine> & { open: number }> {
    const open = em.createQueryBuilder(ThreatFeedbackEntity, 'f').where('f.status = :open', { open: 'open' });
    if (scope) open.andWhere('f.assessment_id = :scope', { scope });
    const count = await open.getCount();
    if (!count) return { open: 0, total: 0, items: [] };
    const qb = em
      .createQueryBuilder()
      .select('f.assessment_id', 'assessment_id')
      .addSelect('f.threat_ref', 'threat_ref')
      .addSelect('th.id', 'threat_id')
      .addSelect('th.title', 'threat_title')
      .addSelect('th.effective_band', 'effective_band')
      .addSelect('COUNT(*)', 'open_count')
      .addSelect('SUM(CASE WHEN f.suggests = :raise THEN 1 ELSE 0 END)', 'suggest_raise')
      .addSelect('SUM(CASE WHEN f.suggests = :lower THEN 1 ELSE 0 END)', 'suggest_lower')
      .addSelect('COUNT(*) OVER ()', 'total_count')
      .from(ThreatFeedbackEntity, 'f')
      .leftJoin(ThreatEntity, 'th', 'th.assessment_id = f.assessment_id AND th.ref = f.threat_ref AND th.is_current = :current', { current: true })
      .where('f.status = :open', { open: 'open' })
      .groupBy('f.assessment_id')
      .addGroupBy('f.threat_ref')
      .addGroupBy('th.id')
      .addGroupBy('th.title')
      .addGroupBy('th.effective_band')
      .orderBy('COUNT(*)', 'DESC')
      .addOrderBy('f.threat_ref', 'ASC')
      .addOrderBy('f.assessment_id', 'ASC')
      .limit(PACK_LIST_LIMIT)
      .setParameters({ raise: 'raise', lower: 'lower' });
    if (scope) qb.andWhere('f.assessment_id = :scope', { scope });
    const raw = await qb.getRawMany<RawRow>();
    return {
      open: count,
      total: raw.length ? num(raw[0].total_count) : 0,
      items: raw.map((r) => ({
        assessmentId: String(r.assessment_id),
        threatRef: String(r.threat_ref),
        threatId: str(r.threat_id),
        threatTitle: str(r.threat_title),
        effectiveBand: str(r.effective_band) as Band | null,
        open: num(r.open_count),
        suggestRaise: num(r.suggest_raise),
        suggestLower: num(r.suggest_lower),
      })),
    };
  }
}

function packTask(r: RawRow): PackTask {
  return {
    id: String(r.id),
    title: String(r.title),
    assessmentId: String(r.assessment_id),
    threatId: String(r.threat_id),
    threatRef: String(r.threat_ref),
    threatTitle: str(r.threat_title),
    strand: String(r.strand) as Strand,
    capability: String(r.capability),
    band: String(r.band) as Band,
    status: String(r.status) as TaskStatus,
    organisationId: str(r.organisation_id),
    organisationName: str(r.organisation_name),
    dueAt: str(r.due_at),
    acceptBy: str(r.accept_by),
  };
}
