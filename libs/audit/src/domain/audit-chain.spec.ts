import { createHash } from 'node:crypto';
import { ChainVerifier, entryHash, GENESIS_HASH, storedEntryHash, storedJson, type AuditEntryFields, type StoredAuditEntry } from './audit-chain';
import { canonicalJson } from './canonical-json';

function fields(seq: number, over: Partial<AuditEntryFields> = {}): AuditEntryFields {
  return {
    seq,
    id: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    at: '2026-11-22T10:00:00.000Z',
    actorId: 'actor-1',
    actorRole: 'coordinator',
    organisationId: 'org-1',
    action: 'task.issue',
    entityType: 'task',
    entityId: `task-${seq}`,
    before: { status: 'proposed', version: seq },
    after: { version: seq + 1, status: 'assigned' },
    ...over,
  };
}

/** A chain of n entries, stored as AuditService stores them. */
function chain(n: number): StoredAuditEntry[] {
  const out: StoredAuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let i = 1; i <= n; i++) {
    const f = fields(i);
    const hash = entryHash(prev, f);
    out.push({ ...f, before: storedJson(f.before), after: storedJson(f.after), prevHash: prev, hash });
    prev = hash;
  }
  return out;
}

const verify = (entries: StoredAuditEntry[], batch = 3) => {
  const v = new ChainVerifier();
  for (let i = 0; i < entries.length; i += batch) if (!v.push(entries.slice(i, i + batch))) break;
  return v.result();
};

describe('entryHash', () => {
  it('is sha256(prev_hash + canonical JSON of the fields), hex', () => {
    const f = fields(1);
    const expected = createHash('sha256').update(GENESIS_HASH + canonicalJson(f)).digest('hex');
    expect(entryHash(GENESIS_HASH, f)).toBe(expected);
    expect(entryHash(GENESIS_HASH, f)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('does not depend on key order inside before/after', () => {
    const a = fields(1, { after: { a: 1, b: { c: 2, d: 3 } } });
    const b = fields(1, { after: { b: { d: 3, c: 2 }, a: 1 } });
    expect(entryHash(GENESIS_HASH, a)).toBe(entryHash(GENESIS_HASH, b));
  });

  it('changes with the predecessor and with every covered field', () => {
    const base = fields(1);
    const h = entryHash(GENESIS_HASH, base);
    expect(entryHash('f'.repeat(64), base)).not.toBe(h);
    const variants: Partial<AuditEntryFields>[] = [
      { seq: 2 },
      { id: 'other' },
      { at: '2026-11-22T10:00:00.001Z' },
      { actorId: null },
      { actorRole: 'admin' },
      { organisationId: 'org-2' },
      { action: 'task.accept' },
      { entityType: 'threat' },
      { entityId: 'task-2' },
      { before: null },
      { after: { version: 2, status: 'accepted' } },
    ];
    for (const v of variants) expect(entryHash(GENESIS_HASH, { ...base, ...v })).not.toBe(h);
  });

  it('ignores properties that are not entry fields, and treats undefined before/after as null', () => {
    const base = fields(1, { before: null });
    expect(entryHash(GENESIS_HASH, { ...base, extra: 'x' } as AuditEntryFields)).toBe(entryHash(GENESIS_HASH, base));
    expect(entryHash(GENESIS_HASH, { ...base, before: undefined })).toBe(entryHash(GENESIS_HASH, base));
    expect(storedJson(undefined)).toBeNull();
    expect(storedJson({ b: 1, a: 2 })).toBe('{"a":2,"b":1}');
  });
});

describe('storedEntryHash', () => {
  it('gives the same hash from the stored form (canonical text) as from the values', () => {
    const f = fields(7, { before: { z: [1, { y: 2, x: null }], a: 'é' }, after: null });
    expect(storedEntryHash('a'.repeat(64), { ...f, before: storedJson(f.before), after: storedJson(f.after) })).toBe(entryHash('a'.repeat(64), f));
  });

  it('treats stored text that is no longer canonical as altered, even if equivalent', () => {
    const [e] = chain(1);
    expect(storedEntryHash(e.prevHash, e)).toBe(e.hash);
    const spaced = JSON.stringify(JSON.parse(e.after!), null, 1);
    expect(storedEntryHash(e.prevHash, { ...e, after: spaced })).not.toBe(e.hash);
  });
});

describe('ChainVerifier', () => {
  it('accepts an intact chain, in batches, and an empty one', () => {
    expect(verify(chain(10))).toEqual({ ok: true, checked: 10 });
    expect(verify([])).toEqual({ ok: true, checked: 0 });
  });

  it('names an entry whose content was altered', () => {
    const entries = chain(10);
    entries[4] = { ...entries[4], after: '{"status":"closed","version":6}' };
    expect(verify(entries)).toEqual({ ok: false, checked: 5, firstBrokenId: entries[4].id });
  });

  it('names an entry whose actor or time was altered', () => {
    const a = chain(5);
    a[2] = { ...a[2], actorId: 'someone-else' };
    expect(verify(a).firstBrokenId).toBe(a[2].id);
    const b = chain(5);
    b[0] = { ...b[0], at: '2020-01-01T00:00:00.000Z' };
    expect(verify(b).firstBrokenId).toBe(b[0].id);
  });

  it('names the entry after one that was re-hashed to hide an edit (its link breaks)', () => {
    const entries = chain(6);
    const forged = { ...entries[2], after: '{"status":"closed"}' };
    forged.hash = entryHash(forged.prevHash, { ...forged, before: JSON.parse(forged.before!), after: JSON.parse(forged.after!) });
    entries[2] = forged;
    expect(verify(entries)).toEqual({ ok: false, checked: 4, firstBrokenId: entries[3].id });
  });

  it('detects a removed entry, a reordering, and a chain that does not start at genesis', () => {
    const removed = chain(6);
    const gone = removed.splice(3, 1);
    expect(gone).toHaveLength(1);
    expect(verify(removed).firstBrokenId).toBe(removed[3].id);

    const swapped = chain(6);
    [swapped[1], swapped[2]] = [swapped[2], swapped[1]];
    expect(verify(swapped).firstBrokenId).toBe(swapped[1].id);

    const headless = chain(4).slice(1);
    expect(verify(headless).firstBrokenId).toBe(headless[0].id);
  });

  it('reports stored JSON that no longer parses as broken rather than failing', () => {
    const entries = chain(3);
    entries[1] = { ...entries[1], before: '{not json' };
    expect(verify(entries)).toEqual({ ok: false, checked: 2, firstBrokenId: entries[1].id });
  });

  it('stops at the first break', () => {
    const entries = chain(6);
    entries[1] = { ...entries[1], action: 'x' };
    entries[4] = { ...entries[4], action: 'y' };
    const v = new ChainVerifier();
    expect(v.push(entries.slice(0, 3))).toBe(false);
    expect(v.push(entries.slice(3))).toBe(false);
    expect(v.result()).toEqual({ ok: false, checked: 2, firstBrokenId: entries[1].id });
  });
});
