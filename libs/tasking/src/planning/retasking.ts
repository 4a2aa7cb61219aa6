import { BANDS } from '../common';
import type { Band } from '../common';

/** What re-tasking needs to know about a threat row. */
export interface RetaskableThreat {
  id: string;
  ref: string;
  effectiveBand: Band;
}

export interface RetaskingSelection<T extends RetaskableThreat> {
  /** Threats to generate new proposed tasks for (the threshold is applied later, by generatePlan). */
  toPlan: T[];
  /** Threats present in both revisions: their open tasks move to the new row (old id → new id). */
  persisting: Array<{ ref: string; fromId: string; toId: string }>;
  /** Threats of the previous revision that the new one no longer lists: their tasks are left to coordinators. */
  removed: RetaskableThreat[];
}

const rank = (band: Band): number => BANDS.indexOf(band);

/**
 * Which threats of a new revision need new tasks (PRODUCT.md "Revision": the diff drives re-tasking).
 *
 * - First revision (no previous threats): every threat.
 * - Later revisions: threats that are new, or whose effective band rose (e.g. P3 → P2). A threat that
 *   stayed level or fell keeps the tasks it has: generating again would duplicate work already routed.
 *
 * Effective bands are compared, not computed ones, because tasking is driven by the band after a
 * coordinator's override, and overrides carry over between revisions.
 */
export function selectForRetasking<T extends RetaskableThreat>(
  threats: readonly T[],
  previous: readonly RetaskableThreat[],
): RetaskingSelection<T> {
  if (previous.length === 0) return { toPlan: [...threats], persisting: [], removed: [] };
  const before = new Map(previous.map((t) => [t.ref, t]));
  const toPlan: T[] = [];
  const persisting: RetaskingSelection<T>['persisting'] = [];
  for (const t of threats) {
    const old = before.get(t.ref);
    if (!old) {
      toPlan.push(t);
      continue;
    }
    persisting.push({ ref: t.ref, fromId: old.id, toId: t.id });
    if (rank(t.effectiveBand) < rank(old.effectiveBand)) toPlan.push(t);
  }
  const now = new Set(threats.map((t) => t.ref));
  const removed = previous.filter((t) => !now.has(t.ref));
  return { toPlan, persisting, removed };
}
