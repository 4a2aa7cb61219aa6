import fc from 'fast-check';
import { BANDS, CONFIDENCES, HARM_DIMENSIONS, TRENDS, bandAtLeast } from '@app/common';
import type { Confidence, HarmDimension, Trend } from '@app/common';
import { loadScoringConfig, validateScoringConfig, type ScoringConfig } from './scoring-config';
import { bandForScore, scoreThreat, type ScoringInput } from './score-threat';

const shipped = loadScoringConfig();
const RUNS = { numRuns: 1000 };

const harmOf = (values: number[]): Record<HarmDimension, number> =>
  Object.fromEntries(HARM_DIMENSIONS.map((d, i) => [d, values[i]])) as Record<HarmDimension, number>;
const input = (h: number[], likelihood: number, trend: Trend = 'stable', confidence: Confidence = 'high'): ScoringInput => ({
  harm: harmOf(h),
  likelihood,
  trend,
  confidence,
});

const arbInput: fc.Arbitrary<ScoringInput> = fc.record({
  harm: fc.tuple(...HARM_DIMENSIONS.map(() => fc.integer({ min: 0, max: 5 }))).map(harmOf),
  likelihood: fc.integer({ min: 1, max: 5 }),
  trend: fc.constantFrom(...TRENDS),
  confidence: fc.constantFrom(...CONFIDENCES),
});

/** Any configuration the validator accepts, so the properties hold for every config, not only the shipped one. */
const arbConfig: fc.Arbitrary<ScoringConfig> = fc
  .record({
    weights: fc.tuple(...HARM_DIMENSIONS.map(() => fc.oneof(fc.integer({ min: 0, max: 10 }), fc.double({ min: 0.001, max: 10, noNaN: true })))),
    trends: fc.tuple(fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true }), fc.double({ min: 0.1, max: 3, noNaN: true })),
    cuts: fc.uniqueArray(fc.integer({ min: 1, max: 100 }), { minLength: 3, maxLength: 3 }),
    confidence: fc.subarray([...CONFIDENCES]),
    minBand: fc.constantFrom(...BANDS),
  })
  .filter(({ weights }) => weights.some((w) => w > 0))
  .map(({ weights, trends, cuts, confidence, minBand }) => {
    const [decreasing, stable, increasing] = [...trends].sort((a, b) => a - b);
    const [p1, p2, p3] = [...cuts].sort((a, b) => b - a);
    return validateScoringConfig({
      version: 'prop',
      harmWeights: harmOf(weights),
      trendModifiers: { increasing, stable, decreasing },
      bands: [
        { band: 'P1', minScore: p1 },
        { band: 'P2', minScore: p2 },
        { band: 'P3', minScore: p3 },
        { band: 'P4', minScore: 0 },
      ],
      needsIntelligence: { confidence, minBand },
    });
  });

const arbAnyConfig = fc.oneof(fc.constant(shipped), arbConfig);

describe('scoreThreat: examples with the shipped config', () => {
  it('loads config/scoring.json', () => {
    expect(shipped.version).toBe('2026.11-1');
    expect(shipped.bands.map((b) => b.band)).toEqual(['P1', 'P2', 'P3', 'P4']);
  });

  it('puts all harms 5, likelihood 5, increasing at P1 with a capped score of 100', () => {
    const s = scoreThreat(input([5, 5, 5, 5, 5], 5, 'increasing'), shipped);
    expect(s.score).toBe(100);
    expect(s.band).toBe('P1');
    expect(s.breakdown.harmScore).toBe(100);
    expect(s.breakdown.risk).toBe(100);
    // The breakdown explains the uncapped value (115); the score itself is clamped.
    const sum = s.breakdown.factors.reduce((a, f) => a + f.contribution, 0);
    expect(sum).toBeCloseTo(115, 1);
  });

  it('puts all harms 0 at score 0, P4, whatever the rest', () => {
    for (const trend of TRENDS) {
      const s = scoreThreat(input([0, 0, 0, 0, 0], 5, trend, 'low'), shipped);
      expect(s).toMatchObject({ score: 0, band: 'P4', needsIntelligence: false });
    }
  });

  it('computes a worked example and explains it factor by factor', () => {
    // weights 3,2,2,2,1 (sum 10): harm (4,4,2,4,0) → (12+8+4+8)/50 = 64; × 4/5 = 51.2; stable.
    const s = scoreThreat(input([4, 4, 2, 4, 0], 4), shipped);
    expect(s.score).toBe(51.2);
    expect(s.band).toBe('P2');
    expect(s.breakdown).toEqual({
      harmScore: 64,
      risk: 51.2,
      trendModifier: 1,
      factors: [
        { factor: 'harm.physical', value: 4, weight: 3, contribution: 24 },
        { factor: 'harm.psychological', value: 4, weight: 2, contribution: 16 },
        { factor: 'harm.financial', value: 2, weight: 2, contribution: 8 },
        { factor: 'harm.community', value: 4, weight: 2, contribution: 16 },
        { factor: 'harm.environmental', value: 0, weight: 1, contribution: 0 },
        { factor: 'likelihood', value: 4, weight: 0.8, contribution: -12.8 },
        { factor: 'trend', value: 'stable', weight: 1, contribution: 0 },
      ],
    });
  });

  it('applies the trend modifier after risk', () => {
    const inc = scoreThreat(input([4, 4, 2, 4, 0], 4, 'increasing'), shipped);
    const dec = scoreThreat(input([4, 4, 2, 4, 0], 4, 'decreasing'), shipped);
    expect(inc.score).toBe(58.9); // 51.2 × 1.15 = 58.88
    expect(dec.score).toBe(43.5); // 51.2 × 0.85 = 43.52
    expect(inc.breakdown.factors.at(-1)).toEqual({ factor: 'trend', value: 'increasing', weight: 1.15, contribution: 7.68 });
  });

  it('flags low confidence at P1/P2 for intelligence collection, not lower bands or better confidence', () => {
    expect(scoreThreat(input([5, 5, 5, 5, 5], 5, 'stable', 'low'), shipped).needsIntelligence).toBe(true);
    const p2 = scoreThreat(input([4, 4, 2, 4, 0], 4, 'stable', 'low'), shipped);
    expect(p2.band).toBe('P2');
    expect(p2.needsIntelligence).toBe(true);
    const p3 = scoreThreat(input([2, 2, 2, 2, 2], 3, 'stable', 'low'), shipped);
    expect(p3.band).toBe('P3');
    expect(p3.needsIntelligence).toBe(false);
    expect(scoreThreat(input([5, 5, 5, 5, 5], 5, 'stable', 'medium'), shipped).needsIntelligence).toBe(false);
  });

  it('bands on the thresholds inclusively', () => {
    expect(bandForScore(60, shipped)).toBe('P1');
    expect(bandForScore(59.9, shipped)).toBe('P2');
    expect(bandForScore(40, shipped)).toBe('P2');
    expect(bandForScore(20, shipped)).toBe('P3');
    expect(bandForScore(19.9, shipped)).toBe('P4');
    expect(bandForScore(0, shipped)).toBe('P4');
  });
});

