import { BadRequestError, DomainError, UnprocessableError, UnsupportedMediaTypeError } from '@app/common';
import type { ThreatInput } from '@app/common';
import { generateThreats, SAMPLE_CAPABILITIES } from '../samples/generate-threats';
import { loadScoringConfig } from '../scoring/scoring-config';
import { scoreThreat } from '../scoring/score-threat';
import { parseAssessmentUpload } from './parse-assessment';
import { threatsToCsv, threatsToXlsx } from './write-threats';

const opts = { maxRows: 10_000, capabilities: SAMPLE_CAPABILITIES };
const rejection = async (p: Promise<unknown>): Promise<DomainError> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
};
const summary = (err: DomainError) => err.errors!.map((e) => `${e.row ?? '-'}:${e.ref ?? '-'}:${e.field}`);

describe('parseAssessmentUpload', () => {
  const threats = generateThreats(250, 42);

  it('reads the same threats back from JSON, CSV and XLSX, with identical scores', async () => {
    const config = loadScoringConfig();
    const json = await parseAssessmentUpload(Buffer.from(JSON.stringify({ title: 'Round trip', threats })), opts);
    const csv = await parseAssessmentUpload(Buffer.from(threatsToCsv(threats, { bom: true })), opts);
    const xlsx = await parseAssessmentUpload(await threatsToXlsx(threats), opts);
    expect(json).toEqual({ format: 'json', title: 'Round trip', threats });
    expect(csv).toEqual({ format: 'csv', threats });
    expect(xlsx).toEqual({ format: 'xlsx', threats });
    const scores = (list: ThreatInput[]) => list.map((t) => scoreThreat(t, config));
    expect(scores(csv.threats)).toEqual(scores(threats));
    expect(scores(xlsx.threats)).toEqual(scores(threats));
  });

  it('keeps quotes, commas, line breaks and £ through CSV and XLSX', async () => {
    const [base] = generateThreats(1, 3);
    const tricky: ThreatInput = {
      ...base,
      title: 'Title with "quotes", commas, and £',
      description: 'Line one\nLine two, with a comma\r\n"Quoted"',
      intelligenceGaps: ['Gap, with comma', 'Café owners'],
    };
    for (const buf of [Buffer.from(threatsToCsv([tricky])), await threatsToXlsx([tricky])]) {
      const { threats: back } = await parseAssessmentUpload(buf, opts);
      expect(back).toEqual([{ ...tricky, description: 'Line one\nLine two, with a comma\n"Quoted"' }]);
    }
  });

  it('answers one 422 listing exactly the 3 bad rows among 20 good ones, naming the CSV columns', async () => {
    const rows = generateThreats(23, 9).map((t) => structuredClone(t)) as any[];
    rows[3].harm.physical = 9; // row 4
    rows[10].likelihood = 'often'; // row 11
    rows[10].crimeArea = 'piracy';
    rows[18].recommendedActions = [
      { strand: 'pursue', capability: 'enforcement', description: 'Fine' },
      { strand: 'pounce', capability: 'enforcement', description: 'Bad strand', dueInDays: 0 },
    ]; // row 19
    const err = await rejection(parseAssessmentUpload(Buffer.from(threatsToCsv(rows)), opts));
    expect(err).toBeInstanceOf(UnprocessableError);
    expect(err.status).toBe(422);
    expect(err.message).toBe('The assessment is invalid: 5 errors in 3 rows');
    expect(summary(err)).toEqual([
      `4:${rows[3].ref}:harm.physical`,
      `11:${rows[10].ref}:crimeArea`,
      `11:${rows[10].ref}:likelihood`,
      `19:${rows[18].ref}:action2Strand`,
      `19:${rows[18].ref}:action2DueInDays`,
    ]);
    expect(err.errors![0]).toEqual({ row: 4, ref: rows[3].ref, field: 'harm.physical', value: 9, message: 'expected an integer from 0 to 5' });
    expect(err.errors![2]).toMatchObject({ value: 'often', message: 'expected an integer from 1 to 5' });
  });

  it('uses JSON field paths for JSON uploads', async () => {
    const rows = generateThreats(2, 9).map((t) => structuredClone(t)) as any[];
    rows[1].recommendedActions = [{ strand: 'pounce', capability: 'enforcement', description: 'x' }];
    const err = await rejection(parseAssessmentUpload(Buffer.from(JSON.stringify(rows)), opts));
    expect(summary(err)).toEqual([`2:${rows[1].ref}:recommendedActions[0].strand`]);
  });

  it('reports an unknown column once, together with the row errors', async () => {
    const rows = generateThreats(30, 5).map((t) => structuredClone(t)) as any[];
    rows[2].likelihood = 7;
    const csv = threatsToCsv(rows)
      .split('\r\n')
      .map((line, i) => (line === '' ? line : `${line},${i === 0 ? 'notes' : 'n/a'}`))
      .join('\r\n');
    const err = await rejection(parseAssessmentUpload(Buffer.from(csv), opts));
    expect(err.message).toBe('The assessment is invalid: 1 column problem and 1 error in 1 row');
    expect(summary(err)).toEqual(['-:-:notes', `3:${rows[2].ref}:likelihood`]);
  });

  it('reports duplicate refs on the later rows', async () => {
    const rows = generateThreats(5, 1).map((t) => structuredClone(t));
    rows[3].ref = rows[0].ref;
    const err = await rejection(parseAssessmentUpload(await threatsToXlsx(rows), opts));
    expect(err.errors).toEqual([{ row: 4, ref: rows[0].ref, field: 'ref', value: rows[0].ref, message: expect.stringMatching(/duplicates the ref of row 1/) }]);
  });

  it('answers 422 past the row limit, naming it', async () => {
    const err = await rejection(parseAssessmentUpload(Buffer.from(threatsToCsv(generateThreats(11, 1))), { ...opts, maxRows: 10 }));
    expect(err).toBeInstanceOf(UnprocessableError);
    expect(err.message).toMatch(/the limit is 10 rows/);
  });

  it('answers 400 for a 0-byte file, 415 for a PNG and 400 for an XLSX cut in half', async () => {
    const empty = await rejection(parseAssessmentUpload(Buffer.alloc(0), opts));
    expect(empty).toBeInstanceOf(BadRequestError);
    expect(empty.message).toMatch(/file is empty/);

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d49444154789c6360000000000500010d0a2db40000000049454e44ae426082', 'hex');
    const media = await rejection(parseAssessmentUpload(png, opts));
    expect(media).toBeInstanceOf(UnsupportedMediaTypeError);
    expect(media.status).toBe(415);

    const whole = await threatsToXlsx(generateThreats(20, 2));
    const half = await rejection(parseAssessmentUpload(whole.subarray(0, whole.length / 2), opts));
    expect(half).toBeInstanceOf(BadRequestError);
    expect(half.message).toMatch(/not a readable XLSX workbook/);
  });

  it('answers 400 "no data rows" for a header-only CSV and 422 "no threats" for an empty JSON list', async () => {
    const header = threatsToCsv([]);
    expect((await rejection(parseAssessmentUpload(Buffer.from(header), opts))).message).toMatch(/no data rows/);
    const none = await rejection(parseAssessmentUpload(Buffer.from('{"title":"x","threats":[]}'), opts));
    expect(none).toBeInstanceOf(UnprocessableError);
    expect(none.message).toMatch(/no threats/);
  });

  it('parses 10,000 rows of CSV within the time a request can afford', async () => {
    const many = generateThreats(10_000, 11);
    const started = Date.now();
    const parsed = await parseAssessmentUpload(Buffer.from(threatsToCsv(many)), opts);
    const elapsed = Date.now() - started;
    expect(parsed.threats).toHaveLength(10_000);
    expect(parsed.threats[9_999]).toEqual(many[9_999]);
    expect(elapsed).toBeLessThan(10_000);
  }, 30_000);
});
