// The product's closed vocabularies (PRODUCT.md). Kept as const tuples so DTO validators,
// parsers and the OpenAPI document all read the same list.
export const ROLES = ['admin', 'coordinator', 'analyst', 'partner'] as const;
export type Role = (typeof ROLES)[number];

export const ORGANISATION_KINDS = ['taskforce', 'partner'] as const;
export type OrganisationKind = (typeof ORGANISATION_KINDS)[number];

/** Ordered from lowest to highest: index comparison answers "at least K". */
export const CLASSIFICATIONS = ['OFFICIAL', 'OFFICIAL-SENSITIVE', 'SECRET'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const clearanceCovers = (clearance: Classification, needed: Classification): boolean =>
  CLASSIFICATIONS.indexOf(clearance) >= CLASSIFICATIONS.indexOf(needed);

export const STRANDS = ['pursue', 'prevent', 'protect', 'prepare'] as const;
export type Strand = (typeof STRANDS)[number];

export const CRIME_AREAS = [
  'csea',
  'drugs',
  'firearms',
  'fraud',
  'money-laundering',
  'bribery-corruption',
  'organised-immigration-crime',
  'modern-slavery-human-trafficking',
  'cyber-crime',
  'environmental-crime',
  'other',
] as const;
export type CrimeArea = (typeof CRIME_AREAS)[number];

export const HARM_DIMENSIONS = ['physical', 'psychological', 'financial', 'community', 'environmental'] as const;
export type HarmDimension = (typeof HARM_DIMENSIONS)[number];

export const CONFIDENCES = ['low', 'medium', 'high'] as const;
export type Confidence = (typeof CONFIDENCES)[number];

export const TRENDS = ['increasing', 'stable', 'decreasing'] as const;
export type Trend = (typeof TRENDS)[number];

/** P1 is the highest priority. Index order: P1 = 0. */
export const BANDS = ['P1', 'P2', 'P3', 'P4'] as const;
export type Band = (typeof BANDS)[number];
/** True when `band` is as urgent as `threshold` or more (P1 >= P2). */
export const bandAtLeast = (band: Band, threshold: Band): boolean => BANDS.indexOf(band) <= BANDS.indexOf(threshold);

export const NATIONAL = 'national';
