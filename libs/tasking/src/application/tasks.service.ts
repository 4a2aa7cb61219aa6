import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, In, Repository } from 'typeorm';
import { AssessmentEntity } from '@app/assessments/infrastructure/persistence/assessment.entity';
import { ThreatEntity } from '@app/assessments/infrastructure/persistence/threat.entity';
import {
  BadRequestError,
  clearanceCovers,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  UnprocessableError,
  type Band,
  type TaskStatus,
} from '@app/common';
import { TransactionRunner, type Page } from '@app/database';
import { isCoordinatorLike, OrganisationEntity, type Actor } from '@app/identity';
import { actorFor, allowedActions, checkTransition, type TaskAction } from '../lifecycle/task-state-machine';
import { explainEligibility } from '../routing/route-tasks';
import { insertMany } from '@app/database';
import { ISSUED, TaskEntity, TaskEventEntity, TaskSupporterEntity } from '../infrastructure/persistence/task.entity';
import { rawRowHydrator, selectColumns } from '../infrastructure/persistence/raw-rows';
import type { TaskChange, TaskChangeListener } from './task-change-listener';
import { TaskChangeBus } from './task-change-bus';
import { issueDates, type IssueDates } from './task-dates';
import { TaskingSettings } from './tasking-settings';
import { taskSnapshot, taskView, threatSummary, type TaskView, type ThreatSummary } from './task.view';

export interface TaskListFilter {
  status?: TaskStatus[];
  threatId?: string;
  organisationId?: string;
  band?: Band;
  assessmentId?: string;
  unrouted?: boolean;
}

/** What a lifecycle request may carry; each action reads the fields it needs. */
export interface TaskActionInput {
  version?: number;
  reason?: string;
  outcome?: string;
  organisationId?: string;
}

export interface BulkIssueInput {
  assessmentId?: string;
  taskIds?: string[];
}

export interface BulkIssueResult {
  issued: number;
  items: TaskView[];
  /** Proposed tasks of the assessment that could not be issued, and why (unrouted: reassign first). */
  skipped: Array<{ id: string; threatRef: string; title: string; reason: 'unrouted' }>;
}

export interface TaskEventView {
  id: string;
  taskId: string;
  action: string;
  fromStatus: TaskStatus | null;
  toStatus: TaskStatus;
  actorId: string | null;
  actorOrganisationId: string | null;
  reason: string | null;
  detail: object | null;
  at: string;
  version: number;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids per `IN (…)` list: far below both engines' parameter limits. */
const ID_CHUNK = 500;

const SUMMARY_COLUMNS = { id: true, ref: true, title: true, crimeArea: true, effectiveBand: true, regions: true } as const;
const SUMMARY_PROPERTIES = ['ref', 'title', 'crimeArea', 'effectiveBand', 'regions'] as const satisfies ReadonlyArray<keyof ThreatEntity>;

/**
 * Tasks: scoped reads and the lifecycle.
 *
 * Every write runs in TransactionRunner.run as a compare-and-set on `version`
 * (`UPDATE … SET version = version + 1 WHERE id = ? AND version = ?`), checks the affected rows, records
 * a task_event and tells the TaskChangeListeners inside the transaction, then again after commit. So
 * of two concurrent accepts exactly one wins, on SQLite (writes are serialised, the loser sees the new
 * state) and on PostgreSQL (the loser's UPDATE matches no row once the winner commits).
 *
 * Scope: coordinators, admins and analysts see every task. A partner sees the tasks its organisation
 * leads or supports *once a coordinator has issued them* (`issuedAt` set); any other id answers 404
 * exactly as a missing one does. So a `proposed` task, routed or not, is internal to the Taskforce,
 * and so is a task cancelled or superseded before it was ever issued. Once issued, a task stays in
 * its lead's and supporters' scope whatever its status: a lead that declined still sees the task,
 * its decline reason included, while it waits for coordinators (`declined` keeps the lead). When
 * coordinators re-route it, it becomes the new lead's task and the old lead gets 404, as for any
 * other organisation's task. Lists, counts, reads and everything under a task (notes, feedback,
 * reminders, history, deliveries: all go through findVisible) apply the same rule.
 */
@Injectable()
export class TasksService {
  constructor(
    @InjectRepository(TaskEntity) private readonly tasks: Repository<TaskEntity>,
    @InjectRepository(TaskEventEntity) private readonly events: Repository<TaskEventEntity>,
    @InjectRepository(ThreatEntity) private readonly threats: Repository<ThreatEntity>,
    private readonly tx: TransactionRunner,
    private readonly bus: TaskChangeBus,
    private readonly settings: TaskingSettings,
  ) {}

