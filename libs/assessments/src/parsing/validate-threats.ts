import { CLASSIFICATIONS, CONFIDENCES, CRIME_AREAS, HARM_DIMENSIONS, NATIONAL, STRANDS, TRENDS, UnprocessableError } from '@app/common';
import type { FieldError, RecommendedAction, ThreatInput } from '@app/common';

export const REF_PATTERN = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
export const REGION_PATTERN = /^[A-Za-z0-9-]{1,32}$/;
export const LIMITS = Object.freeze({
  titleMax: 200,
  descriptionMax: 5000,
  regionsMax: 50,
  intelligenceGapsMax: 50,
  intelligenceGapMax: 1000,
  actionsMax: 5,
  actionDescriptionMax: 1000,
  dueInDaysMin: 1,
  dueInDaysMax: 3650,
  harmMin: 0,
  harmMax: 5,
  likelihoodMin: 1,
  likelihoodMax: 5,
});

const THREAT_FIELDS = [
  'ref',
  'title',
  'description',
  'crimeArea',
  'harm',
  'likelihood',
  'confidence',
  'trend',
  'regions',
  'classification',
  'intelligenceGaps',
  'recommendedActions',
] as const;
const ACTION_FIELDS = ['strand', 'capability', 'description', 'dueInDays'] as const;

export interface ValidateOptions {
  /** The capabilities vocabulary (config); a recommended action must name one of them. */
  capabilities: readonly string[];
}

export interface ThreatCheckResult {
  /** Threats of the rows that passed; complete only when `errors` is empty. */
  threats: ThreatInput[];
  errors: FieldError[];
}

/**
 * Validates every row and collects every problem, so the analyst fixes the whole file in one pass.
 * Also normalises: strings trimmed with line breaks as LF, enum values matched case-insensitively and written canonically,
 * "national" lower-cased, repeated regions dropped, absent optional lists as [].
 */
export function checkThreats(rows: readonly unknown[], options: ValidateOptions): ThreatCheckResult {
  const errors: FieldError[] = [];
  const threats: ThreatInput[] = [];
  if (rows.length === 0) {
    errors.push({ field: 'threats', message: 'no threats: the assessment must contain at least one threat' });
    return { threats, errors };
  }
  const capabilities = new Map(options.capabilities.map((c) => [c.toLowerCase(), c]));
  const firstRowOfRef = new Map<string, number>();
  rows.forEach((raw, i) => {
    const threat = checkRow(raw, i + 1, capabilities, firstRowOfRef, errors);
    if (threat) threats.push(threat);
  });
  return { threats, errors };
}

/** Throws one 422 listing every bad row and field, or answers the validated threats. */
export function validateThreats(rows: readonly unknown[], options: ValidateOptions): { threats: ThreatInput[] } {
  const { threats, errors } = checkThreats(rows, options);
  if (errors.length > 0) throw assessmentError(errors);
  return { threats };
}

