import { HARM_DIMENSIONS } from '@app/common';
import type { Band, ScoredThreat } from '@app/common';

export type DiffableThreat = ScoredThreat & { id?: string };

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface ThreatChange {
  ref: string;
  fields: FieldChange[];
  before: { score: number; band: Band };
  after: { score: number; band: Band };
}

export interface ThreatDiff<T extends DiffableThreat = DiffableThreat> {
  added: T[];
  removed: T[];
  changed: ThreatChange[];
}

/** Compared fields in a fixed order, so `fields` reads the same way in every diff. */
const FIELDS: Array<[string, (t: ScoredThreat) => unknown]> = [
  ['title', (t) => t.title],
  ['description', (t) => t.description],
  ['crimeArea', (t) => t.crimeArea],
  ...HARM_DIMENSIONS.map((d): [string, (t: ScoredThreat) => unknown] => [`harm.${d}`, (t) => t.harm?.[d]]),
  ['likelihood', (t) => t.likelihood],
  ['confidence', (t) => t.confidence],
  ['trend', (t) => t.trend],
  ['regions', (t) => t.regions],
  ['classification', (t) => t.classification],
  ['intelligenceGaps', (t) => t.intelligenceGaps],
  ['recommendedActions', (t) => t.recommendedActions],
];

/**
 * Threats added, removed and changed between two revisions, matched by ref. A threat with identical fields
 * whose score or band moved (the revisions were scored with different configs) is still "changed", with an
 * empty `fields` list: its priority moved, and re-tasking needs to know. All three lists are sorted by ref.
 * Refs are unique within a revision (validation guarantees it); a repeat is a caller bug and throws.
 */
export function diffThreats<T extends DiffableThreat>(from: readonly T[], to: readonly T[]): ThreatDiff<T> {
  const before = byRef(from, 'from');
  const after = byRef(to, 'to');
  const refs = [...new Set([...before.keys(), ...after.keys()])].sort(compareRefs);

  const diff: ThreatDiff<T> = { added: [], removed: [], changed: [] };
  for (const ref of refs) {
    const a = before.get(ref);
    const b = after.get(ref);
    if (!a) diff.added.push(b!);
    else if (!b) diff.removed.push(a);
    else {
      const fields: FieldChange[] = [];
      for (const [field, get] of FIELDS) {
        const x = get(a);
        const y = get(b);
        if (!deepEqual(x, y)) fields.push({ field, before: clone(x), after: clone(y) });
      }
      if (fields.length > 0 || a.score !== b.score || a.band !== b.band) {
        diff.changed.push({ ref, fields, before: { score: a.score, band: a.band }, after: { score: b.score, band: b.band } });
      }
    }
  }
  return diff;
}

function byRef<T extends DiffableThreat>(threats: readonly T[], side: string): Map<string, T> {
  const map = new Map<string, T>();
  for (const t of threats) {
    if (map.has(t.ref)) throw new Error(`diffThreats: ref ${t.ref} appears twice in "${side}"`);
    map.set(t.ref, t);
  }
  return map;
}

/** Code-unit order, not locale order: the same on every server whatever its locale. */
const compareRefs = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Equality of JSON-like values. A key holding undefined counts as absent, so an action stored without
 * dueInDays equals one read back with `dueInDays: undefined`.
 */
export function deepEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return typeof a === 'number' && typeof b === 'number' && Number.isNaN(a) && Number.isNaN(b);
  }
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => deepEqual(v, b[i]));
  const ra = a as Record<string, unknown>;
  const rb = b as Record<string, unknown>;
  const keys = (r: Record<string, unknown>) => Object.keys(r).filter((k) => r[k] !== undefined);
  const ka = keys(ra);
  const kb = keys(rb);
  return ka.length === kb.length && ka.every((k) => Object.prototype.hasOwnProperty.call(rb, k) && deepEqual(ra[k], rb[k]));
}

const clone = <V>(v: V): V => (v === undefined ? v : (JSON.parse(JSON.stringify(v)) as V));
