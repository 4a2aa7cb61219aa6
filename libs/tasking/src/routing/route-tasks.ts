import { CLASSIFICATIONS, NATIONAL, clearanceCovers } from '../common';
import type { Classification, RoutingCandidate, TaskDraft } from '../common';

/** What routing needs to know about a task: the capability and its threat's regions and classification. */
export interface RoutableTask {
  capability: string;
  regions: readonly string[];
  classification: Classification;
}

export interface RoutingResult {
  /** The lead, or null when no organisation is eligible (the task is unrouted: a gap). */
  organisationId: string | null;
  /** Next best eligible organisations, best first, never including the lead. */
  supporterIds: string[];
}

export interface RoutingOptions {
  maxSupporters: number;
}

/*
 * Jurisdiction rule (PRODUCT.md "Regions"), as read here:
 *   an organisation is eligible when it holds `national`, or when any of its jurisdictions equals any
 *   of the threat's regions.
 * A threat listing `national` "needs an organisation holding national": ['national'] alone therefore
 * matches only national organisations, while ['ENG-NW', 'national'] matches ENG-NW organisations as
 * well as national ones (the threat is also local to ENG-NW, and a local force can act there).
 * Both follow from the single rule above, because the only organisations with a jurisdiction equal
 * to `national` are the ones holding it. A threat with no regions matches national organisations only.
 * Codes are compared trimmed and case-insensitively, since they are free-form and arrive from CSV.
 */
const normaliseRegion = (code: string): string => code.trim().toLowerCase();
const NATIONAL_KEY = normaliseRegion(NATIONAL);
const normaliseCapability = (c: string): string => c.trim().toLowerCase();

export type IneligibilityReason = 'kind' | 'capability' | 'clearance' | 'jurisdiction';

export interface Ineligibility {
  reason: IneligibilityReason;
  message: string;
}

/**
 * Why `candidate` may not take `task`; empty when it is eligible. For gap reports: an unrouted task
 * lists, per organisation, what it would need to change.
 */
export function explainEligibility(task: RoutableTask, candidate: RoutingCandidate): Ineligibility[] {
  const reasons: Ineligibility[] = [];
  if (candidate.kind !== 'partner') {
    reasons.push({ reason: 'kind', message: `${candidate.name} is a ${candidate.kind} organisation; only partner bodies take tasks` });
  }
  const capability = normaliseCapability(task.capability);
  if (!candidate.capabilities.some((c) => normaliseCapability(c) === capability)) {
    reasons.push({ reason: 'capability', message: `${candidate.name} lacks capability '${task.capability}'` });
  }
  if (!clearanceCovers(candidate.clearance, task.classification)) {
    reasons.push({
      reason: 'clearance',
      message: `${candidate.name} is cleared to ${candidate.clearance}, below the task's ${task.classification}`,
    });
  }
  if (!jurisdictionMatches(new Set(candidate.jurisdictions.map(normaliseRegion)), task.regions.map(normaliseRegion))) {
    const regions = task.regions.length ? task.regions.join(', ') : '(none)';
    reasons.push({
      reason: 'jurisdiction',
      message: `${candidate.name} covers ${candidate.jurisdictions.join(', ') || '(none)'}, none of the threat's regions (${regions}), and does not hold ${NATIONAL}`,
    });
  }
  return reasons;
}

export const isEligible = (task: RoutableTask, candidate: RoutingCandidate): boolean =>
  explainEligibility(task, candidate).length === 0;

function jurisdictionMatches(jurisdictions: ReadonlySet<string>, regions: readonly string[]): boolean {
  return jurisdictions.has(NATIONAL_KEY) || regions.some((r) => jurisdictions.has(r));
}

interface IndexedCandidate {
  id: string;
  /** Position in (name, id) order: the tie-breaker as an integer, so localeCompare runs once per candidate. */
  rank: number;
  clearance: number;
  jurisdictions: Set<string>;
  capacity: number;
}

/**
 * Routes a whole plan at once; answers one result per task, in the same order.
 *
 * The lead is the eligible candidate with the lowest load (open tasks ÷ capacity), ties broken by
 * name then id. Each lead assignment raises that organisation's open tasks in a private counter, so
 * a large plan spreads across partners instead of landing on whichever one was least loaded at the
 * start. Supporters are the next best eligible candidates at that moment; supporting adds no load.
 * The input candidates are not mutated.
 *
 * Cost: candidates are indexed by capability once, and the eligible list is cached per distinct
 * (capability, classification, regions) — tasks of one threat share it — so each task costs one
 * pass over its eligible candidates.
 */
