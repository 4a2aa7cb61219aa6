import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ISO_TIMESTAMP } from '@app/database';
import type { Strand } from '@app/common';

export interface VisionObjective {
  code: string;
  title: string;
  strands: Strand[];
}

/** There is one current vision; its row id is fixed. */
export const CURRENT_VISION_ID = 'current';

@Entity({ name: 'vision' })
export class VisionEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 300 })
  title: string;

  @Column({ type: 'simple-json' })
  aims: string[];

  @Column({ type: 'simple-json' })
  objectives: VisionObjective[];

  @Column({ type: 'varchar', length: 36, nullable: true })
  updatedBy: string | null;

  @Column(ISO_TIMESTAMP)
  updatedAt: string;

  @Column({ type: 'integer' })
  version: number;
}
