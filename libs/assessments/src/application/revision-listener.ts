import type { EntityManager } from 'typeorm';
import type { Band, ScoredThreat } from '@app/common';
import type { Actor } from '@app/identity';
import type { ThreatDiff } from '../diff/diff-threats';
import type { ThreatEntity } from '../infrastructure/persistence/threat.entity';

/** A scored threat not yet stored (dry runs): what tasking needs to plan. */
export type PlannableThreat = ScoredThreat & { effectiveBand: Band; id?: string };

export interface RevisionStoredEvent {
  assessmentId: string;
  revisionId: string;
  revision: number;
  /** The new revision's stored threats. */
  threats: ThreatEntity[];
  /** The previous revision's threats (empty for revision 1). */
  previousThreats: ThreatEntity[];
  diff: ThreatDiff<ThreatEntity> | null;
  actor: Actor;
  /** Partner feedback this revision says it addresses (revisions only); a listener validates and marks it. */
  addressedFeedbackIds?: string[];
}

/** What a listener adds to the upload answer (the tasking plan). */
export interface RevisionPlan {
  tasks: unknown[];
}

/**
 * Tasking (and later audit) plug into revision storage through this port, so assessments never
 * depend on them. `onRevisionStored` runs inside the revision's transaction: if it throws, nothing
 * of the upload is stored.
 */
export interface RevisionListener {
  onRevisionStored(em: EntityManager, event: RevisionStoredEvent): Promise<RevisionPlan | void>;
  /** The plan a dry run would create; must not write. */
  previewPlan(threats: PlannableThreat[]): Promise<RevisionPlan>;
}
