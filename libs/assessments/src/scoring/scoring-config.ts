import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { BANDS, CONFIDENCES, HARM_DIMENSIONS, TRENDS } from '@app/common';
import type { Band, Confidence, HarmDimension, Trend } from '@app/common';

export interface BandThreshold {
  band: Band;
  /** Lowest score (inclusive) that earns this band. */
  minScore: number;
}

export interface ScoringConfig {
  version: string;
  description?: string;
  harmWeights: Readonly<Record<HarmDimension, number>>;
  trendModifiers: Readonly<Record<Trend, number>>;
  /** Always ordered P1 → P4 after validation, whatever order the file used. */
  bands: readonly Readonly<BandThreshold>[];
  needsIntelligence: Readonly<{ confidence: readonly Confidence[]; minBand: Band }>;
}

export const DEFAULT_SCORING_CONFIG_PATH = 'config/scoring.json';
export const SCORING_CONFIG_PATH_ENV = 'SCORING_CONFIG_PATH';

/** Resolution order: explicit argument, then SCORING_CONFIG_PATH, then config/scoring.json under the working directory. */
export function resolveScoringConfigPath(path?: string): string {
  return resolve(process.cwd(), path ?? process.env[SCORING_CONFIG_PATH_ENV] ?? DEFAULT_SCORING_CONFIG_PATH);
}

/**
 * Reads and validates the scoring configuration. Synchronous on purpose: it runs once at start-up, and a bad
 * file must stop the process before it scores anything with half a configuration.
 */
