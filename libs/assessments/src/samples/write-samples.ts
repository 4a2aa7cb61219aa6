import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseAssessmentUpload } from '../parsing/parse-assessment';
import { threatsToCsv, threatsToXlsx } from '../parsing/write-threats';
import { SAMPLE_CAPABILITIES } from './generate-threats';

export const SAMPLES_DIR = 'config/samples';
export const SAMPLE_FILES = Object.freeze({ json: 'assessment.json', csv: 'assessment.csv', xlsx: 'assessment.xlsx' });

export interface WrittenSamples {
  dir: string;
  title?: string;
  threats: number;
  files: string[];
}

/**
 * The hand-written assessment.json is the source; the CSV and XLSX are derived from it so the three can
 * never drift apart. The JSON goes through the same parser as an upload first, so a sample that would be
 * rejected is never written out.
 */
export async function writeSamples(dir: string = resolve(process.cwd(), SAMPLES_DIR), capabilities: readonly string[] = SAMPLE_CAPABILITIES): Promise<WrittenSamples> {
  const source = readFileSync(join(dir, SAMPLE_FILES.json));
  const parsed = await parseAssessmentUpload(source, { maxRows: 10_000, capabilities });
  const csv = join(dir, SAMPLE_FILES.csv);
  const xlsx = join(dir, SAMPLE_FILES.xlsx);
  writeFileSync(csv, threatsToCsv(parsed.threats, { bom: true }));
  writeFileSync(xlsx, await threatsToXlsx(parsed.threats));
  return { dir, ...(parsed.title !== undefined ? { title: parsed.title } : {}), threats: parsed.threats.length, files: [csv, xlsx] };
}
