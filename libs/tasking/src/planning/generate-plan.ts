import { BANDS, bandAtLeast } from '../common';
import type { Band, ScoredThreat, Strand, TaskDraft } from '../common';
import type { Playbooks, TaskingConfig } from '../config/tasking-config';
import { fillTemplate } from './template';

export const INTELLIGENCE_CAPABILITY = 'intelligence-collection';

/** A scored threat, with the coordinator's override when there is one. */
export type PlannableThreat = ScoredThreat & { effectiveBand?: Band };

export interface PlanObjective {
  code: string;
  title: string;
  strands: Strand[];
}

export interface PlanContext {
  config: TaskingConfig;
  playbooks: Playbooks;
  /** The vision's objectives, in the vision's order (the first match wins). */
  objectives: readonly PlanObjective[];
}

/** Titles stay short enough for lists, the tasking pack and notification subjects. */
export const TITLE_DESCRIPTION_MAX = 80;

/** The band that drives tasking: a coordinator's override beats the computed band. */
export const effectiveBandOf = (threat: PlannableThreat): Band => threat.effectiveBand ?? threat.band;

/** Shortens at a word boundary and marks the cut, so a title never ends mid-word. */
export function shorten(text: string, max = TITLE_DESCRIPTION_MAX): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  if (clean.length <= max) return clean;
  const cut = clean.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  // Only back off to a word boundary when that keeps most of the text; one huge word is simply cut.
  const base = space > max / 2 ? cut.slice(0, space) : cut;
  return `${base.replace(/[\s,;:.\-–]+$/, '')}…`;
}

const capitalise = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

/** "Pursue: Disrupt the supply network behind County lines… (T-DRG-01)": strand first for scanning, ref last for tracing. */
export function taskTitle(strand: Strand, description: string, ref: string): string {
  return `${capitalise(strand)}: ${shorten(description)} (${ref})`;
}

interface ActionLike {
  strand: Strand;
  capability: string;
  description: string;
  dueInDays?: number;
}

/**
 * Turns scored threats into a proposed tasking plan. Pure: no routing (organisationId null,
 * supporterIds [], unrouted false until routeTasks/applyRouting runs), no ids, no dates — the caller
 * turns dueInDays/acceptWithinHours into timestamps when it stores the tasks.
 *
 * Order: by effective band (P1 first), then score (highest first), then input order; within a
 * threat, actions keep their order and the intelligence task comes last. Routing assigns leads in
 * this order, so the most urgent tasks get first pick of the least-loaded partners.
 */
export function generatePlan(threats: readonly PlannableThreat[], ctx: PlanContext): TaskDraft[] {
  const { config, playbooks, objectives } = ctx;

  const selected = threats
    .map((threat, index) => ({ threat, index, band: effectiveBandOf(threat) }))
    .filter((t) => bandAtLeast(t.band, config.generateForBands))
    .sort(
      (a, b) =>
        BANDS.indexOf(a.band) - BANDS.indexOf(b.band) || b.threat.score - a.threat.score || a.index - b.index,
    );

  const objectiveFor = (strand: Strand): string | null =>
    objectives.find((o) => o.strands.includes(strand))?.code ?? null;

  const drafts: TaskDraft[] = [];
  for (const { threat, band } of selected) {
    const rule = config.bands[band];
    const fromActions = threat.recommendedActions.length > 0;
    const actions: readonly ActionLike[] = fromActions ? threat.recommendedActions : (playbooks[threat.crimeArea] ?? []);

    const draft = (action: ActionLike, source: TaskDraft['source']): TaskDraft => {
      // Recommended actions are written for this threat; only config templates carry placeholders.
      const description = source === 'action' ? action.description.trim() : fillTemplate(action.description, threat);
      return {
        threatRef: threat.ref,
        title: taskTitle(action.strand, description, threat.ref),
        description,
        strand: action.strand,
        capability: action.capability,
        band,
        objectiveCode: objectiveFor(action.strand),
        source,
        dueInDays: action.dueInDays ?? rule.defaultDueInDays,
        acceptWithinHours: rule.acceptWithinHours,
        organisationId: null,
        supporterIds: [],
        unrouted: false,
      };
    };

    for (const action of actions) drafts.push(draft(action, fromActions ? 'action' : 'playbook'));

    // needsIntelligence comes from scoring (P1/P2 with low confidence by default). An action that
    // already collects intelligence closes the gap, so a second task would only duplicate it.
    if (threat.needsIntelligence && !actions.some((a) => a.capability === INTELLIGENCE_CAPABILITY)) {
      const it = config.intelligenceTask;
      drafts.push(
        draft({ strand: it.strand, capability: INTELLIGENCE_CAPABILITY, description: it.description, dueInDays: it.dueInDays }, 'intelligence'),
      );
    }
  }
  return drafts;
}
