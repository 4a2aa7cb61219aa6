import fc from 'fast-check';
import { BadRequestError, ConflictError, TASK_STATUSES } from '../common';
import type { TaskStatus } from '../common';
import {
  TASK_ACTIONS,
  TERMINAL_TASK_STATUSES,
  actorFor,
  allowedActions,
  checkTransition,
  isOpen,
  isTerminal,
  nextStatus,
  requirementsFor,
  transition,
} from './task-state-machine';
import type { TaskAction } from './task-state-machine';

const OPEN: TaskStatus[] = ['proposed', 'assigned', 'accepted', 'declined', 'in_progress'];

/** The whole legal table, written out independently of the implementation. */
const LEGAL: Array<[TaskStatus, TaskAction, TaskStatus]> = [
  ['proposed', 'issue', 'assigned'],
  ['assigned', 'accept', 'accepted'],
  ['assigned', 'decline', 'declined'],
  ['accepted', 'start', 'in_progress'],
  ['in_progress', 'complete', 'completed'],
  ['completed', 'close', 'closed'],
  ['proposed', 'reassign', 'proposed'],
  ['assigned', 'reassign', 'assigned'],
  ['declined', 'reassign', 'assigned'],
  ...OPEN.map((s): [TaskStatus, TaskAction, TaskStatus] => [s, 'cancel', 'cancelled']),
  ...OPEN.map((s): [TaskStatus, TaskAction, TaskStatus] => [s, 'supersede', 'superseded']),
];
const isLegal = (s: TaskStatus, a: TaskAction) => LEGAL.some(([from, action]) => from === s && action === a);
const ILLEGAL: Array<[TaskStatus, TaskAction]> = TASK_STATUSES.flatMap((s) =>
  TASK_ACTIONS.filter((a) => !isLegal(s, a)).map((a): [TaskStatus, TaskAction] => [s, a]),
);

describe('transition', () => {
  it('covers every status × action pair between the two tables', () => {
    expect(LEGAL.length + ILLEGAL.length).toBe(TASK_STATUSES.length * TASK_ACTIONS.length);
  });

  it.each(LEGAL)('%s --%s--> %s', (from, action, to) => {
    expect(transition(from, action)).toBe(to);
    expect(nextStatus(from, action)).toBe(to);
    expect(allowedActions(from)).toContain(action);
  });

  it.each(ILLEGAL)('%s refuses %s with a 409 naming the state and the allowed actions', (from, action) => {
    let error: unknown;
    try {
      transition(from, action);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ConflictError);
    const conflict = error as ConflictError;
    const allowed = LEGAL.filter(([s]) => s === from).map(([, a]) => a);
    expect(conflict.status).toBe(409);
    expect(conflict.code).toBe('invalid_transition');
    expect(conflict.message).toContain(`'${from}'`);
    for (const a of allowed) expect(conflict.message).toContain(a);
    expect(conflict.extra).toEqual({ currentStatus: from, action, allowedActions: expect.arrayContaining(allowed) });
    expect((conflict.extra!.allowedActions as string[]).length).toBe(allowed.length);
    expect(nextStatus(from, action)).toBeNull();
  });

  it('says so when nothing is allowed', () => {
    expect(() => transition('closed', 'cancel')).toThrow("Cannot cancel a task in status 'closed' (no action is allowed from it)");
    expect(() => transition('proposed', 'accept')).toThrow(
      "Cannot accept a task in status 'proposed' (allowed actions: issue, reassign, cancel, supersede)",
    );
  });

  it('no action ever leaves a terminal state (property)', () => {
    fc.assert(
      fc.property(fc.constantFrom(...TERMINAL_TASK_STATUSES), fc.constantFrom(...TASK_ACTIONS), (status, action) => {
        expect(() => transition(status, action)).toThrow(ConflictError);
        expect(allowedActions(status)).toEqual([]);
      }),
    );
  });

  it('any sequence of actions, once terminal, stays terminal (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...TASK_ACTIONS), { maxLength: 40 }), (actions) => {
        let status: TaskStatus = 'proposed';
        let terminalAt: TaskStatus | null = null;
        for (const action of actions) {
          const next = nextStatus(status, action);
          if (terminalAt) expect(next).toBeNull();
          if (next) status = next;
          if (isTerminal(status)) terminalAt = status;
        }
        if (terminalAt) expect(status).toBe(terminalAt);
      }),
      { numRuns: 500 },
    );
  });
});

