import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ISO_TIMESTAMP } from '@app/database';
import type { Classification, OrganisationKind } from '@app/common';

@Entity({ name: 'organisation' })
export class OrganisationEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  @Column({ type: 'varchar', length: 200, unique: true })
  name: string;

  @Column({ type: 'varchar', length: 16 })
  kind: OrganisationKind;

  @Column({ type: 'simple-json' })
  capabilities: string[];

  @Column({ type: 'simple-json' })
  jurisdictions: string[];

  @Column({ type: 'varchar', length: 24 })
  clearance: Classification;

  @Column({ type: 'integer' })
  capacity: number;

  @Column({ type: 'varchar', length: 2000, nullable: true })
  webhookUrl: string | null;

  /** HMAC key for webhook signatures; shown to admins only. */
  @Column({ type: 'varchar', length: 128, nullable: true })
  webhookSecret: string | null;

  @Column({ type: 'varchar', length: 320, nullable: true })
  contactEmail: string | null;

  @Column(ISO_TIMESTAMP)
  createdAt: string;

  @Column(ISO_TIMESTAMP)
  updatedAt: string;

  @Column({ type: 'integer' })
  version: number;
}
