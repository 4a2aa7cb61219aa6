import { randomUUID } from 'node:crypto';
import { Injectable, Optional } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { In, Repository } from 'typeorm';
import { ThreatEntity } from '@app/assessments/infrastructure/persistence/threat.entity';
import { ForbiddenError, NotFoundError } from '@app/common/errors/domain.error';
import { AuditSink, nowIso, TransactionRunner, type Page } from '@app/database';
import { isCoordinatorLike, OrganisationEntity, type Actor } from '@app/identity';
import { TaskEntity, TasksService } from '@app/tasking';
import type { FeedbackKind, FeedbackStatus, FeedbackSuggests } from '../domain/feedback';
import { ThreatFeedbackEntity } from '../infrastructure/persistence/threat-feedback.entity';
import { feedbackView, type FeedbackView } from './feedback.view';

export interface PostFeedbackInput {
  kind: FeedbackKind;
  detail: string;
  suggests?: FeedbackSuggests;
}

/**
 * Partners' feedback on the threat behind their tasks, and the analysts' view of it.
 *
 * Who may do what (PRODUCT.md "Feedback loop", "Contract details"):
 * - posting is the partners' voice: users of the task's lead or supporting organisations only;
 * - on a task, partners read only their own organisation's feedback (a supporter's new intelligence
 *   is for the analysts, not for the other bodies on the task); coordinators read all of it;
 * - per threat, across all revisions of its assessment: analysts and coordinators.
 * Tasks a partner neither leads nor supports answer 404, as TasksService.findVisible does for the task.
 */
@Injectable()
export class FeedbackService {
  constructor(
    @InjectRepository(ThreatFeedbackEntity) private readonly feedback: Repository<ThreatFeedbackEntity>,
    @InjectRepository(ThreatEntity) private readonly threats: Repository<ThreatEntity>,
    @InjectRepository(OrganisationEntity) private readonly organisations: Repository<OrganisationEntity>,
    @InjectRepository(TaskEntity) private readonly tasksRepo: Repository<TaskEntity>,
    private readonly tasks: TasksService,
    private readonly tx: TransactionRunner,
    @Optional() private readonly audit?: AuditSink,
  ) {}

  async post(actor: Actor, taskId: string, input: PostFeedbackInput): Promise<FeedbackView> {
    return this.tx.run(async (em) => {
      const task = await this.tasks.findVisible(actor, taskId, em);
      // findVisible lets Taskforce staff see every task; the route admits partners only, and this
      // keeps the rule with the service should another caller appear.
      if (actor.role !== 'partner' || !this.tasks.isParticipant(actor, task)) {
        throw new ForbiddenError('Feedback on a threat comes from the partners leading or supporting the task');
      }
      const row: ThreatFeedbackEntity = {
        id: randomUUID(),
        taskId: task.id,
        threatId: task.threatId,
        assessmentId: task.assessmentId,
        threatRef: task.threatRef,
        organisationId: actor.organisationId,
        authorId: actor.id,
        kind: input.kind,
        detail: input.detail.trim(),
        suggests: input.suggests ?? 'none',
        status: 'open',
        addressedRevision: null,
        addressedBy: null,
        addressedAt: null,
        createdAt: nowIso(),
      };
      await em.insert(ThreatFeedbackEntity, row);
      await this.audit?.record(em, [{ action: 'feedback.posted', entityType: 'feedback', entityId: row.id, after: row, actor }]);
      const org = await em.findOne(OrganisationEntity, { where: { id: actor.organisationId }, select: { id: true, name: true } });
      return feedbackView(row, { organisationName: org?.name ?? '', taskTitle: task.title }, true);
    });
  }

  /** A task's feedback, newest first: partners see their own organisation's, coordinators all. */
  async listForTask(actor: Actor, taskId: string, limit: number, offset: number): Promise<Page<FeedbackView>> {
    const task = await this.tasks.findVisible(actor, taskId);
    if (!this.tasks.isParticipant(actor, task)) {
      throw new ForbiddenError("A task's feedback is for its lead and supporting organisations and coordinators; analysts read it per threat");
    }
    const partner = actor.role === 'partner';
    const [rows, total] = await this.feedback.findAndCount({
      where: { taskId: task.id, ...(partner ? { organisationId: actor.organisationId } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: await this.views(rows, partner), total, limit, offset };
  }

  /**
   * Feedback on a threat across every revision of its assessment (matched by ref, so whichever
   * revision's threat id the analyst holds, the answer is the same), newest first.
   */
  async listForThreat(actor: Actor, threatId: string, status: FeedbackStatus | undefined, limit: number, offset: number): Promise<Page<FeedbackView>> {
    if (!isCoordinatorLike(actor) && actor.role !== 'analyst') throw new ForbiddenError('Threat feedback is for analysts and coordinators');
    const threat = await this.threats.findOne({ where: { id: threatId }, select: { id: true, assessmentId: true, ref: true } });
    if (!threat) throw new NotFoundError('Threat', threatId);
    const [rows, total] = await this.feedback.findAndCount({
      where: { assessmentId: threat.assessmentId, threatRef: threat.ref, ...(status ? { status } : {}) },
      order: { createdAt: 'DESC', id: 'DESC' },
      take: limit,
      skip: offset,
    });
    return { items: await this.views(rows, false), total, limit, offset };
  }

  /** Open feedback per threat ref of an assessment, in one grouped query (refs without any are absent). */
  async openCounts(assessmentId: string): Promise<Map<string, number>> {
    const rows = await this.feedback
      .createQueryBuilder('f')
      .select('f.threatRef', 'ref')
      .addSelect('COUNT(*)', 'n')
      .where('f.assessmentId = :assessmentId', { assessmentId })
      .andWhere("f.status = 'open'")
      .groupBy('f.threatRef')
      .getRawMany<{ ref: string; n: string | number }>();
    // PostgreSQL answers COUNT(*) as a bigint string, SQLite as a number.
    return new Map(rows.map((r) => [r.ref, Number(r.n)]));
  }

  /** Organisation names and task titles for a page, one query each. */
  private async views(rows: ThreatFeedbackEntity[], forPartner: boolean): Promise<FeedbackView[]> {
    if (!rows.length) return [];
    const orgIds = [...new Set(rows.map((r) => r.organisationId))];
    const taskIds = [...new Set(rows.map((r) => r.taskId))];
    const [orgs, tasks] = await Promise.all([
      this.organisations.find({ where: { id: In(orgIds) }, select: { id: true, name: true } }),
      this.tasksRepo.find({ where: { id: In(taskIds) }, select: { id: true, title: true } }),
    ]);
    const orgName = new Map(orgs.map((o) => [o.id, o.name]));
    const taskTitle = new Map(tasks.map((t) => [t.id, t.title]));
    return rows.map((r) =>
      feedbackView(r, { organisationName: orgName.get(r.organisationId) ?? '', taskTitle: taskTitle.get(r.taskId) ?? '' }, forPartner),
    );
  }
}
