import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ISO_TIMESTAMP } from '@app/database';

@Entity({ name: 'assessment' })
export class AssessmentEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  /** The latest revision number; also the optimistic-lock token for new revisions. */
  @Column({ type: 'integer' })
  currentRevision: number;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;

  @Column(ISO_TIMESTAMP)
  createdAt: string;

  @Column(ISO_TIMESTAMP)
  updatedAt: string;
}

@Entity({ name: 'assessment_revision' })
@Index('uq_revision_assessment_number', ['assessmentId', 'revision'], { unique: true })
export class AssessmentRevisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  assessmentId: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'varchar', length: 64 })
  scoringVersion: string;

  /** The whole scoring configuration that scored this revision, so its scores can be reproduced. */
  @Column({ type: 'simple-json' })
  scoringConfig: unknown;

  @Column({ type: 'varchar', length: 8 })
  sourceFormat: string;

  @Column({ type: 'varchar', length: 300, nullable: true })
  sourceName: string | null;

  @Column({ type: 'integer' })
  threatCount: number;

  @Column({ type: 'varchar', length: 36 })
  createdBy: string;

  @Column(ISO_TIMESTAMP)
  createdAt: string;
}
