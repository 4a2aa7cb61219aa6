import { STRANDS, TASK_STATUSES, type Strand, type TaskStatus } from '@app/common';

/**
 * How the reports read a task's status. One place, so the coverage cells computed here and the
 * summary totals the database aggregates (the services build their SQL from these same lists) can
 * never disagree.
 *
 * - covering: a partner holds the work or has done it (issued and not declined, or completed/closed);
 * - planned: a proposed task with a lead, waiting for a coordinator to issue it;
 * - unrouted: a proposed task with no lead, because routing found no eligible organisation;
 * - live: work in hand or about to be issued (routed, and neither finished nor dropped).
 * Declined, cancelled and superseded tasks count for nothing: declined work is back with
 * coordinators, and the others were dropped.
 */
export const COVERING_STATUSES: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress', 'completed', 'closed'];
export const LIVE_STATUSES: readonly TaskStatus[] = ['proposed', 'assigned', 'accepted', 'in_progress'];
/** Work a partner holds: what the workload report divides by capacity (as routing does). */
export const HELD_STATUSES = ['assigned', 'accepted', 'in_progress'] as const satisfies readonly TaskStatus[];
export type HeldStatus = (typeof HELD_STATUSES)[number];
/** Finished work: counted as completed in the workload report (a closed task was completed first). */
export const DONE_STATUSES: readonly TaskStatus[] = ['completed', 'closed'];

export const CELL_STATUSES = ['covered', 'planned', 'gap'] as const;
export type CellStatus = (typeof CELL_STATUSES)[number];

/** What the rules need of a task. */
export interface StatusedTask {
  status: TaskStatus;
  organisationId: string | null;
}

export const isUnrouted = (t: StatusedTask): boolean => t.status === 'proposed' && t.organisationId === null;
export const isCovering = (t: StatusedTask): boolean => t.organisationId !== null && COVERING_STATUSES.includes(t.status);
export const isPlanned = (t: StatusedTask): boolean => t.status === 'proposed' && t.organisationId !== null;
export const isLive = (t: StatusedTask): boolean => t.organisationId !== null && LIVE_STATUSES.includes(t.status);

/**
 * A coverage cell (one threat, one strand): `covered` when any task covers it, else `planned` when a
 * routed task is proposed, else `gap` (no task at all, or only unrouted, declined, cancelled or
 * superseded ones).
 */
export function cellStatus(tasks: readonly StatusedTask[]): CellStatus {
  if (tasks.some(isCovering)) return 'covered';
  if (tasks.some(isPlanned)) return 'planned';
  return 'gap';
}

/** Per-status task counts of one threat, as a grouped query answers them. */
export interface StatusCountRow {
  status: TaskStatus;
  /** Tasks in this status. */
  count: number;
  /** Of those, tasks with no lead organisation. */
  withoutLead: number;
}

export interface TaskTally {
  /** Every status, zero when absent, in lifecycle order. */
  byStatus: Record<TaskStatus, number>;
  total: number;
  unrouted: number;
  live: number;
}

/** Folds grouped status counts into the figures the pack shows beside a threat. */
export function tallyTasks(rows: readonly StatusCountRow[]): TaskTally {
  const byStatus = Object.fromEntries(TASK_STATUSES.map((s) => [s, 0])) as Record<TaskStatus, number>;
  let total = 0;
  let unrouted = 0;
  let live = 0;
  for (const r of rows) {
    byStatus[r.status] = (byStatus[r.status] ?? 0) + r.count;
    total += r.count;
    if (r.status === 'proposed') unrouted += r.withoutLead;
    if (LIVE_STATUSES.includes(r.status)) live += r.count - r.withoutLead;
  }
  return { byStatus, total, unrouted, live };
}

/** `{ pursue: v, prevent: v, … }` in strand order. */
export const perStrand = <V>(value: (s: Strand) => V): Record<Strand, V> =>
  Object.fromEntries(STRANDS.map((s) => [s, value(s)])) as Record<Strand, V>;