describe('scoreThreat: properties (any valid config)', () => {
  it('answers a score from 0 to 100 with at most one decimal', () => {
    fc.assert(
      fc.property(arbInput, arbAnyConfig, (i, c) => {
        const { score } = scoreThreat(i, c);
        return score >= 0 && score <= 100 && Math.abs(score * 10 - Math.round(score * 10)) < 1e-9;
      }),
      RUNS,
    );
  });

  it.each(HARM_DIMENSIONS)('never lowers the score when harm.%s rises', (dim) => {
    fc.assert(
      fc.property(arbInput, arbAnyConfig, fc.integer({ min: 1, max: 5 }), (i, c, step) => {
        const raised = { ...i, harm: { ...i.harm, [dim]: Math.min(5, i.harm[dim] + step) } };
        const before = scoreThreat(i, c);
        const after = scoreThreat(raised, c);
        return after.score >= before.score && bandAtLeast(after.band, before.band);
      }),
      RUNS,
    );
  });

  it('never lowers the score when likelihood rises', () => {
    fc.assert(
      fc.property(arbInput, arbAnyConfig, fc.integer({ min: 1, max: 4 }), (i, c, step) => {
        const before = scoreThreat(i, c);
        const after = scoreThreat({ ...i, likelihood: Math.min(5, i.likelihood + step) }, c);
        return after.score >= before.score && bandAtLeast(after.band, before.band);
      }),
      RUNS,
    );
  });

  it('ranks increasing >= stable >= decreasing for the same threat', () => {
    fc.assert(
      fc.property(arbInput, arbAnyConfig, (i, c) => {
        const [inc, st, dec] = (['increasing', 'stable', 'decreasing'] as const).map((trend) => scoreThreat({ ...i, trend }, c).score);
        return inc >= st && st >= dec;
      }),
      RUNS,
    );
  });

  it('never lets confidence change the score, band or breakdown', () => {
    fc.assert(
      fc.property(arbInput, arbAnyConfig, (i, c) => {
        const [first, ...rest] = CONFIDENCES.map((confidence) => scoreThreat({ ...i, confidence }, c));
        for (const other of rest) {
          expect(other.score).toBe(first.score);
          expect(other.band).toBe(first.band);
          expect(other.breakdown).toEqual(first.breakdown);
        }
      }),
      RUNS,
    );
  });

  it('gives the band whose threshold the score reaches, and no higher one', () => {
    fc.assert(
      fc.property(arbInput, arbAnyConfig, (i, c) => {
        const { score, band } = scoreThreat(i, c);
        const idx = c.bands.findIndex((b) => b.band === band);
        const reaches = score >= c.bands[idx].minScore;
        const notHigher = idx === 0 || score < c.bands[idx - 1].minScore;
        return reaches && notHigher;
      }),
      RUNS,
    );
  });

  it('sets needsIntelligence exactly when confidence is listed and the band is at or above minBand', () => {
    fc.assert(
      fc.property(arbInput, arbAnyConfig, (i, c) => {
        const s = scoreThreat(i, c);
        const expected = c.needsIntelligence.confidence.includes(i.confidence) && bandAtLeast(s.band, c.needsIntelligence.minBand);
        return s.needsIntelligence === expected;
      }),
      RUNS,
    );
  });

  it('explains the score: harm factors sum to harmScore, all factors to the unclamped score', () => {
    fc.assert(
      fc.property(arbInput, arbAnyConfig, (i, c) => {
        const { score, breakdown } = scoreThreat(i, c);
        const harmSum = breakdown.factors.filter((f) => f.factor.startsWith('harm.')).reduce((a, f) => a + f.contribution, 0);
        const total = breakdown.factors.reduce((a, f) => a + f.contribution, 0);
        expect(breakdown.factors).toHaveLength(7);
        expect(Math.abs(harmSum - breakdown.harmScore)).toBeLessThan(0.05);
        expect(Math.abs(total - breakdown.risk * breakdown.trendModifier)).toBeLessThan(0.06);
        if (score < 100) expect(Math.abs(total - score)).toBeLessThan(0.1);
      }),
      RUNS,
    );
  });
});
