import { Column, Entity, PrimaryColumn } from 'typeorm';
import { ISO_TIMESTAMP } from '@app/database';
import type { Role } from '@app/common';

@Entity({ name: 'app_user' })
export class UserEntity {
  @PrimaryColumn({ type: 'varchar', length: 36 })
  id: string;

  /** Stored lower-cased so that login and uniqueness ignore case. */
  @Column({ type: 'varchar', length: 320, unique: true })
  email: string;

  @Column({ type: 'varchar', length: 100, select: false })
  passwordHash: string;

  @Column({ type: 'varchar', length: 16 })
  role: Role;

  @Column({ type: 'varchar', length: 36 })
  organisationId: string;

  @Column({ type: 'varchar', length: 200, nullable: true })
  displayName: string | null;

  @Column({ type: 'boolean' })
  active: boolean;

  @Column(ISO_TIMESTAMP)
  createdAt: string;

  @Column(ISO_TIMESTAMP)
  updatedAt: string;
}
