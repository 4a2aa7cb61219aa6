import type { Band, Classification, Strand } from './vocabulary';

export const TASK_STATUSES = [
  'proposed',
  'assigned',
  'accepted',
  'declined',
  'in_progress',
  'completed',
  'closed',
  'cancelled',
  'superseded',
] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

/** States that still need someone to act: they count toward an organisation's load. */
export const OPEN_TASK_STATUSES: readonly TaskStatus[] = ['proposed', 'assigned', 'accepted', 'declined', 'in_progress'];
/** States counted as an organisation's load for routing (work it holds). */
export const LOAD_TASK_STATUSES: readonly TaskStatus[] = ['assigned', 'accepted', 'in_progress'];

/** What routing needs to know about an organisation. */
export interface RoutingCandidate {
  id: string;
  name: string;
  kind: 'taskforce' | 'partner';
  capabilities: string[];
  jurisdictions: string[];
  clearance: Classification;
  capacity: number;
  /** Open tasks currently held (before this plan). */
  openTasks: number;
}

/** A task the plan would create, before it is stored. */
export interface TaskDraft {
  threatRef: string;
  title: string;
  description: string;
  strand: Strand;
  capability: string;
  band: Band;
  objectiveCode: string | null;
  /** 'action' = from a recommended action, 'playbook' = from the crime-area playbook, 'intelligence' = intelligence gap. */
  source: 'action' | 'playbook' | 'intelligence';
  dueInDays: number;
  acceptWithinHours: number;
  organisationId: string | null;
  supporterIds: string[];
  /** Whether routing found no candidate (a gap). */
  unrouted: boolean;
}
