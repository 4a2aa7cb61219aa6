import { randomUUID } from 'node:crypto';
import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, EntityManager } from 'typeorm';
import { AssessmentsService } from '@app/assessments/application/assessments.service';
import type {
  PlannableThreat as RevisionThreat,
  RevisionListener,
  RevisionPlan,
  RevisionStoredEvent,
} from '@app/assessments/application/revision-listener';
import { LOAD_TASK_STATUSES, type Classification, type RoutingCandidate, type TaskDraft } from '@app/common';
import { nowIso } from '@app/database';
import { OrganisationEntity } from '@app/identity';
import { VisionService } from '@app/vision';
import { TERMINAL_TASK_STATUSES } from '../lifecycle/task-state-machine';
import { generatePlan, type PlannableThreat } from '../planning/generate-plan';
import { selectForRetasking } from '../planning/retasking';
import { applyRouting } from '../routing/route-tasks';
import { AfterCommitHooks } from '../infrastructure/after-commit';
import { insertMany } from '@app/database';
import { NO_DUE_DATE_SORT, TaskEntity, TaskSupporterEntity } from '../infrastructure/persistence/task.entity';
import type { TaskChange, TaskChangeListener } from './task-change-listener';
import { TaskChangeBus } from './task-change-bus';
import { TaskingSettings } from './tasking-settings';
import { taskSnapshot, taskView, threatSummary, type TaskRowLike, type TaskView, type TaskViewer } from './task.view';

/** The threat fields a stored task copies (routing and reassignment need them later). */
interface PlanThreat {
  id?: string;
  ref: string;
  regions: string[];
  classification: Classification;
}

/**
 * Turns a routed draft into a `task` row in status `proposed`. Dates stay null until the task is
 * issued; until then dueInDays/acceptWithinHours say what they will be.
 */
export function draftToTask(
  draft: TaskDraft,
  threat: PlanThreat & { id: string },
  ctx: { assessmentId: string; revision: number; now: string },
): TaskEntity {
  return {
    id: randomUUID(),
    threatId: threat.id,
    threatRef: draft.threatRef,
    assessmentId: ctx.assessmentId,
    revision: ctx.revision,
    title: draft.title,
    description: draft.description,
    strand: draft.strand,
    capability: draft.capability,
    source: draft.source,
    band: draft.band,
    objectiveCode: draft.objectiveCode,
    status: 'proposed',
    organisationId: draft.organisationId,
    supporterIds: draft.supporterIds,
    regions: [...threat.regions],
    classification: threat.classification,
    dueInDays: draft.dueInDays,
    acceptWithinHours: draft.acceptWithinHours,
    issuedAt: null,
    acceptBy: null,
    dueAt: null,
    dueSort: NO_DUE_DATE_SORT,
    acceptedAt: null,
    startedAt: null,
    completedAt: null,
    closedAt: null,
    outcome: null,
    declineReason: null,
    cancelReason: null,
    createdAt: ctx.now,
    updatedAt: ctx.now,
    version: 1,
  };
}

/**
 * Generates and routes the tasking plan of each stored revision (and of dry runs), as the
 * assessments service's RevisionListener.
 *
 * Re-tasking on later revisions: new threats and threats whose effective band rose get new proposed
 * tasks; the live tasks of threats that persist are re-pointed to the new threat row, so a threat's
 * work follows it across revisions. Tasks of threats the revision removed are left as they are for
 * coordinators to cancel or supersede: deciding that work already under way should stop is theirs.
 */
@Injectable()
export class TaskPlanningService implements RevisionListener, OnModuleInit {
  constructor(
    private readonly assessments: AssessmentsService,
    private readonly settings: TaskingSettings,
    private readonly vision: VisionService,
    private readonly bus: TaskChangeBus,
    private readonly afterCommit: AfterCommitHooks,
    @InjectDataSource() private readonly dataSource: DataSource,
  ) {}

  onModuleInit(): void {
    this.assessments.registerListener(this);
  }

  /** Same list as TasksService.registerListener: either registers for both. */
  registerListener(listener: TaskChangeListener): void {
    this.bus.register(listener);
  }

