import { createHash } from 'node:crypto';
import { canonicalJson, RawJson } from './canonical-json';

/** The `prev_hash` of the first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** The fields of an entry that its hash covers: all of them except the hashes themselves. */
export interface AuditEntryFields {
  seq: number;
  id: string;
  at: string;
  actorId: string | null;
  actorRole: string | null;
  organisationId: string | null;
  action: string;
  entityType: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** An entry as stored: before/after as their canonical JSON text (null for none). */
export interface StoredAuditEntry extends Omit<AuditEntryFields, 'before' | 'after'> {
  before: string | null;
  after: string | null;
  prevHash: string;
  hash: string;
}

/** The stored text of a before/after value: canonical JSON, or null for none. */
export const storedJson = (value: unknown): string | null => (value === undefined || value === null ? null : canonicalJson(value));

/**
 * sha256(prev_hash + canonical JSON of the entry's fields), hex. `seq` and `id` are covered, so an
 * entry cannot be moved or swapped; `prev_hash` links it to its predecessor, so one cannot be removed
 * or inserted either without every later hash changing.
 */
export function entryHash(prevHash: string, entry: AuditEntryFields): string {
  return storedEntryHash(prevHash, { ...entry, before: storedJson(entry.before), after: storedJson(entry.after) });
}

/**
 * The same hash from the stored form: before/after are embedded as the canonical text they are
 * stored as, which is byte for byte what canonicalising the values would produce. Appending and
 * verifying thus serialise each value once, and verifying never parses it. Stored text that is not
 * the canonical form any more (edited, even if equivalent) no longer hashes the same: it was altered.
 */
export function storedEntryHash(prevHash: string, e: Omit<StoredAuditEntry, 'prevHash' | 'hash'>): string {
  // Only the covered fields, in a fixed shape: an extra property on `e` never changes the hash.
  const covered = {
    seq: e.seq,
    id: e.id,
    at: e.at,
    actorId: e.actorId,
    actorRole: e.actorRole,
    organisationId: e.organisationId,
    action: e.action,
    entityType: e.entityType,
    entityId: e.entityId,
    before: e.before === null ? null : new RawJson(e.before),
    after: e.after === null ? null : new RawJson(e.after),
  };
  return createHash('sha256').update(prevHash).update(canonicalJson(covered)).digest('hex');
}

export interface VerifyResult {
  ok: boolean;
  /** Entries examined: all of them when ok, else up to and including the first broken one. */
  checked: number;
  /** The first entry whose hash or link to its predecessor does not verify. */
  firstBrokenId?: string;
}

/**
 * Walks the chain incrementally: feed it entries in `seq` order, a batch at a time, so verifying a
 * log of any length needs memory for one batch only. It stops at the first break.
 */
export class ChainVerifier {
  private prev = GENESIS_HASH;
  private checked = 0;
  private brokenId: string | undefined;

  /** Checks the next entries; false once a break has been found (feed no more). */
  push(entries: readonly StoredAuditEntry[]): boolean {
    for (const e of entries) {
      if (this.brokenId !== undefined) return false;
      this.checked++;
      if (e.prevHash !== this.prev || storedEntryHash(e.prevHash, e) !== e.hash) {
        this.brokenId = e.id;
        return false;
      }
      this.prev = e.hash;
    }
    return this.brokenId === undefined;
  }

  result(): VerifyResult {
    return this.brokenId === undefined ? { ok: true, checked: this.checked } : { ok: false, checked: this.checked, firstBrokenId: this.brokenId };
  }
}

export const parseStored = (text: string | null): unknown => (text === null ? null : JSON.parse(text));
