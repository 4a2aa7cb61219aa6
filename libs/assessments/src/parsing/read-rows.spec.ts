import * as ExcelJS from 'exceljs';
import { BadRequestError, DomainError, PayloadTooLargeError, UnprocessableError } from '@app/common';
import { readAssessmentFile } from './read-rows';

const opts = { maxRows: 100 };
const rejection = async (p: Promise<unknown>): Promise<DomainError> => {
  try {
    await p;
  } catch (err) {
    if (err instanceof DomainError) return err;
    throw err;
  }
  throw new Error('expected a rejection');
};

async function xlsx(rows: ExcelJS.CellValue[][], extraSheet = false): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('First');
  rows.forEach((r) => ws.addRow(r));
  if (extraSheet) wb.addWorksheet('Second').addRow(['ignored']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('readAssessmentFile: JSON', () => {
  it('reads { title, threats } and a bare list', async () => {
    await expect(readAssessmentFile(Buffer.from('{"title":"  Q3 ","threats":[{"ref":"A"}]}'), opts)).resolves.toEqual({
      format: 'json',
      title: 'Q3',
      rows: [{ ref: 'A' }],
    });
    await expect(readAssessmentFile(Buffer.from('[{"ref":"A"}, 7]'), opts)).resolves.toEqual({ format: 'json', rows: [{ ref: 'A' }, 7] });
  });

  it.each([
    ['unparseable JSON', '{"threats": [', /not valid JSON/],
    ['truncated JSON', '[{"ref": "x"', /not valid JSON/],
    ['unknown top-level fields', '{"threats": [], "author": "x"}', /Unknown field\(s\) "author"/],
    ['threats that is not a list', '{"threats": {}}', /"threats" must be a list/],
    ['a missing threats list', '{"title": "x"}', /"threats" must be a list/],
    ['a non-string title', '{"title": 5, "threats": []}', /"title" must be a string/],
  ])('answers 400 for %s', async (_what, text, message) => {
    const err = await rejection(readAssessmentFile(Buffer.from(text), opts));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toMatch(message);
  });

  it('answers 422 naming the limit when there are too many threats', async () => {
    const err = await rejection(readAssessmentFile(Buffer.from(JSON.stringify(Array.from({ length: 6 }, () => ({})))), { maxRows: 5 }));
    expect(err).toBeInstanceOf(UnprocessableError);
    expect(err.message).toMatch(/6 data rows; the limit is 5/);
  });

  it('answers 413 past maxBytes', async () => {
    await expect(readAssessmentFile(Buffer.from('[]'), { maxRows: 5, maxBytes: 1 })).rejects.toBeInstanceOf(PayloadTooLargeError);
  });
});

describe('readAssessmentFile: CSV', () => {
  it('reads rows keyed by header, trims cells, skips blank lines and blank records', async () => {
    const csv = '\uFEFFref, title ,harm.physical\r\n T-1 , "Quoted, with comma" ,3\r\n\r\n,,\r\nT-2,"Multi\nline",\r\n';
    await expect(readAssessmentFile(Buffer.from(csv), opts)).resolves.toEqual({
      format: 'csv',
      columns: ['ref', 'title', 'harm.physical'],
      rows: [
        { ref: 'T-1', title: 'Quoted, with comma', 'harm.physical': '3' },
        { ref: 'T-2', title: 'Multi\nline', 'harm.physical': undefined },
      ],
    });
  });

  it('answers 400 "no data rows" for a header-only CSV', async () => {
    for (const csv of ['ref,title\n', 'ref,title', 'ref,title\n,\n\n']) {
      const err = await rejection(readAssessmentFile(Buffer.from(csv), opts));
      expect(err).toBeInstanceOf(BadRequestError);
      expect(err.message).toMatch(/no data rows/);
    }
  });

  it('answers 400 with the line for a ragged row', async () => {
    const err = await rejection(readAssessmentFile(Buffer.from('ref,title\nT-1,a\nT-2\nT-3,c\n'), opts));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toMatch(/line 3/);
  });

  it('answers 400 with the line for an unclosed quote', async () => {
    const err = await rejection(readAssessmentFile(Buffer.from('ref,title\nT-1,"never closed\nT-2,b\n'), opts));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toMatch(/CSV file cannot be read \(line \d+\).*Quote/);
  });

  it('answers 400 for a repeated column rather than letting one overwrite the other', async () => {
    const err = await rejection(readAssessmentFile(Buffer.from('ref,title,ref\nT-1,a,T-2\n'), opts));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toMatch(/"ref" appears more than once/);
  });

  it('drops an empty unnamed column but rejects one holding data', async () => {
    await expect(readAssessmentFile(Buffer.from('ref,,title\nT-1,,a\n'), opts)).resolves.toMatchObject({ columns: ['ref', 'title'] });
    const err = await rejection(readAssessmentFile(Buffer.from('ref,,title\nT-1,x,a\n'), opts));
    expect(err.message).toMatch(/Column B holds data but has no name/);
  });

  it('keeps a "__proto__" column as plain data', async () => {
    const { rows } = await readAssessmentFile(Buffer.from('ref,__proto__\nT-1,x\n'), opts);
    expect(Object.getPrototypeOf(rows[0])).toBe(Object.prototype);
    expect(Object.keys(rows[0] as object)).toEqual(['ref', '__proto__']);
  });

  it('answers 422 naming the limit when there are too many data rows', async () => {
    const csv = ['ref', ...Array.from({ length: 11 }, (_v, i) => `T-${i}`)].join('\n');
    const err = await rejection(readAssessmentFile(Buffer.from(csv), { maxRows: 10 }));
    expect(err).toBeInstanceOf(UnprocessableError);
    expect(err.status).toBe(422);
    expect(err.message).toMatch(/limit is 10 rows/);
  });
});

describe('readAssessmentFile: XLSX', () => {
  it('reads the first worksheet, header in row 1, converting cell types', async () => {
    const buf = await xlsx(
      [
        ['ref', 'title', 'likelihood', 'when', 'link', 'sum', 'err'],
        ['T-1', { richText: [{ text: 'Rich ' }, { font: { bold: true }, text: 'text' }] }, 3, new Date(Date.UTC(2026, 0, 2)), { text: 'site', hyperlink: 'https://example.org' }, { formula: '1+2', result: 3 }, { error: '#N/A' }],
        [],
        [1234, true, '4', new Date(Date.UTC(2026, 0, 2, 10, 30)), null, null, null],
      ],
      true,
    );
    await expect(readAssessmentFile(buf, opts)).resolves.toEqual({
      format: 'xlsx',
      columns: ['ref', 'title', 'likelihood', 'when', 'link', 'sum', 'err'],
      rows: [
        { ref: 'T-1', title: 'Rich text', likelihood: 3, when: '2026-01-02', link: 'site', sum: 3, err: '#N/A' },
        { ref: 1234, title: true, likelihood: '4', when: '2026-01-02T10:30:00.000Z', link: undefined, sum: undefined, err: undefined },
      ],
    });
  });

  it('answers 400 "not a readable XLSX workbook" for a file cut in half', async () => {
    const whole = await xlsx([['ref', 'title'], ['T-1', 'A']]);
    for (const cut of [whole.subarray(0, Math.floor(whole.length / 2)), whole.subarray(0, 10), whole.subarray(0, whole.length - 1)]) {
      const err = await rejection(readAssessmentFile(cut, opts));
      expect(err).toBeInstanceOf(BadRequestError);
      expect(err.message).toMatch(/not a readable XLSX workbook/);
    }
  });

  it('answers 400 for a zip that is not a workbook', async () => {
    // A minimal empty-content zip: local header + central directory for one stored file "a.txt".
    const JSZip = require('jszip');
    const zip = new JSZip();
    zip.file('a.txt', 'hello');
    const buf: Buffer = await zip.generateAsync({ type: 'nodebuffer' });
    const err = await rejection(readAssessmentFile(buf, opts));
    expect(err).toBeInstanceOf(BadRequestError);
    expect(err.message).toMatch(/not a readable XLSX workbook/);
  });

  it('answers 400 for an empty sheet, a header-only sheet, and a sheet whose row 1 is blank', async () => {
    expect((await rejection(readAssessmentFile(await xlsx([]), opts))).message).toMatch(/first worksheet is empty/);
    expect((await rejection(readAssessmentFile(await xlsx([['ref', 'title']]), opts))).message).toMatch(/no data rows/);
    expect((await rejection(readAssessmentFile(await xlsx([[], ['ref'], ['T-1']]), opts))).message).toMatch(/Row 1 .* must hold the column names/);
  });

  it('answers 422 past the row limit', async () => {
    const buf = await xlsx([['ref'], ['A'], ['B'], ['C']]);
    const err = await rejection(readAssessmentFile(buf, { maxRows: 2 }));
    expect(err).toBeInstanceOf(UnprocessableError);
    expect(err.message).toMatch(/3 data rows; the limit is 2/);
  });
});