export function loadScoringConfig(path?: string): ScoringConfig {
  const file = resolveScoringConfigPath(path);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (err) {
    throw new Error(`scoring config ${file}: cannot read the file (${(err as NodeJS.ErrnoException).code ?? String(err)})`);
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new Error(`scoring config ${file}: not valid JSON (${(err as Error).message})`);
  }
  return validateScoringConfig(raw, file);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * Validates an already-parsed configuration, e.g. one stored beside an old revision so that its scores can be
 * reproduced. Reports every problem at once, each naming its key, so a broken file is fixed in one pass.
 */
export function validateScoringConfig(raw: unknown, source = 'scoring config'): ScoringConfig {
  const problems: string[] = [];
  const fail = (key: string, message: string) => problems.push(`"${key}" ${message}`);

  if (!isRecord(raw)) throw new Error(`${source}: expected a JSON object at the top level`);

  const topKeys = ['version', 'description', 'harmWeights', 'trendModifiers', 'bands', 'needsIntelligence'];
  for (const key of Object.keys(raw)) if (!topKeys.includes(key)) fail(key, `is not a known key (expected ${topKeys.join(', ')})`);

  if (typeof raw.version !== 'string' || raw.version.trim() === '') fail('version', 'must be a non-empty string');
  if (raw.description !== undefined && typeof raw.description !== 'string') fail('description', 'must be a string');

  // A weight is 0 (dimension ignored) or at least 0.001: vanishing weights only add floating-point noise.
  const harmWeights = checkNumberMap(raw.harmWeights, 'harmWeights', HARM_DIMENSIONS, fail, (v) => v === 0 || (v >= 0.001 && v <= 1000), '0 or a number from 0.001 to 1000');
  if (harmWeights && HARM_DIMENSIONS.reduce((sum, d) => sum + harmWeights[d], 0) <= 0) {
    fail('harmWeights', 'must have at least one weight above 0');
  }

  const trendModifiers = checkNumberMap(raw.trendModifiers, 'trendModifiers', TRENDS, fail, (v) => v > 0 && v <= 10, 'a number above 0 and at most 10');
  // Trend must not invert the ordering of threats: an increasing threat never scores below the same threat stable.
  if (trendModifiers && !(trendModifiers.decreasing <= trendModifiers.stable && trendModifiers.stable <= trendModifiers.increasing)) {
    fail('trendModifiers', 'must satisfy decreasing <= stable <= increasing');
  }

  const bands = checkBands(raw.bands, fail);

  let needsIntelligence: ScoringConfig['needsIntelligence'] | undefined;
  if (!isRecord(raw.needsIntelligence)) {
    fail('needsIntelligence', 'must be an object { confidence: [...], minBand }');
  } else {
    const ni = raw.needsIntelligence;
    for (const key of Object.keys(ni)) {
      if (key !== 'confidence' && key !== 'minBand') fail(`needsIntelligence.${key}`, 'is not a known key (expected confidence, minBand)');
    }
    let confidence: Confidence[] | undefined;
    if (!Array.isArray(ni.confidence)) {
      fail('needsIntelligence.confidence', `must be a list of ${CONFIDENCES.join('|')}`);
    } else {
      ni.confidence.forEach((c, i) => {
        if (!CONFIDENCES.includes(c as Confidence)) fail(`needsIntelligence.confidence[${i}]`, `must be one of ${CONFIDENCES.join(', ')}`);
      });
      confidence = [...new Set(ni.confidence as Confidence[])];
    }
    if (!BANDS.includes(ni.minBand as Band)) fail('needsIntelligence.minBand', `must be one of ${BANDS.join(', ')}`);
    if (confidence) needsIntelligence = Object.freeze({ confidence: Object.freeze(confidence), minBand: ni.minBand as Band });
  }

  if (problems.length > 0 || !harmWeights || !trendModifiers || !bands || !needsIntelligence) {
    throw new Error(`${source}: invalid scoring configuration: ${problems.join('; ')}`);
  }
  return Object.freeze({
    version: (raw.version as string).trim(),
    ...(typeof raw.description === 'string' ? { description: raw.description } : {}),
    harmWeights: Object.freeze(harmWeights),
    trendModifiers: Object.freeze(trendModifiers),
    bands: Object.freeze(bands.map((b) => Object.freeze(b))),
    needsIntelligence,
  });
}

function checkNumberMap<K extends string>(
  value: unknown,
  name: string,
  keys: readonly K[],
  fail: (key: string, message: string) => void,
  inRange: (v: number) => boolean,
  expected: string,
): Record<K, number> | undefined {
  if (!isRecord(value)) {
    fail(name, `must be an object with keys ${keys.join(', ')}`);
    return undefined;
  }
  let ok = true;
  for (const key of Object.keys(value)) {
    if (!keys.includes(key as K)) {
      fail(`${name}.${key}`, `is not a known key (expected ${keys.join(', ')})`);
      ok = false;
    }
  }
  const out = {} as Record<K, number>;
  for (const key of keys) {
    const v = value[key];
    if (v === undefined) {
      fail(`${name}.${key}`, 'is missing');
      ok = false;
    } else if (!isFiniteNumber(v) || !inRange(v)) {
      fail(`${name}.${key}`, `must be ${expected} (got ${JSON.stringify(v)})`);
      ok = false;
    } else {
      out[key] = v;
    }
  }
  return ok ? out : undefined;
}

function checkBands(value: unknown, fail: (key: string, message: string) => void): BandThreshold[] | undefined {
  if (!Array.isArray(value)) {
    fail('bands', `must be a list of { band, minScore } covering ${BANDS.join(', ')}`);
    return undefined;
  }
  let ok = true;
  const seen = new Map<Band, BandThreshold>();
  value.forEach((entry, i) => {
    const key = `bands[${i}]`;
    if (!isRecord(entry)) {
      fail(key, 'must be an object { band, minScore }');
      ok = false;
      return;
    }
    for (const k of Object.keys(entry)) {
      if (k !== 'band' && k !== 'minScore') {
        fail(`${key}.${k}`, 'is not a known key (expected band, minScore)');
        ok = false;
      }
    }
    const band = entry.band as Band;
    if (!BANDS.includes(band)) {
      fail(`${key}.band`, `must be one of ${BANDS.join(', ')}`);
      ok = false;
      return;
    }
    if (seen.has(band)) {
      fail(`${key}.band`, `repeats ${band}`);
      ok = false;
      return;
    }
    if (!isFiniteNumber(entry.minScore) || entry.minScore < 0 || entry.minScore > 100) {
      fail(`${key}.minScore`, `must be a number from 0 to 100 (got ${JSON.stringify(entry.minScore)})`);
      ok = false;
      return;
    }
    seen.set(band, { band, minScore: entry.minScore });
  });
  for (const band of BANDS) {
    if (!seen.has(band) && ok) {
      fail('bands', `is missing band ${band}`);
      ok = false;
    }
  }
  if (!ok) return undefined;
  const ordered = BANDS.map((b) => seen.get(b)!);
  for (let i = 1; i < ordered.length; i++) {
    if (!(ordered[i].minScore < ordered[i - 1].minScore)) {
      fail('bands', `minScore must fall strictly from P1 to P4 (${ordered[i].band} ${ordered[i].minScore} is not below ${ordered[i - 1].band} ${ordered[i - 1].minScore})`);
      ok = false;
    }
  }
  // Every score needs a band, so the lowest band must start at 0.
  if (ordered[ordered.length - 1].minScore !== 0) {
    fail(`bands`, `${BANDS[BANDS.length - 1]} minScore must be 0 so that every score gets a band`);
    ok = false;
  }
  return ok ? ordered : undefined;
}
