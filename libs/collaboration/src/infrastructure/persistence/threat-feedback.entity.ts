import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ISO_TIMESTAMP } from '@app/database';
import type { FeedbackKind, FeedbackStatus, FeedbackSuggests } from '../../domain/feedback';

/**
 * A partner's feedback on the threat behind one of its tasks. `assessmentId` + `threatRef` tie it to
 * the threat across revisions (each revision has its own threat rows); `threatId` is the row the task
 * pointed at when the feedback was posted.
 */
@Entity({ name: 'threat_feedback' })
@Index('idx_threat_feedback_assessment_ref', ['assessmentId', 'threatRef', 'createdAt'])
@Index('idx_threat_feedback_task', ['taskId', 'createdAt'])
export class ThreatFeedbackEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  taskId: string;

  @Column({ type: 'varchar', length: 36 })
  threatId: string;

  @Column({ type: 'varchar', length: 36 })
  assessmentId: string;

  @Column({ type: 'varchar', length: 64 })
  threatRef: string;

  /** The author's organisation: a partner only ever reads its own organisation's feedback. */
  @Column({ type: 'varchar', length: 36 })
  organisationId: string;

  @Column({ type: 'varchar', length: 36 })
  authorId: string;

  @Column({ type: 'varchar', length: 32 })
  kind: FeedbackKind;

  @Column({ type: 'text' })
  detail: string;

  @Column({ type: 'varchar', length: 8 })
  suggests: FeedbackSuggests;

  @Column({ type: 'varchar', length: 16 })
  status: FeedbackStatus;

  /** The revision that addressed it, who stored that revision, and when. */
  @Column({ type: 'integer', nullable: true })
  addressedRevision: number | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  addressedBy: string | null;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  addressedAt: string | null;

  @Column(ISO_TIMESTAMP)
  createdAt: string;
}

export const COLLABORATION_ENTITIES = [ThreatFeedbackEntity];
