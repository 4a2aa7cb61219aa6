import { BadRequestError, UnsupportedMediaTypeError } from '@app/common';

export const ASSESSMENT_FORMATS = ['json', 'csv', 'xlsx'] as const;
export type AssessmentFormat = (typeof ASSESSMENT_FORMATS)[number];

const SUPPORTED = 'upload JSON, CSV (UTF-8) or XLSX';
const MAX_HEADER_LINE = 64 * 1024;

/** Signatures of files people upload by mistake, so the 415 can say what the file actually is. */
const KNOWN_BINARIES: Array<[string, number[]]> = [
  ['a PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['a JPEG image', [0xff, 0xd8, 0xff]],
  ['a GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['a PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['a legacy Excel (.xls) or other OLE2 document', [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]],
  ['a gzip archive', [0x1f, 0x8b]],
  ['a 7-Zip archive', [0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c]],
  ['a RAR archive', [0x52, 0x61, 0x72, 0x21]],
  ['a UTF-16 text file (save it as UTF-8)', [0xff, 0xfe]],
  ['a UTF-16 text file (save it as UTF-8)', [0xfe, 0xff]],
];

const ZIP_LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const UTF8_BOM = [0xef, 0xbb, 0xbf];

const startsWith = (buf: Uint8Array, sig: number[]): boolean => buf.length >= sig.length && sig.every((b, i) => buf[i] === b);

/** Decoded text of a UTF-8 upload without its byte-order mark. Throws 415 on invalid UTF-8. */
export function decodeUtf8Text(buffer: Uint8Array): string {
  const body = startsWith(buffer, UTF8_BOM) ? buffer.subarray(UTF8_BOM.length) : buffer;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    throw new UnsupportedMediaTypeError(`The file is neither XLSX nor UTF-8 text (JSON or CSV): ${SUPPORTED}`);
  }
}

/**
 * Decides the format from the bytes alone. Extensions and client-sent MIME types are not trusted: browsers
 * send `application/vnd.ms-excel` for CSV and `application/octet-stream` for anything, and a renamed file
 * must still get the right answer.
 */
export function detectFormat(buffer: Uint8Array): AssessmentFormat {
  if (buffer.length === 0) throw new BadRequestError('The file is empty');
  if (startsWith(buffer, ZIP_LOCAL_HEADER)) return 'xlsx';
  for (const [what, sig] of KNOWN_BINARIES) {
    if (startsWith(buffer, sig)) throw new UnsupportedMediaTypeError(`The file is ${what}, not an assessment: ${SUPPORTED}`);
  }
  if (buffer.includes(0)) throw new UnsupportedMediaTypeError(`The file is binary (it contains NUL bytes): ${SUPPORTED}`);

  const text = decodeUtf8Text(buffer);
  // Tab, LF, VT, FF and CR are the only control characters real text files carry.
  if (/[\u0001-\u0008\u000E-\u001F\u007F]/.test(text)) {
    throw new UnsupportedMediaTypeError(`The file is binary (it contains control characters): ${SUPPORTED}`);
  }
  const first = text.search(/\S/);
  if (first < 0) throw new BadRequestError('The file is empty');
  if (text[first] === '{' || text[first] === '[') return 'json';

  const headerEnd = text.slice(first).search(/\r?\n|\r/);
  const headerLength = headerEnd < 0 ? text.length - first : headerEnd;
  if (headerLength > MAX_HEADER_LINE) {
    throw new UnsupportedMediaTypeError(`The file is not CSV: its first line is over ${MAX_HEADER_LINE} characters long. ${SUPPORTED}`);
  }
  return 'csv';
}
