import type { Band, Classification, Confidence, CrimeArea, HarmDimension, Strand, Trend } from './vocabulary';

/** One recommended action on a threat row. */
export interface RecommendedAction {
  strand: Strand;
  capability: string;
  description: string;
  dueInDays?: number;
}

/** A threat row as uploaded and validated (JSON, CSV or XLSX all become this). */
export interface ThreatInput {
  ref: string;
  title: string;
  description: string;
  crimeArea: CrimeArea;
  harm: Record<HarmDimension, number>;
  likelihood: number;
  confidence: Confidence;
  trend: Trend;
  regions: string[];
  classification: Classification;
  intelligenceGaps: string[];
  recommendedActions: RecommendedAction[];
}

/** One factor of a score, so every number can be explained. */
export interface ScoreFactor {
  factor: string;
  /** The input value (a harm level, the likelihood, the trend name…). */
  value: number | string;
  /** The weight or multiplier applied. */
  weight: number;
  /** Points this factor adds to (or, for a modifier, changes in) the score. */
  contribution: number;
}

export interface ScoreBreakdown {
  harmScore: number;
  risk: number;
  trendModifier: number;
  factors: ScoreFactor[];
}

export interface ThreatScore {
  score: number;
  band: Band;
  breakdown: ScoreBreakdown;
  needsIntelligence: boolean;
}

export type ScoredThreat = ThreatInput & ThreatScore;
