import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditSink, insertMany, nowIso, type AuditActorRef, type AuditRecord, type Page } from '@app/database';
import { ChainVerifier, GENESIS_HASH, parseStored, storedEntryHash, storedJson, type AuditEntryFields, type VerifyResult } from '../domain/audit-chain';
import { AuditLogEntity } from '../infrastructure/persistence/audit-log.entity';
import { AuditContext } from './audit-context';

/**
 * Arbitrary constant: the PostgreSQL advisory-lock key that serialises audit appends across API
 * replicas (the migration lock uses 727_001).
 */
export const AUDIT_CHAIN_LOCK_KEY = 727_002;
/** Entries read per query while verifying: memory stays bounded whatever the log's length. */
const VERIFY_BATCH = 1000;

export interface AuditFilter {
  entityType?: string;
  entityId?: string;
  actorId?: string;
  action?: string;
  /** ISO-8601 UTC instants, inclusive. */
  from?: string;
  to?: string;
}

/** An entry as the API shows it: the hashed fields plus the two hashes that chain it. */
export interface AuditEntryView extends AuditEntryFields {
  prevHash: string;
  hash: string;
}

/**
 * The append-only, hash-chained audit log.
 *
 * `record` appends inside the caller's transaction. The chain must never fork, so appends are
 * serialised from reading the tail until commit:
 * - PostgreSQL runs transactions concurrently, so `record` first takes a transaction-scoped advisory
 *   lock (released by COMMIT or ROLLBACK); under READ COMMITTED the tail read after it sees the
 *   previous holder's committed entries.
 * - SQLite serialises writers with the database write lock, but BEGIN is deferred: a transaction
 *   that has only read holds no write lock, and another process (a second API, the CLI) could append
 *   between our read of the tail and our insert. A no-op UPDATE first makes the transaction a writer,
 *   and if another process committed since our snapshot began, SQLite refuses with SQLITE_BUSY, which
 *   TransactionRunner retries as a whole.
 * Either way `seq` = tail + 1 is computed under the lock, and the primary key on `seq` and the unique
 * index on `prev_hash` would refuse a second entry on the same tail if the lock were ever bypassed.
 *
 * There is no update or delete here, nor anywhere else: the log is append-only.
 */
@Injectable()
export class AuditService extends AuditSink {
  constructor(
    @InjectRepository(AuditLogEntity) private readonly log: Repository<AuditLogEntity>,
    private readonly context: AuditContext,
  ) {
    super();
  }

  async record(em: EntityManager, entries: readonly AuditRecord[]): Promise<void> {
    if (!entries.length) return;
    if (!em.queryRunner?.isTransactionActive) {
      // Outside a transaction the lock would be released at once and the entry could commit without
      // its change (or the change without its entry).
      throw new Error('AuditService.record must run inside the writing transaction (tx.run(em => …))');
    }
    await this.lockChain(em);
    const tail = await em.getRepository(AuditLogEntity).find({ select: { seq: true, hash: true }, order: { seq: 'DESC' }, take: 1 });
    let seq = tail[0]?.seq ?? 0;
    let prevHash = tail[0]?.hash ?? GENESIS_HASH;
    // Stamped after the lock, so `at` never goes backwards along the chain (on one clock).
    const at = nowIso();
    const ambient = this.context.actor;
    const rows: AuditLogEntity[] = entries.map((e) => {
      const actor: AuditActorRef | null = e.actor === undefined ? ambient : e.actor;
      const fields = {
        seq: ++seq,
        id: randomUUID(),
        at,
        actorId: actor?.id ?? null,
        actorRole: actor?.role ?? null,
        organisationId: actor?.organisationId ?? null,
        action: e.action,
        entityType: e.entityType,
        entityId: e.entityId,
        // Serialised once: the stored text is also what the hash covers.
        before: storedJson(e.before),
        after: storedJson(e.after),
      };
      const hash = storedEntryHash(prevHash, fields);
      const row: AuditLogEntity = { ...fields, prevHash, hash };
      prevHash = hash;
      return row;
    });
    // Chunked multi-row inserts: a bulk issue of thousands of tasks is one statement per chunk.
    await insertMany(em, AuditLogEntity, rows);
  }

  /** Newest first. */
  async list(filter: AuditFilter, limit: number, offset: number): Promise<Page<AuditEntryView>> {
    const qb = this.log.createQueryBuilder('a');
    if (filter.entityType) qb.andWhere('a.entityType = :entityType', { entityType: filter.entityType });
    if (filter.entityId) qb.andWhere('a.entityId = :entityId', { entityId: filter.entityId });
    if (filter.actorId) qb.andWhere('a.actorId = :actorId', { actorId: filter.actorId });
    if (filter.action) qb.andWhere('a.action = :action', { action: filter.action });
    // ISO-8601 UTC strings of fixed width: text order is time order.
    if (filter.from) qb.andWhere('a.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('a.at <= :to', { to: filter.to });
    const [rows, total] = await qb.orderBy('a.seq', 'DESC').take(limit).skip(offset).getManyAndCount();
    return { items: rows.map(entryView), total, limit, offset };
  }

  /**
   * Recomputes the whole chain in `seq` order, a batch at a time (keyset paging on the primary key,
   * so each batch is an index range however far along the chain).
   */
  async verify(batchSize = VERIFY_BATCH): Promise<VerifyResult> {
    const verifier = new ChainVerifier();
    let after = -1;
    for (;;) {
      const batch = await this.log
        .createQueryBuilder('a')
        .where('a.seq > :after', { after })
        .orderBy('a.seq', 'ASC')
        .limit(batchSize)
        .getMany();
      if (!batch.length || !verifier.push(batch)) return verifier.result();
      after = batch[batch.length - 1].seq;
    }
  }

  private async lockChain(em: EntityManager): Promise<void> {
    const type = em.connection.options.type;
    if (type === 'postgres') {
      await em.query('SELECT pg_advisory_xact_lock($1)', [AUDIT_CHAIN_LOCK_KEY]);
    } else if (type === 'better-sqlite3') {
      // Matches no row, but an UPDATE takes the database write lock, upgrading the deferred
      // transaction to a writer before the tail is read (see the class comment).
      await em.query('UPDATE audit_log SET seq = seq WHERE 0');
    } else {
      throw new Error(`The audit chain has no lock for database type ${type}`);
    }
  }
}

function entryView(r: AuditLogEntity): AuditEntryView {
  return {
    id: r.id,
    seq: r.seq,
    at: r.at,
    actorId: r.actorId,
    actorRole: r.actorRole,
    organisationId: r.organisationId,
    action: r.action,
    entityType: r.entityType,
    entityId: r.entityId,
    before: safeParse(r.before),
    after: safeParse(r.after),
    prevHash: r.prevHash,
    hash: r.hash,
  };
}

/** A row altered into invalid JSON is still listed (verify names it); its text is shown as is. */
function safeParse(text: string | null): unknown {
  try {
    return parseStored(text);
  } catch {
    return text;
  }
}
