import { parse as parseCsv } from 'csv-parse/sync';
import * as ExcelJS from 'exceljs';
import { BadRequestError, PayloadTooLargeError, UnprocessableError, exceedsJsonDepth, MAX_JSON_DEPTH } from '@app/common';
import { decodeUtf8Text, detectFormat, type AssessmentFormat } from './detect-format';

export interface ReadOptions {
  /** Most data rows (threats) accepted; more answers 422 naming the limit. */
  maxRows: number;
  /** Optional byte limit (413). The HTTP layer normally enforces it first; this guards other callers. */
  maxBytes?: number;
}

export interface ReadResult {
  format: AssessmentFormat;
  /** From a JSON `{ title, threats }` file; CSV and XLSX carry no title. */
  title?: string;
  /** Header names for CSV and XLSX (in file order), so unknown columns can be reported once. */
  columns?: string[];
  /**
   * JSON: the threat entries as they are (a non-object entry is left for validation to report against its row).
   * CSV/XLSX: one flat record per non-blank data row, keyed by header name.
   */
  rows: unknown[];
}

type FlatRow = Record<string, unknown>;

/**
 * Reads an uploaded assessment into rows, whatever the format. Everything a library can throw is turned into a
 * 400 here: an upload must never surface as a 500 because a parser disliked it.
 */
export async function readAssessmentFile(buffer: Uint8Array, options: ReadOptions): Promise<ReadResult> {
  if (options.maxBytes !== undefined && buffer.length > options.maxBytes) {
    throw new PayloadTooLargeError(`The file is ${buffer.length} bytes; the limit is ${options.maxBytes} bytes`);
  }
  const format = detectFormat(buffer);
  const result = format === 'json' ? readJson(buffer) : format === 'csv' ? readCsv(buffer) : await readXlsx(buffer);
  if (result.rows.length > options.maxRows) {
    throw new UnprocessableError(`The file has ${result.rows.length} data rows; the limit is ${options.maxRows} rows per assessment`, [
      { field: 'threats', value: result.rows.length, message: `at most ${options.maxRows} threats are allowed in one assessment` },
    ], 'too_many_rows');
  }
  return { format, ...result };
}

function readJson(buffer: Uint8Array): Omit<ReadResult, 'format'> {
  let doc: unknown;
  try {
    doc = JSON.parse(decodeUtf8Text(buffer));
  } catch (err) {
    if (err instanceof BadRequestError || !(err instanceof SyntaxError)) throw err;
    throw new BadRequestError(`The file is not valid JSON: ${err.message}`, undefined, 'invalid_json');
  }
  if (exceedsJsonDepth(doc)) throw new BadRequestError(`The JSON file nests deeper than ${MAX_JSON_DEPTH} levels`, undefined, 'invalid_json');
  return rowsFromJsonDocument(doc);
}

/** Accepts `{ title?, threats: [...] }` or a bare list of threats; anything else is a malformed request (400). */
export function rowsFromJsonDocument(doc: unknown): { title?: string; rows: unknown[] } {
  if (Array.isArray(doc)) return { rows: doc };
  if (typeof doc !== 'object' || doc === null) {
    throw new BadRequestError('Expected a JSON object { "title", "threats": [...] } or a list of threats');
  }
  const obj = doc as Record<string, unknown>;
  const unknown = Object.keys(obj).filter((k) => k !== 'title' && k !== 'threats');
  if (unknown.length > 0) {
    throw new BadRequestError(`Unknown field(s) ${unknown.map((k) => `"${k}"`).join(', ')}: expected only "title" and "threats"`,
      unknown.map((k) => ({ field: k, message: 'unknown field' })));
  }
  if (!Array.isArray(obj.threats)) {
    throw new BadRequestError('"threats" must be a list of threats', [{ field: 'threats', value: typeof obj.threats, message: 'expected a list' }]);
  }
  if (obj.title !== undefined && obj.title !== null && typeof obj.title !== 'string') {
    throw new BadRequestError('"title" must be a string', [{ field: 'title', value: obj.title, message: 'expected a string' }]);
  }
  const title = typeof obj.title === 'string' && obj.title.trim() !== '' ? obj.title.trim() : undefined;
  return { ...(title !== undefined ? { title } : {}), rows: obj.threats };
}

function readCsv(buffer: Uint8Array): Omit<ReadResult, 'format'> {
  const text = decodeUtf8Text(buffer);
  let header: string[] = [];
  let records: Array<Record<string, string>>;
  try {
    records = parseCsv(text, {
      // Capture the header ourselves: csv-parse would silently let a repeated column overwrite the first.
      columns: (names: string[]) => {
        header = names.map((n) => String(n).trim());
        return header.map((_n, i) => `#${i}`);
      },
      trim: true,
      skip_empty_lines: true,
      relax_quotes: true,
    });
  } catch (err) {
    const e = err as Error & { lines?: number };
    const where = typeof e.lines === 'number' ? ` (line ${e.lines})` : '';
    throw new BadRequestError(`The CSV file cannot be read${where}: ${e.message}`, undefined, 'invalid_csv');
  }
  const grid = records.map((r) => header.map((_n, i) => r[`#${i}`]));
  return toRows(header, grid);
}