  /** Reminders and audit subscribe here (the same list plan generation reports to). */
  registerListener(listener: TaskChangeListener): void {
    this.bus.register(listener);
  }

  // --- reads -----------------------------------------------------------------------------------

  async list(actor: Actor, filter: TaskListFilter, limit: number, offset: number): Promise<Page<TaskView>> {
    let threat: { assessmentId: string; ref: string } | undefined;
    if (filter.threatId) {
      // A threat has one row per revision and its live tasks follow the newest; matching by
      // (assessment, ref) finds the threat's tasks whichever revision's id the client holds.
      const row = await this.threats.findOne({ where: { id: filter.threatId }, select: { id: true, assessmentId: true, ref: true } });
      if (!row) return { items: [], total: 0, limit, offset };
      threat = row;
    }
    if (actor.role === 'partner') return this.partnerList(actor, filter, threat, limit, offset);

    const qb = this.tasks.createQueryBuilder('t');
    if (filter.status?.length) qb.andWhere('t.status IN (:...status)', { status: filter.status });
    if (filter.organisationId) qb.andWhere('t.organisationId = :org', { org: filter.organisationId });
    if (filter.band) qb.andWhere('t.band = :band', { band: filter.band });
    if (filter.assessmentId) qb.andWhere('t.assessmentId = :assessmentId', { assessmentId: filter.assessmentId });
    if (filter.unrouted !== undefined) qb.andWhere(filter.unrouted ? 't.organisationId IS NULL' : 't.organisationId IS NOT NULL');
    if (threat) qb.andWhere('t.assessmentId = :threatAssessment AND t.threatRef = :threatRef', { threatAssessment: threat.assessmentId, threatRef: threat.ref });

    const countQb = qb.clone().select('COUNT(*)', 'n');
    const [count, rows] = await Promise.all([
      countQb.getRawOne<{ n: string | number }>(),
      // The list order is indexed (idx_task_band_due, idx_task_status_order, idx_task_org_order), so
      // a page stops after `limit` rows instead of sorting every matching task.
      qb.orderBy('t.band', 'ASC').addOrderBy('t.dueSort', 'ASC').addOrderBy('t.createdAt', 'ASC').addOrderBy('t.id', 'ASC').limit(limit).offset(offset).getMany(),
    ]);
    return { items: await this.views(actor, rows), total: Number(count?.n ?? 0), limit, offset };
  }

