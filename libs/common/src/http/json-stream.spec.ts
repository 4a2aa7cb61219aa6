import * as fc from 'fast-check';
import { jsonChunks } from './json-stream';

describe('jsonChunks', () => {
  it('produces exactly JSON.stringify output for any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        expect([...jsonChunks(v)].join('')).toBe(JSON.stringify(v));
      }),
      { numRuns: 500 },
    );
  });

  it('streams large arrays element by element', () => {
    const big = { items: Array.from({ length: 1000 }, (_, i) => ({ i, s: 'x', u: undefined })) };
    const pieces = [...jsonChunks(big)];
    expect(pieces.length).toBeGreaterThan(1000);
    expect(pieces.join('')).toBe(JSON.stringify(big));
  });
});