describe('allowedActions', () => {
  it.each([
    ['proposed', ['issue', 'reassign', 'cancel', 'supersede']],
    ['assigned', ['accept', 'decline', 'reassign', 'cancel', 'supersede']],
    ['accepted', ['start', 'cancel', 'supersede']],
    ['declined', ['reassign', 'cancel', 'supersede']],
    ['in_progress', ['complete', 'cancel', 'supersede']],
    ['completed', ['close']],
    ['closed', []],
    ['cancelled', []],
    ['superseded', []],
  ] as Array<[TaskStatus, TaskAction[]]>)('%s → %j', (status, actions) => {
    expect(allowedActions(status)).toEqual(actions);
  });
});

describe('actors and states', () => {
  it('gives partner decisions to the lead partner and the rest to coordinators', () => {
    const byActor = Object.fromEntries(TASK_ACTIONS.map((a) => [a, actorFor(a)]));
    expect(byActor).toEqual({
      issue: 'coordinator',
      accept: 'lead-partner',
      decline: 'lead-partner',
      start: 'lead-partner',
      complete: 'lead-partner',
      close: 'coordinator',
      reassign: 'coordinator',
      cancel: 'coordinator',
      supersede: 'coordinator',
    });
  });

  it('knows open and terminal states', () => {
    expect(TASK_STATUSES.filter(isOpen)).toEqual(OPEN);
    expect(TASK_STATUSES.filter(isTerminal)).toEqual(['closed', 'cancelled', 'superseded']);
    // completed is neither: it waits for a coordinator to close it.
    expect(isOpen('completed') || isTerminal('completed')).toBe(false);
  });

  it('lists the inputs each action needs', () => {
    expect(requirementsFor('issue')).toEqual(['routed']);
    expect(requirementsFor('decline')).toEqual(['reason']);
    expect(requirementsFor('complete')).toEqual(['outcome']);
    expect(requirementsFor('cancel')).toEqual(['reason']);
    expect(requirementsFor('reassign')).toEqual(['organisationId']);
    expect(requirementsFor('accept')).toEqual([]);
  });
});

describe('checkTransition', () => {
  const routed = (status: TaskStatus) => ({ status, organisationId: 'org-1' });

  it('refuses to issue an unrouted task with a 409', () => {
    expect(checkTransition(routed('proposed'), 'issue')).toBe('assigned');
    expect(() => checkTransition({ status: 'proposed', organisationId: null }, 'issue')).toThrow(
      expect.objectContaining({ status: 409, code: 'task_unrouted' }),
    );
  });

  it.each([
    ['assigned', 'decline', 'reason'],
    ['in_progress', 'complete', 'outcome'],
    ['accepted', 'cancel', 'reason'],
    ['declined', 'reassign', 'organisationId'],
  ] as Array<[TaskStatus, TaskAction, string]>)('from %s, %s needs a non-empty %s (400)', (status, action, field) => {
    for (const value of [undefined, null, '', '   ']) {
      let error: unknown;
      try {
        checkTransition(routed(status), action, { [field]: value });
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(BadRequestError);
      expect((error as BadRequestError).errors).toEqual([{ field, message: expect.any(String) }]);
    }
    expect(checkTransition(routed(status), action, { [field]: 'given' })).toBe(transition(status, action));
  });

  it('checks the state before the request, so a stale client hears about the conflict', () => {
    expect(() => checkTransition(routed('closed'), 'decline', {})).toThrow(ConflictError);
  });

  it('does not need a reason to reassign or supersede', () => {
    expect(checkTransition({ status: 'proposed', organisationId: null }, 'reassign', { organisationId: 'org-2' })).toBe('proposed');
    expect(checkTransition(routed('in_progress'), 'supersede')).toBe('superseded');
  });
});
