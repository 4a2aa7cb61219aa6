import { BadRequestError, ConflictError, OPEN_TASK_STATUSES } from '../common';
import type { FieldError, TaskStatus } from '../common';

export const TASK_ACTIONS = [
  'issue',
  'accept',
  'decline',
  'start',
  'complete',
  'close',
  'reassign',
  'cancel',
  'supersede',
] as const;
export type TaskAction = (typeof TASK_ACTIONS)[number];

/** Who may perform an action. Superseding is done by re-tasking on a coordinator's confirmation. */
export type TaskActor = 'coordinator' | 'lead-partner';

/** States nothing leaves. `completed` is not terminal: a coordinator still has to close it. */
export const TERMINAL_TASK_STATUSES: readonly TaskStatus[] = ['closed', 'cancelled', 'superseded'];

/**
 * Inputs an action needs besides the state:
 * - `routed`: the task already has a lead organisation (an unrouted task cannot be issued);
 * - `organisationId`: the request names the new lead;
 * - `reason` / `outcome`: a non-empty text in the request.
 */
export type TaskRequirement = 'routed' | 'organisationId' | 'reason' | 'outcome';

interface ActionRule {
  actor: TaskActor;
  /** from-state → to-state; a state absent here does not allow the action. */
  moves: Partial<Record<TaskStatus, TaskStatus>>;
  requires: readonly TaskRequirement[];
}

const fromEachOpen = (to: TaskStatus): Partial<Record<TaskStatus, TaskStatus>> =>
  Object.fromEntries(OPEN_TASK_STATUSES.map((s) => [s, to]));

/**
 * The lifecycle (PRODUCT.md "Tasking"):
 *   proposed → assigned → accepted | declined;  accepted → in_progress → completed → closed;
 *   cancelled and superseded from any open state.
 *
 * `reassign` (coordinator re-routes to another organisation):
 * - from `proposed` it stays `proposed`: the plan has not been issued yet, so re-routing only picks
 *   the lead the coordinator will issue to (this is how an unrouted task gets a lead);
 * - from `assigned` or `declined` it goes to `assigned`: the task was already issued, so choosing a
 *   new lead re-issues it to that organisation, which must then accept or decline in its turn.
 * Work already accepted or under way is not re-routed; it is cancelled and re-tasked instead, so the
 * partner doing it is told plainly rather than having the task move from under them.
 * `reason` is optional on reassign (the API records it when given); `organisationId` is required.
 */
const RULES: Record<TaskAction, ActionRule> = {
  issue: { actor: 'coordinator', moves: { proposed: 'assigned' }, requires: ['routed'] },
  accept: { actor: 'lead-partner', moves: { assigned: 'accepted' }, requires: [] },
  decline: { actor: 'lead-partner', moves: { assigned: 'declined' }, requires: ['reason'] },
  start: { actor: 'lead-partner', moves: { accepted: 'in_progress' }, requires: [] },
  complete: { actor: 'lead-partner', moves: { in_progress: 'completed' }, requires: ['outcome'] },
  close: { actor: 'coordinator', moves: { completed: 'closed' }, requires: [] },
  reassign: {
    actor: 'coordinator',
    moves: { proposed: 'proposed', assigned: 'assigned', declined: 'assigned' },
    requires: ['organisationId'],
  },
  cancel: { actor: 'coordinator', moves: fromEachOpen('cancelled'), requires: ['reason'] },
  supersede: { actor: 'coordinator', moves: fromEachOpen('superseded'), requires: [] },
};

export const isTaskAction = (value: unknown): value is TaskAction =>
  (TASK_ACTIONS as readonly unknown[]).includes(value);

/** Counts toward "what still needs someone to act" (proposed, assigned, accepted, declined, in_progress). */
export const isOpen = (status: TaskStatus): boolean => OPEN_TASK_STATUSES.includes(status);

export const isTerminal = (status: TaskStatus): boolean => TERMINAL_TASK_STATUSES.includes(status);

export const actorFor = (action: TaskAction): TaskActor => RULES[action].actor;

export const requirementsFor = (action: TaskAction): readonly TaskRequirement[] => RULES[action].requires;

/** Actions legal from `status`, in TASK_ACTIONS order. */
export const allowedActions = (status: TaskStatus): TaskAction[] =>
  TASK_ACTIONS.filter((action) => RULES[action].moves[status] !== undefined);

/** The state `action` leads to from `status`, or null when it is not allowed. */
export const nextStatus = (status: TaskStatus, action: TaskAction): TaskStatus | null =>
  RULES[action].moves[status] ?? null;

/**
 * The state after `action`. Throws ConflictError (409) naming the current state and what is allowed
 * from it, so a client that raced another user can tell what happened and what it may do now.
 */
export function transition(status: TaskStatus, action: TaskAction): TaskStatus {
  const to = nextStatus(status, action);
  if (to === null) {
    const allowed = allowedActions(status);
    const what = allowed.length ? `allowed actions: ${allowed.join(', ')}` : 'no action is allowed from it';
    throw new ConflictError(
      `Cannot ${action} a task in status '${status}' (${what})`,
      { currentStatus: status, action, allowedActions: allowed },
      'invalid_transition',
    );
  }
  return to;
}

export interface TransitionTask {
  status: TaskStatus;
  organisationId: string | null;
}

export interface TransitionInput {
  organisationId?: string | null;
  reason?: string | null;
  outcome?: string | null;
}

const blank = (v: string | null | undefined): boolean => typeof v !== 'string' || v.trim() === '';

/**
 * transition() plus the action's requirements, for services: a missing reason/outcome/organisationId
 * in the request is a 400 (with the field named); issuing an unrouted task is a 409, since it is the
 * task's state, not the request, that is wrong. The state is checked first, so a stale client learns
 * about the real conflict rather than a missing field.
 */
export function checkTransition(task: TransitionTask, action: TaskAction, input: TransitionInput = {}): TaskStatus {
  const to = transition(task.status, action);
  const missing: FieldError[] = [];
  for (const requirement of RULES[action].requires) {
    switch (requirement) {
      case 'routed':
        if (task.organisationId === null) {
          throw new ConflictError(
            `Cannot ${action} an unrouted task: reassign it to an organisation first`,
            { currentStatus: task.status, action, allowedActions: allowedActions(task.status).filter((a) => a !== action) },
            'task_unrouted',
          );
        }
        break;
      case 'organisationId':
        if (blank(input.organisationId)) missing.push({ field: 'organisationId', message: `${action} needs the organisation to route the task to` });
        break;
      case 'reason':
        if (blank(input.reason)) missing.push({ field: 'reason', message: `${action} needs a non-empty reason` });
        break;
      case 'outcome':
        if (blank(input.outcome)) missing.push({ field: 'outcome', message: `${action} needs a non-empty outcome` });
        break;
    }
  }
  if (missing.length) throw new BadRequestError(missing.map((m) => m.message).join('; '), missing);
  return to;
}
