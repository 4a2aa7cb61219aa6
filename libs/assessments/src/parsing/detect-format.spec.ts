import { BadRequestError, UnsupportedMediaTypeError } from '@app/common';
import { detectFormat } from './detect-format';

const bytes = (...b: number[]) => Buffer.from(b);
const caught = (fn: () => unknown): unknown => {
  try {
    fn();
  } catch (err) {
    return err;
  }
  throw new Error('expected a throw');
};

describe('detectFormat', () => {
  it.each([
    ['a zip (XLSX)', Buffer.concat([bytes(0x50, 0x4b, 0x03, 0x04), Buffer.alloc(40)]), 'xlsx'],
    ['a JSON object', Buffer.from('{"threats": []}'), 'json'],
    ['a JSON list after whitespace', Buffer.from('\n\t  [ ]'), 'json'],
    ['JSON behind a UTF-8 BOM', Buffer.from('\uFEFF{"threats":[]}'), 'json'],
    ['CSV', Buffer.from('ref,title\nT-1,Something\n'), 'csv'],
    ['CSV behind a UTF-8 BOM with accents and £', Buffer.from('\uFEFFref,title\r\nT-1,Café losses £5\r\n'), 'csv'],
    ['a header-only CSV', Buffer.from('ref,title'), 'csv'],
  ])('recognises %s by content', (_what, input, expected) => {
    expect(detectFormat(input)).toBe(expected);
  });

  it.each([
    ['0 bytes', Buffer.alloc(0)],
    ['whitespace only', Buffer.from('  \r\n\t \n')],
    ['a BOM and nothing else', Buffer.from('\uFEFF')],
  ])('answers 400 "file is empty" for %s', (_what, input) => {
    const err = caught(() => detectFormat(input));
    expect(err).toBeInstanceOf(BadRequestError);
    expect((err as BadRequestError).status).toBe(400);
    expect((err as Error).message).toMatch(/file is empty/);
  });

  const png = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52);
  it.each([
    ['a PNG', png, /PNG image/],
    ['a PDF', Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj', 'latin1'), /PDF document/],
    ['a legacy .xls', bytes(0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0), /legacy Excel/],
    ['UTF-16 text', Buffer.from('\uFEFFref,title', 'utf16le'), /UTF-16/],
    ['binary with NUL bytes', bytes(0x01, 0x02, 0x00, 0x41, 0x42), /binary/],
    ['invalid UTF-8', bytes(0x72, 0x65, 0x66, 0x2c, 0xc3, 0x28, 0x0a), /neither XLSX nor UTF-8/],
    ['text with control characters', Buffer.from('ref,title\n\u0001\u0002\u0003'), /control characters/],
  ])('answers 415 for %s, saying what is supported', (_what, input, message) => {
    const err = caught(() => detectFormat(input));
    expect(err).toBeInstanceOf(UnsupportedMediaTypeError);
    expect((err as UnsupportedMediaTypeError).status).toBe(415);
    expect((err as Error).message).toMatch(message);
    expect((err as Error).message).toMatch(/JSON, CSV \(UTF-8\) or XLSX/);
  });
});
