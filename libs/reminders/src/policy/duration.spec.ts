import { describe, expect, it } from '@jest/globals';
import { DurationError, parseDuration } from './duration';

describe('parseDuration', () => {
  it('reads a number as seconds', () => {
    expect(parseDuration(30)).toBe(30_000);
    expect(parseDuration(0)).toBe(0);
    expect(parseDuration(0.5)).toBe(500);
  });

  it('reads unit strings', () => {
    expect(parseDuration('30s')).toBe(30_000);
    expect(parseDuration('15m')).toBe(900_000);
    expect(parseDuration('12h')).toBe(43_200_000);
    expect(parseDuration('7d')).toBe(604_800_000);
    expect(parseDuration('1d12h')).toBe(129_600_000);
    expect(parseDuration('1d2h3m4s')).toBe(86_400_000 + 7_200_000 + 180_000 + 4_000);
    expect(parseDuration(' 2h ')).toBe(7_200_000);
  });

  it.each([
    ['', /empty/],
    ['30', /missing unit/],
    ['1.5h', /expected parts/],
    ['7 d', /expected parts/],
    ['7D', /expected parts/],
    ['1w', /expected parts/],
    ['12h1d', /largest first/],
    ['1h1h', /largest first/],
    ['-5s', /expected parts/],
    ['5s!', /expected parts/],
  ])('rejects %j', (input, message) => {
    expect(() => parseDuration(input)).toThrow(DurationError);
    expect(() => parseDuration(input)).toThrow(message);
  });

  it.each([[-1], [Number.NaN], [Number.POSITIVE_INFINITY], [null], [undefined], [true], [{}], [['7d']]])(
    'rejects %p with a clear message',
    (input) => {
      expect(() => parseDuration(input)).toThrow(/invalid duration/);
    },
  );

  it('names the bad value in the message', () => {
    expect(() => parseDuration('3x')).toThrow('"3x"');
  });
});
