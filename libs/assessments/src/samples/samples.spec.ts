import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { CLASSIFICATIONS, CONFIDENCES, CRIME_AREAS, TRENDS } from '@app/common';
import { parseAssessmentUpload } from '../parsing/parse-assessment';
import { loadScoringConfig } from '../scoring/scoring-config';
import { scoreThreats } from '../scoring/score-threat';
import { SAMPLE_CAPABILITIES } from './generate-threats';
import { SAMPLE_FILES, SAMPLES_DIR, writeSamples } from './write-samples';

const dir = resolve(process.cwd(), SAMPLES_DIR);
const opts = { maxRows: 10_000, capabilities: SAMPLE_CAPABILITIES };
const read = (name: string) => readFileSync(join(dir, name));

describe('config/samples', () => {
  it('uses the capabilities vocabulary of config/capabilities.json', () => {
    const { capabilities } = JSON.parse(readFileSync(resolve(process.cwd(), 'config/capabilities.json'), 'utf8'));
    expect([...SAMPLE_CAPABILITIES].sort()).toEqual([...capabilities].sort());
  });

  it('parses the JSON, CSV and XLSX samples to the same threats with the same scores', async () => {
    const config = loadScoringConfig();
    const json = await parseAssessmentUpload(read(SAMPLE_FILES.json), opts);
    const csv = await parseAssessmentUpload(read(SAMPLE_FILES.csv), opts);
    const xlsx = await parseAssessmentUpload(read(SAMPLE_FILES.xlsx), opts);
    expect([json.format, csv.format, xlsx.format]).toEqual(['json', 'csv', 'xlsx']);
    expect(json.title).toMatch(/Threat Assessment/);
    expect(csv.threats).toEqual(json.threats);
    expect(xlsx.threats).toEqual(json.threats);
    expect(scoreThreats(csv.threats, config)).toEqual(scoreThreats(json.threats, config));
    expect(scoreThreats(xlsx.threats, config)).toEqual(scoreThreats(json.threats, config));
  });

  it('keeps the committed CSV in step with the JSON (regenerate with writeSamples() if this fails)', async () => {
    const tmp = mkdtempSync(join(tmpdir(), 'samples-'));
    try {
      copyFileSync(join(dir, SAMPLE_FILES.json), join(tmp, SAMPLE_FILES.json));
      const written = await writeSamples(tmp);
      expect(written.threats).toBeGreaterThanOrEqual(28);
      expect(readFileSync(join(tmp, SAMPLE_FILES.csv), 'utf8')).toBe(read(SAMPLE_FILES.csv).toString('utf8'));
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  it('is a realistic assessment that exercises scoring, playbooks and intelligence tasks', async () => {
    const { threats } = await parseAssessmentUpload(read(SAMPLE_FILES.json), opts);
    const scored = scoreThreats(threats, loadScoringConfig());
    expect(threats.length).toBeGreaterThanOrEqual(28);
    expect(new Set(threats.map((t) => t.crimeArea))).toEqual(new Set(CRIME_AREAS));
    expect(new Set(threats.map((t) => t.classification))).toEqual(new Set(CLASSIFICATIONS));
    expect(new Set(threats.map((t) => t.confidence))).toEqual(new Set(CONFIDENCES));
    expect(new Set(threats.map((t) => t.trend))).toEqual(new Set(TRENDS));
    expect(new Set(threats.flatMap((t) => t.regions)).size).toBeGreaterThanOrEqual(8);
    expect(threats.filter((t) => t.recommendedActions.length === 0).length).toBeGreaterThanOrEqual(3);
    expect(scored.filter((t) => t.needsIntelligence).length).toBeGreaterThanOrEqual(3);
    expect(new Set(scored.map((t) => t.band))).toEqual(new Set(['P1', 'P2', 'P3', 'P4']));
    expect(scored.filter((t) => t.band === 'P4').length).toBeGreaterThanOrEqual(2);
  });
});
