import type { Band, Classification, CrimeArea, Role, Strand, TaskDraft, TaskStatus } from '@app/common';
import { actorFor, allowedActions, type TaskAction } from '../lifecycle/task-state-machine';
import type { TaskEntity } from '../infrastructure/persistence/task.entity';
import type { TaskSnapshot } from './task-change-listener';

/**
 * What anyone who may see a task may know about its threat (the task's `threat` field). Partners see
 * tasks, never the assessment: the threat reaches them only as this summary (ref, title, crime area,
 * effective band, regions), never its description, harm scores, likelihood, confidence, score
 * breakdown or intelligence-gap list.
 *
 * The task's own text is another matter: a task's description is its instruction to the partner, and
 * description templates may quote the threat into it ({title}, {ref}, {regions}, {gaps}; see
 * planning/template.ts). The intelligence-collection template (config/tasking.json `intelligenceTask`)
 * uses {gaps} on purpose: the threat's intelligence gaps are what the partner is asked to collect. So
 * the lead and supporters of an intelligence-collection task, once it is issued to them, read that
 * threat's gaps in the task's description; they see no other threat's gaps, and no other task shows
 * gaps unless a playbook description in config/playbooks.json is written with {gaps} (none is today).
 */
export interface ThreatSummary {
  ref: string;
  title: string;
  crimeArea: CrimeArea;
  /** The threat's effective band now (a coordinator's override included). */
  band: Band;
  regions: string[];
}

export interface ThreatSummarySource {
  ref: string;
  title: string;
  crimeArea: CrimeArea;
  effectiveBand: Band;
  regions: string[];
}

export const threatSummary = (t: ThreatSummarySource): ThreatSummary => ({
  ref: t.ref,
  title: t.title,
  crimeArea: t.crimeArea,
  band: t.effectiveBand,
  regions: t.regions,
});

/** Whose eyes the view is for: allowedActions lists only what this viewer may do. */
export interface TaskViewer {
  role: Role;
  organisationId: string;
}

/** A stored task, or a planned one in a dry run (no ids yet). */
export type TaskRowLike = Omit<TaskEntity, 'id' | 'threatId' | 'assessmentId' | 'revision'> & {
  id: string | null;
  threatId: string | null;
  assessmentId: string | null;
  revision: number | null;
};

export interface TaskView {
  id: string | null;
  threatId: string | null;
  threatRef: string;
  assessmentId: string | null;
  revision: number | null;
  title: string;
  description: string;
  strand: Strand;
  capability: string;
  source: TaskDraft['source'];
  band: Band;
  objectiveCode: string | null;
  classification: Classification;
  status: TaskStatus;
  organisationId: string | null;
  supporterIds: string[];
  unrouted: boolean;
  dueInDays: number;
  acceptWithinHours: number;
  issuedAt: string | null;
  acceptBy: string | null;
  dueAt: string | null;
  acceptedAt: string | null;
  startedAt: string | null;
  completedAt: string | null;
  closedAt: string | null;
  outcome: string | null;
  declineReason: string | null;
  cancelReason: string | null;
  allowedActions: TaskAction[];
  threat: ThreatSummary;
  createdAt: string;
  updatedAt: string;
  version: number;
}

const isCoordinatorRole = (role: Role): boolean => role === 'coordinator' || role === 'admin';

/**
 * The actions this viewer may take now: the lifecycle's moves from the current state, narrowed to the
 * viewer's part in it (coordinators their actions, the lead partner its own; supporters, analysts and
 * other partners none). An unrouted task cannot be issued until it is reassigned.
 */
export function viewerActions(task: Pick<TaskEntity, 'status' | 'organisationId'>, viewer: TaskViewer | null): TaskAction[] {
  if (!viewer) return [];
  const legal = allowedActions(task.status);
  if (isCoordinatorRole(viewer.role)) {
    return legal.filter((a) => actorFor(a) === 'coordinator' && !(a === 'issue' && task.organisationId === null));
  }
  if (viewer.role === 'partner' && task.organisationId === viewer.organisationId) {
    return legal.filter((a) => actorFor(a) === 'lead-partner');
  }
  return [];
}

export function taskView(t: TaskRowLike, threat: ThreatSummary, viewer: TaskViewer | null): TaskView {
  return {
    id: t.id,
    threatId: t.threatId,
    threatRef: t.threatRef,
    assessmentId: t.assessmentId,
    revision: t.revision,
    title: t.title,
    description: t.description,
    strand: t.strand,
    capability: t.capability,
    source: t.source,
    band: t.band,
    objectiveCode: t.objectiveCode,
    classification: t.classification,
    status: t.status,
    organisationId: t.organisationId,
    supporterIds: t.supporterIds,
    unrouted: t.organisationId === null,
    dueInDays: t.dueInDays,
    acceptWithinHours: t.acceptWithinHours,
    issuedAt: t.issuedAt,
    acceptBy: t.acceptBy,
    dueAt: t.dueAt,
    acceptedAt: t.acceptedAt,
    startedAt: t.startedAt,
    completedAt: t.completedAt,
    closedAt: t.closedAt,
    outcome: t.outcome,
    declineReason: t.declineReason,
    cancelReason: t.cancelReason,
    allowedActions: viewerActions(t, viewer),
    threat,
    createdAt: t.createdAt,
    updatedAt: t.updatedAt,
    version: t.version,
  };
}

/** The plain copy listeners receive (TaskChangeListener). */
export function taskSnapshot(t: TaskEntity): TaskSnapshot {
  return {
    id: t.id,
    threatId: t.threatId,
    threatRef: t.threatRef,
    assessmentId: t.assessmentId,
    title: t.title,
    strand: t.strand,
    capability: t.capability,
    band: t.band,
    status: t.status,
    organisationId: t.organisationId,
    supporterIds: [...t.supporterIds],
    issuedAt: t.issuedAt,
    acceptBy: t.acceptBy,
    dueAt: t.dueAt,
    startedAt: t.startedAt,
    version: t.version,
  };
}
