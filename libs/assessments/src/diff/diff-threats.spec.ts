import type { ScoredThreat } from '@app/common';
import { generateThreats } from '../samples/generate-threats';
import { loadScoringConfig, validateScoringConfig } from '../scoring/scoring-config';
import { scoreThreats } from '../scoring/score-threat';
import { deepEqual, diffThreats } from './diff-threats';

const config = loadScoringConfig();
const scored = (seed = 4, n = 6): Array<ScoredThreat & { id?: string }> =>
  scoreThreats(generateThreats(n, seed), config).map((t, i) => ({ ...t, id: `id-${seed}-${i}` }));

describe('diffThreats', () => {
  it('finds nothing between identical revisions (ids may differ)', () => {
    const from = scored();
    const to = scored().map((t) => ({ ...t, id: `new-${t.ref}` }));
    expect(diffThreats(from, to)).toEqual({ added: [], removed: [], changed: [] });
  });

  it('lists added and removed threats by ref, sorted', () => {
    const base = scored();
    const from = [base[3], base[0], base[1]];
    const to = [base[2], base[1], base[0]];
    const diff = diffThreats(from, to);
    expect(diff.added.map((t) => t.ref)).toEqual([base[2].ref]);
    expect(diff.removed.map((t) => t.ref)).toEqual([base[3].ref]);
    expect(diff.added[0].id).toBe(base[2].id);
    expect(diff.changed).toEqual([]);
  });

  it('reports each changed field with before and after, per harm dimension, and the score and band', () => {
    const [a] = scored(4, 1);
    const from = [a];
    const raised = { ...a, harm: { ...a.harm, physical: 5, community: 5 }, likelihood: 5, trend: 'increasing' as const };
    const rescored = scoreThreats([raised], config)[0];
    const to = [{ ...rescored, title: `${a.title} (revised)`, regions: [...a.regions, 'NI'] }];
    const [change] = diffThreats(from, to).changed;
    expect(change.ref).toBe(a.ref);
    expect(change.fields.map((f) => f.field)).toEqual(
      [
        'title',
        ...(a.harm.physical !== 5 ? ['harm.physical'] : []),
        ...(a.harm.community !== 5 ? ['harm.community'] : []),
        ...(a.likelihood !== 5 ? ['likelihood'] : []),
        ...(a.trend !== 'increasing' ? ['trend'] : []),
        'regions',
      ],
    );
    expect(change.fields.find((f) => f.field === 'regions')).toEqual({ field: 'regions', before: a.regions, after: [...a.regions, 'NI'] });
    expect(change.before).toEqual({ score: a.score, band: a.band });
    expect(change.after).toEqual({ score: rescored.score, band: rescored.band });
  });

  it('compares recommended actions as one field, ignoring an absent versus undefined dueInDays', () => {
    const [a] = scored(4, 1);
    const base = { ...a, recommendedActions: [{ strand: 'pursue' as const, capability: 'enforcement', description: 'Act' }] };
    const same = { ...a, recommendedActions: [{ strand: 'pursue' as const, capability: 'enforcement', description: 'Act', dueInDays: undefined }] };
    expect(diffThreats([base], [same]).changed).toEqual([]);
    const other = { ...a, recommendedActions: [{ strand: 'pursue' as const, capability: 'enforcement', description: 'Act', dueInDays: 30 }] };
    expect(diffThreats([base], [other]).changed[0].fields).toEqual([
      { field: 'recommendedActions', before: base.recommendedActions, after: other.recommendedActions },
    ]);
  });

  it('counts a threat whose fields are equal but whose score moved (another scoring config) as changed', () => {
    const threats = generateThreats(3, 8);
    const other = validateScoringConfig({
      version: 'other',
      harmWeights: { physical: 1, psychological: 1, financial: 1, community: 1, environmental: 5 },
      trendModifiers: { increasing: 1.5, stable: 1, decreasing: 0.5 },
      bands: [
        { band: 'P1', minScore: 30 },
        { band: 'P2', minScore: 20 },
        { band: 'P3', minScore: 10 },
        { band: 'P4', minScore: 0 },
      ],
      needsIntelligence: { confidence: ['low'], minBand: 'P2' },
    });
    const from = scoreThreats(threats, config);
    const to = scoreThreats(threats, other);
    const diff = diffThreats(from, to);
    const moved = from.filter((t, i) => t.score !== to[i].score || t.band !== to[i].band).map((t) => t.ref);
    expect(moved.length).toBeGreaterThan(0);
    expect(diff.changed.map((c) => c.ref)).toEqual([...moved].sort());
    expect(diff.changed.every((c) => c.fields.length === 0)).toBe(true);
  });

  it('orders changed threats by ref deterministically', () => {
    const from = scored(6, 12);
    const to = from.map((t) => ({ ...t, description: `${t.description} Updated.` })).reverse();
    const refs = diffThreats(from, to).changed.map((c) => c.ref);
    expect(refs).toEqual([...refs].sort());
    expect(refs).toHaveLength(12);
  });

  it('does not alias the inputs in the field values it returns', () => {
    const [a] = scored(4, 1);
    const to = [{ ...a, regions: ['WAL'] }];
    const [change] = diffThreats([a], to).changed;
    (change.fields[0].after as string[]).push('mutated');
    expect(to[0].regions).toEqual(['WAL']);
  });

  it('throws on a ref repeated within one side', () => {
    const [a] = scored(4, 1);
    expect(() => diffThreats([a, a], [])).toThrow(/appears twice/);
  });
});

describe('deepEqual', () => {
  it.each([
    [1, 1, true],
    [[1, 2], [1, 2], true],
    [[1, 2], [2, 1], false],
    [{ a: 1, b: undefined }, { a: 1 }, true],
    [{ a: 1 }, { a: 1, b: 2 }, false],
    [{ a: [1, { b: 2 }] }, { a: [1, { b: 2 }] }, true],
    [null, undefined, false],
    [[], {}, false],
    ['1', 1, false],
  ])('deepEqual(%j, %j) is %s', (a, b, expected) => {
    expect(deepEqual(a, b)).toBe(expected);
  });
});