  /**
   * A partner's list: the hot path (measured at 50,000+ tasks). The tasks its organisation leads and
   * the tasks it supports are disjoint (a lead is never its own supporter), so instead of an
   * `organisation_id = ? OR id IN (supporters)` filter, which no index serves in list order, the page
   * is two index ranges merged in list order (idx_task_org_issued, and idx_task_supporter_org, which
   * carries the order keys), stopping after `offset + limit` rows, and the total is the sum of two
   * counts. Scope is part of the SQL, so nothing of another organisation's work is read or counted;
   * both indexes are partial (`issued_at IS NOT NULL`, repeated literally below so the planners use
   * them), so the partner's proposed tasks are neither listed, counted nor even scanned.
   */
  private async partnerList(
    actor: Actor,
    filter: TaskListFilter,
    threat: { assessmentId: string; ref: string } | undefined,
    limit: number,
    offset: number,
  ): Promise<Page<TaskView>> {
    const em = this.tasks.manager;
    const driver = em.connection.driver;
    /** Binds `value` as the next parameter, in the driver's placeholder style (`?` or `$n`). */
    const bind = (params: unknown[], value: unknown) => {
      params.push(value);
      return driver.createParameter(`p${params.length}`, params.length - 1);
    };
    // Filters on the task row; band is also on task_supporter, so a band-only list never reads tasks.
    const taskFilters = (params: unknown[]): string[] => {
      const where: string[] = [];
      if (filter.status?.length) where.push(`t.status IN (${filter.status.map((v) => bind(params, v)).join(', ')})`);
      if (filter.organisationId) where.push(`t.organisation_id = ${bind(params, filter.organisationId)}`);
      if (filter.assessmentId) where.push(`t.assessment_id = ${bind(params, filter.assessmentId)}`);
      if (threat) where.push(`t.assessment_id = ${bind(params, threat.assessmentId)} AND t.threat_ref = ${bind(params, threat.ref)}`);
      if (filter.unrouted !== undefined) where.push(filter.unrouted ? 't.organisation_id IS NULL' : 't.organisation_id IS NOT NULL');
      return where;
    };
    const led = (params: unknown[], select: string) => {
      const where = [`t.organisation_id = ${bind(params, actor.organisationId)}`, `t.${ISSUED}`];
      if (filter.band) where.push(`t.band = ${bind(params, filter.band)}`);
      return `SELECT ${select} FROM task t WHERE ${[...where, ...taskFilters(params)].join(' AND ')}`;
    };
    const supported = (params: unknown[], select: string) => {
      const where = [`s.organisation_id = ${bind(params, actor.organisationId)}`, `s.${ISSUED}`];
      if (filter.band) where.push(`s.band = ${bind(params, filter.band)}`);
      const onTask = taskFilters(params);
      const join = onTask.length ? ' JOIN task t ON t.id = s.task_id' : '';
      return `SELECT ${select} FROM task_supporter s${join} WHERE ${[...where, ...onTask].join(' AND ')}`;
    };

    // One statement for the page: the two id ranges merged in list order, stopping after `offset + limit`
    // entries, then each task row and its threat's summary by primary key. SQLite merges two
    // index-ordered arms of a compound ORDER BY itself ("MERGE (UNION ALL)"); PostgreSQL only plans a
    // Merge Append when each arm is its own ordered, limited subquery (otherwise it reads and sorts
    // every task the partner can see), and on SQLite that form would add a sort per arm, hence the two
    // spellings. Rows are hydrated from the entity metadata rather than through find() and a second
    // query for the threats: on this path TypeORM's query building and result transformation cost
    // more than the database's work.
    const ds = em.connection;
    const ORDER = 'ORDER BY band, due_sort, created_at, id';
    const ordered = (arm: string, params: unknown[], alias: string) =>
      driver.options.type === 'postgres' ? `SELECT * FROM (${arm} ${ORDER} LIMIT ${bind(params, offset + limit)}) ${alias}` : arm;
    const pageParams: unknown[] = [];
    const ids =
      `${ordered(led(pageParams, 't.id AS id, t.band AS band, t.due_sort AS due_sort, t.created_at AS created_at'), pageParams, 'l')} UNION ALL ` +
      `${ordered(supported(pageParams, 's.task_id AS id, s.band AS band, s.due_sort AS due_sort, s.created_at AS created_at'), pageParams, 'r')} ` +
      `${ORDER} LIMIT ${bind(pageParams, limit)} OFFSET ${bind(pageParams, offset)}`;
    const pageSql =
      `SELECT ${selectColumns(ds, TaskEntity, 't')}, ${selectColumns(ds, ThreatEntity, 'th', 'th_', SUMMARY_PROPERTIES)} ` +
      `FROM (${ids}) p JOIN task t ON t.id = p.id JOIN threat th ON th.id = t.threat_id ` +
      'ORDER BY p.band, p.due_sort, p.created_at, p.id';
    const countParams: unknown[] = [];
    const countSql = `SELECT (${led(countParams, 'COUNT(*)')}) + (${supported(countParams, 'COUNT(*)')}) AS n`;

    const [page, count] = await Promise.all([
      em.query<Array<Record<string, unknown>>>(pageSql, pageParams),
      em.query<Array<{ n: string | number }>>(countSql, countParams),
    ]);
    const toTask = rawRowHydrator(ds, TaskEntity);
    const toThreat = rawRowHydrator(ds, ThreatEntity, 'th_', SUMMARY_PROPERTIES);
    const items = page.map((raw) => taskView(toTask(raw), threatSummary(toThreat(raw)), actor));
    return { items, total: Number(count[0]?.n ?? 0), limit, offset };
  }

  async get(actor: Actor, id: string): Promise<TaskView> {
    return (await this.views(actor, [await this.findVisible(actor, id)]))[0];
  }

