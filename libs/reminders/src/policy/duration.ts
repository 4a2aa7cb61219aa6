/**
 * Durations in the reminder policy. PRODUCT.md asks that every duration can be given in seconds so
 * tests run fast, so a bare number means seconds; strings carry units for readable production
 * values ("7d", "1d12h"). Everything inside the library works in milliseconds.
 */
export type Duration = number | string;

const UNIT_MS = { d: 86_400_000, h: 3_600_000, m: 60_000, s: 1_000 } as const;
type Unit = keyof typeof UNIT_MS;
// Units must appear largest first and at most once: "1d12h" is fine, "12h1d" or "1h1h" are
// almost certainly typos, and refusing them keeps a policy file unambiguous to its readers.
const UNIT_ORDER: readonly Unit[] = ['d', 'h', 'm', 's'];
const PART = /(\d+)([dhms])/gy;

export class DurationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DurationError';
  }
}

/**
 * Parses a duration to milliseconds.
 * - number: seconds (fractions allowed, e.g. 0.5), must be finite and >= 0;
 * - string: one or more `<integer><unit>` parts, unit d|h|m|s, largest unit first, e.g. "30s",
 *   "15m", "12h", "7d", "1d12h".
 * Throws DurationError with the offending value in the message.
 */
export function parseDuration(value: unknown): number {
  if (typeof value === 'number') {
    if (!Number.isFinite(value) || value < 0) {
      throw new DurationError(`invalid duration ${String(value)}: a number of seconds must be finite and >= 0`);
    }
    return Math.round(value * 1000);
  }
  if (typeof value !== 'string') {
    throw new DurationError(
      `invalid duration ${describe(value)}: expected a number of seconds or a string like "30s", "15m", "12h", "7d", "1d12h"`,
    );
  }
  const text = value.trim();
  if (text === '') throw new DurationError('invalid duration "": empty string');
  if (/^\d+(\.\d+)?$/.test(text)) {
    // A quoted number is ambiguous (seconds? days?); make the author say which.
    throw new DurationError(`invalid duration "${value}": missing unit (write "${text}s", or a JSON number for seconds)`);
  }

  let total = 0;
  let lastUnitIndex = -1;
  let consumed = 0;
  PART.lastIndex = 0;
  for (let match = PART.exec(text); match !== null; match = PART.exec(text)) {
    const unit = match[2] as Unit;
    const unitIndex = UNIT_ORDER.indexOf(unit);
    if (unitIndex <= lastUnitIndex) {
      throw new DurationError(`invalid duration "${value}": units must appear once each, largest first (d, h, m, s)`);
    }
    lastUnitIndex = unitIndex;
    total += Number(match[1]) * UNIT_MS[unit];
    consumed = PART.lastIndex;
  }
  if (consumed !== text.length) {
    throw new DurationError(
      `invalid duration "${value}": expected parts like "30s", "15m", "12h", "7d" or "1d12h" (units d, h, m, s)`,
    );
  }
  if (!Number.isSafeInteger(total)) throw new DurationError(`invalid duration "${value}": too large`);
  return total;
}

function describe(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  return typeof value === 'object' ? 'an object' : `${String(value)} (${typeof value})`;
}
