import { randomUUID } from 'node:crypto';
import { Inject, Injectable, Optional } from '@nestjs/common';
import { ConfigType } from '@nestjs/config';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import {
  BadRequestError,
  BANDS,
  ConflictError,
  NotFoundError,
  UnprocessableError,
  type Band,
  type ThreatInput,
} from '@app/common';
import { appConfig } from '@app/config';
import { AuditSink, insertMany, nowIso, TransactionRunner, type Page } from '@app/database';
import { CapabilityVocabulary, type Actor } from '@app/identity';
import { diffThreats, type ThreatDiff } from '../diff/diff-threats';
import { AssessmentEntity, AssessmentRevisionEntity } from '../infrastructure/persistence/assessment.entity';
import { ThreatEntity } from '../infrastructure/persistence/threat.entity';
import { parseAssessmentUpload } from '../parsing/parse-assessment';
import { validateThreats } from '../parsing/validate-threats';
import { scoreThreats } from '../scoring/score-threat';
import type { PlannableThreat, RevisionListener, RevisionPlan } from './revision-listener';
import { ScoringConfigProvider } from './scoring-config.provider';
import { threatView, type ThreatView } from './threat.view';

/** What an upload carries, whichever way it arrived (multipart file or JSON body). */
export interface UploadInput {
  file?: { buffer: Buffer; originalname?: string };
  /** JSON body threats (raw rows, validated here so that bad rows answer 422 like a file). */
  threats?: unknown[];
  title?: string;
  dryRun: boolean;
  /** Revisions only: ids of partner feedback the revision addresses (passed on to the listeners). */
  addressedFeedbackIds?: string[];
}

export interface UploadAnswer {
  id: string | null;
  title: string;
  revision: number;
  scoringVersion: string;
  dryRun: boolean;
  threats: Array<ThreatView | (Omit<ThreatView, 'id' | 'assessmentId'> & { id: null; assessmentId: string | null })>;
  plan: RevisionPlan;
}

@Injectable()
export class AssessmentsService {
  private readonly listeners: RevisionListener[] = [];

  constructor(
    @InjectRepository(AssessmentEntity) private readonly assessments: Repository<AssessmentEntity>,
    @InjectRepository(AssessmentRevisionEntity) private readonly revisions: Repository<AssessmentRevisionEntity>,
    @InjectRepository(ThreatEntity) private readonly threats: Repository<ThreatEntity>,
    private readonly tx: TransactionRunner,
    private readonly scoring: ScoringConfigProvider,
    private readonly vocabulary: CapabilityVocabulary,
    @Inject(appConfig.KEY) private readonly app: ConfigType<typeof appConfig>,
    @Optional() private readonly audit?: AuditSink,
  ) {}

  /** Tasking subscribes here; see RevisionListener for the transaction contract. */
  registerListener(listener: RevisionListener): void {
    this.listeners.push(listener);
  }

  /** Revision 1 of a new assessment. */
  async create(actor: Actor, input: UploadInput): Promise<UploadAnswer> {
    const parsed = await this.parse(input);
    const title = input.title ?? parsed.title;
    if (!title) throw new BadRequestError('A title is required', [{ field: 'title', message: 'title is required' }]);
    const scored = this.score(parsed.threats);
    if (input.dryRun) return this.preview(null, title, 1, scored);

    const assessmentId = randomUUID();
    return this.tx.run(async (em) => {
      const now = nowIso();
      await em.insert(AssessmentEntity, { id: assessmentId, title, currentRevision: 1, createdBy: actor.id, createdAt: now, updatedAt: now });
      return this.storeRevision(em, actor, { assessmentId, title, revision: 1, format: parsed.format, sourceName: input.file?.originalname ?? null, scored, previous: [] });
    });
  }