  /**
   * The task's history, for Taskforce staff. Scope first, like everything under a task: a partner asking
   * about a task outside its scope gets 404; on a task its organisation leads or supports it gets 403,
   * since the history names Taskforce staff and other organisations (a previous lead, its decline
   * reason, the reassignment's from/to). What a partner may know of its task is on the task itself.
   */
  async history(actor: Actor, id: string): Promise<{ items: TaskEventView[] }> {
    await this.findVisibleToStaff(actor, id, 'A task’s history is for Taskforce staff');
    const rows = await this.events.find({ where: { taskId: id }, order: { at: 'ASC', version: 'ASC' } });
    return {
      items: rows.map((e) => ({
        id: e.id,
        taskId: e.taskId,
        action: e.action,
        fromStatus: e.fromStatus,
        toStatus: e.toStatus,
        actorId: e.actorId,
        actorOrganisationId: e.actorOrgId,
        reason: e.reason,
        detail: e.detail,
        at: e.at,
        version: e.version,
      })),
    };
  }

  /**
   * The task if `actor` may see it, else 404 — the same answer as for an id that does not exist, so
   * a partner cannot probe for other organisations' work. For collaboration routes as well.
   */
  async findVisible(actor: Actor, id: string, em: EntityManager = this.tasks.manager): Promise<TaskEntity> {
    if (!UUID.test(id)) throw new NotFoundError('Task');
    const task = await em.findOne(TaskEntity, { where: { id } });
    if (!task || !canSee(actor, task)) throw new NotFoundError('Task', id);
    return task;
  }

  /**
   * findVisible, then 403 for partners: for what sits under a task but is not for partners (history,
   * deliveries). The order matters: out of scope is 404, so the 403 never confirms someone else's task.
   */
  async findVisibleToStaff(actor: Actor, id: string, refusal: string): Promise<TaskEntity> {
    const task = await this.findVisible(actor, id);
    if (actor.role === 'partner') throw new ForbiddenError(refusal);
    return task;
  }

  /** Lead or supporter organisation of the task, once issued (partners), or a coordinator/admin. */
  isParticipant(actor: Actor, task: TaskEntity): boolean {
    return isCoordinatorLike(actor) || (actor.role === 'partner' && canSee(actor, task));
  }

  // --- lifecycle -------------------------------------------------------------------------------

  issue = (actor: Actor, id: string, input: TaskActionInput) => this.act(actor, id, 'issue', input);
  reassign = (actor: Actor, id: string, input: TaskActionInput) => this.act(actor, id, 'reassign', input);
  close = (actor: Actor, id: string, input: TaskActionInput) => this.act(actor, id, 'close', input);
  cancel = (actor: Actor, id: string, input: TaskActionInput) => this.act(actor, id, 'cancel', input);
  supersede = (actor: Actor, id: string, input: TaskActionInput) => this.act(actor, id, 'supersede', input);
  accept = (actor: Actor, id: string, input: TaskActionInput) => this.act(actor, id, 'accept', input);
  decline = (actor: Actor, id: string, input: TaskActionInput) => this.act(actor, id, 'decline', input);
  start = (actor: Actor, id: string, input: TaskActionInput) => this.act(actor, id, 'start', input);
  complete = (actor: Actor, id: string, input: TaskActionInput) => this.act(actor, id, 'complete', input);

