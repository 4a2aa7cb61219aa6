import type { FeedbackKind, FeedbackStatus, FeedbackSuggests } from '../domain/feedback';
import type { ThreatFeedbackEntity } from '../infrastructure/persistence/threat-feedback.entity';

export interface FeedbackView {
  id: string;
  taskId: string;
  taskTitle: string;
  threatId: string;
  threatRef: string;
  assessmentId: string;
  organisationId: string;
  organisationName: string;
  authorId: string;
  kind: FeedbackKind;
  detail: string;
  suggests: FeedbackSuggests;
  status: FeedbackStatus;
  addressedRevision: number | null;
  addressedAt: string | null;
  /** The analyst who stored the addressing revision: Taskforce staff, so not shown to partners. */
  addressedBy?: string | null;
  createdAt: string;
}

/** What a view needs beyond the row: names looked up for a whole page at once. */
export interface FeedbackNames {
  organisationName: string;
  taskTitle: string;
}

export function feedbackView(f: ThreatFeedbackEntity, names: FeedbackNames, forPartner: boolean): FeedbackView {
  return {
    id: f.id,
    taskId: f.taskId,
    taskTitle: names.taskTitle,
    threatId: f.threatId,
    threatRef: f.threatRef,
    assessmentId: f.assessmentId,
    organisationId: f.organisationId,
    organisationName: names.organisationName,
    authorId: f.authorId,
    kind: f.kind,
    detail: f.detail,
    suggests: f.suggests,
    status: f.status,
    addressedRevision: f.addressedRevision,
    addressedAt: f.addressedAt,
    ...(forPartner ? {} : { addressedBy: f.addressedBy }),
    createdAt: f.createdAt,
  };
}
