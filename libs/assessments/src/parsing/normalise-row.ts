import { HARM_DIMENSIONS } from '@app/common';
import type { FieldError } from '@app/common';

export const MAX_ACTIONS = 5;
export const LIST_SEPARATOR = ';';

const ACTION_PARTS = ['Strand', 'Capability', 'Description', 'DueInDays'] as const;
const actionColumn = (slot: number, part: (typeof ACTION_PARTS)[number]) => `action${slot}${part}`;

/** The flat column layout of CSV and XLSX assessments, in template order. */
export const ASSESSMENT_COLUMNS: readonly string[] = Object.freeze([
  'ref',
  'title',
  'description',
  'crimeArea',
  ...HARM_DIMENSIONS.map((d) => `harm.${d}`),
  'likelihood',
  'confidence',
  'trend',
  'regions',
  'classification',
  'intelligenceGaps',
  ...Array.from({ length: MAX_ACTIONS }, (_v, i) => ACTION_PARTS.map((p) => actionColumn(i + 1, p))).flat(),
]);

const CANONICAL = new Map(ASSESSMENT_COLUMNS.map((c) => [c.toLowerCase(), c]));

/** Column names match case-insensitively: spreadsheets drift to "Ref" or "Harm.Physical" and that is no error. */
export function canonicalColumn(name: string): string | undefined {
  return CANONICAL.get(name.trim().toLowerCase());
}

/**
 * Header-level problems, reported once rather than on every row (a 10,000-row file with one stray column
 * would otherwise carry 10,000 identical errors). They have no `row`: the header is not a data row.
 */
export function checkColumns(columns: readonly string[]): FieldError[] {
  const errors: FieldError[] = [];
  const seen = new Map<string, string>();
  for (const name of columns) {
    const canonical = canonicalColumn(name);
    if (!canonical) {
      const hint = suggestColumn(name);
      errors.push({
        field: name,
        value: name,
        message: `unknown column${hint ? ` (did you mean "${hint}"?)` : ''}; expected columns: ${columnSummary()}`,
      });
    } else if (seen.has(canonical)) {
      errors.push({ field: name, value: name, message: `repeats column "${seen.get(canonical)}"` });
    } else {
      seen.set(canonical, name);
    }
  }
  return errors;
}

const columnSummary = () =>
  `${ASSESSMENT_COLUMNS.slice(0, ASSESSMENT_COLUMNS.indexOf('intelligenceGaps') + 1).join(', ')}, ` +
  `action1Strand, action1Capability, action1Description, action1DueInDays … up to action${MAX_ACTIONS}`;

function suggestColumn(name: string): string | undefined {
  const lower = name.trim().toLowerCase();
  let best: { column: string; distance: number } | undefined;
  for (const column of ASSESSMENT_COLUMNS) {
    const distance = editDistance(lower, column.toLowerCase());
    if (distance <= 2 && (!best || distance < best.distance)) best = { column, distance };
  }
  return best?.column;
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 2) return 3;
  let prev = Array.from({ length: b.length + 1 }, (_v, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length];
}

export interface NormalisedRow {
  /** The nested shape of a JSON threat, ready for validateThreats. */
  threat: Record<string, unknown>;
  /**
   * The action column number (1–5) behind each recommendedActions entry: blank action slots are skipped, so
   * recommendedActions[0] may come from action3… columns. Used to name the column in error messages.
   */
  actionSlots: number[];
}

/**
 * Turns one flat CSV/XLSX row into the nested JSON shape. It converts, it does not judge: a value it cannot
 * convert (say "high" for a harm level) is passed on unchanged, so validation reports it with the rest.
 * Blank cells are left out, so a required field reads as missing. Unknown columns are ignored here; they are
 * reported once by checkColumns.
 */
export function normaliseRow(row: Readonly<Record<string, unknown>>): NormalisedRow {
  const cells = new Map<string, unknown>();
  for (const [key, value] of Object.entries(row)) {
    const canonical = canonicalColumn(key);
    if (canonical && !cells.has(canonical)) cells.set(canonical, value);
  }
  const text = (column: string) => toText(cells.get(column));
  const num = (column: string) => toNumber(cells.get(column));

  const threat: Record<string, unknown> = {};
  const put = (key: string, value: unknown) => {
    if (value !== undefined) threat[key] = value;
  };
  put('ref', text('ref'));
  put('title', text('title'));
  put('description', text('description'));
  put('crimeArea', text('crimeArea'));
  const harm: Record<string, unknown> = {};
  for (const d of HARM_DIMENSIONS) {
    const v = num(`harm.${d}`);
    if (v !== undefined) harm[d] = v;
  }
  threat.harm = harm;
  put('likelihood', num('likelihood'));
  put('confidence', text('confidence'));
  put('trend', text('trend'));
  threat.regions = toList(cells.get('regions'));
  put('classification', text('classification'));
  threat.intelligenceGaps = toList(cells.get('intelligenceGaps'));

  const actions: Array<Record<string, unknown>> = [];
  const actionSlots: number[] = [];
  for (let slot = 1; slot <= MAX_ACTIONS; slot++) {
    const strand = text(actionColumn(slot, 'Strand'));
    const capability = text(actionColumn(slot, 'Capability'));
    const description = text(actionColumn(slot, 'Description'));
    const dueInDays = num(actionColumn(slot, 'DueInDays'));
    if ([strand, capability, description, dueInDays].every((v) => v === undefined)) continue;
    const action: Record<string, unknown> = {};
    if (strand !== undefined) action.strand = strand;
    if (capability !== undefined) action.capability = capability;
    if (description !== undefined) action.description = description;
    if (dueInDays !== undefined) action.dueInDays = dueInDays;
    actions.push(action);
    actionSlots.push(slot);
  }
  threat.recommendedActions = actions;
  return { threat, actionSlots };
}

/** Maps a validation field path back to the CSV/XLSX column the analyst has to fix. */
export function columnForField(path: string, actionSlots: readonly number[]): string {
  const m = /^recommendedActions\[(\d+)\](?:\.(\w+))?$/.exec(path);
  if (!m) return path;
  const slot = actionSlots[Number(m[1])];
  if (slot === undefined) return path;
  if (!m[2]) return `action${slot}`;
  return `action${slot}${m[2][0].toUpperCase()}${m[2].slice(1)}`;
}

function isBlank(v: unknown): boolean {
  return v === undefined || v === null || (typeof v === 'string' && v.trim() === '');
}

function toText(v: unknown): unknown {
  if (isBlank(v)) return undefined;
  if (typeof v === 'string') return v.trim();
  // Spreadsheets turn a ref like 1234 or a title like TRUE into a number or boolean; the analyst meant text.
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  return v;
}

const NUMERIC = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

function toNumber(v: unknown): unknown {
  if (isBlank(v)) return undefined;
  if (typeof v === 'string') {
    const t = v.trim();
    return NUMERIC.test(t) ? Number(t) : t;
  }
  return v;
}

function toList(v: unknown): unknown[] {
  if (isBlank(v)) return [];
  const s = typeof v === 'string' ? v : typeof v === 'number' || typeof v === 'boolean' ? String(v) : undefined;
  if (s === undefined) return [v];
  return s
    .split(LIST_SEPARATOR)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}