  /** A new revision: a whole new upload based on `baseRevision`, which must still be the latest. */
  async revise(actor: Actor, assessmentId: string, baseRevision: number, input: UploadInput): Promise<UploadAnswer> {
    const assessment = await this.getEntity(assessmentId);
    this.assertBase(assessment, baseRevision);
    const parsed = await this.parse(input);
    const title = input.title ?? parsed.title ?? assessment.title;
    const scored = this.score(parsed.threats);
    if (input.dryRun) {
      const previous = await this.threats.find({ where: { assessmentId, revision: assessment.currentRevision } });
      return this.preview(assessmentId, title, baseRevision + 1, carryOverrides(scored, previous));
    }

    return this.tx.run(async (em) => {
      // Compare-and-set on the revision number: of two analysts on the same base, exactly one wins.
      const res = await em
        .createQueryBuilder()
        .update(AssessmentEntity)
        .set({ currentRevision: baseRevision + 1, title, updatedAt: nowIso() })
        .where('id = :id AND current_revision = :base', { id: assessmentId, base: baseRevision })
        .execute();
      if (!res.affected) {
        const latest = await em.findOne(AssessmentEntity, { where: { id: assessmentId } });
        throw staleBase(baseRevision, latest?.currentRevision ?? baseRevision);
      }
      // Retire the old rows first, then read them: on PostgreSQL the update holds their row locks, so an
      // override racing this revision either committed before (and is read and carried over here) or
      // waits and then finds its threat no longer current (409). Nothing is silently lost.
      await em.createQueryBuilder().update(ThreatEntity).set({ isCurrent: false }).where('assessment_id = :id', { id: assessmentId }).execute();
      const prevRows = await em.find(ThreatEntity, { where: { assessmentId, revision: baseRevision } });
      return this.storeRevision(em, actor, {
        assessmentId,
        title,
        revision: baseRevision + 1,
        format: parsed.format,
        sourceName: input.file?.originalname ?? null,
        scored: carryOverrides(scored, prevRows),
        previous: prevRows,
        addressedFeedbackIds: input.addressedFeedbackIds,
      });
    });
  }

  async list(limit: number, offset: number): Promise<Page<AssessmentEntity>> {
    const [items, total] = await this.assessments.findAndCount({ order: { updatedAt: 'DESC' }, take: limit, skip: offset });
    return { items, total, limit, offset };
  }

  async get(id: string) {
    const assessment = await this.getEntity(id);
    const revisions = await this.revisions.find({ where: { assessmentId: id }, order: { revision: 'ASC' } });
    const threats = await this.threats.find({ where: { assessmentId: id, revision: assessment.currentRevision } });
    return {
      ...assessment,
      revisions: revisions.map(({ scoringConfig: _c, ...r }) => r),
      threats: rank(threats).map(threatView),
    };
  }

  async getRevision(id: string, revision: number) {
    await this.getEntity(id);
    const rev = await this.revisions.findOne({ where: { assessmentId: id, revision } });
    if (!rev) throw new NotFoundError(`Revision ${revision} of assessment`, id);
    const threats = await this.threats.find({ where: { revisionId: rev.id } });
    return { ...rev, threats: rank(threats).map(threatView) };
  }

  async diff(id: string, from: number, to: number) {
    const assessment = await this.getEntity(id);
    for (const r of [from, to]) {
      if (r < 1 || r > assessment.currentRevision) throw new NotFoundError(`Revision ${r} of assessment`, id);
    }
    const [a, b] = await Promise.all([
      this.threats.find({ where: { assessmentId: id, revision: from } }),
      this.threats.find({ where: { assessmentId: id, revision: to } }),
    ]);
    const d = diffThreats(a, b);
    return { from, to, added: d.added.map(threatView), removed: d.removed.map(threatView), changed: d.changed };
  }

  /** Threats of every assessment's current revision, ranked by effective band then score. */
  async priorities(limit: number, offset: number, filter: { band?: Band; crimeArea?: string }) {
    const qb = this.threats
      .createQueryBuilder('t')
      .where('t.is_current = :cur', { cur: true })
      .orderBy('t.effective_band', 'ASC')
      .addOrderBy('t.score', 'DESC')
      .addOrderBy('t.ref', 'ASC')
      .take(limit)
      .skip(offset);
    if (filter.band) qb.andWhere('t.effective_band = :band', { band: filter.band });
    if (filter.crimeArea) qb.andWhere('t.crime_area = :area', { area: filter.crimeArea });
    const [rows, total] = await qb.getManyAndCount();
    return { items: rows.map((t, i) => ({ rank: offset + i + 1, ...threatView(t) })), total, limit, offset };
  }

