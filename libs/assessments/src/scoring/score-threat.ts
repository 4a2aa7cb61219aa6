import { BANDS, HARM_DIMENSIONS, bandAtLeast } from '@app/common';
import type { Band, Confidence, ScoreFactor, ThreatInput, ThreatScore } from '@app/common';
import type { ScoringConfig } from './scoring-config';

/** The fields scoring reads; a whole ThreatInput fits. */
export type ScoringInput = Pick<ThreatInput, 'harm' | 'likelihood' | 'trend' | 'confidence'>;

const MAX_HARM = 5;
const MAX_LIKELIHOOD = 5;

const round1 = (x: number): number => Math.round(x * 10) / 10;
const round2 = (x: number): number => Math.round(x * 100) / 100;

/**
 * MoRiLE-style score. The breakdown is additive along the calculation, so the factors explain the number:
 * the harm factors add up to harmScore, the likelihood factor is what likelihood below 5 takes off
 * (risk − harmScore, never positive), and the trend factor is what the modifier adds or removes.
 * Together they sum, up to rounding, to the score before it is clamped to 0–100.
 *
 * The score and band are computed from unrounded intermediates and every step is a monotone function, so
 * raising a harm level or the likelihood can never lower the score. Confidence is deliberately not an input
 * to the score: low confidence raises an intelligence task (needsIntelligence) instead of hiding a threat.
 */
export function scoreThreat(input: ScoringInput, config: ScoringConfig): ThreatScore {
  const weights = config.harmWeights;
  const weightSum = HARM_DIMENSIONS.reduce((sum, d) => sum + weights[d], 0);
  const harmPoints = HARM_DIMENSIONS.map((d) => (100 * weights[d] * input.harm[d]) / (MAX_HARM * weightSum));
  const harmScore = harmPoints.reduce((a, b) => a + b, 0);
  const risk = (harmScore * input.likelihood) / MAX_LIKELIHOOD;
  const trendModifier = config.trendModifiers[input.trend];
  const modified = risk * trendModifier;
  const score = Math.min(100, Math.max(0, round1(modified)));
  const band = bandForScore(score, config);

  const factors: ScoreFactor[] = [
    ...HARM_DIMENSIONS.map((d, i) => ({
      factor: `harm.${d}`,
      value: input.harm[d],
      weight: weights[d],
      contribution: round2(harmPoints[i]),
    })),
    {
      factor: 'likelihood',
      value: input.likelihood,
      weight: round2(input.likelihood / MAX_LIKELIHOOD),
      contribution: round2(risk - harmScore),
    },
    {
      factor: 'trend',
      value: input.trend,
      weight: trendModifier,
      contribution: round2(modified - risk),
    },
  ];

  return {
    score,
    band,
    breakdown: { harmScore: round2(harmScore), risk: round2(risk), trendModifier, factors },
    needsIntelligence: needsIntelligence(input.confidence, band, config),
  };
}

/** The most urgent band whose threshold the score reaches. */
export function bandForScore(score: number, config: ScoringConfig): Band {
  for (const { band, minScore } of config.bands) if (score >= minScore) return band;
  // Unreachable with a validated config (the lowest band starts at 0); kept total for hand-built configs.
  return BANDS[BANDS.length - 1];
}

export function needsIntelligence(confidence: Confidence, band: Band, config: ScoringConfig): boolean {
  return config.needsIntelligence.confidence.includes(confidence) && bandAtLeast(band, config.needsIntelligence.minBand);
}

/** Scores each threat and keeps its input fields beside the score. */
export function scoreThreats<T extends ThreatInput>(threats: readonly T[], config: ScoringConfig): Array<T & ThreatScore> {
  return threats.map((t) => ({ ...t, ...scoreThreat(t, config) }));
}
