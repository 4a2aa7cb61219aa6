/**
 * Markdown building blocks for the reports. Texts come from uploads and partners, so every one is
 * escaped: inline markup characters and `|` (which would split a table cell) are backslash-escaped,
 * `<` and `>` too so that no HTML reaches a renderer, and line breaks become spaces so a text stays
 * in its cell or heading.
 */
const MARKUP = /[\\`*_[\]<>|#~]/g;

export function mdText(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  return String(value)
    .replace(/\r\n|\r|\n/g, ' ')
    .replace(MARKUP, (c) => `\\${c}`);
}

/** A GFM table: header, delimiter row, then one row per entry (cells given already escaped). */
export function mdTable(header: readonly string[], rows: ReadonlyArray<readonly string[]>): string {
  const line = (cells: readonly string[]) => `| ${cells.map((c) => (c === '' ? ' ' : c)).join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** An empty section says so plainly instead of showing an empty table. */
export const NONE = '_None._';