  async override(actor: Actor, threatId: string, band: Band, reason: string): Promise<ThreatView> {
    return this.tx.run(async (em) => {
      const t = await em.findOne(ThreatEntity, { where: { id: threatId } });
      if (!t) throw new NotFoundError('Threat', threatId);
      if (!t.isCurrent) {
        throw new ConflictError(`Threat ${t.ref} belongs to revision ${t.revision}, which is no longer current; override the current revision's threat`);
      }
      const changes = { overrideBand: band, overrideReason: reason, overrideBy: actor.id, overrideAt: nowIso(), effectiveBand: band };
      // Only while still current: a revision stored meanwhile must not lose (or strand) this override.
      const res = await em.update(ThreatEntity, { id: threatId, isCurrent: true }, changes);
      if (!res.affected) throw new ConflictError(`Threat ${t.ref} was superseded by a new revision just now; override the current revision's threat`);
      const bands = (x: ThreatEntity) => ({ ref: x.ref, band: x.band, effectiveBand: x.effectiveBand, overrideBand: x.overrideBand, overrideReason: x.overrideReason });
      await this.audit?.record(em, [{ action: 'threat.override', entityType: 'threat', entityId: t.id, before: bands(t), after: bands({ ...t, ...changes }), actor }]);
      return threatView({ ...t, ...changes });
    });
  }

  // --- internals -------------------------------------------------------------------------------

  private async parse(input: UploadInput): Promise<{ format: string; title?: string; threats: ThreatInput[] }> {
    const capabilities = this.vocabulary.capabilities;
    if (input.file) {
      if (input.threats) throw new BadRequestError('Send either a file or a JSON body with threats, not both');
      return parseAssessmentUpload(input.file.buffer, { maxRows: this.app.uploadMaxRows, capabilities });
    }
    if (!input.threats) {
      throw new BadRequestError('Send the assessment as multipart field `file` (JSON, CSV or XLSX) or as a JSON body { title, threats }', [
        { field: 'threats', message: 'threats (JSON body) or file (multipart) is required' },
      ]);
    }
    if (input.threats.length > this.app.uploadMaxRows) {
      throw new UnprocessableError(`The assessment has ${input.threats.length} threats; the limit is ${this.app.uploadMaxRows}`, [
        { field: 'threats', value: input.threats.length, message: `at most ${this.app.uploadMaxRows} threats are allowed in one assessment` },
      ]);
    }
    return { format: 'json', ...validateThreats(input.threats, { capabilities }) };
  }

  /** Scores with the configuration in force. */
  private score(threats: ThreatInput[]): PlannableThreat[] {
    return scoreThreats(threats, this.scoring.config).map((t) => ({ ...t, effectiveBand: t.band }));
  }

  private async preview(id: string | null, title: string, revision: number, scored: PlannableThreat[]): Promise<UploadAnswer> {
    const plans = await Promise.all(this.listeners.map((l) => l.previewPlan(scored)));
    return {
      id,
      title,
      revision,
      scoringVersion: this.scoring.config.version,
      dryRun: true,
      threats: rankPlannable(scored).map((t) => ({
        ...threatView(toEntity(t, { id: '', assessmentId: '', revisionId: '', revision, now: '' })),
        id: null,
        assessmentId: id,
      })),
      plan: mergePlans(plans),
    };
  }