  async act(actor: Actor, id: string, action: TaskAction, input: TaskActionInput): Promise<TaskView> {
    const { after, change } = await this.tx.run(async (em) => {
      const task = await this.findVisible(actor, id, em);
      authorise(actor, task, action);
      if (input.version !== undefined && input.version !== task.version) throw stale(task, input.version);
      const to = checkTransition(task, action, input);

      const now = new Date();
      const at = now.toISOString();
      const changes: Partial<TaskEntity> = { status: to, updatedAt: at };
      let detail: Record<string, unknown> | null = null;
      let dropSupporter: string | null = null;
      switch (action) {
        case 'issue':
          Object.assign(changes, this.datesFor(now, task));
          break;
        case 'accept':
          changes.acceptedAt = at;
          break;
        case 'decline':
          changes.declineReason = input.reason!.trim();
          break;
        case 'start':
          changes.startedAt = at;
          break;
        case 'complete':
          changes.completedAt = at;
          changes.outcome = input.outcome!.trim();
          break;
        case 'close':
          changes.closedAt = at;
          break;
        case 'cancel':
        case 'supersede':
          changes.cancelReason = input.reason?.trim() || null;
          break;
        case 'reassign': {
          const lead = await this.validateNewLead(em, task, input.organisationId!);
          changes.organisationId = lead.id;
          changes.supporterIds = task.supporterIds.filter((s) => s !== lead.id);
          if (changes.supporterIds.length !== task.supporterIds.length) dropSupporter = lead.id;
          // The decline was the previous lead's answer; it stays in the history, not on the task.
          changes.declineReason = null;
          // Re-issuing to a new lead gives it the full acceptance window and time to do the work.
          if (to === 'assigned') Object.assign(changes, this.datesFor(now, task));
          const warnings = explainEligibility(task, { ...lead, openTasks: 0 }).map((w) => w.message);
          detail = { fromOrganisationId: task.organisationId, toOrganisationId: lead.id, ...(warnings.length ? { warnings } : {}) };
          break;
        }
      }

      const res = await em
        .createQueryBuilder()
        .update(TaskEntity)
        .set({ ...changes, version: () => 'version + 1' })
        .where('id = :id AND version = :version', { id: task.id, version: task.version })
        .execute();
      if (!res.affected) {
        const current = await em.findOne(TaskEntity, { where: { id: task.id } });
        throw stale(current ?? task, input.version);
      }
      const next: TaskEntity = { ...task, ...changes, version: task.version + 1 };
      if (dropSupporter) await em.delete(TaskSupporterEntity, { taskId: task.id, organisationId: dropSupporter });
      if (changes.dueSort !== undefined && next.supporterIds.length) await this.syncSupporterOrder(em, [task.id], changes.dueSort, changes.issuedAt!);
      await em.insert(TaskEventEntity, {
        id: randomUUID(),
        taskId: task.id,
        action,
        fromStatus: task.status,
        toStatus: to,
        actorId: actor.id,
        actorOrgId: actor.organisationId,
        reason: input.reason?.trim() || null,
        detail,
        at,
        version: next.version,
      });
      const change: TaskChange = {
        before: taskSnapshot(task),
        after: taskSnapshot(next),
        action,
        actor: { id: actor.id, role: actor.role, organisationId: actor.organisationId },
        reason: input.reason?.trim() || null,
        at,
      };
      await this.bus.inTransaction(em, [change]);
      return { after: next, change };
    });
    await this.bus.afterCommit([change]);
    return (await this.views(actor, [after]))[0];
  }

