import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SCORING_CONFIG_PATH_ENV, loadScoringConfig, resolveScoringConfigPath, validateScoringConfig } from './scoring-config';

const valid = () => ({
  version: 'test-1',
  harmWeights: { physical: 3, psychological: 2, financial: 2, community: 2, environmental: 1 },
  trendModifiers: { increasing: 1.15, stable: 1, decreasing: 0.85 },
  bands: [
    { band: 'P1', minScore: 60 },
    { band: 'P2', minScore: 40 },
    { band: 'P3', minScore: 20 },
    { band: 'P4', minScore: 0 },
  ],
  needsIntelligence: { confidence: ['low'], minBand: 'P2' },
});

describe('validateScoringConfig', () => {
  it('accepts a valid config and orders bands P1 to P4 whatever the file order', () => {
    const raw = valid();
    raw.bands.reverse();
    const c = validateScoringConfig(raw);
    expect(c.bands.map((b) => b.band)).toEqual(['P1', 'P2', 'P3', 'P4']);
    expect(Object.isFrozen(c)).toBe(true);
  });

  const cases: Array<[string, (c: any) => void, RegExp]> = [
    ['non-object', () => undefined, /./],
    ['missing version', (c) => delete c.version, /"version" must be a non-empty string/],
    ['unknown top-level key', (c) => (c.weights = {}), /"weights" is not a known key/],
    ['missing harm weight', (c) => delete c.harmWeights.community, /"harmWeights.community" is missing/],
    ['negative harm weight', (c) => (c.harmWeights.physical = -1), /"harmWeights.physical" must be 0 or a number from 0.001 to 1000/],
    ['vanishing harm weight', (c) => (c.harmWeights.physical = 5e-324), /"harmWeights.physical" must be 0 or a number from 0.001/],
    ['string harm weight', (c) => (c.harmWeights.physical = '3'), /"harmWeights.physical" must be 0 or a number .* \(got "3"\)/],
    ['unknown harm dimension', (c) => (c.harmWeights.reputational = 1), /"harmWeights.reputational" is not a known key/],
    ['all weights zero', (c) => Object.keys(c.harmWeights).forEach((k) => (c.harmWeights[k] = 0)), /"harmWeights" must have at least one weight above 0/],
    ['zero trend modifier', (c) => (c.trendModifiers.decreasing = 0), /"trendModifiers.decreasing" must be a number above 0/],
    ['inverted trend modifiers', (c) => (c.trendModifiers.increasing = 0.5), /decreasing <= stable <= increasing/],
    ['bands not a list', (c) => (c.bands = {}), /"bands" must be a list/],
    ['unknown band', (c) => (c.bands[0].band = 'P0'), /"bands\[0\].band" must be one of P1, P2, P3, P4/],
    ['repeated band', (c) => (c.bands[1].band = 'P1'), /"bands\[1\].band" repeats P1/],
    ['missing band', (c) => c.bands.splice(2, 1), /"bands" is missing band P3/],
    ['band out of range', (c) => (c.bands[0].minScore = 101), /"bands\[0\].minScore" must be a number from 0 to 100/],
    ['thresholds not falling', (c) => (c.bands[1].minScore = 60), /minScore must fall strictly/],
    ['lowest band above 0', (c) => (c.bands[3].minScore = 5), /P4 minScore must be 0/],
    ['bad confidence', (c) => (c.needsIntelligence.confidence = ['unsure']), /"needsIntelligence.confidence\[0\]" must be one of low, medium, high/],
    ['bad minBand', (c) => (c.needsIntelligence.minBand = 'P9'), /"needsIntelligence.minBand" must be one of/],
    ['missing needsIntelligence', (c) => delete c.needsIntelligence, /"needsIntelligence" must be an object/],
  ];
  it.each(cases)('rejects %s, naming the key', (_name, mutate, message) => {
    const raw: any = valid();
    const result = mutate(raw);
    const subject = _name === 'non-object' ? result : raw;
    expect(() => validateScoringConfig(subject, 'test.json')).toThrow(message);
    expect(() => validateScoringConfig(subject, 'test.json')).toThrow(/^test\.json: /);
  });

  it('reports every problem at once', () => {
    const raw: any = valid();
    raw.harmWeights.physical = -1;
    raw.bands[3].minScore = 5;
    expect(() => validateScoringConfig(raw)).toThrow(/harmWeights\.physical.*; .*P4 minScore must be 0/);
  });
});

describe('loadScoringConfig', () => {
  let dir: string;
  const saved = process.env[SCORING_CONFIG_PATH_ENV];
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'scoring-'));
    delete process.env[SCORING_CONFIG_PATH_ENV];
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
    if (saved === undefined) delete process.env[SCORING_CONFIG_PATH_ENV];
    else process.env[SCORING_CONFIG_PATH_ENV] = saved;
  });

  it('defaults to config/scoring.json under the working directory', () => {
    expect(resolveScoringConfigPath()).toBe(join(process.cwd(), 'config/scoring.json'));
    expect(loadScoringConfig().version).toBe('2026.11-1');
  });

  it('follows SCORING_CONFIG_PATH, and an explicit path wins over it', () => {
    const a = join(dir, 'a.json');
    const b = join(dir, 'b.json');
    writeFileSync(a, JSON.stringify({ ...valid(), version: 'from-env' }));
    writeFileSync(b, JSON.stringify({ ...valid(), version: 'explicit' }));
    process.env[SCORING_CONFIG_PATH_ENV] = a;
    expect(loadScoringConfig().version).toBe('from-env');
    expect(loadScoringConfig(b).version).toBe('explicit');
  });

  it('names the file when it is missing or not JSON', () => {
    expect(() => loadScoringConfig(join(dir, 'nope.json'))).toThrow(/nope\.json: cannot read the file \(ENOENT\)/);
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, '{ "version": ');
    expect(() => loadScoringConfig(bad)).toThrow(/bad\.json: not valid JSON/);
  });
});