  private async storeRevision(
    em: EntityManager,
    actor: Actor,
    r: {
      assessmentId: string;
      title: string;
      revision: number;
      format: string;
      sourceName: string | null;
      scored: Array<PlannableThreat & { carried?: ThreatEntity }>;
      previous: ThreatEntity[];
      addressedFeedbackIds?: string[];
    },
  ): Promise<UploadAnswer> {
    const now = nowIso();
    const revisionId = randomUUID();
    await em.insert(AssessmentRevisionEntity, {
      id: revisionId,
      assessmentId: r.assessmentId,
      revision: r.revision,
      title: r.title,
      scoringVersion: this.scoring.config.version,
      scoringConfig: this.scoring.config,
      sourceFormat: r.format,
      sourceName: r.sourceName ? r.sourceName.slice(0, 300) : null,
      threatCount: r.scored.length,
      createdBy: actor.id,
      createdAt: now,
    });
    const rows = r.scored.map((t) => toEntity(t, { id: randomUUID(), assessmentId: r.assessmentId, revisionId, revision: r.revision, now }));
    // Chunked multi-row inserts: one statement per chunk, under SQLite's bound-parameter limit.
    await insertMany(em, ThreatEntity, rows);
    const diff: ThreatDiff<ThreatEntity> | null = r.previous.length ? diffThreats(r.previous, rows) : null;
    const plans: RevisionPlan[] = [];
    for (const l of this.listeners) {
      const plan = await l.onRevisionStored(em, { assessmentId: r.assessmentId, revisionId, revision: r.revision, threats: rows, previousThreats: r.previous, diff, actor, addressedFeedbackIds: r.addressedFeedbackIds });
      if (plan) plans.push(plan);
    }
    return {
      id: r.assessmentId,
      title: r.title,
      revision: r.revision,
      scoringVersion: this.scoring.config.version,
      dryRun: false,
      threats: rank(rows).map(threatView),
      plan: mergePlans(plans),
    };
  }

  private async getEntity(id: string): Promise<AssessmentEntity> {
    const a = await this.assessments.findOne({ where: { id } });
    if (!a) throw new NotFoundError('Assessment', id);
    return a;
  }

  private assertBase(a: AssessmentEntity, baseRevision: number): void {
    if (baseRevision !== a.currentRevision) throw staleBase(baseRevision, a.currentRevision);
  }
}

/** A coordinator's override on the previous revision carries over to the threat with the same ref. */
function carryOverrides(scored: PlannableThreat[], previous: ThreatEntity[]): Array<PlannableThreat & { carried?: ThreatEntity }> {
  const overrides = new Map(previous.filter((t) => t.overrideBand).map((t) => [t.ref, t]));
  return scored.map((t) => {
    const o = overrides.get(t.ref);
    return o ? { ...t, effectiveBand: o.overrideBand!, carried: o } : t;
  });
}

function staleBase(base: number, current: number): ConflictError {
  return new ConflictError(
    `baseRevision ${base} is stale: the assessment is at revision ${current}. Rebase your changes on revision ${current} and submit again.`,
    { currentRevision: current },
    'stale_revision',
  );
}

function toEntity(
  t: PlannableThreat & { carried?: ThreatEntity },
  ctx: { id: string; assessmentId: string; revisionId: string; revision: number; now: string },
): ThreatEntity {
  const o = t.carried;
  return {
    id: ctx.id,
    assessmentId: ctx.assessmentId,
    revisionId: ctx.revisionId,
    revision: ctx.revision,
    ref: t.ref,
    title: t.title,
    description: t.description,
    crimeArea: t.crimeArea,
    harm: t.harm,
    likelihood: t.likelihood,
    confidence: t.confidence,
    trend: t.trend,
    regions: t.regions,
    classification: t.classification,
    intelligenceGaps: t.intelligenceGaps,
    recommendedActions: t.recommendedActions,
    score: t.score,
    band: t.band,
    breakdown: t.breakdown,
    needsIntelligence: t.needsIntelligence,
    overrideBand: o?.overrideBand ?? null,
    overrideReason: o?.overrideReason ?? null,
    overrideBy: o?.overrideBy ?? null,
    overrideAt: o?.overrideAt ?? null,
    effectiveBand: t.effectiveBand,
    isCurrent: true,
    createdAt: ctx.now,
  };
}

const bandIndex = (b: Band) => BANDS.indexOf(b);
function rank<T extends { effectiveBand: Band; score: number; ref: string }>(rows: T[]): T[] {
  return [...rows].sort((a, b) => bandIndex(a.effectiveBand) - bandIndex(b.effectiveBand) || b.score - a.score || a.ref.localeCompare(b.ref));
}
const rankPlannable = rank<PlannableThreat>;

function mergePlans(plans: RevisionPlan[]): RevisionPlan {
  return { tasks: plans.flatMap((p) => p.tasks) };
}