export function routeTasks(
  tasks: readonly RoutableTask[],
  candidates: readonly RoutingCandidate[],
  opts: RoutingOptions,
): RoutingResult[] {
  const maxSupporters = Math.max(0, Math.floor(opts.maxSupporters));
  const wanted = 1 + maxSupporters;

  const partners = candidates
    .filter((c) => c.kind === 'partner')
    .sort((a, b) => a.name.localeCompare(b.name) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));

  const load = new Float64Array(partners.length);
  const open = new Float64Array(partners.length);
  const byCapability = new Map<string, IndexedCandidate[]>();
  partners.forEach((c, rank) => {
    // Capacity is validated >= 1 upstream; a non-positive one would divide by zero, so such an
    // organisation stays eligible but always ranks last.
    const capacity = c.capacity > 0 ? c.capacity : 0;
    open[rank] = c.openTasks;
    load[rank] = capacity ? c.openTasks / capacity : Number.POSITIVE_INFINITY;
    const indexed: IndexedCandidate = {
      id: c.id,
      rank,
      clearance: CLASSIFICATIONS.indexOf(c.clearance),
      jurisdictions: new Set(c.jurisdictions.map(normaliseRegion)),
      capacity,
    };
    for (const cap of new Set(c.capabilities.map(normaliseCapability))) {
      let list = byCapability.get(cap);
      if (!list) byCapability.set(cap, (list = []));
      list.push(indexed); // pushed in rank order, so every list is already in tie-break order
    }
  });

  const eligibleCache = new Map<string, IndexedCandidate[]>();
  const eligibleFor = (task: RoutableTask): IndexedCandidate[] => {
    const capability = normaliseCapability(task.capability);
    const regions = [...new Set(task.regions.map(normaliseRegion))].sort();
    const key = `${capability}\u0000${task.classification}\u0000${regions.join('\u0000')}`;
    let eligible = eligibleCache.get(key);
    if (!eligible) {
      const needed = CLASSIFICATIONS.indexOf(task.classification);
      eligible = (byCapability.get(capability) ?? []).filter(
        (c) => c.clearance >= needed && jurisdictionMatches(c.jurisdictions, regions),
      );
      eligibleCache.set(key, eligible);
    }
    return eligible;
  };

  // Lower load first; equal load falls back to rank (name, then id).
  const better = (a: IndexedCandidate, b: IndexedCandidate): boolean =>
    load[a.rank] < load[b.rank] || (load[a.rank] === load[b.rank] && a.rank < b.rank);

  const best: IndexedCandidate[] = [];
  return tasks.map((task): RoutingResult => {
    // Keep the `wanted` best in a tiny sorted array: wanted is 1 + maxSupporters (3 by default),
    // so insertion beats sorting every eligible list.
    best.length = 0;
    for (const c of eligibleFor(task)) {
      if (best.length === wanted && !better(c, best[wanted - 1])) continue;
      let i = best.length === wanted ? wanted - 1 : best.length;
      while (i > 0 && better(c, best[i - 1])) {
        best[i] = best[i - 1];
        i--;
      }
      best[i] = c;
    }
    if (best.length === 0) return { organisationId: null, supporterIds: [] };

    const lead = best[0];
    open[lead.rank] += 1;
    load[lead.rank] = lead.capacity ? open[lead.rank] / lead.capacity : Number.POSITIVE_INFINITY;
    return { organisationId: lead.id, supporterIds: best.slice(1).map((c) => c.id) };
  });
}

/** The threat fields routing reads, looked up by a draft's threatRef. */
export type RoutingThreat = { ref: string } & Pick<RoutableTask, 'regions' | 'classification'>;

/**
 * Routes generated drafts: fills organisationId, supporterIds and unrouted. Returns new drafts in
 * the same order; the inputs are left untouched (a dry run can route the same plan twice).
 */
export function applyRouting(
  drafts: readonly TaskDraft[],
  threats: readonly RoutingThreat[],
  candidates: readonly RoutingCandidate[],
  opts: RoutingOptions,
): TaskDraft[] {
  const byRef = new Map(threats.map((t) => [t.ref, t]));
  const routable = drafts.map((d): RoutableTask => {
    const threat = byRef.get(d.threatRef);
    // A draft always comes from one of the threats it was generated from; a miss is a caller bug.
    if (!threat) throw new Error(`applyRouting: no threat with ref ${d.threatRef} was given`);
    return { capability: d.capability, regions: threat.regions, classification: threat.classification };
  });
  const routed = routeTasks(routable, candidates, opts);
  return drafts.map((d, i) => ({
    ...d,
    organisationId: routed[i].organisationId,
    supporterIds: routed[i].supporterIds,
    unrouted: routed[i].organisationId === null,
  }));
}
