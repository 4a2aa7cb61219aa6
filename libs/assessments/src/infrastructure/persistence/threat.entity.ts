import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ISO_TIMESTAMP } from '@app/database';
import type {
  Band,
  Classification,
  Confidence,
  CrimeArea,
  HarmDimension,
  RecommendedAction,
  ScoreBreakdown,
  Trend,
} from '@app/common';

/**
 * One threat row of one revision. Each revision has its own rows and ids; `ref` ties a threat across
 * revisions. `isCurrent` marks the rows of each assessment's latest revision (what priorities rank).
 */
@Entity({ name: 'threat' })
@Index('idx_threat_revision', ['revisionId'])
@Index('idx_threat_assessment_ref', ['assessmentId', 'ref'])
@Index('idx_threat_current_rank', ['isCurrent', 'effectiveBand', 'score'])
export class ThreatEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 36 })
  assessmentId: string;

  @Column({ type: 'varchar', length: 36 })
  revisionId: string;

  @Column({ type: 'integer' })
  revision: number;

  @Column({ type: 'varchar', length: 64 })
  ref: string;

  @Column({ type: 'varchar', length: 200 })
  title: string;

  @Column({ type: 'text' })
  description: string;

  @Column({ type: 'varchar', length: 48 })
  crimeArea: CrimeArea;

  @Column({ type: 'simple-json' })
  harm: Record<HarmDimension, number>;

  @Column({ type: 'integer' })
  likelihood: number;

  @Column({ type: 'varchar', length: 8 })
  confidence: Confidence;

  @Column({ type: 'varchar', length: 12 })
  trend: Trend;

  @Column({ type: 'simple-json' })
  regions: string[];

  @Column({ type: 'varchar', length: 24 })
  classification: Classification;

  @Column({ type: 'simple-json' })
  intelligenceGaps: string[];

  @Column({ type: 'simple-json' })
  recommendedActions: RecommendedAction[];

  @Column({ type: 'double precision' })
  score: number;

  @Column({ type: 'varchar', length: 2 })
  band: Band;

  @Column({ type: 'simple-json' })
  breakdown: ScoreBreakdown;

  @Column({ type: 'boolean' })
  needsIntelligence: boolean;

  @Column({ type: 'varchar', length: 2, nullable: true })
  overrideBand: Band | null;

  @Column({ type: 'text', nullable: true })
  overrideReason: string | null;

  @Column({ type: 'varchar', length: 36, nullable: true })
  overrideBy: string | null;

  @Column({ ...ISO_TIMESTAMP, nullable: true })
  overrideAt: string | null;

  /** The override when there is one, else the computed band: what ranking and tasking use. */
  @Column({ type: 'varchar', length: 2 })
  effectiveBand: Band;

  @Column({ type: 'boolean' })
  isCurrent: boolean;

  @Column(ISO_TIMESTAMP)
  createdAt: string;
}
