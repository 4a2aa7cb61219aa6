import type { Response } from 'express';

/**
 * JSON text of `value` in pieces: large arrays are emitted element by element, everything else as a
 * whole. Same text as JSON.stringify (undefined-valued keys dropped, toJSON honoured by stringify).
 */
export function* jsonChunks(value: unknown): Generator<string> {
  if (Array.isArray(value)) {
    if (value.length < 64) {
      yield JSON.stringify(value);
      return;
    }
    yield '[';
    // Elements whole: one native JSON.stringify each is far faster than walking them piece by piece.
    for (let i = 0; i < value.length; i++) {
      const v = value[i];
      yield (i ? ',' : '') + (v === undefined || typeof v === 'function' ? 'null' : (JSON.stringify(v) ?? 'null'));
    }
    yield ']';
    return;
  }
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && typeof (value as { toJSON?: unknown }).toJSON !== 'function') {
    yield '{';
    let first = true;
    for (const [k, v] of Object.entries(value)) {
      if (v === undefined || typeof v === 'function') continue;
      yield `${first ? '' : ','}${JSON.stringify(k)}:`;
      first = false;
      yield* jsonChunks(v);
    }
    yield '}';
    return;
  }
  yield JSON.stringify(value) ?? 'null';
}

/**
 * Sends a large answer (a 10,000-threat upload is ~30 MB of JSON) without building the whole string and
 * its Buffer copy in memory at once: pieces are batched into ~64 KB writes that respect backpressure.
 */
export async function sendJsonStream(res: Response, status: number, value: unknown): Promise<void> {
  res.status(status).type('application/json');
  let batch = '';
  for (const piece of jsonChunks(value)) {
    batch += piece;
    if (batch.length >= 64 * 1024) {
      if (!res.write(batch)) await new Promise<void>((resolve) => res.once('drain', resolve));
      batch = '';
    }
  }
  res.end(batch);
}