  /**
   * Issues many proposed tasks at once: a whole plan (`assessmentId`, unrouted tasks are skipped and
   * listed) or exactly the tasks named (`taskIds`, all or nothing: one that cannot be issued fails
   * the request and nothing is issued).
   */
  async issueMany(actor: Actor, input: BulkIssueInput): Promise<BulkIssueResult> {
    if (!isCoordinatorLike(actor)) throw new ForbiddenError('Only coordinators may issue tasks');
    if (Boolean(input.assessmentId) === Boolean(input.taskIds)) {
      throw new BadRequestError('Give either assessmentId (a whole plan) or taskIds, not both', [
        { field: input.assessmentId ? 'taskIds' : 'assessmentId', message: 'exactly one of assessmentId and taskIds is required' },
      ]);
    }
    const { issued, changes, skipped } = await this.tx.run(async (em) => {
      let candidates: TaskEntity[];
      let skipped: BulkIssueResult['skipped'] = [];
      if (input.assessmentId) {
        if (!(await em.exists(AssessmentEntity, { where: { id: input.assessmentId } }))) throw new NotFoundError('Assessment', input.assessmentId);
        const proposed = await em.find(TaskEntity, { where: { assessmentId: input.assessmentId, status: 'proposed' } });
        candidates = proposed.filter((t) => t.organisationId !== null);
        skipped = proposed
          .filter((t) => t.organisationId === null)
          .map((t) => ({ id: t.id, threatRef: t.threatRef, title: t.title, reason: 'unrouted' as const }));
      } else {
        candidates = await this.loadForBulk(em, input.taskIds!);
      }

      const now = new Date();
      const at = now.toISOString();
      // Tasks sharing durations and version share one UPDATE per chunk of ids; each still only
      // moves if it is proposed, routed and unchanged since it was read.
      const groups = new Map<string, TaskEntity[]>();
      for (const t of candidates) {
        const key = `${t.dueInDays}:${t.acceptWithinHours}:${t.version}`;
        const g = groups.get(key);
        if (g) g.push(t);
        else groups.set(key, [t]);
      }
      const issued: TaskEntity[] = [];
      for (const group of groups.values()) {
        const dates = this.datesFor(now, group[0]);
        for (let i = 0; i < group.length; i += ID_CHUNK) {
          const chunk = group.slice(i, i + ID_CHUNK);
          const res = await em
            .createQueryBuilder()
            .update(TaskEntity)
            .set({ status: 'assigned', ...dates, updatedAt: at, version: () => 'version + 1' })
            .where('id IN (:...ids)', { ids: chunk.map((t) => t.id) })
            .andWhere("status = 'proposed' AND organisation_id IS NOT NULL AND version = :version", { version: group[0].version })
            .execute();
          if (res.affected !== chunk.length) {
            throw new ConflictError('Some of these tasks were changed by someone else while issuing; nothing was issued. Reload and retry.', {}, 'stale_version');
          }
          const supported = chunk.filter((t) => t.supporterIds.length).map((t) => t.id);
          if (supported.length) await this.syncSupporterOrder(em, supported, dates.dueSort, dates.issuedAt);
          issued.push(...chunk.map((t) => ({ ...t, status: 'assigned' as const, ...dates, updatedAt: at, version: t.version + 1 })));
        }
      }
      const byId = new Map(candidates.map((t) => [t.id, t]));
      const events = issued.map((t) => ({
        id: randomUUID(),
        taskId: t.id,
        action: 'issue',
        fromStatus: 'proposed' as const,
        toStatus: 'assigned' as const,
        actorId: actor.id,
        actorOrgId: actor.organisationId,
        reason: null,
        detail: null,
        at,
        version: t.version,
      }));
      await insertMany(em, TaskEventEntity, events);
      const who = { id: actor.id, role: actor.role, organisationId: actor.organisationId };
      const changes: TaskChange[] = issued.map((t) => ({
        before: taskSnapshot(byId.get(t.id)!),
        after: taskSnapshot(t),
        action: 'issue',
        actor: who,
        reason: null,
        at,
      }));
      await this.bus.inTransaction(em, changes);
      return { issued, changes, skipped };
    });
    await this.bus.afterCommit(changes);
    return { issued: issued.length, items: await this.views(actor, issued), skipped };
  }

  // --- internals -------------------------------------------------------------------------------

  /** Issue dates, plus the list-order key that follows the due date. */
  private datesFor(now: Date, task: TaskEntity): IssueDates & { dueSort: string } {
    const dates = issueDates(now, task, this.settings.reminderPolicy);
    return { ...dates, dueSort: dates.dueAt };
  }

  /**
   * task_supporter carries its task's list-order keys and issue time: the due date moves, and issuing
   * puts the supporters' rows into idx_task_supporter_org (partner scope). Both change together, on
   * issue and on re-issue to a new lead.
   */
  private async syncSupporterOrder(em: EntityManager, taskIds: string[], dueSort: string, issuedAt: string): Promise<void> {
    await em.createQueryBuilder().update(TaskSupporterEntity).set({ dueSort, issuedAt }).where('task_id IN (:...taskIds)', { taskIds }).execute();
  }

  /** Bulk issue by ids: every id must exist and be issuable, or nothing is issued. */
  private async loadForBulk(em: EntityManager, ids: string[]): Promise<TaskEntity[]> {
    const found: TaskEntity[] = [];
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      found.push(...(await em.find(TaskEntity, { where: { id: In(ids.slice(i, i + ID_CHUNK)) } })));
    }
    const byId = new Map(found.map((t) => [t.id, t]));
    const missing = ids.find((id) => !byId.has(id));
    if (missing) throw new NotFoundError('Task', missing);
    const blocked = ids
      .map((id) => byId.get(id)!)
      .filter((t) => t.status !== 'proposed' || t.organisationId === null)
      .map((t) => ({
        id: t.id,
        currentStatus: t.status,
        problem: t.status !== 'proposed' ? `status '${t.status}' (allowed actions: ${allowedActions(t.status).join(', ') || 'none'})` : 'unrouted: reassign it first',
      }));
    if (blocked.length) {
      throw new ConflictError(
        `${blocked.length} of the tasks cannot be issued (${blocked.map((b) => `${b.id}: ${b.problem}`).join('; ')}); nothing was issued`,
        { tasks: blocked },
        'invalid_transition',
      );
    }
    return ids.map((id) => byId.get(id)!);
  }

