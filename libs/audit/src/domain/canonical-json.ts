/**
 * Canonical JSON: the one serialisation the audit chain hashes, so an entry hashes the same whoever
 * wrote it and whichever engine stored it.
 *
 * Like JSON.stringify, with stable key order: object keys sorted by UTF-16 code units (as RFC 8785
 * does) at every depth, no whitespace. Values follow JSON.stringify's rules: `toJSON` is honoured
 * (Dates become ISO strings), undefined/functions/symbols are dropped from objects and become null
 * in arrays, non-finite numbers become null. So canonicalJson(JSON.parse(canonicalJson(x))) equals
 * canonicalJson(x): what is stored can be re-hashed after reading it back.
 */
export function canonicalJson(value: unknown): string {
  return write(value, new Set()) ?? 'null';
}

/**
 * Text that is already canonical JSON, embedded verbatim: canonicalJson({ a: new RawJson(canonicalJson(x)) })
 * equals canonicalJson({ a: x }), so a value serialised once (to be stored) is not serialised again
 * to be hashed.
 */
export class RawJson {
  constructor(readonly text: string) {}
}

function write(input: unknown, path: Set<object>): string | undefined {
  if (input instanceof RawJson) return input.text;
  let value = input;
  if (value !== null && typeof value === 'object' && typeof (value as { toJSON?: unknown }).toJSON === 'function') {
    value = (value as { toJSON: () => unknown }).toJSON();
  }
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? JSON.stringify(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      // JSON has no bigint; refusing is better than hashing a value that cannot be read back.
      throw new TypeError('canonicalJson: bigint values are not JSON');
    case 'object':
      break;
    default:
      return undefined; // undefined, function, symbol
  }
  if (value === null) return 'null';
  const obj = value as object;
  if (path.has(obj)) throw new TypeError('canonicalJson: circular structure');
  path.add(obj);
  try {
    if (Array.isArray(obj)) return `[${obj.map((v) => write(v, path) ?? 'null').join(',')}]`;
    const parts: string[] = [];
    for (const key of Object.keys(obj).sort()) {
      const v = write((obj as Record<string, unknown>)[key], path);
      if (v !== undefined) parts.push(`${JSON.stringify(key)}:${v}`);
    }
    return `{${parts.join(',')}}`;
  } finally {
    path.delete(obj);
  }
}
