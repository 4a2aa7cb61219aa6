import type { FieldError, ThreatInput } from '@app/common';
import type { AssessmentFormat } from './detect-format';
import { checkColumns, columnForField, normaliseRow } from './normalise-row';
import { readAssessmentFile, type ReadOptions } from './read-rows';
import { assessmentError, checkThreats, type ValidateOptions } from './validate-threats';

export type ParseOptions = ReadOptions & ValidateOptions;

export interface ParsedAssessment {
  format: AssessmentFormat;
  title?: string;
  threats: ThreatInput[];
}

/**
 * File bytes to validated threats, or one error: 400/413/415 for a file that cannot be read, 422 listing every
 * bad column, row and field together. Pure: nothing is stored, so a dry run and a real upload share it.
 * For CSV and XLSX the error fields name the columns to fix (action2Strand rather than recommendedActions[0].strand).
 */
export async function parseAssessmentUpload(buffer: Uint8Array, options: ParseOptions): Promise<ParsedAssessment> {
  const read = await readAssessmentFile(buffer, options);
  const title = read.title !== undefined ? { title: read.title } : {};

  if (read.format === 'json') {
    const { threats, errors } = checkThreats(read.rows, options);
    if (errors.length > 0) throw assessmentError(errors);
    return { format: read.format, ...title, threats };
  }

  const columnErrors = checkColumns(read.columns ?? []);
  const normalised = read.rows.map((r) => normaliseRow(r as Record<string, unknown>));
  const { threats, errors } = checkThreats(
    normalised.map((n) => n.threat),
    options,
  );
  const rowErrors: FieldError[] = errors.map((e) =>
    e.row === undefined ? e : { ...e, field: columnForField(e.field, normalised[e.row - 1].actionSlots) },
  );
  const all = [...columnErrors, ...rowErrors];
  if (all.length > 0) throw assessmentError(all);
  return { format: read.format, ...title, threats };
}
