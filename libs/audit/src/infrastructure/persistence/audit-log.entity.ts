import { Column, Entity, Index, PrimaryColumn } from 'typeorm';
import { ISO_TIMESTAMP } from '@app/database';
import type { StoredAuditEntry } from '../../domain/audit-chain';

/**
 * One audit entry (migration 1732240500000-audit). Rows are only ever inserted: the application has
 * no update or delete path for this table.
 */
@Entity({ name: 'audit_log' })
@Index('uq_audit_log_id', ['id'], { unique: true })
@Index('uq_audit_log_prev_hash', ['prevHash'], { unique: true })
@Index('idx_audit_log_entity', ['entityType', 'entityId', 'seq'])
@Index('idx_audit_log_actor', ['actorId', 'seq'])
@Index('idx_audit_log_action', ['action', 'seq'])
@Index('idx_audit_log_at', ['at'])
export class AuditLogEntity implements StoredAuditEntry {
  /** Chain order: previous max + 1, assigned under the chain lock (see AuditService.record). */
  @PrimaryColumn({ type: 'integer' })
  seq: number;

  @Column({ type: 'varchar', length: 36 })
  id: string;

  @Column(ISO_TIMESTAMP)
  at: string;

  /** Null for system work (the bootstrap admin). */
  @Column({ type: 'varchar', length: 36, nullable: true })
  actorId: string | null;

  @Column({ type: 'varchar', length: 16, nullable: true })
  actorRole: string | null;

  /** The actor's organisation: on whose behalf the change was made. */
  @Column({ type: 'varchar', length: 36, nullable: true })
  organisationId: string | null;

  @Column({ type: 'varchar', length: 64 })
  action: string;

  @Column({ type: 'varchar', length: 32 })
  entityType: string;

  @Column({ type: 'varchar', length: 64 })
  entityId: string;

  /** Canonical JSON text, exactly as hashed (not simple-json, whose re-serialisation is not ours to fix). */
  @Column({ type: 'text', nullable: true })
  before: string | null;

  @Column({ type: 'text', nullable: true })
  after: string | null;

  @Column({ type: 'varchar', length: 64 })
  prevHash: string;

  @Column({ type: 'varchar', length: 64 })
  hash: string;
}
