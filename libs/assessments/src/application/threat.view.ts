import type { ThreatEntity } from '../infrastructure/persistence/threat.entity';

/** A threat as the API shows it to analysts and coordinators. */
export function threatView(t: ThreatEntity) {
  return {
    id: t.id,
    assessmentId: t.assessmentId,
    revision: t.revision,
    ref: t.ref,
    title: t.title,
    description: t.description,
    crimeArea: t.crimeArea,
    harm: t.harm,
    likelihood: t.likelihood,
    confidence: t.confidence,
    trend: t.trend,
    regions: t.regions,
    classification: t.classification,
    intelligenceGaps: t.intelligenceGaps,
    recommendedActions: t.recommendedActions,
    score: t.score,
    band: t.band,
    breakdown: t.breakdown,
    needsIntelligence: t.needsIntelligence,
    effectiveBand: t.effectiveBand,
    override: t.overrideBand
      ? { band: t.overrideBand, reason: t.overrideReason, by: t.overrideBy, at: t.overrideAt, computedBand: t.band }
      : null,
  };
}

export type ThreatView = ReturnType<typeof threatView>;