  /**
   * A new lead must be a partner organisation cleared for the task's classification: a SECRET task
   * never goes to an OFFICIAL body, whoever asks. Capability and jurisdiction are the coordinator's
   * call (that is how an unrouted gap gets covered); mismatches are recorded in the history.
   */
  private async validateNewLead(em: EntityManager, task: TaskEntity, organisationId: string): Promise<OrganisationEntity> {
    const org = await em.findOne(OrganisationEntity, { where: { id: organisationId } });
    const fail = (message: string) => new UnprocessableError(message, [{ field: 'organisationId', value: organisationId, message }]);
    if (!org) throw fail(`Organisation ${organisationId} does not exist`);
    if (org.kind !== 'partner') throw fail(`${org.name} is a ${org.kind} organisation; only partner bodies lead tasks`);
    if (!clearanceCovers(org.clearance, task.classification)) {
      throw fail(`${org.name} is cleared to ${org.clearance}, below the task's ${task.classification}`);
    }
    if (org.id === task.organisationId) throw fail(`${org.name} already leads this task`);
    return org;
  }

  private async views(actor: Actor, rows: TaskEntity[]): Promise<TaskView[]> {
    const summaries = await this.summaries(rows);
    return rows.map((t) => taskView(t, summaries.get(t.threatId)!, actor));
  }

  /** Threat summaries for a page of tasks, in one query per chunk of distinct threat ids. */
  private async summaries(rows: TaskEntity[]): Promise<Map<string, ThreatSummary>> {
    const ids = [...new Set(rows.map((t) => t.threatId))];
    const out = new Map<string, ThreatSummary>();
    for (let i = 0; i < ids.length; i += ID_CHUNK) {
      const threats = await this.threats.find({ where: { id: In(ids.slice(i, i + ID_CHUNK)) }, select: SUMMARY_COLUMNS });
      for (const t of threats) out.set(t.id, threatSummary(t));
    }
    // task.threat_id references threat(id), so every task has its threat; a miss is a broken database.
    const missing = ids.find((id) => !out.has(id));
    if (missing) throw new Error(`task references threat ${missing}, which does not exist`);
    return out;
  }
}

const isInvolved = (organisationId: string, task: TaskEntity): boolean =>
  task.organisationId === organisationId || task.supporterIds.includes(organisationId);

/** Partners: issued tasks their organisation leads or supports (see the class comment); staff: all. */
const canSee = (actor: Actor, task: TaskEntity): boolean =>
  actor.role !== 'partner' || (task.issuedAt !== null && isInvolved(actor.organisationId, task));

/** Coordinator actions need a coordinator (or admin); partner actions the lead organisation's partner. */
function authorise(actor: Actor, task: TaskEntity, action: TaskAction): void {
  if (actorFor(action) === 'coordinator') {
    if (!isCoordinatorLike(actor)) throw new ForbiddenError(`Only coordinators may ${action} a task`);
    return;
  }
  if (actor.role !== 'partner' || task.organisationId !== actor.organisationId) {
    throw new ForbiddenError(`Only partners of the lead organisation may ${action} this task; supporters may read and comment`);
  }
}

/** 409 for a lost compare-and-set: `sent` is the version the client sent, when it sent one. */
function stale(current: TaskEntity, sent?: number): ConflictError {
  const now = `version ${current.version} in status '${current.status}'`;
  return new ConflictError(
    sent !== undefined
      ? `The task is at ${now}, not version ${sent}: someone else changed it. Reload and retry.`
      : `The task was changed by someone else while your request was processed; it is now at ${now}. Reload and retry.`,
    { currentStatus: current.status, currentVersion: current.version, allowedActions: allowedActions(current.status) },
    'stale_version',
  );
}