async function readXlsx(buffer: Uint8Array): Promise<Omit<ReadResult, 'format'>> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs declares its own Buffer type; a Node Buffer is what it really reads.
    await workbook.xlsx.load(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) as unknown as Parameters<ExcelJS.Xlsx['load']>[0]);
  } catch {
    throw new BadRequestError('The file is not a readable XLSX workbook (it may be truncated, corrupt or another kind of ZIP file)', undefined, 'invalid_xlsx');
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new BadRequestError('The file is not a readable XLSX workbook: it has no worksheets', undefined, 'invalid_xlsx');

  let header: string[] | undefined;
  const grid: unknown[][] = [];
  let firstRowNumber: number | undefined;
  try {
    sheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      firstRowNumber ??= rowNumber;
      const values: unknown[] = [];
      row.eachCell({ includeEmpty: false }, (cell, col) => {
        values[col - 1] = cellValue(cell.value);
      });
      if (rowNumber === 1) header = Array.from(values, (v) => (v === undefined ? '' : String(v).trim()));
      else grid.push(Array.from(values));
    });
  } catch {
    throw new BadRequestError('The file is not a readable XLSX workbook (its first worksheet could not be read)', undefined, 'invalid_xlsx');
  }
  if (firstRowNumber === undefined) throw new BadRequestError('The first worksheet is empty: row 1 must hold the column names');
  if (!header) throw new BadRequestError(`Row 1 of the first worksheet must hold the column names (the first filled row is ${firstRowNumber})`);
  const width = Math.max((header as string[]).length, ...grid.map((r) => r.length));
  const paddedHeader = Array.from({ length: width }, (_v, i) => (header as string[])[i] ?? '');
  return toRows(paddedHeader, grid);
}

/** Plain values out of exceljs cells: text of rich text and hyperlinks, cached results of formulas. */
export function cellValue(value: ExcelJS.CellValue | undefined): unknown {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return dateText(value);
  if (typeof value === 'object') {
    if ('richText' in value && Array.isArray(value.richText)) return value.richText.map((r) => r.text ?? '').join('');
    if ('formula' in value || 'sharedFormula' in value) return cellValue((value as ExcelJS.CellFormulaValue).result as ExcelJS.CellValue);
    if ('hyperlink' in value) return cellValue((value as ExcelJS.CellHyperlinkValue).text as unknown as ExcelJS.CellValue);
    if ('error' in value) return String((value as ExcelJS.CellErrorValue).error);
  }
  return undefined;
}

/** Excel stores dates without a zone; a date-only cell reads as midnight UTC and should read back as a date. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

const isBlank = (v: unknown): boolean => v === undefined || v === null || (typeof v === 'string' && v.trim() === '');

/**
 * Shared by CSV and XLSX: blank rows are skipped (they are not data rows), unnamed columns are dropped when
 * empty, and a repeated or unnamed column holding data is a structural fault of the file (400), unlike an
 * unknown column name, which is reported with the row errors (422).
 */
function toRows(header: string[], grid: unknown[][]): Omit<ReadResult, 'format'> {
  const seen = new Set<string>();
  for (const name of header) {
    if (name === '') continue;
    if (seen.has(name)) throw new BadRequestError(`Column "${name}" appears more than once in the header row`, [{ field: name, message: 'repeated column' }]);
    seen.add(name);
  }
  const dataRows = grid.filter((cells) => cells.some((v) => !isBlank(v)));
  const keep: number[] = [];
  header.forEach((name, i) => {
    if (name !== '') keep.push(i);
    else if (dataRows.some((cells) => !isBlank(cells[i]))) {
      throw new BadRequestError(`Column ${columnLabel(i)} holds data but has no name in the header row`, [{ field: `column ${columnLabel(i)}`, message: 'column without a header' }]);
    }
  });
  if (keep.length === 0) throw new BadRequestError('The header row is empty: it must hold the column names');
  if (dataRows.length === 0) throw new BadRequestError('The file has a header row but no data rows', undefined, 'no_data_rows');

  const columns = keep.map((i) => header[i]);
  // fromEntries defines own properties, so a column named "__proto__" cannot reach the prototype.
  const rows = dataRows.map((cells) => Object.fromEntries(keep.map((i) => [header[i], isBlank(cells[i]) ? undefined : cells[i]])) as FlatRow);
  return { columns, rows };
}

/** Spreadsheet-style column letters (A, B, … AA), which both Excel and CSV users recognise. */
function columnLabel(index: number): string {
  let n = index + 1;
  let label = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    label = String.fromCharCode(65 + r) + label;
    n = Math.floor((n - 1) / 26);
  }
  return label;
}