/** The single 422 for a rejected assessment, with a summary a person can read before the list. */
export function assessmentError(errors: FieldError[]): UnprocessableError {
  if (errors.length === 1 && errors[0].field === 'threats' && errors[0].row === undefined) {
    return new UnprocessableError(`The assessment is invalid: ${errors[0].message}`, errors);
  }
  const rows = new Set(errors.filter((e) => e.row !== undefined).map((e) => e.row)).size;
  const header = errors.filter((e) => e.row === undefined).length;
  const parts = [
    ...(header > 0 ? [`${header} column problem${header === 1 ? '' : 's'}`] : []),
    ...(rows > 0 ? [`${errors.length - header} error${errors.length - header === 1 ? '' : 's'} in ${rows} row${rows === 1 ? '' : 's'}`] : []),
  ];
  return new UnprocessableError(`The assessment is invalid: ${parts.join(' and ')}`, errors);
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isAbsent = (v: unknown) => v === undefined || v === null;
const oneOf = (values: readonly string[]) => `one of ${values.join(', ')}`;

/** Error values echo what was sent, cut short so a 5 MB cell cannot bloat the answer. */
function shown(value: unknown): unknown {
  if (typeof value === 'string' && value.length > 200) return `${value.slice(0, 200)}…`;
  if (Array.isArray(value) || isRecord(value)) {
    // Depth is checked before validation, but an error report must never be what throws.
    let json: string;
    try {
      json = JSON.stringify(value);
    } catch {
      return '(unprintable value)';
    }
    return json.length > 200 ? `${json.slice(0, 200)}…` : value;
  }
  return value;
}

function checkRow(
  raw: unknown,
  row: number,
  capabilities: Map<string, string>,
  firstRowOfRef: Map<string, number>,
  errors: FieldError[],
): ThreatInput | undefined {
  if (!isRecord(raw)) {
    errors.push({ row, field: 'threat', value: shown(raw), message: 'expected a threat object' });
    return undefined;
  }
  const refText = typeof raw.ref === 'string' && raw.ref.trim() !== '' ? raw.ref.trim() : undefined;
  const before = errors.length;
  const fail = (field: string, value: unknown, message: string) =>
    errors.push({ row, ...(refText !== undefined ? { ref: refText } : {}), field, ...(value !== undefined ? { value: shown(value) } : {}), message });

  for (const key of Object.keys(raw)) {
    if (!(THREAT_FIELDS as readonly string[]).includes(key)) fail(key, undefined, `unknown field; expected only ${THREAT_FIELDS.join(', ')}`);
  }

  const text = (field: string, value: unknown, min: number, max: number, required: boolean): string | undefined => {
    const expected = min > 0 ? `text of ${min} to ${max} characters` : `text of at most ${max} characters`;
    if (isAbsent(value)) {
      if (required) fail(field, undefined, `required; expected ${expected}`);
      return required ? undefined : '';
    }
    if (typeof value !== 'string') {
      fail(field, value, `expected ${expected}`);
      return undefined;
    }
    // One line-break convention whatever the editor: CSV keeps CRLF inside quoted cells, JSON and XLSX may not.
    const t = value.trim().replace(/\r\n?/g, '\n');
    const length = [...t].length;
    if (length < min || length > max) {
      fail(field, value, `expected ${expected}, got ${length}`);
      return undefined;
    }
    return t;
  };

  const choice = <T extends string>(field: string, value: unknown, allowed: readonly T[]): T | undefined => {
    if (isAbsent(value) || (typeof value === 'string' && value.trim() === '')) {
      fail(field, undefined, `required; expected ${oneOf(allowed)}`);
      return undefined;
    }
    const found = typeof value === 'string' ? allowed.find((a) => a.toLowerCase() === value.trim().toLowerCase()) : undefined;
    if (!found) fail(field, value, `expected ${oneOf(allowed)}`);
    return found;
  };

  const integer = (field: string, value: unknown, min: number, max: number, required: boolean): number | undefined => {
    const expected = `an integer from ${min} to ${max}`;
    if (isAbsent(value)) {
      if (required) fail(field, undefined, `required; expected ${expected}`);
      return undefined;
    }
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      fail(field, value, `expected ${expected}`);
      return undefined;
    }
    return value;
  };

  const list = (field: string, value: unknown, max: number, required: boolean): unknown[] | undefined => {
    if (isAbsent(value)) {
      if (required) fail(field, undefined, `required; expected a non-empty list`);
      return required ? undefined : [];
    }
    if (!Array.isArray(value)) {
      fail(field, value, `expected a list`);
      return undefined;
    }
    if (required && value.length === 0) {
      fail(field, value, `expected at least one entry`);
      return undefined;
    }
    if (value.length > max) {
      fail(field, value.length, `expected at most ${max} entries, got ${value.length}`);
      return undefined;
    }
    return value;
  };

  // ref
  let ref: string | undefined;
  const refExpected = 'a reference of 1 to 64 letters, digits, ".", "_" or "-", starting with a letter or digit';
  if (isAbsent(raw.ref) || (typeof raw.ref === 'string' && raw.ref.trim() === '')) fail('ref', undefined, `required; expected ${refExpected}`);
  else if (typeof raw.ref !== 'string' || !REF_PATTERN.test(raw.ref.trim())) fail('ref', raw.ref, `expected ${refExpected}`);
  else {
    ref = raw.ref.trim();
    const first = firstRowOfRef.get(ref);
    if (first !== undefined) fail('ref', ref, `duplicates the ref of row ${first}; refs must be unique within an assessment`);
    else firstRowOfRef.set(ref, row);
  }

  const title = text('title', raw.title, 1, LIMITS.titleMax, true);
  const description = text('description', raw.description, 0, LIMITS.descriptionMax, false);
  const crimeArea = choice('crimeArea', raw.crimeArea, CRIME_AREAS);

  // harm
  const harm: Partial<Record<(typeof HARM_DIMENSIONS)[number], number>> = {};
  if (isAbsent(raw.harm)) {
    fail('harm', undefined, `required; expected an object with ${HARM_DIMENSIONS.join(', ')}, each an integer from ${LIMITS.harmMin} to ${LIMITS.harmMax}`);
  } else if (!isRecord(raw.harm)) {
    fail('harm', raw.harm, `expected an object with ${HARM_DIMENSIONS.join(', ')}`);
  } else {
    const h = raw.harm;
    for (const key of Object.keys(h)) {
      if (!(HARM_DIMENSIONS as readonly string[]).includes(key)) fail(`harm.${key}`, undefined, `unknown harm dimension; expected ${oneOf(HARM_DIMENSIONS)}`);
    }
    for (const d of HARM_DIMENSIONS) {
      const v = integer(`harm.${d}`, h[d], LIMITS.harmMin, LIMITS.harmMax, true);
      if (v !== undefined) harm[d] = v;
    }
  }

  const likelihood = integer('likelihood', raw.likelihood, LIMITS.likelihoodMin, LIMITS.likelihoodMax, true);
  const confidence = choice('confidence', raw.confidence, CONFIDENCES);
  const trend = choice('trend', raw.trend, TRENDS);
  const classification = choice('classification', raw.classification, CLASSIFICATIONS);

  // regions
  const regions: string[] = [];
  const regionItems = list('regions', raw.regions, LIMITS.regionsMax, true);
  regionItems?.forEach((item, i) => {
    const code = typeof item === 'string' ? item.trim() : undefined;
    if (code === undefined || !REGION_PATTERN.test(code)) {
      fail(`regions[${i}]`, item, `expected a region code of 1 to 32 letters, digits or "-" (e.g. ENG-NW), or ${NATIONAL}`);
      return;
    }
    // Routing compares codes exactly, so "National" must become the one spelling routing knows.
    const canonical = code.toLowerCase() === NATIONAL ? NATIONAL : code;
    if (!regions.includes(canonical)) regions.push(canonical);
  });

  // intelligenceGaps
  const intelligenceGaps: string[] = [];
  const gapItems = list('intelligenceGaps', raw.intelligenceGaps, LIMITS.intelligenceGapsMax, false);
  gapItems?.forEach((item, i) => {
    const gap = typeof item === 'string' ? item.trim() : undefined;
    if (gap === undefined || gap === '' || [...gap].length > LIMITS.intelligenceGapMax) {
      fail(`intelligenceGaps[${i}]`, item, `expected text of 1 to ${LIMITS.intelligenceGapMax} characters`);
      return;
    }
    intelligenceGaps.push(gap);
  });

  // recommendedActions
  const recommendedActions: RecommendedAction[] = [];
  const actionItems = list('recommendedActions', raw.recommendedActions, LIMITS.actionsMax, false);
  actionItems?.forEach((item, i) => {
    const path = `recommendedActions[${i}]`;
    if (!isRecord(item)) {
      fail(path, item, 'expected an object { strand, capability, description, dueInDays? }');
      return;
    }
    for (const key of Object.keys(item)) {
      if (!(ACTION_FIELDS as readonly string[]).includes(key)) fail(`${path}.${key}`, undefined, `unknown field; expected only ${ACTION_FIELDS.join(', ')}`);
    }
    const strand = choice(`${path}.strand`, item.strand, STRANDS);
    let capability: string | undefined;
    if (isAbsent(item.capability) || (typeof item.capability === 'string' && item.capability.trim() === '')) {
      fail(`${path}.capability`, undefined, `required; expected ${oneOf([...capabilities.values()])}`);
    } else {
      capability = typeof item.capability === 'string' ? capabilities.get(item.capability.trim().toLowerCase()) : undefined;
      if (!capability) fail(`${path}.capability`, item.capability, `expected ${oneOf([...capabilities.values()])}`);
    }
    const actionDescription = text(`${path}.description`, item.description, 1, LIMITS.actionDescriptionMax, true);
    const dueInDays = integer(`${path}.dueInDays`, item.dueInDays, LIMITS.dueInDaysMin, LIMITS.dueInDaysMax, false);
    if (strand && capability && actionDescription !== undefined) {
      recommendedActions.push({ strand, capability, description: actionDescription, ...(dueInDays !== undefined ? { dueInDays } : {}) });
    }
  });

  if (errors.length > before) return undefined;
  return {
    ref: ref!,
    title: title!,
    description: description!,
    crimeArea: crimeArea!,
    harm: harm as ThreatInput['harm'],
    likelihood: likelihood!,
    confidence: confidence!,
    trend: trend!,
    regions,
    classification: classification!,
    intelligenceGaps,
    recommendedActions,
  };
}