  async onRevisionStored(em: EntityManager, event: RevisionStoredEvent): Promise<RevisionPlan> {
    const selection = selectForRetasking(event.threats, event.previousThreats);
    if (selection.persisting.length) await this.repoint(em, event);

    const drafts = await this.route(em, selection.toPlan, await this.draft(selection.toPlan));
    const now = nowIso();
    const byRef = new Map(event.threats.map((t) => [t.ref, t]));
    const rows = drafts.map((d) => draftToTask(d, byRef.get(d.threatRef)!, { assessmentId: event.assessmentId, revision: event.revision, now }));

    // Chunked multi-row inserts (never save(array), which is a statement per row): a 10,000-threat
    // plan is over ten thousand tasks and must store well within a second.
    await insertMany(em, TaskEntity, rows);
    await insertMany(
      em,
      TaskSupporterEntity,
      rows.flatMap((r) =>
        r.supporterIds.map((organisationId) => ({ taskId: r.id, organisationId, band: r.band, dueSort: r.dueSort, issuedAt: null, createdAt: r.createdAt })),
      ),
    );

    const actor = { id: event.actor.id, role: event.actor.role, organisationId: event.actor.organisationId };
    const changes: TaskChange[] = rows.map((r) => ({ before: null, after: taskSnapshot(r), action: 'create', actor, reason: null, at: now }));
    if (changes.length) {
      await this.bus.inTransaction(em, changes);
      await this.afterCommit.defer(em, () => this.bus.afterCommit(changes));
    }
    return { tasks: rows.map((r) => taskView(r, threatSummary(byRef.get(r.threatRef)!), viewerOf(event.actor))) };
  }

  /** The plan an upload would create, routed against today's loads; writes nothing. */
  async previewPlan(threats: RevisionThreat[]): Promise<{ tasks: TaskView[] }> {
    const em = this.dataSource.manager;
    const drafts = await this.route(em, threats, await this.draft(threats));
    const byRef = new Map(threats.map((t) => [t.ref, t]));
    const now = nowIso();
    return {
      tasks: drafts.map((d) => {
        const threat = byRef.get(d.threatRef)!;
        const row: TaskRowLike = {
          ...draftToTask(d, { ...threat, id: threat.id ?? '' }, { assessmentId: '', revision: 0, now }),
          id: null,
          threatId: threat.id ?? null,
          assessmentId: null,
          revision: null,
          version: 0,
        };
        return taskView(row, threatSummary(threat), null);
      }),
    };
  }

  private async draft(threats: readonly PlannableThreat[]): Promise<TaskDraft[]> {
    if (!threats.length) return [];
    const vision = await this.vision.find();
    return generatePlan(threats, {
      config: this.settings.config,
      playbooks: this.settings.playbooks,
      objectives: vision?.objectives ?? [],
    });
  }

  /** Routes against every partner organisation, each loaded with its open tasks (one grouped query). */
  private async route(em: EntityManager, threats: readonly PlanThreat[], drafts: TaskDraft[]): Promise<TaskDraft[]> {
    if (!drafts.length) return drafts;
    const [orgs, loads] = await Promise.all([
      em.find(OrganisationEntity, { where: { kind: 'partner' } }),
      em
        .createQueryBuilder(TaskEntity, 't')
        .select('t.organisationId', 'organisationId')
        .addSelect('COUNT(*)', 'open')
        .where('t.status IN (:...statuses)', { statuses: LOAD_TASK_STATUSES })
        .andWhere('t.organisationId IS NOT NULL')
        .groupBy('t.organisationId')
        .getRawMany<{ organisationId: string; open: string | number }>(),
    ]);
    const open = new Map(loads.map((l) => [l.organisationId, Number(l.open)]));
    const candidates: RoutingCandidate[] = orgs.map((o) => ({
      id: o.id,
      name: o.name,
      kind: o.kind,
      capabilities: o.capabilities,
      jurisdictions: o.jurisdictions,
      clearance: o.clearance,
      capacity: o.capacity,
      openTasks: open.get(o.id) ?? 0,
    }));
    return applyRouting(drafts, threats, candidates, { maxSupporters: this.settings.config.maxSupporters });
  }

  /**
   * Moves the live tasks of threats that persist into the new revision onto the new threat rows, in
   * one statement: the new row is found by (assessment, ref, revision). Tasks already closed,
   * cancelled or superseded keep pointing at the revision they were done under.
   */
  private async repoint(em: EntityManager, event: RevisionStoredEvent): Promise<void> {
    const match = 'FROM threat n WHERE n.assessment_id = task.assessment_id AND n.ref = task.threat_ref AND n.revision = :revision';
    await em
      .createQueryBuilder()
      .update(TaskEntity)
      .set({ threatId: () => `(SELECT n.id ${match})`, revision: event.revision, updatedAt: nowIso() })
      .where('assessment_id = :assessmentId', { assessmentId: event.assessmentId })
      .andWhere('status NOT IN (:...terminal)', { terminal: TERMINAL_TASK_STATUSES })
      .andWhere(`EXISTS (SELECT 1 ${match})`, { revision: event.revision })
      .execute();
  }
}

const viewerOf = (actor: { role: TaskViewer['role']; organisationId: string }): TaskViewer => ({
  role: actor.role,
  organisationId: actor.organisationId,
});
