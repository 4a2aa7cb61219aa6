import * as ExcelJS from 'exceljs';
import { HARM_DIMENSIONS } from '@app/common';
import type { ThreatInput } from '@app/common';
import { ASSESSMENT_COLUMNS, LIST_SEPARATOR, MAX_ACTIONS } from './normalise-row';

type Cell = string | number | undefined;

/**
 * A list item holding the separator would split into two on the way back in; a comma keeps the meaning and
 * the item count. Region codes cannot hold one (their pattern forbids it); free-text gaps can.
 */
const listCell = (items: readonly string[]): string | undefined =>
  items.length === 0 ? undefined : items.map((s) => s.split(LIST_SEPARATOR).join(',')).join(LIST_SEPARATOR);

/** One threat as a flat row in the CSV/XLSX column layout (blank cells as undefined). */
export function threatToFlatRow(t: ThreatInput): Record<string, Cell> {
  const row: Record<string, Cell> = {
    ref: t.ref,
    title: t.title,
    description: t.description === '' ? undefined : t.description,
    crimeArea: t.crimeArea,
  };
  for (const d of HARM_DIMENSIONS) row[`harm.${d}`] = t.harm[d];
  row.likelihood = t.likelihood;
  row.confidence = t.confidence;
  row.trend = t.trend;
  row.regions = listCell(t.regions);
  row.classification = t.classification;
  row.intelligenceGaps = listCell(t.intelligenceGaps);
  if (t.recommendedActions.length > MAX_ACTIONS) throw new Error(`threat ${t.ref} has more than ${MAX_ACTIONS} recommended actions`);
  t.recommendedActions.forEach((a, i) => {
    const n = i + 1;
    row[`action${n}Strand`] = a.strand;
    row[`action${n}Capability`] = a.capability;
    row[`action${n}Description`] = a.description;
    row[`action${n}DueInDays`] = a.dueInDays;
  });
  return row;
}

function csvField(value: Cell): string {
  if (value === undefined) return '';
  const s = String(value);
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export interface CsvWriteOptions {
  /** Prefix a UTF-8 byte-order mark so Excel shows "£" and accents correctly. The reader accepts both. */
  bom?: boolean;
}

/** RFC 4180 CSV (CRLF, quotes doubled) in the upload column layout. */
export function threatsToCsv(threats: readonly ThreatInput[], options: CsvWriteOptions = {}): string {
  const lines = [ASSESSMENT_COLUMNS.join(',')];
  for (const t of threats) {
    const row = threatToFlatRow(t);
    lines.push(ASSESSMENT_COLUMNS.map((c) => csvField(row[c])).join(','));
  }
  return `${options.bom ? '\uFEFF' : ''}${lines.join('\r\n')}\r\n`;
}

/** An XLSX workbook (one "Threats" sheet, header in row 1) in the upload column layout. */
export async function threatsToXlsx(threats: readonly ThreatInput[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  // Fixed metadata keeps regenerated sample files free of spurious differences.
  workbook.creator = 'Taskforce';
  workbook.created = new Date(Date.UTC(2026, 10, 1));
  workbook.modified = workbook.created;
  const sheet = workbook.addWorksheet('Threats', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = ASSESSMENT_COLUMNS.map((c) => ({
    header: c,
    key: c,
    width: c === 'title' ? 48 : /description/i.test(c) || c === 'intelligenceGaps' ? 60 : Math.max(10, c.length + 2),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const t of threats) {
    const row = threatToFlatRow(t);
    sheet.addRow(ASSESSMENT_COLUMNS.map((c) => row[c] ?? null));
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
