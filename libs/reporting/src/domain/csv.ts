export type CsvValue = string | number | boolean | null | undefined;

/**
 * A text a spreadsheet would run as a formula when the file is opened (CSV/formula injection):
 * `=`, `+`, `-`, `@`, and the tab and carriage return some spreadsheets also honour. Report texts come
 * from uploads and partners (threat titles, decline reasons), so none may reach a cell unguarded.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/**
 * One CSV field (RFC 4180): quoted when it holds a comma, a quote or a line break, quotes doubled.
 * Texts that a spreadsheet would read as a formula get a leading `'`, which displays the text as it
 * is. Numbers are written as numbers (a negative number is not a formula); null and undefined are
 * empty; non-finite numbers are empty rather than "NaN".
 */
export function csvField(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  let text: string;
  if (typeof value === 'number') text = Number.isFinite(value) ? String(value) : '';
  else if (typeof value === 'boolean') text = value ? 'true' : 'false';
  else text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** A whole CSV document: a header row, then the rows; CRLF line ends as RFC 4180 has them. */
export function toCsv(header: readonly string[], rows: ReadonlyArray<readonly CsvValue[]>): string {
  const lines = [header, ...rows].map((row) => row.map(csvField).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
