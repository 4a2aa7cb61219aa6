import { exceedsJsonDepth } from './json-depth';

describe('exceedsJsonDepth', () => {
  const nested = (n: number) => JSON.parse('['.repeat(n) + ']'.repeat(n));
  it('accepts ordinary documents', () => {
    expect(exceedsJsonDepth({ threats: [{ harm: { physical: 1 }, recommendedActions: [{ strand: 'pursue' }] }] })).toBe(false);
    expect(exceedsJsonDepth(nested(32))).toBe(false);
    expect(exceedsJsonDepth('text')).toBe(false);
  });
  it('rejects hostile nesting without overflowing the stack', () => {
    expect(exceedsJsonDepth(nested(33))).toBe(true);
    expect(exceedsJsonDepth(nested(100_000))).toBe(true);
  });
});
